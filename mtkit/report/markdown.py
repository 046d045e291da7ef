"""GitHub-flavored Markdown, for pull-request comments and job summaries ($GITHUB_STEP_SUMMARY):
a summary table, then one table row per flag."""
from __future__ import annotations

from typing import Optional, TextIO

from mtkit.model import AuditResult, SEVERITIES
from mtkit.report import writer
from mtkit.report.escape import markdown as cell


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
    if result.flags:
        _flag_table(result, stream)
    else:
        stream.write("\nNo flags.\n")
    write_skipped(result.skipped, stream)


def _flag_table(result: AuditResult, stream: TextIO) -> None:
    stream.write("\n" + _row(["segment", "severity", "category", "check", "English", "Arabic",
                               "message", "suggestion"]) + _row(["---"] * 8))
    for seg in result.segments:
        for flag in seg.flags:
            stream.write(_row([cell(seg.segment.id), cell(flag.severity), cell(flag.category),
                               cell(flag.check),
                               cell(flag.src_text), cell(flag.tgt_text), cell(flag.message),
                               cell(flag.suggestion)]))


def write_skipped(skipped: list[str], stream: TextIO) -> None:
    """Input lines passed over by --skip-bad, as a list after the tables."""
    if skipped:
        stream.write(f"\n{len(skipped)} input line{'s' if len(skipped) != 1 else ''} skipped (--skip-bad):\n\n")
        for line in skipped:
            stream.write(f"- {cell(line)}\n")
