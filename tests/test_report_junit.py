"""The JUnit audit report: one testcase per segment, a failure per flag at or above fail_on."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from junitparser import Failure, JUnitXml

from mtkit.cli import main
from mtkit.model import AuditResult, Flag, Segment, SegmentResult, severity_rank
from mtkit.report import write

DATA = Path(__file__).parent / "data" / "report"
AUDIT = ["audit", "--pairs", str(DATA / "pairs.jsonl"), "--checks", "idiom,number", "--quiet", "--jobs", "1"]


def load(name: str) -> AuditResult:
    return AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))


def write_xml(result: AuditResult, path: Path, **options) -> JUnitXml:
    stream = io.StringIO()
    write(result, "junit", stream, **options)
    path.write_text(stream.getvalue(), encoding="utf-8")
    return JUnitXml.fromfile(str(path))


def failing(flags, fail_on: str) -> list:
    return [f for f in flags if severity_rank(f.severity) <= severity_rank(fail_on)]


@pytest.mark.parametrize("fail_on", [None, "critical", "major", "minor"])
def test_counts_with_junitparser(tmp_path, fail_on):
    result = load("sample")
    xml = write_xml(result, tmp_path / "audit.xml", fail_on=fail_on)
    level = fail_on or "major"
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    cases = list(suite)
    assert [c.name for c in cases] == [f"segment {s.segment.id}" for s in result.segments]
    for case, seg in zip(cases, result.segments):
        failures = [r for r in case.result if isinstance(r, Failure)]
        bad = sorted(failing(seg.flags, level), key=lambda f: severity_rank(f.severity))
        assert len(failures) == (1 if bad else 0)
        if bad:  # one failure naming the worst flag, listing them all
            assert failures[0].type == bad[0].check
            assert all(f.message in failures[0].text for f in bad)
            assert failures[0].message.endswith(f"(+{len(bad) - 1} more)" if len(bad) > 1 else bad[0].message)
        quiet = [f for f in seg.flags if f not in bad]
        assert bool(case.system_out) == bool(quiet)
    failed = sum(1 for s in result.segments if failing(s.flags, level))
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (len(result.segments), failed, 0, 0)
    # the attributes agree with what junitparser counts itself
    suite.update_statistics()
    assert (suite.tests, suite.failures) == (len(result.segments), failed)


def test_hostile_text_is_escaped_and_parses(tmp_path):
    result = load("hostile")
    xml = write_xml(result, tmp_path / "hostile.xml", fail_on="minor")
    case = next(iter(next(iter(xml))))
    assert case.name == 'segment "><svg onload=alert(5)>'
    failures = [r for r in case.result if isinstance(r, Failure)]
    assert len(failures) == 1
    assert "<script>window.__pwned=1;alert(1)</script>" in failures[0].text
    assert "Second flag | with pipe" in failures[0].text
    assert failures[0].message.startswith("major untranslated: Message with <b>markup</b>")


def test_control_characters_do_not_break_xml(tmp_path):
    flag = Flag("grammar", "critical", "grammar.x", "bad \x00\x1b char", src_text="\x07")
    result = AuditResult([SegmentResult(Segment("0", "a\x0cb", "ب"), [flag])])
    stream = io.StringIO()
    write(result, "junit", stream)
    root = ET.fromstring(stream.getvalue())
    assert root.find(".//failure").get("message") == "critical grammar: bad \ufffd\ufffd char"


def test_bad_fail_on():
    with pytest.raises(ValueError, match="fail_on"):
        write(load("sample"), "junit", io.StringIO(), fail_on="blocker")


def test_cli_and_subprocess(tmp_path):
    out = tmp_path / "audit.xml"
    run = CliRunner().invoke(main, AUDIT + ["--format", "junit", "-o", str(out), "--fail-on", "critical"])
    data = json.loads(CliRunner().invoke(main, AUDIT + ["--format", "json"]).output)
    critical = [s for s in data["segments"] if any(f["severity"] == "critical" for f in s["flags"])]
    assert run.exit_code == (1 if critical else 0), run.output
    suite = next(iter(JUnitXml.fromfile(str(out))))
    assert (suite.tests, suite.failures) == (len(data["segments"]), len(critical))
    proc = subprocess.run([sys.executable, "-m", "mtkit", *AUDIT, "--format", "junit"],
                          capture_output=True, text=True, timeout=120, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    suite = next(iter(JUnitXml.fromstring(proc.stdout.encode("utf-8"))))
    major = [s for s in data["segments"] if any(f["severity"] in ("critical", "major") for f in s["flags"])]
    assert suite.failures == len(major) > len(critical)
