"""``-f tmx``: an audited TMX file given back with each flag as a ``<note>`` on its ``<tu>`` and a
``<prop type="x-mtkit-state">needs-review</prop>``; unflagged units written byte for byte as read."""
from __future__ import annotations

from typing import TextIO

from mtkit.io import tmx
from mtkit.model import AuditResult, Flag
from mtkit.report import writer
from mtkit.report.writeback import insert_indented, mark_all, note_text, serialize_xml


def _mark(unit, flags: list[Flag]) -> None:
    """The DTD's order inside <tu>: notes, props, tuvs; the new ones go after the existing ones."""
    from lxml import etree  # type: ignore[import-untyped]
    element = unit.xmlelement
    first_tuv = next(i for i, child in enumerate(element) if child.tag == "tuv")
    for flag in flags:
        note = etree.Element("note")
        note.text = note_text(flag)
        last_note = max((i for i, child in enumerate(element) if child.tag == "note"), default=-1)
        insert_indented(element, last_note + 1, note)
    prop = etree.Element("prop", type="x-mtkit-state")
    prop.text = "needs-review"
    first_tuv = next(i for i, child in enumerate(element) if child.tag == "tuv")
    insert_indented(element, first_tuv, prop)


@writer("tmx", AuditResult)
def audit_tmx(result: AuditResult, stream: TextIO, **_options) -> None:
    store, path = mark_all(result, tmx.load, lambda store: tmx.units(store, result.src_path or ""),
                           "tmx", "TMX", _mark)
    stream.write(serialize_xml(store, path))
