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
    # the one Arabic negator (غير) renders the English un- word: nothing is left for the "not"
    ("The result of the first test was inconclusive, and for technical reasons the stored samples could not be "
     "analysed.", "كانت نتيجة الاختبار الأول غير حاسمة، ولأسباب فنية لا يمكن تحليل العينات المخزنة.",
     "كانت نتيجة الاختبار الأول غير حاسمة، ولأسباب فنية يمكن تحليل العينات المخزنة.", "negation.lost"),
    # an acronym is a name, not an un- word that could excuse an Arabic negator
    ("UNESCO said the schools reopened.", "قالت اليونسكو إن المدارس فتحت أبوابها.",
     "قالت اليونسكو إن المدارس لم تفتح أبوابها.", "negation.added"),
    # unveil is a reversative verb, not a negation
    ("The agency unveiled a vaccine plan on Monday.", "كشفت الوكالة عن خطة لقاح يوم الاثنين.",
     "لم تكشف الوكالة عن خطة لقاح يوم الاثنين.", "negation.added"),
    # "avoiding" is rendered by its own word (تجنب): it leaves nothing to render a لا
    ("The government plan includes avoiding crowded markets.", "تشمل خطة الحكومة تجنب الأسواق المزدحمة.",
     "لا تشمل خطة الحكومة تجنب الأسواق المزدحمة.", "negation.added"),
    # غير renders the un- word linked just after it (inconclusive ↔ غير حاسمة): it places no "not"
    ("A possible patient is one whose scan is inconclusive or one whose blood could not be drawn on the day of the "
     "visit.", "المريض المحتمل هو من كانت نتيجة فحصه بالأشعة غير حاسمة أو من لم يُسحب دمه في يوم الزيارة نفسه.",
     "المريض المحتمل هو من كانت نتيجة فحصه بالأشعة غير حاسمة أو من سُحب دمه في يوم الزيارة نفسه.",
     "negation.lost"),
    # a short Arabic still renders the negated clause when its later words are linked (delay ↔ تأخير)
    ("Our letter made clear that, whatever happened, no one would be penalized for having to delay or modify those "
     "goals, and the grants were paid in full to every team in the country.",
     "أوضحت رسالتنا أنه لن تفرض غرامات على أي شخص بسبب تأخير هذه الأهداف أو تعديلها.",
     "أوضحت رسالتنا أنه ستفرض غرامات على أي شخص بسبب تأخير هذه الأهداف أو تعديلها.", "negation.lost"),
    # a negated word of totality is a partial negation ("not full support": a hedge for "divided"); a
    # full negation of the same verb is added
    ("Support for the new law is divided along party lines.",
     "لم يحظَ القانون الجديد بتأييد كامل إذ انقسم الناخبون حسب أحزابهم.",
     "لم يحظَ القانون الجديد بتأييد الناخبين إذ انقسموا حسب أحزابهم.", "negation.added"),
]


@pytest.mark.parametrize("en, faithful, wrong, name", PAIRS)
def test_error_flagged_beside_its_quiet_case(run_check, en, faithful, wrong, name):
    assert run_check(en, faithful, "negation") == []
    assert [f.check for f in run_check(en, wrong, "negation")] == [name]


QUIET = [
    # the negated clause is the one a short Arabic lost: the omission checks' flag, not this one
    ("The minister attended the session, and officials said the meeting would not be postponed despite the "
     "storm warnings issued on Monday.", "حضر الوزير الجلسة."),
    # the negation's own clause (after the comma and "but") is the one lost, whatever its neighbours
    ("The fire destroyed more than 400 hectares of forest, but no injuries were reported.",
     "دمر الحريق أكثر من 400 هكتار من الغابات."),
    # a weak Arabic negator just before the rendering of the negated word renders its "not"
    ("The test is not reliable.", "الاختبار غير موثوق."),
    # an adjective rendered inside a negated relative clause after its noun: "anonymous source"
    ("The paper cited an anonymous political source.", "نقلت الصحيفة عن مصدر سياسي لم يذكر اسمه."),
    # "avoid" with no word link of its own may be rendered by a negation
    ("Travellers should avoid crowded places.", "يجب على المسافرين ألا يذهبوا إلى الأماكن المزدحمة."),
]


@pytest.mark.parametrize("en, ar", QUIET)
def test_quiet(run_check, en, ar):
    assert run_check(en, ar, "negation") == []
