"""The check registry: names, categories, selection and the priority dedupe of run_checks."""
from __future__ import annotations

from pathlib import Path

import pytest

import mtkit.checks
from mtkit.checks import Check, Finding, all_checks, check, run_checks, select
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.errors import InputError
from mtkit.model import CATEGORIES, Flag, Segment, Span, category, known_categories

EXPECTED_MODULES = {"idiom", "entity", "number", "negation", "omission", "untranslated", "spacing",
                    "punctuation", "terminology", "grammar"}


def test_every_check_has_a_contract_category_and_a_category_dot_rule_name():
    checks = all_checks()
    assert list(checks) == sorted(checks)
    assert {c.category for c in checks.values()} >= EXPECTED_MODULES
    assert "omission.conditional" in checks
    for name, chk in checks.items():
        assert chk.category in known_categories()
        assert name.split(".")[0] == chk.category and len(name.split(".")) == 2
        assert chk.description


def test_unknown_category_is_refused_at_registration():
    with pytest.raises(ValueError, match="unknown category"):
        check("nonsense.rule", category="nonsense")      # undeclared: see test_check_new_category
    assert "nonsense.rule" not in all_checks()


def test_select_by_name_by_category_and_disable():
    names = lambda checks: [c.name for c in checks]   # noqa: E731
    assert names(select(["idiom"])) == ["idiom.literal"]
    assert names(select(["number.month"])) == ["number.month"]
    assert set(names(select(["spacing"]))) == {n for n in all_checks() if n.startswith("spacing.")}
    everything = names(select())
    assert everything == sorted(n for n, c in all_checks().items() if c.default)
    without_spacing = names(select(None, ["spacing"]))
    assert without_spacing == [n for n in everything if not n.startswith("spacing.")]
    assert names(select(["spacing"], ["spacing.double"])) == [n for n in names(select(["spacing"])) if n != "spacing.double"]


@pytest.mark.parametrize("only, disable, option", [(["idioms"], (), "--checks"), (None, ["nope"], "--disable")])
def test_unknown_name_is_bad_input_naming_the_option(only, disable, option):
    with pytest.raises(InputError, match=option):
        select(only, disable)


SEG = AnalyzedSegment(Segment("t", "x" * 60, "y" * 60))


def _finding(src: tuple[int, int] | None, tgt: tuple[int, int] | None = None) -> Finding:
    return Finding("major", "m", src_span=Span(*src) if src else None, tgt_span=Span(*tgt) if tgt else None)


def _fake(name: str, *findings: Finding) -> Check:
    return Check(name, name.split(".")[0], lambda seg: list(findings), "test")


def test_overlapping_flags_keep_the_more_specific_category():
    entity = _fake("entity.test", _finding((10, 20), (5, 9)))
    idiom = _fake("idiom.test", _finding((12, 30), (0, 8)))
    kept = run_checks(SEG, [entity, idiom])
    assert [f.category for f in kept] == ["idiom"]


def test_same_source_words_but_different_target_words_are_two_problems():
    entity = _fake("entity.test", _finding((10, 20), (30, 40)))
    idiom = _fake("idiom.test", _finding((12, 30), (0, 8)))
    assert {f.category for f in run_checks(SEG, [entity, idiom])} == {"entity", "idiom"}


def test_flags_without_source_span_are_never_merged_and_order_is_by_source_offset():
    a = _fake("spacing.test", _finding(None, (0, 2)), _finding(None, (0, 2)))
    b = _fake("number.test", _finding((40, 45)), _finding((3, 6)))
    kept = run_checks(SEG, [a, b])
    assert [(f.category, f.src_span) for f in kept] == [("number", Span(3, 6)), ("number", Span(40, 45)),
                                                        ("spacing", None), ("spacing", None)]


def test_adjacent_spans_do_not_overlap():
    a = _fake("number.test", _finding((0, 5)))
    b = _fake("entity.test", _finding((5, 9)))
    assert len(run_checks(SEG, [a, b])) == 2


def test_a_name_or_number_inside_a_dropped_clause_is_told_by_the_clause_flag_alone():
    clause = _fake("omission.test", _finding((10, 50)))
    name = _fake("entity.test", _finding((20, 25)))
    number = _fake("number.test", _finding((30, 33)))
    (kept,) = run_checks(SEG, [clause, name, number])
    assert kept.check == "omission.test"
    assert kept.message == f"m It held the name '{'x' * 5}' and the number '{'x' * 3}'."


