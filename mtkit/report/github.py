"""GitHub Actions workflow commands: one annotation per flag on the Arabic file
(``::error`` for critical, ``::warning`` for major, ``::notice`` for minor).

The line is ``segment.line`` when the reader knew it; otherwise the segment's first Arabic unit + 1,
which is the file's line when the input had one unit per line (``--presegmented`` or pairs), and
otherwise only an approximation; 1 when nothing is known."""
from __future__ import annotations

from typing import TextIO

from mtkit.model import AuditResult, Flag, Segment
from mtkit.report import writer

LEVELS = {"critical": "error", "major": "warning", "minor": "notice"}


def escape_data(text: str) -> str:
    """The message part, as GitHub's toolkit escapes it (core/command.ts)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title…): also ':' and ',' which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def quote(flag: Flag) -> str:
    """The flagged words, each side only when present: EN «…» → AR «…»."""
    sides = [f"{lang} «{text}»" for lang, text in (("EN", flag.src_text), ("AR", flag.tgt_text)) if text]
    return " → ".join(sides)


def line_of(segment: Segment) -> int:
    if segment.line:
        return segment.line
    return segment.tgt_units[0] + 1 if segment.tgt_units else 1


def command(flag: Flag, segment: Segment, path: str | None) -> str:
    props = {}
    if path:
        props["file"] = path
        props["line"] = str(line_of(segment))
    props["title"] = f"mtkit {flag.category}/{flag.check}"
    message = flag.message
    if flag.src_text or flag.tgt_text:
        message += f" ({quote(flag)})"
    if flag.suggestion:
        message += f" Suggestion: «{flag.suggestion}»"
    level = LEVELS.get(flag.severity, "notice")
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{level} {rendered}::{escape_data(message)}\n"


@writer("github", AuditResult)
def audit_github(result: AuditResult, stream: TextIO, **_options) -> None:
    for seg in result.segments:
        for flag in seg.flags:
            stream.write(command(flag, seg.segment, result.tgt_path))
