"""GitHub Actions workflow commands: one annotation per flag on the Arabic file
(``::error`` for critical, ``::warning`` for major, ``::notice`` for minor).

The line is ``segment.line`` when the reader knew it; otherwise the segment's first Arabic unit + 1,
which is the file's line when the input had one unit per line (``--presegmented`` or pairs), and
otherwise only an approximation; 1 when nothing is known."""
from __future__ import annotations

from typing import TextIO

from mtkit.model import AuditResult, Flag, Segment
from mtkit.report import writer
from mtkit.report.escape import workflow_command
from mtkit.report.escape import workflow_data as escape_data  # noqa: F401  (kept for callers)
from mtkit.report.escape import workflow_property as escape_property  # noqa: F401

LEVELS = {"critical": "error", "major": "warning", "minor": "notice"}


def quote(flag: Flag) -> str:
    """The flagged words, each side only when present: EN «…» → AR «…»."""
    sides = [f"{lang} «{text}»" for lang, text in (("EN", flag.src_text), ("AR", flag.tgt_text)) if text]
    return " → ".join(sides)


def flag_text(flag: Flag, head: str, sep: str = " ") -> str:
    """A flag as plain text for a reviewer (a CAT note, a JUnit failure): ``head``, then the flagged
    words and the suggestion, each after ``sep``."""
    parts = [head]
    if flag.src_text or flag.tgt_text:
        parts.append(quote(flag))
    if flag.suggestion:
        parts.append(f"Suggestion: {flag.suggestion}")
    return sep.join(parts)


def line_of(segment: Segment) -> int:
    if segment.line:
        return segment.line
    return segment.tgt_units[0] + 1 if segment.tgt_units else 1


def command(flag: Flag, segment: Segment, path: str | None) -> str:
    message = flag.message
    if flag.src_text or flag.tgt_text:
        message += f" ({quote(flag)})"
    if flag.suggestion:
        message += f" Suggestion: «{flag.suggestion}»"
    return workflow_command(LEVELS.get(flag.severity, "notice"), message, file=path,
                            line=line_of(segment) if path else None,
                            title=f"mtkit {flag.category}/{flag.check}")


def skipped_commands(skipped: list[str]) -> str:
    """A warning for each input line passed over by --skip-bad."""
    return "".join(workflow_command("warning", line, title="mtkit skipped an input line")
                   for line in skipped)


@writer("github", AuditResult)
def audit_github(result: AuditResult, stream: TextIO, **_options) -> None:
    for seg in result.segments:
        for flag in seg.flags:
            stream.write(command(flag, seg.segment, result.tgt_path))
    stream.write(skipped_commands(result.skipped))
