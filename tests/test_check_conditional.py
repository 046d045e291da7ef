"""omission.conditional: an English "if"/"unless" clause with no conditional in the Arabic."""
from __future__ import annotations

import pytest

from mtkit.checks.calibration import severity

LOST = [
    ("If the rain continues, the match will be postponed.",
     "استمر المطر، وستؤجل المباراة.", "If the rain continues"),
    ("The deal will collapse unless both sides compromise.",
     "ستنهار الصفقة ويقدم الطرفان تنازلات.", "unless both sides compromise"),
]


@pytest.mark.parametrize("en, ar, clause", LOST)
def test_lost_condition_is_flagged_with_the_clause_span(only_flag, en, ar, clause):
    flag = only_flag(en, ar, "omission.conditional")
    assert (flag.category, flag.check) == ("omission", "omission.conditional")
    assert flag.severity == severity("major", flag.confidence)
    assert flag.src_span.slice(en) == flag.src_text == clause
    assert flag.tgt_span is None


KEPT = [
    ("If the rain continues, the match will be postponed.", "إذا استمر المطر، فستؤجل المباراة."),
    ("If the polls are right, the incumbent will lose.", "إن صدقت استطلاعات الرأي، فسيخسر الرئيس الحالي."),
    ("The deal will collapse unless both sides compromise.", "ستنهار الصفقة ما لم يقدم الطرفان تنازلات."),
    # "if" meaning "whether"
    ("Analysts asked if the bank would raise rates.", "تساءل المحللون عما إذا كان البنك سيرفع أسعار الفائدة."),
    ("The minister said that the plan would work.", "قال الوزير إن الخطة ستنجح."),
]


@pytest.mark.parametrize("en, ar", KEPT)
def test_kept_condition_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "omission.conditional") == []


def test_condition_lost_in_reported_speech_is_flagged(run_check):
    en = "The minister said that the plan would work if it were funded."
    ar = "قال الوزير إن الخطة ستنجح بعد تمويلها."
    assert [f.src_text for f in run_check(en, ar, "omission.conditional")] == ["if it were funded"]


# Kept conditions seen in professional translations (TICO-19): a case or temporal clause renders "if".
KEPT = [
    ("If close contact occurs during apprehension, wash your hands.", "في حالة حدوث مخالطة أثناء القبض، اغسل يديك."),
    ("If you need a comfortable headset, buy one.", "عند الاحتياج إلى سماعة مريحة، اشترِ واحدة."),
    ("If it is not treated, the infection spreads.", "إن لم تُعالج العدوى فإنها تنتشر."),
    ("He acted as if nothing had happened.", "تصرف وكأن شيئًا لم يحدث."),
    ("He looked as if he was tired.", "بدا متعبًا."),
]


@pytest.mark.parametrize("en, ar", KEPT)
def test_a_condition_kept_as_a_case_or_time_clause_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "omission.conditional") == []


def test_a_condition_turned_into_a_statement_is_still_flagged(run_check):
    flags = run_check("If the talks fail, the strike will continue.", "فشلت المحادثات، وسيستمر الإضراب.",
                      "omission.conditional")
    assert [f.check for f in flags] == ["omission.conditional"]
