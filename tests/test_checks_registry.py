"""The check registry: names, categories, selection and the priority dedupe of run_checks."""
from __future__ import annotations

import pytest

from mtkit.checks import Check, all_checks, check, run_checks, select
from mtkit.errors import InputError
from mtkit.model import CATEGORIES, Flag, Span

EXPECTED_MODULES = {"idiom", "entity", "number", "negation", "omission", "untranslated", "spacing",
                    "punctuation", "terminology", "grammar"}


def test_every_check_has_a_contract_category_and_a_category_dot_rule_name():
    checks = all_checks()
    assert list(checks) == sorted(checks)
    assert {c.category for c in checks.values()} >= EXPECTED_MODULES
    assert "omission.conditional" in checks
    for name, chk in checks.items():
        assert chk.category in CATEGORIES
        assert name.split(".")[0] == chk.category and len(name.split(".")) == 2
        assert chk.description


def test_unknown_category_is_refused_at_registration():
    with pytest.raises(ValueError, match="unknown category"):
        check("nonsense.rule", category="nonsense")
    assert "nonsense.rule" not in all_checks()


def test_select_by_name_by_category_and_disable():
    names = lambda checks: [c.name for c in checks]   # noqa: E731
    assert names(select(["idiom"])) == ["idiom.literal"]
    assert names(select(["number.month"])) == ["number.month"]
    assert set(names(select(["spacing"]))) == {n for n in all_checks() if n.startswith("spacing.")}
    everything = names(select())
    assert everything == sorted(all_checks())
    without_spacing = names(select(None, ["spacing"]))
    assert without_spacing == [n for n in everything if not n.startswith("spacing.")]
    assert names(select(["spacing"], ["spacing.double"])) == [n for n in names(select(["spacing"])) if n != "spacing.double"]


@pytest.mark.parametrize("only, disable, option", [(["idioms"], (), "--checks"), (None, ["nope"], "--disable")])
def test_unknown_name_is_bad_input_naming_the_option(only, disable, option):
    with pytest.raises(InputError, match=option):
        select(only, disable)


def _flag(category: str, src: tuple[int, int] | None, tgt: tuple[int, int] | None = None) -> Flag:
    return Flag(category=category, severity="major", check=f"{category}.test", message="m",
                src_span=Span(*src) if src else None, tgt_span=Span(*tgt) if tgt else None)


def _fake(name: str, *flags: Flag) -> Check:
    return Check(name, name.split(".")[0], lambda seg: list(flags), "test")


def test_overlapping_flags_keep_the_more_specific_category():
    entity = _fake("entity.test", _flag("entity", (10, 20), (5, 9)))
    idiom = _fake("idiom.test", _flag("idiom", (12, 30), (0, 8)))
    kept = run_checks(None, [entity, idiom])
    assert [f.category for f in kept] == ["idiom"]


def test_same_source_words_but_different_target_words_are_two_problems():
    entity = _fake("entity.test", _flag("entity", (10, 20), (30, 40)))
    idiom = _fake("idiom.test", _flag("idiom", (12, 30), (0, 8)))
    assert {f.category for f in run_checks(None, [entity, idiom])} == {"entity", "idiom"}


def test_flags_without_source_span_are_never_merged_and_order_is_by_source_offset():
    a = _fake("spacing.test", _flag("spacing", None, (0, 2)), _flag("spacing", None, (0, 2)))
    b = _fake("number.test", _flag("number", (40, 45)), _flag("number", (3, 6)))
    kept = run_checks(None, [a, b])
    assert [(f.category, f.src_span) for f in kept] == [("number", Span(3, 6)), ("number", Span(40, 45)),
                                                        ("spacing", None), ("spacing", None)]


def test_adjacent_spans_do_not_overlap():
    a = _fake("number.test", _flag("number", (0, 5)))
    b = _fake("entity.test", _flag("entity", (5, 9)))
    assert len(run_checks(None, [a, b])) == 2
