"""XLIFF 1.2 and 2.0 through translate-toolkit: one segment per translated unit (per ``<segment>``
in 2.0), its id the file's own (``trans-unit``/``unit`` id), inline tags kept out of the text."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator, Optional

from mtkit.io.inline import flatten_element
from mtkit.io.inputs import open_input
from mtkit.io.toolkit import count_untranslated, parse
from mtkit.model import Segment

NS_20 = "urn:oasis:names:tc:xliff:document:2.0"


def version_of(head: bytes) -> str:
    """'2.0' or '1.2' from the start of the file (2.x declares its own namespace)."""
    return "2.0" if b"urn:oasis:names:tc:xliff:document:2." in head or b'version="2.' in head else "1.2"


def load(path: str) -> Any:
    """The translate-toolkit store of an XLIFF file; a malformed one is an InputError naming it."""
    with open_input(path) as stream:
        data = stream.read()
    ver = version_of(data[:4096])
    storage = "translate.storage.xliff2.Xliff2File" if ver == "2.0" else "translate.storage.xliff.xlifffile"
    return parse(path, f"XLIFF {ver}", storage, data)


def _id(unit, is_20: bool) -> str:
    if is_20:
        segments = unit.getunitelement().findall(f"{{{NS_20}}}segment")
        unit_id = unit.getunitelement().get("id") or ""
        return unit_id if len(segments) <= 1 else str(unit.getid())
    return unit.xmlelement.get("id") or str(unit.getid())


def units(store, path: str = "", *, untranslated: Optional[Counter[str]] = None) -> Iterator[tuple[Any, Segment]]:
    """(toolkit unit, segment) for every unit with a non-empty target, in file order; a translatable
    unit with none is passed over, counted in ``untranslated[path]``."""
    is_20 = type(store).__name__ == "Xliff2File"
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        nodes = unit.getlanguageNodes()
        tgt, tgt_codes = flatten_element(nodes[1]) if len(nodes) >= 2 and nodes[1] is not None else ("", ())
        if not tgt:
            count_untranslated(untranslated, path)
            continue
        src, src_codes = flatten_element(nodes[0])
        yield unit, Segment(id=_id(unit, is_20), src=src, tgt=tgt, line=nodes[1].sourceline,
                            src_codes=src_codes, tgt_codes=tgt_codes)
