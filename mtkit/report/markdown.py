"""GitHub-flavored Markdown, for pull-request comments and job summaries ($GITHUB_STEP_SUMMARY):
a summary table, then one table row per flag."""
from __future__ import annotations

import re
from typing import Optional, TextIO

from mtkit.model import AuditResult, SEVERITIES
from mtkit.report import writer

# Characters that would end a cell, start markup or inject HTML; each is shown literally.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


def cell(text: str) -> str:
    """One table cell: Markdown and HTML specials backslash-escaped, line breaks as <br>."""
    text = _SPECIAL.sub(r"\\\1", text.strip())
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


@writer("md", AuditResult)
def audit_markdown(result: AuditResult, stream: TextIO, *, title: Optional[str] = None, **_options) -> None:
    summary = result.summary()
    stream.write(f"## {cell(title or 'mtkit audit')}\n\n")
    stream.write(f"{summary['flagged_segments']} of {summary['segments']} segments flagged "
                 f"({summary['src_words']} English words).\n\n")
    stream.write(_row(["severity", "flags"]) + _row(["---", "---:"]))
    for sev in SEVERITIES:
        stream.write(_row([sev, str(summary["by_severity"][sev])]))
    if summary["by_category"]:
        stream.write("\n" + _row(["category", "flags"]) + _row(["---", "---:"]))
        for category, count in summary["by_category"].items():
            stream.write(_row([cell(category), str(count)]))
    if not result.flags:
        stream.write("\nNo flags.\n")
        return
    stream.write("\n" + _row(["segment", "severity", "category", "check", "English", "Arabic",
                               "message", "suggestion"]) + _row(["---"] * 8))
    for seg in result.segments:
        for flag in seg.flags:
            stream.write(_row([cell(seg.segment.id), cell(flag.severity), cell(flag.category),
                               cell(flag.check),
                               cell(flag.src_text), cell(flag.tgt_text), cell(flag.message),
                               cell(flag.suggestion)]))
    for skipped in result.skipped:
        stream.write(f"\nskipped: {cell(skipped)}\n")
