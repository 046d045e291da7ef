"""The Markdown audit report: tables whose cells survive pipes, newlines and markup."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mtkit.cli import main
from mtkit.model import AuditResult, Segment, SegmentResult
from mtkit.report import write
from mtkit.report.markdown import cell

DATA = Path(__file__).parent / "data" / "report"
AUDIT = ["audit", "--pairs", str(DATA / "pairs.jsonl"), "--checks", "idiom,number", "--quiet", "--jobs", "1"]
HEADER = ["segment", "severity", "category", "check", "English", "Arabic", "message", "suggestion"]


def load(name: str) -> AuditResult:
    return AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))


def render(result: AuditResult, **options) -> str:
    stream = io.StringIO()
    write(result, "md", stream, **options)
    return stream.getvalue()


def split_row(line: str) -> list[str]:
    """Cells of a GFM table row: split on pipes that are not backslash-escaped."""
    assert line.startswith("| ") and line.endswith(" |"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[2:-2])]


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace("<br>", "\n"))


def flag_rows(markdown: str) -> list[list[str]]:
    lines = markdown.splitlines()
    start = lines.index("| " + " | ".join(HEADER) + " |")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(split_row(line))
    return rows


def test_summary_and_flag_tables():
    result = load("sample")
    md = render(result, title="PR 12")
    assert md.startswith("## PR 12\n")
    summary = result.summary()
    for sev, count in summary["by_severity"].items():
        assert f"| {sev} | {count} |" in md
    for category, count in summary["by_category"].items():
        assert f"| {category} | {count} |" in md
    rows = flag_rows(md)
    assert len(rows) == len(result.flags)
    expected = [[s.segment.id, f.severity, f.category, f.check, f.src_text, f.tgt_text, f.message, f.suggestion]
                for s in result.segments for f in s.flags]
    assert [[unescape(c) for c in row] for row in rows] == expected


def test_hostile_cells_round_trip_and_stay_in_the_table():
    result = load("hostile")
    md = render(result)
    rows = flag_rows(md)
    assert all(len(row) == len(HEADER) for row in rows)
    flags = result.flags
    assert [unescape(r[6]) for r in rows] == [f.message.replace("\r", "\n") for f in flags]
    assert unescape(rows[0][4]) == flags[0].src_text
    # no raw HTML tag survives except the line breaks we put in
    assert not re.search(r"(?<!\\)<(?!br>)", md)
    assert "\\|" in md and "<br>" in md


def test_cell_escaping():
    assert cell("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    assert cell("<img src=x>") == "\\<img src=x\\>"
    assert cell("**bold** _x_ `code` [l](u) &amp;") == "\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\[l\\](u) \\&amp;"


def test_no_flags():
    md = render(AuditResult([SegmentResult(Segment("0", "Hi.", "مرحبا."))]))
    assert "No flags." in md and "| segment |" not in md


def test_cli_and_subprocess(tmp_path):
    out = tmp_path / "audit.md"
    run = CliRunner().invoke(main, AUDIT + ["--format", "md", "-o", str(out)])
    assert run.exit_code == 0, run.output
    data = json.loads(CliRunner().invoke(main, AUDIT + ["--format", "json"]).output)
    rows = flag_rows(out.read_text(encoding="utf-8"))
    assert [unescape(r[0]) for r in rows] == [s["id"] for s in data["segments"] for _ in s["flags"]]
    proc = subprocess.run([sys.executable, "-m", "mtkit", *AUDIT, "--format", "md"],
                          capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == out.read_text(encoding="utf-8")
