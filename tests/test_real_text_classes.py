"""Classes of false alarm seen on real professional translations (TICO-19, eval/tico19.py), each
fixed as a class: the right translation gives no flag, the planted error still does."""
from __future__ import annotations

import pytest

QUIET = [
    ("number.mismatch", "Infections were mainly at the age of 30-65.", "أصاب الفئات العمرية بين 30 و65 بشكل أساسي."),
    ("number.mismatch", "The outbreak of 2002–2004 was smaller.", "كان تفشي عامي 2002 و2004 أصغر."),
    ("number.mismatch", "Stay at least 6 feet (1.8 m) apart.", "ابتعدوا مسافة 6 أقدام (1.8 م) على الأقل."),
    ("number.mismatch", "SARS-CoV-2 surpasses one million infections.", "تجاوز عدد إصابات سارس كوف-2 مليون إصابة."),
    ("number.mismatch", "It was isolated in the mid-1960s.", "عُزل في منتصف ستينيات القرن العشرين."),
    ("number.mismatch", "It had a $300+ billion impact.", "كان له تأثير بأكثر من 300 مليار دولار."),
    ("number.mismatch", "Wash hands for twenty seconds.", "اغسل يديك لمدة عشرين ثانية."),
    ("number.mismatch", "More than 42.000 people took part.", "شارك أكثر من 42000 شخص."),
    ("negation.lost", "RNA translation occurs inside the reticulum.", "تحدث الترجمة داخل الشبكة."),
    ("negation.lost", "It is impossible to sacrifice all camels.", "تستحيل التضحية بكل الجمال."),
    ("negation.lost", "The number of new cases is declining.", "عدد الحالات الجديدة آخذ في الانخفاض."),
    ("negation.added", "Soap works better than water alone.", "يعمل الصابون أفضل من الماء فقط."),
    ("negation.added", "Shortness of breath (Y/N)", "ضيق التنفس (نعم/لا)"),
    ("negation.added", "Especially if you are abroad, go home.", "ولا سيما إذا كنت في الخارج، عد إلى المنزل."),
    ("untranslated.latin", "Janssen is developing an oral vaccine.", "تطور Janssen لقاحًا فمويًا."),
    ("untranslated.latin", "It is encoded by orf3b and orf8.", "يشفره orf3b وorf8."),
    ("untranslated.latin", "In a News.com.au report, he said so.", "قال ذلك في تقرير لموقع News.com.au."),
    ("entity.dropped", "Preparedness is part of the role of the RCGP RSC.",
     "التأهب جزء من دور مركز البحوث والرصد التابع للكلية الملكية للممارسين العامين."),
    ("entity.missing", "The CDC recommends a simple face mask.", "يوصي سي دي سي بقناع وجه بسيط."),
    ("entity.common_noun", "Many Lunar New Year events have been closed in Beijing.",
     "أُغلقت العديد من فعاليات السنة القمرية الجديدة في بكين."),
]


@pytest.mark.parametrize("check, en, ar", QUIET)
def test_right_translations_of_real_text_are_not_flagged(run_check, check, en, ar):
    assert run_check(en, ar, check) == []


LOUD = [
    ("number.mismatch", "Infections were mainly at the age of 30-65.", "أصاب الفئات العمرية بين 30 و56 بشكل أساسي."),
    ("negation.added", "Swabs can also be used.", "لا يمكن أيضًا استخدام المسحات."),
    ("untranslated.latin", "There are few cases among children.", "لا توجد حالات كثيرة بين children."),
    ("untranslated.latin", "Research on treatments began in January.", "بدأ Research عن العلاجات في يناير."),
]


@pytest.mark.parametrize("check, en, ar", LOUD)
def test_the_same_words_with_an_error_are_flagged(run_check, check, en, ar):
    assert [f.check for f in run_check(en, ar, check)] == [check]


def test_lexical_clause_checks_are_silent_without_the_dictionaries(run_check, monkeypatch):
    from mtkit.checks.clauses import added
    en = "The minister opened the new hospital in the capital on Monday."
    ar = "افتتح الوزير المستشفى الجديد في العاصمة يوم الاثنين، وسط مخاوف متزايدة من ارتفاع التكاليف الباهظة جدًا."
    monkeypatch.setattr(added, "bilingual", lambda: None)
    assert run_check(en, ar, "addition.clause") == []


# Negation classes (TICO-19): "still", privative words, "not only", purpose clauses, La, لمّ.
QUIET_NEGATION = [
    ("negation.added", "Some 40% of people are continuing to move around.", "لا زالوا 40% من الناس يتنقلون."),
    ("negation.added", "The infection fatality rate counts diagnosed and undiagnosed cases.",
     "يحسب معدل الوفيات الحالات التي اكتُشفت والتي لم تُكتشف."),
    ("negation.added", "It is unlikely that the virus will disappear.", "لا يُحتمل أن يختفي الفيروس."),
    ("negation.added", "The virus targets not only the lungs but also the kidneys.",
     "لا يستهدف الفيروس الرئتين فقط، بل الكليتين أيضًا."),
    ("negation.added", "Italy's La Stampa newspaper cited a source.", "نقلت صحيفة لا ستامبا الإيطالية عن مصدر."),
    ("negation.added", "Businesses earn revenue from college reunions.", "تحصل الشركات على إيرادات من حفلات لمّ الشمل."),
    ("negation.added", "Those infected may be asymptomatic or have a fever.",
     "ربما لا تظهر أعراض على المصابين أو تظهر عليهم حمى."),
    ("negation.lost", "The UK found none of the kits were good enough.", "وجدت المملكة المتحدة أن الأطقم غير جيدة بما يكفي."),
    ("negation.lost", "Scans showed no progression, and no deaths were reported.", "أظهرت الصور عدم التطور، ولم تسجل وفيات."),
]
LOUD_NEGATION = [
    # a clause's negator dropped while another clause keeps one
    ("negation.lost", "Water is an inefficient cleanser because fats are not dissolved in water.",
     "الماء منظف غير فعال لأن الدهون تتحلل في الماء."),
    # لا before a modal that the English affirms, although the English negates elsewhere
    ("negation.added", "Hand washing can prevent disease and is an inexpensive habit.",
     "لا يمكن أن يمنع غسل اليدين المرض وهو عادة رخيصة."),
]


@pytest.mark.parametrize("check, en, ar", QUIET_NEGATION)
def test_negation_classes_of_real_text_are_quiet(run_check, check, en, ar):
    assert run_check(en, ar, check) == []


@pytest.mark.parametrize("check, en, ar", LOUD_NEGATION)
def test_negation_errors_among_other_negations_are_caught(run_check, check, en, ar):
    assert [f.check for f in run_check(en, ar, check)] == [check]


@pytest.mark.skipif(not __import__("pathlib").Path("/usr/share/dictd/freedict-eng-ara.index").is_file(),
                    reason="the word links need FreeDict")
def test_an_added_negation_is_tied_to_the_english_verb_by_the_word_links(run_check):
    # the English negates one clause; the Arabic negates the other too (approved ↔ توافق)
    flags = run_check("He did not come, but the ministry approved the plan.",
                      "لم يأتِ، لكن الوزارة لم توافق على الخطة.", "negation.added")
    assert [f.tgt_text for f in flags] == ["لم"]
