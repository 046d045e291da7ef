"""TMX through translate-toolkit: one segment per ``<tu>`` that has an English and an Arabic
``<tuv>`` (any regional variant: en-US, ar-SA), its id the ``tuid`` (else its 1-based position)."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.inline import flatten_element
from mtkit.io.toolkit import count_untranslated, parse
from mtkit.model import Segment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load(path: str) -> Any:
    return parse(path, "TMX", "translate.storage.tmx.tmxfile")


def _lang(tuv) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()


def _seg(unit, lang: str) -> Optional[Any]:
    for tuv in unit.getlanguageNodes():
        if _lang(tuv).split("-")[0].split("_")[0] == lang:
            return tuv.find(unit.namespaced("seg"))
    return None


def units(store, path: str = "", *, untranslated: Optional[Counter[str]] = None) -> Iterator[tuple[Any, Segment]]:
    """(toolkit unit, segment) for every ``<tu>`` with English and Arabic text; one with English
    and no Arabic text is counted in ``untranslated[path]``."""
    found: set[str] = set()
    paired = 0
    for index, unit in enumerate(store.units, start=1):
        found.update(_lang(tuv) for tuv in unit.getlanguageNodes())
        src_seg, tgt_seg = _seg(unit, "en"), _seg(unit, "ar")
        if src_seg is None:
            continue
        src, src_codes = flatten_element(src_seg)
        tgt, tgt_codes = flatten_element(tgt_seg) if tgt_seg is not None else ("", ())
        if tgt_seg is None or not tgt:
            if src:
                count_untranslated(untranslated, path)
            continue
        paired += 1
        yield unit, Segment(id=unit.xmlelement.get("tuid") or str(index), src=src, tgt=tgt,
                            line=tgt_seg.sourceline, src_codes=src_codes, tgt_codes=tgt_codes)
    if not paired and store.units:
        raise InputError(f"TMX: no unit has both an English and an Arabic <tuv> "
                         f"(languages found: {', '.join(sorted(found - {''})) or 'none'})", path)
