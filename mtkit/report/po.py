"""``-f po``: an audited PO file given back with each flag as a translator comment (``# mtkit …``)
on its entry and the entry marked ``#, fuzzy``, so gettext tools and CAT tools ask for a review.
Serialized by translate-toolkit, which wraps lines as gettext does."""
from __future__ import annotations

from typing import TextIO

from mtkit.io import po
from mtkit.model import AuditResult, Flag
from mtkit.report import writer
from mtkit.report.writeback import mark_all, note_text


def _mark(unit, flags: list[Flag]) -> None:
    for flag in flags:
        unit.addnote(note_text(flag), origin="translator")
    unit.markfuzzy(True)


@writer("po", AuditResult)
def audit_po(result: AuditResult, stream: TextIO, **_options) -> None:
    store, _path = mark_all(result, po.load, po.units, "po", "gettext PO", _mark)
    stream.write(bytes(store).decode("utf-8"))
