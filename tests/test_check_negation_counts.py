"""negation.lost / negation.added: which negations the other side has left to render a negator.
Each error beside its quiet case (the same English, a faithful Arabic)."""
from __future__ import annotations

import pytest

# (English, faithful Arabic, Arabic with the error, the check that must flag it)
PAIRS = [
    # a short Arabic that lost another clause still renders the negated one (its words are linked)
    ("The minister did not attend the emergency session, and officials said the meeting would be postponed "
     "until next month because of the storm.",
     "لم يحضر الوزير الجلسة الطارئة.", "حضر الوزير الجلسة الطارئة.", "negation.lost"),
    # only a weak Arabic negator, far from the rendering of the negated word: it renders something else
    ("The impact was severe for disadvantaged children and poor families who could not work during the lockdown.",
     "كان التأثير شديدا على الأطفال المحرومين والأسر الفقيرة التي لا تستطيع العمل أثناء الإغلاق.",
     "كان التأثير شديدا على الأطفال المحرومين والأسر الفقيرة التي تستطيع العمل أثناء الإغلاق.", "negation.lost"),
    # the one Arabic negator (غير) renders the English un- word: nothing is left for the "not"
    ("The result was inconclusive and the samples could not be analysed for any reason.",
     "كانت النتيجة غير حاسمة ولا يمكن تحليل العينات لأي سبب.",
     "كانت النتيجة غير حاسمة ويمكن تحليل العينات لأي سبب.", "negation.lost"),
    # an acronym is a name, not an un- word that could excuse an Arabic negator
    ("UNESCO said the schools reopened.", "قالت اليونسكو إن المدارس فتحت أبوابها.",
     "قالت اليونسكو إن المدارس لم تفتح أبوابها.", "negation.added"),
    # unveil is a reversative verb, not a negation
    ("The agency unveiled a vaccine plan on Monday.", "كشفت الوكالة عن خطة لقاح يوم الاثنين.",
     "لم تكشف الوكالة عن خطة لقاح يوم الاثنين.", "negation.added"),
    # "avoiding" is rendered by its own word (تجنب): it leaves nothing to render a لا
    ("Measures include avoiding crowds.", "تشمل التدابير تجنب الازدحام.", "لا تشمل التدابير تجنب الازدحام.",
     "negation.added"),
    # "failure" is rendered by فشل: the English has nothing left to negate with
    ("Serious complications include organ failure.", "تشمل المضاعفات الخطيرة فشل الأعضاء.",
     "لا تشمل المضاعفات الخطيرة فشل الأعضاء.", "negation.added"),
]


@pytest.mark.parametrize("en, faithful, wrong, name", PAIRS)
def test_error_flagged_beside_its_quiet_case(run_check, en, faithful, wrong, name):
    assert run_check(en, faithful, "negation") == []
    assert [f.check for f in run_check(en, wrong, "negation")] == [name]


QUIET = [
    # the negated clause is the one a short Arabic lost: the omission checks' flag, not this one
    ("The minister attended the session, and officials said the meeting would not be postponed despite the "
     "storm warnings issued on Monday.", "حضر الوزير الجلسة."),
    # a weak Arabic negator just before the rendering of the negated word renders its "not"
    ("The test is not reliable.", "الاختبار غير موثوق."),
    # "avoid" with no word link of its own may be rendered by a negation
    ("Travellers should avoid crowded places.", "يجب على المسافرين ألا يذهبوا إلى الأماكن المزدحمة."),
]


@pytest.mark.parametrize("en, ar", QUIET)
def test_quiet(run_check, en, ar):
    assert run_check(en, ar, "negation") == []
