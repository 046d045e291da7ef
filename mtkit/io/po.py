"""gettext PO through translate-toolkit: one segment per translated entry (the header, obsolete
and untranslated entries are skipped), its id the ``msgctxt`` or else the ``msgid``."""
from __future__ import annotations

from typing import Any, Iterator

from mtkit.io.inline import tidy
from mtkit.io.toolkit import parse
from mtkit.model import Segment


def load(path: str) -> Any:
    return parse(path, "gettext PO", "translate.storage.pypo.pofile")


def _first(text) -> str:
    """A plural entry is checked on its first (singular) forms."""
    strings = getattr(text, "strings", None)
    return str(strings[0]) if strings else str(text or "")


def units(store) -> Iterator[tuple[Any, Segment]]:
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        src, tgt = tidy(_first(unit.source)), tidy(_first(unit.target))
        if not tgt:
            continue
        context = unit.getcontext()
        yield unit, Segment(id=context or _first(unit.source), src=src, tgt=tgt)


def read(path: str) -> Iterator[Segment]:
    for _unit, segment in units(load(path)):
        yield segment
