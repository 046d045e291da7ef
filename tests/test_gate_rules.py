"""The rules engine on hand-built measurements, and the GateResult writers."""
from __future__ import annotations

import io
import json

import pytest

from mtkit.gate import GateConfig, GateResult, LocatedFlag, Measures, RuleResult, Rules, evaluate, total
from mtkit.gate.rules import drop
from mtkit.model import Flag
from mtkit.report import write


def _config(run: dict | None = None, per_file: dict | None = None) -> GateConfig:
    return GateConfig(Rules(run or {}), Rules(per_file or {}))


def _file(scope="ar/a.txt", critical=0, major=0, minor=0, words=1000, **categories) -> Measures:
    return Measures(scope=scope, by_severity={"critical": critical, "major": major, "minor": minor},
                    by_category=categories, src_words=words)


def _rules(result: GateResult) -> dict[tuple[str, str], RuleResult]:
    return {(r.name, r.scope): r for r in result.rules}


def test_max_flags_is_inclusive():
    config = _config({"max_flags": {"major": 3, "critical": 0}})
    m = _file(major=3, critical=1)
    rules = _rules(evaluate(config, [m], total("run", [m])))
    assert rules[("max_flags.major", "run")].passed and rules[("max_flags.major", "run")].value == 3
    assert not rules[("max_flags.critical", "run")].passed


def test_run_rules_add_up_files_and_per_file_rules_see_one_file():
    config = _config({"max_flags": {"major": 3}}, {"max_flags": {"major": 2}})
    a, b = _file("ar/a.txt", major=2), _file("ar/b.txt", major=2)
    result = evaluate(config, [a, b], total("run", [a, b]))
    rules = _rules(result)
    assert rules[("max_flags.major", "ar/a.txt")].passed and rules[("max_flags.major", "ar/b.txt")].passed
    assert not rules[("max_flags.major", "run")].passed and rules[("max_flags.major", "run")].value == 4
    assert [r.scope for r in result.rules] == ["ar/a.txt", "ar/b.txt", "run"]
    assert not result.passed and [r.scope for r in result.failed] == ["run"]


def test_per_1k_words():
    config = _config({"max_flags_per_1k_words": {"major": 2.0}, "max_category_per_1k_words": {"idiom": 1.0}})
    m = _file(major=5, words=2000, idiom=3)
    rules = _rules(evaluate(config, [m], total("run", [m])))
    assert rules[("max_flags_per_1k_words.major", "run")].value == 2.5
    assert not rules[("max_flags_per_1k_words.major", "run")].passed
    assert rules[("max_category_per_1k_words.idiom", "run")].value == 1.5
    assert "3 idiom flags in 2000 source words" in rules[("max_category_per_1k_words.idiom", "run")].detail


def test_per_1k_words_with_no_words_is_zero():
    config = _config({"max_flags_per_1k_words": {"major": 0.0}})
    m = _file(words=0)
    assert evaluate(config, [m], total("run", [m])).passed


def test_category_absent_counts_zero():
    config = _config({"max_category": {"idiom": 0, "number": 0}})
    m = _file(number=1)
    rules = _rules(evaluate(config, [m], total("run", [m])))
    assert rules[("max_category.idiom", "run")].passed and not rules[("max_category.number", "run")].passed


def test_min_and_max_score():
    config = _config({"min_score": {"chrf": 50.0, "bleu": 20.0}, "max_score": {"ter": 60.0}})
    run = Measures("run", scores={"chrf": 50.0, "bleu": 19.99, "ter": 60.01})
    rules = _rules(evaluate(config, [], run))
    assert rules[("min_score.chrf", "run")].passed and rules[("min_score.chrf", "run")].op == "≥"
    assert not rules[("min_score.bleu", "run")].passed
    assert not rules[("max_score.ter", "run")].passed


def test_drop_direction():
    assert drop("chrf", 48.0, 50.0) == 2.0      # lower chrF than the baseline is a drop
    assert drop("ter", 52.0, 50.0) == 2.0       # higher TER is a drop
    assert drop("bleu", 31.0, 30.0) == -1.0     # an improvement is a negative drop


