"""On real translations (a TICO-19 slice): the professional Arabic against a copy with planted
errors, the planted categories rise in the error profile and nothing else does. With 12 plants per
category the rise is significant (p < 0.05) where the audit catches enough of them (added clauses
and dropped ones too, by dictionary evidence and word links: mtkit/checks/clauses/; p = 0.03 for
dropped clauses on this slice), and terminology plants need a glossary."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import mtkit

DATA = Path(__file__).parent / "data" / "score" / "tico"


@pytest.fixture(scope="module")
def profile():
    return mtkit.score(src=str(DATA / "src.en.txt"), sys_paths=[str(DATA / "professional.ar.txt"),
                                                              str(DATA / "planted.ar.txt")], audit=True).profile


def test_planted_categories_rise_significantly(profile):
    with open(DATA / "planted.tsv", encoding="utf-8") as stream:
        planted = {row["category"] for row in csv.DictReader(stream, delimiter="\t")}
    assert len(planted) == 9
    significant = {"number", "negation", "untranslated", "spacing", "punctuation", "addition", "entity", "omission"}
    for category in sorted(planted - {"terminology"}):
        comp = profile.comparison("planted", category)
        assert comp is not None and comp.delta > 0, category
        assert comp.significant == (category in significant), (category, comp.p_value)
    for category in set(profile.categories()) - planted:
        assert profile.comparison("planted", category).delta <= 0, category
    score = profile.comparison("planted", "error_score")
    assert score.delta > 0 and score.significant
