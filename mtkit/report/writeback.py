"""Shared by the writers that give a CAT file back (``-f xliff|tmx|po``): the input read again with
its own reader, each flagged unit found, the flags put as notes on it, and the file serialized
with everything else as it was."""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from mtkit.errors import InputError
from mtkit.io.inputs import open_input
from mtkit.model import AuditResult, Flag, Segment
from mtkit.report.github import flag_text

# XLIFF/TMX note priority (1 = highest)
PRIORITY = {"critical": "1", "major": "3", "minor": "6"}


def note_text(flag: Flag) -> str:
    """One flag as a note a translator reads in the CAT tool."""
    return flag_text(flag, f"mtkit [{flag.severity}] {flag.category} ({flag.check}): {flag.message}")


def source_file(result: AuditResult, fmt: str, name: str) -> str:
    """The pairs file the audit read, which must be of this format."""
    from mtkit.io.formats import label, sniff
    path = result.src_path
    if not path or path != result.tgt_path:
        raise InputError(f"-f {fmt} writes an audited {name} file back: audit it with --pairs FILE")
    found = sniff(path)
    if found != fmt:
        raise InputError(f"-f {fmt} needs a {name} input, found {label(found, path)}", path)
    return path


def flagged_units(result: AuditResult, units: Iterator[tuple[Any, Segment]], path: str
                  ) -> Iterator[tuple[Any, list[Flag]]]:
    """(unit, flags) of each unit with flags; the audit and the file must list the same units."""
    segments = iter(result.segments)
    for unit, segment in units:
        audited = next(segments, None)
        if audited is None or audited.segment.id != segment.id:
            raise InputError("the file changed since it was audited (units differ)", path)
        if audited.active_flags:      # a flag a reviewer waived is no news for the translator
            yield unit, audited.active_flags


def serialize_xml(store: Any, path: str) -> str:
    """The document as the file had it: the original prolog (XML declaration, doctype, comments)
    and ending, and lxml's serialization of the root, which leaves untouched elements as read."""
    from lxml import etree  # type: ignore[import-untyped]
    with open_input(path) as stream:
        data = stream.read().decode("utf-8-sig")
    body = etree.tostring(store.document.getroot(), encoding="unicode", with_tail=False)
    start = re.search(r"<(?![?!])", data)
    if start is None:
        return body
    # the root's start tag as written (toolkit may reorder its attributes on reading)
    root_tag = re.compile(r"<[^<>]*>").match(data, start.start())
    if root_tag and not root_tag.group().endswith("/>"):
        body = root_tag.group() + body[body.index(">") + 1:]
    return data[:start.start()] + body + data[len(data.rstrip()):]


def insert_indented(parent: Any, index: int, element: Any) -> None:
    """Insert a child so that it sits on its own line, indented like its siblings."""
    children = [c for c in parent]
    if not children:
        parent.append(element)
        return
    if index >= len(children):
        last = children[-1]
        sibling_space = children[-2].tail if len(children) > 1 else parent.text
        element.tail, last.tail = last.tail, sibling_space
        parent.append(element)
        return
    before = parent.text if index == 0 else children[index - 1].tail
    element.tail = before
    parent.insert(index, element)


def mark_all(result: AuditResult, load: Callable[[str], Any], units: Callable, fmt: str, name: str,
             mark: Callable[[Any, list[Flag]], None]) -> tuple[Any, str]:
    path = source_file(result, fmt, name)
    store = load(path)
    for unit, flags in flagged_units(result, units(store), path):
        mark(unit, flags)
    return store, path