def test_a_name_reaching_outside_the_clause_keeps_the_priority_rule():
    clause = _fake("omission.test", _finding((10, 22)))
    name = _fake("entity.test", _finding((20, 25)))
    assert [f.check for f in run_checks(SEG, [clause, name])] == ["entity.test"]


def test_whole_segment_flags_are_never_merged_with_word_flags():
    whole = Check("omission.test", "omission", lambda seg: [_finding((0, 60))], "test", whole_segment=True)
    words = _fake("entity.test", _finding((10, 20)))
    assert {f.check for f in run_checks(SEG, [whole, words])} == {"omission.test", "entity.test"}


def test_the_registry_names_the_flag_and_cuts_its_texts_from_the_spans():
    seg = AnalyzedSegment(Segment("t", "He did not come.", "لم يأت."))
    chk = Check("negation.test", "negation", lambda s: [Finding("critical", "m", src_span=Span(3, 10),
                                                                tgt_span=Span(0, 2), suggestion="s",
                                                                confidence=0.5)], "test")
    (flag,) = chk.run(seg)
    assert flag == Flag(category="negation", severity="critical", check="negation.test", message="m",
                        src_span=Span(3, 10), tgt_span=Span(0, 2), src_text="did not", tgt_text="لم",
                        suggestion="s", confidence=0.5)


def test_a_finding_may_name_another_registered_check_only():
    seg = AnalyzedSegment(Segment("t", "a", "b"))
    borrowed = Check("terminology.test", "terminology", lambda s: [Finding("minor", "m", check="entity.translated")], "t")
    assert [(f.check, f.category) for f in borrowed.run(seg)] == [("entity.translated", "entity")]
    unknown = Check("terminology.test", "terminology", lambda s: [Finding("minor", "m", check="entity.nope")], "t")
    with pytest.raises(ValueError, match="unregistered"):
        unknown.run(seg)
    with pytest.raises(ValueError, match="severity"):
        Finding("fatal", "m")


def test_every_category_has_its_facts_and_a_distinct_priority():
    assert set(CATEGORIES) <= set(known_categories())
    priorities = [category(name).priority for name in known_categories()]
    assert len(set(priorities)) == len(priorities)
    assert all(category(name).description for name in CATEGORIES)
    # the more specific diagnosis wins
    assert category("idiom").priority < category("terminology").priority < category("entity").priority
    assert category("omission").priority < category("spacing").priority


def test_a_check_is_named_after_its_category():
    with pytest.raises(ValueError, match="must be named"):
        check("idiom.literal.extra", category="idiom")
    with pytest.raises(ValueError, match="must be named"):
        check("entity.literal", category="idiom")


def test_no_check_module_builds_a_flag_itself():
    """Checks yield findings; the registry names the flag (one place for a check's identity)."""
    package = Path(mtkit.checks.__file__).parent
    for module in package.glob("*.py"):
        if module.name != "__init__.py":
            assert "Flag(" not in module.read_text(encoding="utf-8"), module.name


def test_checks_off_by_default_run_only_when_named():
    """Length-only checks were never right on real translations (docs/calibration.md): they are
    off unless named; a category selects only its default checks."""
    off = {n for n, c in all_checks().items() if not c.default}
    assert {"addition.length", "omission.length", "addition.number"} <= off
    assert not off & {c.name for c in select()}
    assert "addition.length" not in {c.name for c in select(["addition"])}
    assert {c.name for c in select(["addition.length"])} == {"addition.length"}


def test_confidence_is_calibrated_from_the_table(monkeypatch):
    from mtkit.checks import calibration
    monkeypatch.setattr(calibration, "_table", lambda: {("x.rule", "0.80"): 0.3, ("x.rule", "*"): 0.6})
    assert calibration.calibrated("x.rule", 0.8) == 0.3      # the row for this raw score
    assert calibration.calibrated("x.rule", 0.5) == 0.3      # else the check's row, no more than a stronger score's
    assert calibration.calibrated("x.rule", 0.9) == 0.6      # (a stronger score than any row: the check's row)
    assert calibration.calibrated("y.rule", 0.5) == 0.5      # a check never judged keeps its score
