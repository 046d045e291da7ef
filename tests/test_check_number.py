"""number.mismatch, number.month and addition.number: values compared, not spellings."""
from __future__ import annotations

import pytest

from mtkit.checks.calibration import severity


def sliced(flag, en: str, ar: str):
    return (flag.src_span.slice(en) if flag.src_span else None,
            flag.tgt_span.slice(ar) if flag.tgt_span else None)


CHANGED = [
    ("The company said it would cut 1,200 jobs by the end of 2027.",
     "قالت الشركة إنها ستلغي 2,100 وظيفة بحلول نهاية عام 2027.", "1,200", "2,100"),
    ("The fund raised $1.5 million from local donors.",
     "جمع الصندوق 15 مليون دولار من متبرعين محليين.", "1.5 million", "15 مليون"),
    ("Turnout reached 50 percent in the capital.",
     "بلغت نسبة المشاركة 60 في المئة في العاصمة.", "50", "60"),
    ("Five soldiers were wounded in the attack.", "أصيب ستة جنود في الهجوم.", "Five", "ستة"),
    ("The train left at 7:45 and arrived two hours late.",
     "غادر القطار في الساعة 8:45 ووصل متأخرا ساعتين.", "7:45", "8:45"),
    ("Inflation eased to 3.2% in October.", "تراجع التضخم إلى 2.3% في تشرين الأول.", "3.2", "2.3"),
    # the ordinal of "Phase II" equals the 2 of "enzyme 2" but does not render it: the leftover digit does
    ("A Phase II trial of enzyme 2 began in May.", "بدأت في مايو تجربة من المرحلة الثانية على الإنزيم 9.", "2", "9"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", CHANGED)
def test_changed_number_is_critical_with_both_spans(only_flag, en, ar, src_text, tgt_text):
    flag = only_flag(en, ar, "number.mismatch")
    assert (flag.category, flag.check, flag.severity) == ("number", "number.mismatch", "critical")
    assert sliced(flag, en, ar) == (src_text, tgt_text) == (flag.src_text, flag.tgt_text)


def test_missing_amount_has_no_target_span(run_check):
    en, ar = "The bridge cost $300 million to build.", "كلف بناء الجسر مبلغا كبيرا."
    (flag,) = run_check(en, ar, "number.mismatch")
    assert sliced(flag, en, ar) == ("300 million", None)
    assert flag.severity == severity("critical", flag.confidence) and "missing" in flag.message


def test_changed_month_is_flagged(run_check):
    en, ar = "The vote was moved to March 14.", "تم تأجيل التصويت إلى 14 مايو."
    (flag,) = run_check(en, ar, "number.month")
    assert (flag.category, flag.check, flag.severity) == ("number", "number.month", "critical")
    assert sliced(flag, en, ar) == ("March", "مايو")


def test_number_in_an_added_clause_is_an_addition(run_check):
    en = "The ministry said it hired 300 teachers."
    ar = "قالت الوزارة إنها عينت 300 معلم، وإن 40 مدرسة ستفتح قريبا."
    (flag,) = run_check(en, ar, "addition.number")
    assert (flag.category, flag.severity, flag.src_span) == ("addition", "major", None)
    assert sliced(flag, en, ar)[1] == flag.tgt_text == "وإن 40 مدرسة ستفتح قريبا"


EQUAL = [
    ("The company said it would cut 1,200 jobs by the end of 2027.",
     "قالت الشركة إنها ستلغي 1,200 وظيفة بحلول نهاية عام 2027."),
    # the faithful rendering of the pair above: a digit equals a digit first, the ordinal is Phase II's
    ("A Phase II trial of enzyme 2 began in May.", "بدأت في مايو تجربة من المرحلة الثانية على الإنزيم 2."),
    # Arabic-Indic digits
    ("The company said it would cut 1,200 jobs by the end of 2027.",
     "قالت الشركة إنها ستلغي ١٢٠٠ وظيفة بحلول نهاية عام ٢٠٢٧."),
    ("The bridge cost $300 million to build.", "كلف بناء الجسر ٣٠٠ مليون دولار."),
    ("The train left at 7:45 and arrived two hours late.", "غادر القطار في الساعة ٧:٤٥ ووصل متأخرا ساعتين."),
    # "one and a half million", decimal comma, Arabic decimal separator
    ("The fund raised $1.5 million from local donors.", "جمع الصندوق مليون ونصف دولار من متبرعين محليين."),
    ("The fund raised $1.5 million from local donors.", "جمع الصندوق 1,5 مليون دولار من متبرعين محليين."),
    ("The fund raised $1.5 million from local donors.", "جمع الصندوق ١٫٥ مليون دولار من متبرعين محليين."),
    # percent spelled three ways
    ("Turnout reached 50 percent in the capital.", "بلغت نسبة المشاركة 50 في المئة في العاصمة."),
    ("Turnout reached 50 percent in the capital.", "بلغت نسبة المشاركة 50 بالمئة في العاصمة."),
    ("Turnout reached 50 percent in the capital.", "بلغت نسبة المشاركة 50% في العاصمة."),
    # words and digits, scales
    ("The ministry hired three hundred new teachers.", "عينت الوزارة 300 معلم جديد."),
    ("Five soldiers were wounded in the attack.", "أصيب خمسة جنود في الهجوم."),
    ("Nearly half a million people fled the fighting.", "فر نحو نصف مليون شخص من القتال."),
    ("The club signed the striker for 40 million euros.", "تعاقد النادي مع المهاجم مقابل أربعين مليون يورو."),
    ("Some 12,000 runners took part in the marathon.", "شارك نحو 12 ألف عداء في الماراثون."),
    ("Twenty-five people were injured.", "أصيب خمسة وعشرون شخصا."),
    ("Exports rose to 2.5 billion dollars.", "ارتفعت الصادرات إلى 2.5 مليار دولار."),
    # months under other names
    ("The vote was moved to March 14.", "تم تأجيل التصويت إلى 14 آذار."),
    ("Inflation eased to 3.2% in October.", "تراجع التضخم إلى 3.2% في تشرين الأول."),
    # "two" as an Arabic dual
    ("The train left at 7:45 and arrived two hours late.", "غادر القطار في الساعة 7:45 ووصل متأخرا ساعتين."),
]


@pytest.mark.parametrize("en, ar", EQUAL)
def test_equal_values_written_differently_are_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "number") == []


ARABIC_FORMS = [
    # teens are two words in Arabic
    ("Thirteen people were injured in the crash.", "أصيب ثلاثة عشر شخصا في الحادث."),
    ("Some 12,000 runners took part in the marathon.", "شارك نحو اثني عشر ألف عداء في الماراثون."),
    # dual of a scale word: مليونا / ملياري = two million / two billion
    ("Two million people live in the city.", "يعيش مليونا شخص في المدينة."),
    ("Regulators fined the bank $2 billion in 2024.", "غرمت الجهات التنظيمية البنك ملياري دولار في عام 2024."),
]


@pytest.mark.parametrize("en, ar", ARABIC_FORMS)
def test_arabic_teens_and_dual_scales_equal_their_values(run_check, en, ar):
    assert run_check(en, ar, "number") == []


def test_may_at_sentence_start_is_not_a_month(run_check):
    en = "May officials attend the hearing in June?"
    ar = "هل يمكن للمسؤولين حضور الجلسة في يونيو؟"
    assert run_check(en, ar, "number.month") == []
