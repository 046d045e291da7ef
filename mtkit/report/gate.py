"""Writers for ``GateResult``: a short text verdict, JUnit XML (a testcase per rule per file),
Markdown (for a CI job summary) and GitHub workflow commands (annotations on the Arabic files)."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from mtkit.gate.result import RUN, GateResult, RuleResult
from mtkit.model import severity_rank
from mtkit.report import writer
from mtkit.report.escape import markdown, markdown_code, terminal, workflow_command, xml_document, xml_text


def _number(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}"


def _limit(rule: RuleResult) -> str:
    return f"{rule.op} {_number(rule.limit)}"


def _headline(result: GateResult) -> str:
    total = len(result.rules)
    if result.passed:
        return f"mtkit gate: PASSED ({total} of {total} rules passed)"
    return f"mtkit gate: FAILED ({len(result.failed)} of {total} rules failed)"


@writer("text", GateResult)
def gate_text(result: GateResult, stream: TextIO, **_options) -> None:
    rows = [(terminal(r.name), terminal(r.scope), _number(r.value), _limit(r), "pass" if r.passed else "FAIL",
             terminal(r.detail)) for r in result.rules]
    head = ("rule", "scope", "value", "limit", "result", "")
    widths = [max(len(row[i]) for row in rows + [head]) for i in range(5)]
    stream.write(_headline(result) + "\n")
    if result.config:
        stream.write(f"rules from {terminal(result.config)}\n")
    stream.write("  " + "  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip() + "\n")
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                 row[3].ljust(widths[3]), row[4].ljust(widths[4])]
        stream.write(("  " + "  ".join(cells) + (f"  {row[5]}" if row[5] else "")).rstrip() + "\n")
    failing = result.failing_flags()
    if failing:
        stream.write(f"flags that failed it ({len(failing)}):\n")
        for located in failing:
            stream.write(f"  {terminal(located.describe())}\n")


def _message(rule: RuleResult) -> str:
    verdict = "passed" if rule.passed else "failed"
    text = f"{rule.name} {verdict}: {_number(rule.value)} (limit {_limit(rule)})"
    return f"{text}; {rule.detail}" if rule.detail else text


@writer("junit", GateResult)
def gate_junit(result: GateResult, stream: TextIO, **_options) -> None:
    """One testsuite per scope (each file, then the run), one testcase per rule."""
    suites = ET.Element("testsuites", name="mtkit gate", tests=str(len(result.rules)),
                        failures=str(len(result.failed)), errors="0")
    scopes: list[str] = []
    for rule in result.rules:
        if rule.scope not in scopes:
            scopes.append(rule.scope)
    for scope in scopes:
        rules = [r for r in result.rules if r.scope == scope]
        suite = ET.SubElement(suites, "testsuite", name=xml_text(f"mtkit gate: {scope}"), tests=str(len(rules)),
                              failures=str(sum(not r.passed for r in rules)), errors="0", skipped="0")
        if scope != RUN:
            suite.set("file", xml_text(scope))
        for rule in rules:
            case = ET.SubElement(suite, "testcase", name=xml_text(rule.name), classname=xml_text(f"mtkit.gate.{scope}"))
            if scope != RUN:
                case.set("file", xml_text(scope))
            message = xml_text(_message(rule))
            if not rule.passed:
                failing = [xml_text(f.describe()) for f in result.flags_failing(rule)]
                ET.SubElement(case, "failure", message=message, type="GateRuleFailed").text = \
                    "\n".join([message] + failing)
            else:
                ET.SubElement(case, "system-out").text = message
    stream.write(xml_document(suites))


@writer("md", GateResult)
@writer("markdown", GateResult)
def gate_markdown(result: GateResult, stream: TextIO, **_options) -> None:
    mark = "✅" if result.passed else "❌"
    stream.write(f"### {mark} {_headline(result)}\n\n")
    stream.write("| rule | scope | value | limit | result |\n|---|---|---:|---|---|\n")
    for rule in result.rules:
        outcome = "✅ pass" if rule.passed else "❌ **fail**"
        stream.write(f"| {markdown_code(rule.name)} | {markdown(rule.scope)} | {_number(rule.value)} "
                     f"| {markdown(_limit(rule))} | {outcome} |\n")
    details = [r for r in result.rules if r.detail]
    if details:
        stream.write("\n<details><summary>details</summary>\n\n")
        for rule in details:
            stream.write(f"- {markdown_code(rule.name)} ({markdown(rule.scope)}): {markdown(rule.detail)}\n")
        stream.write("\n</details>\n")
    failing = result.failing_flags()
    if failing:
        stream.write(f"\n**Flags that failed it ({len(failing)}):**\n\n")
        stream.write("| file | line | check | severity | English | Arabic |\n|---|---:|---|---|---|---|\n")
        for located in failing:
            flag = located.flag
            stream.write(f"| {markdown(located.path or '')} | {located.line or ''} | {markdown_code(flag.check)} "
                         f"| {markdown(flag.severity)} | {markdown(flag.src_text)} | {markdown(flag.tgt_text)} |\n")
    if result.config:
        stream.write(f"\nRules from {markdown_code(result.config)}.\n")


def _command(level: str, message: str, title: str, file: str | None = None, line: int | None = None) -> str:
    return workflow_command(level, message, file=file, line=line if file else None, title=title)


@writer("github", GateResult)
def gate_github(result: GateResult, stream: TextIO, **_options) -> None:
    """An error for each failing rule (on its file, or with no file for the run); an error for each
    critical flag and a warning for each major flag, on the Arabic line when known."""
    for rule in result.failed:
        file = None if rule.scope == RUN else rule.scope
        stream.write(_command("error", _message(rule), f"mtkit gate: {rule.name}", file))
    for located in result.flags:
        flag = located.flag
        if severity_rank(flag.severity) > severity_rank("major"):
            continue
        level = "error" if flag.severity == "critical" else "warning"
        message = flag.message
        if flag.tgt_text:
            message += f" [{flag.tgt_text}]"
        if flag.suggestion:
            message += f" Suggestion: {flag.suggestion}"
        stream.write(_command(level, message, f"mtkit {flag.severity} {flag.check}", located.path, located.line))
