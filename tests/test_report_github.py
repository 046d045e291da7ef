"""GitHub Actions annotations: one workflow command per flag, escaped as GitHub documents."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mtkit.cli import main
from mtkit.model import AuditResult, Flag, Segment, SegmentResult, Span
from mtkit.report import write
from mtkit.report.github import escape_data, escape_property, line_of

DATA = Path(__file__).parent / "data" / "report"
AUDIT = ["audit", "--pairs", str(DATA / "pairs.jsonl"), "--checks", "idiom,number", "--quiet", "--jobs", "1"]
COMMAND = re.compile(r"^::(error|warning|notice) ((?:[a-z]+=[^,:]*,?)*)::(.*)$")


def load(name: str) -> AuditResult:
    return AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))


def render(result: AuditResult) -> list[str]:
    stream = io.StringIO()
    write(result, "github", stream)
    return stream.getvalue().splitlines()


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict, str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(p.split("=", 1) for p in match.group(2).split(",") if p)
    return match.group(1), {k: unescape(v) for k, v in props.items()}, unescape(match.group(3))


def test_one_command_per_flag():
    result = load("sample")
    result.tgt_path = "news/a,b:c.ar.txt"
    lines = render(result)
    assert len(lines) == len(result.flags)
    assert lines[0] == ("::warning file=news/a%2Cb%3Ac.ar.txt,line=1,title=mtkit idiom/idiom.literal::"
                        "The idiom 'hand over fist' (earning a lot, fast) was translated word for word. "
                        "(EN «hand over fist» → AR «قبضة اليد») Suggestion: «يجني أموالًا طائلة»")
    levels = [parse(line)[0] for line in lines]
    assert levels == [{"critical": "error", "major": "warning", "minor": "notice"}[f.severity] for f in result.flags]
    for line, flag in zip(lines, result.flags):
        _, props, message = parse(line)
        assert props["file"] == "news/a,b:c.ar.txt"
        assert props["title"] == f"mtkit {flag.category}/{flag.check}"
        assert message.startswith(flag.message)


def test_hostile_message_stays_on_one_line():
    result = load("hostile")
    result.tgt_path = "x.ar.txt"
    lines = render(result)
    assert len(lines) == 2
    _, _, message = parse(lines[0])
    assert message.startswith(result.flags[0].message)  # \r and \n round-trip through %0D/%0A
    assert "100%25" in lines[0]


def test_escaping():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"


def test_line_numbers():
    assert line_of(Segment("0", "a", "b", line=7, tgt_units=(2,))) == 7
    assert line_of(Segment("0", "a", "b", tgt_units=(4, 5))) == 5
    assert line_of(Segment("0", "a", "b")) == 1


def test_without_a_file_no_location():
    flag = Flag("number", "critical", "number.mismatch", "45 became 54", Span(0, 2), Span(0, 2), "45", "54")
    lines = render(AuditResult([SegmentResult(Segment("0", "45", "54"), [flag])]))
    assert lines == ["::error title=mtkit number/number.mismatch::45 became 54 (EN «45» → AR «54»)"]


def test_cli_and_subprocess():
    run = CliRunner().invoke(main, AUDIT + ["--format", "github"])
    assert run.exit_code == 0, run.output
    data = json.loads(CliRunner().invoke(main, AUDIT + ["--format", "json"]).output)
    lines = run.output.splitlines()
    assert len(lines) == sum(len(s["flags"]) for s in data["segments"]) > 0
    # pairs: each segment's line is its line in the pairs file
    ids = [json.loads(x)["id"] for x in (DATA / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = [str(ids.index(s["id"]) + 1) for s in data["segments"] for _ in s["flags"]]
    assert [parse(line)[1]["line"] for line in lines] == expected
    proc = subprocess.run([sys.executable, "-m", "mtkit", *AUDIT, "--format", "github"],
                          capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == run.output


def test_quote_shows_only_present_sides():
    from mtkit.report.github import quote
    assert quote(Flag("omission", "major", "omission.x", "m", src_text="into the sunset")) == "EN «into the sunset»"
    assert quote(Flag("spacing", "minor", "spacing.x", "m", tgt_text="ب ت")) == "AR «ب ت»"
