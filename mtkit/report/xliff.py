"""``-f xliff``: an audited XLIFF file given back with each flag as a ``<note>`` on its unit and the
unit marked for review (1.2: target ``state="needs-review-translation"``; 2.0: segment
``subState="mtkit:needs-review"``, a final or reviewed state back to translated), so the
translator sees the flags in the CAT tool. Unflagged units are written byte for byte as read."""
from __future__ import annotations

from typing import TextIO

from mtkit.io import xliff
from mtkit.model import AuditResult, Flag
from mtkit.report import writer
from mtkit.report.writeback import PRIORITY, insert_indented, mark_all, note_text, serialize_xml


def _mark_12(unit, flags: list[Flag]) -> None:
    from lxml import etree  # type: ignore[import-untyped]
    element = unit.xmlelement
    # notes go after the target (and any context or count groups), before alternative translations
    alt = next((i for i, child in enumerate(element) if isinstance(child.tag, str)
                and child.tag.rsplit("}", 1)[-1] == "alt-trans"), len(element))
    for k, flag in enumerate(flags):
        note = etree.Element(unit.namespaced("note"), {"from": "mtkit", "priority": PRIORITY[flag.severity]})
        note.text = note_text(flag)
        insert_indented(element, alt + k, note)
    target = unit.getlanguageNodes()[1]
    target.set("state", "needs-review-translation")


def _mark_20(unit, flags: list[Flag]) -> None:
    from lxml import etree  # type: ignore[import-untyped]
    element = unit.getunitelement()
    notes = element.find(f"{{{xliff.NS_20}}}notes")
    if notes is None:   # <notes> comes before <originalData> and the segments
        notes = etree.Element(f"{{{xliff.NS_20}}}notes")
        first = next((i for i, child in enumerate(element) if isinstance(child.tag, str)
                      and child.tag.rsplit("}", 1)[-1] in ("originalData", "segment", "ignorable")), len(element))
        insert_indented(element, first, notes)
    for flag in flags:
        note = etree.Element(f"{{{xliff.NS_20}}}note", category="mtkit", priority=PRIORITY[flag.severity])
        note.text = note_text(flag)
        if len(notes) == 0:
            notes.text = (notes.tail or "\n") + "  "
            note.tail = notes.tail
            notes.append(note)
        else:
            insert_indented(notes, len(notes), note)
    segment = unit.xmlelement
    if segment.get("state") in (None, "reviewed", "final"):
        segment.set("state", "translated")
    segment.set("subState", "mtkit:needs-review")


def _mark(unit, flags: list[Flag]) -> None:
    (_mark_20 if type(unit).__name__ == "Xliff2Unit" else _mark_12)(unit, flags)


@writer("xliff", AuditResult)
def audit_xliff(result: AuditResult, stream: TextIO, **_options) -> None:
    store, path = mark_all(result, xliff.load, xliff.units, "xliff", "XLIFF", _mark)
    stream.write(serialize_xml(store, path))
