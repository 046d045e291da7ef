"""JUnit XML for CI dashboards (Jenkins, GitLab): one testcase per segment; a segment with flags at or
above ``fail_on`` (default major) fails with one <failure> that lists each of them. Flags below it keep
the test passing and are listed in <system-out>. Built with ElementTree, so text is escaped.

One <failure> per testcase, not one per flag: the Ant schema allows one, Jenkins reads only the first,
and junitparser would otherwise count failures per flag while ``failures=`` counts failed tests."""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import Optional, TextIO

from mtkit.model import AuditResult, Flag, SEVERITIES, severity_rank
from mtkit.report import writer
from mtkit.report.escape import xml_document, xml_text as _xml_safe
from mtkit.report.github import flag_text


def _describe(flag: Flag) -> str:
    return flag_text(flag, f"[{flag.severity}] {flag.category}/{flag.check}: {flag.message}", "\n  ")


def _headline(failing: list[Flag]) -> str:
    """The failure's one-line message: the worst flag, and how many more."""
    first = failing[0]
    more = f" (+{len(failing) - 1} more)" if len(failing) > 1 else ""
    return f"{first.severity} {first.category}: {first.message}{more}"


def _fails(flag: Flag, limit: int) -> bool:
    return flag.severity in SEVERITIES and severity_rank(flag.severity) <= limit


def build(result: AuditResult, fail_on: str = "major", title: Optional[str] = None) -> ET.Element:
    if fail_on not in SEVERITIES:
        raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    limit = severity_rank(fail_on)
    name = title or (f"mtkit audit: {os.path.basename(result.tgt_path)}" if result.tgt_path else "mtkit audit")
    root = ET.Element("testsuites", name="mtkit")
    suite = ET.SubElement(root, "testsuite", name=_xml_safe(name))
    failed = 0
    for seg_result in result.segments:
        seg = seg_result.segment
        case = ET.SubElement(suite, "testcase", name=_xml_safe(f"segment {seg.id}"),
                             classname="mtkit.audit", time="0")
        failing = sorted((f for f in seg_result.flags if _fails(f, limit)), key=lambda f: severity_rank(f.severity))
        if failing:
            failure = ET.SubElement(case, "failure", type=_xml_safe(failing[0].check),
                                    message=_xml_safe(_headline(failing)))
            failure.text = _xml_safe("\n".join(map(_describe, failing)) + f"\nEN: {seg.src}\nAR: {seg.tgt}")
        notes = [_describe(f) for f in seg_result.flags if not _fails(f, limit)]
        if notes:
            ET.SubElement(case, "system-out").text = _xml_safe("\n".join(notes))
        failed += bool(failing)
    for line in result.skipped:   # --skip-bad: each line passed over is a skipped test
        case = ET.SubElement(suite, "testcase", name=_xml_safe(f"input {line.split(': ', 1)[0]}"),
                             classname="mtkit.audit.input", time="0")
        ET.SubElement(case, "skipped", message=_xml_safe(line))
    for element in (root, suite):
        element.set("tests", str(len(result.segments) + len(result.skipped)))
        element.set("failures", str(failed))
        element.set("errors", "0")
        element.set("time", "0")
    suite.set("skipped", str(len(result.skipped)))
    return root


@writer("junit", AuditResult)
def audit_junit(result: AuditResult, stream: TextIO, *, fail_on: Optional[str] = None,
                title: Optional[str] = None, **_options) -> None:
    stream.write(xml_document(build(result, fail_on or "major", title)))