@pytest.mark.parametrize("score, base, p, passed", [
    (45.0, 50.0, 0.001, False),   # a large drop, significant: fail
    (45.0, 50.0, 0.20, True),     # a large drop, not significant: pass
    (49.5, 50.0, 0.001, True),    # significant but within the limit: pass
    (55.0, 50.0, 0.001, True),    # better than the baseline
    (45.0, 50.0, 0.05, True),     # p must be below 0.05
])
def test_max_drop_fails_only_when_large_and_significant(score, base, p, passed):
    config = _config({"max_drop": {"chrf": 1.0}})
    run = Measures("run", scores={"chrf": score}, baseline={"chrf": (base, p)})
    rule = evaluate(config, [], run).rules[0]
    assert rule.passed is passed and rule.p_value == p and rule.value == round(base - score, 4)


def test_max_drop_on_ter():
    config = _config({"max_drop": {"ter": 1.0}})
    run = Measures("run", scores={"ter": 55.0}, baseline={"ter": (50.0, 0.01)})
    assert not evaluate(config, [], run).passed


def test_to_dict_shape():
    config = _config({"max_flags": {"major": 1}})
    config.source = "mtkit.toml"
    m = _file(major=2)
    data = evaluate(config, [m], total("run", [m])).to_dict()
    assert data["passed"] is False and data["config"] == "mtkit.toml" and data["files"] == ["ar/a.txt"]
    assert data["rules"] == [{"name": "max_flags.major", "scope": "run", "value": 2, "limit": 1,
                              "passed": False, "op": "≤", "detail": "2 major flags"}]
    json.dumps(data)


# ---- writers -------------------------------------------------------------------------------

def _result() -> GateResult:
    flags = [LocatedFlag("ar/a,b.txt", 3, "2", Flag("number", "critical", "number.mismatch", "4.5 became 5.4\n",
                                                   tgt_text="5.4", suggestion="4.5")),
             LocatedFlag("ar/a,b.txt", None, "4", Flag("idiom", "major", "idiom.literal", "literal idiom")),
             LocatedFlag("ar/a,b.txt", 9, "7", Flag("spacing", "minor", "spacing.glued", "glued"))]
    rules = [RuleResult("max_flags.critical", "ar/a,b.txt", 1, 0, False, detail="1 critical flag"),
             RuleResult("min_score.chrf", "run", 51.234, 50.0, True, "≥"),
             RuleResult("max_drop.chrf", "run", 2.5, 1.0, False, p_value=0.01, detail="p | 0.01")]
    return GateResult(rules, files=["ar/a,b.txt"], flags=flags, config="mtkit.toml")


def _render(fmt: str) -> str:
    stream = io.StringIO()
    write(_result(), fmt, stream)
    return stream.getvalue()


def test_text_verdict_lists_rule_value_limit_result():
    lines = _render("text").splitlines()
    assert lines[0] == "mtkit gate: FAILED (2 of 3 rules failed)"
    assert lines[1] == "rules from mtkit.toml"
    assert lines[3].split()[:6] == ["max_flags.critical", "ar/a,b.txt", "1", "≤", "0", "FAIL"]
    assert lines[4].split()[:6] == ["min_score.chrf", "run", "51.23", "≥", "50", "pass"]
    assert all(line == line.rstrip() for line in lines)


def test_markdown_table_escapes_pipes():
    text = _render("markdown")
    assert text.startswith("### ❌ mtkit gate: FAILED")
    assert "| `min_score.chrf` | run | 51.23 | ≥ 50 | ✅ pass |" in text
    assert "p \\| 0.01" in text


def test_github_annotations_escape_and_pick_severities():
    lines = _render("github").splitlines()
    assert lines[0].startswith("::error file=ar/a%2Cb.txt,title=mtkit gate%3A max_flags.critical::")
    assert lines[1].startswith("::error title=mtkit gate%3A max_drop.chrf::")   # run scope: no file
    assert lines[2] == ("::error file=ar/a%2Cb.txt,line=3,title=mtkit critical number.mismatch::"
                        "4.5 became 5.4%0A [5.4] Suggestion: 4.5")
    assert lines[3].startswith("::warning file=ar/a%2Cb.txt,title=mtkit major idiom.literal::literal idiom")
    assert len(lines) == 4                                                        # minor flags: none


def test_passing_result_has_no_rule_annotations():
    result = GateResult([RuleResult("max_flags.major", "run", 0, 1, True)])
    stream = io.StringIO()
    write(result, "github", stream)
    assert stream.getvalue() == ""
    write(result, "text", stream)
    assert "PASSED (1 of 1 rules passed)" in stream.getvalue()
