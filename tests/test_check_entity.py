"""entity.missing and entity.common_noun: names dropped or turned into common words."""
from __future__ import annotations

import pytest

from mtkit.checks.calibration import severity


def src_of(flag, en: str) -> str:
    return flag.src_span.slice(en)


def tgt_of(flag, ar: str) -> str | None:
    return flag.tgt_span.slice(ar) if flag.tgt_span else None


MISSING = [
    # the agency name dropped, the generic head noun left: the target span points at it
    ("The Associated Press said the storm had killed at least four people.",
     "قالت وكالة الأنباء إن العاصفة أودت بحياة أربعة أشخاص على الأقل.",
     "Associated Press", "وكالة الأنباء"),
    # a person replaced by the office: nothing to point at in the Arabic
    ("Marco Rubio arrived in Riyadh late on Monday.",
     "وصل وزير الخارجية إلى الرياض في وقت متأخر من يوم الاثنين.",
     "Marco Rubio", None),
    ("Pete Hegseth told reporters that the drills would continue.",
     "قال الوزير للصحفيين إن التدريبات ستستمر.",
     "Pete Hegseth", None),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", MISSING)
def test_missing_known_name_is_flagged(only_flag, en, ar, src_text, tgt_text):
    flag = only_flag(en, ar, "entity.missing")
    assert (flag.category, flag.check) == ("entity", "entity.missing")
    assert flag.severity == severity("major", flag.confidence)
    assert src_of(flag, en) == flag.src_text == src_text
    assert tgt_of(flag, ar) == tgt_text
    assert flag.suggestion                      # the expected Arabic form


def test_dropped_agency_name_points_at_the_dangling_head_noun(run_check):
    en = "Reuters reported that the central bank would hold rates steady."
    ar = "ذكرت الوكالة أن البنك المركزي سيبقي أسعار الفائدة دون تغيير."
    (flag,) = run_check(en, ar, "entity.missing")
    assert src_of(flag, en) == "Reuters"
    assert tgt_of(flag, ar).startswith("الوكالة")
    assert flag.suggestion == "رويترز"


COMMON = [
    ("Former President George W. Bush attended the funeral in Dallas.",
     "حضر الرئيس السابق جورج دبليو الشجيرة الجنازة في دالاس.", "Bush", "الشجيرة"),
    ("Susan Rice will testify before the committee next week.",
     "ستدلي سوزان الأرز بشهادتها أمام اللجنة الأسبوع المقبل.", "Rice", "الأرز"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", COMMON)
def test_name_translated_as_common_word_is_flagged(only_flag, en, ar, src_text, tgt_text):
    flag = only_flag(en, ar, "entity.common_noun")
    assert (flag.category, flag.check, flag.severity) == ("entity", "entity.common_noun", "major")
    assert (src_of(flag, en), tgt_of(flag, ar)) == (src_text, tgt_text)
    assert (flag.src_text, flag.tgt_text) == (src_text, tgt_text)


KEPT = [
    ("Former President George W. Bush attended the funeral in Dallas.",
     "حضر الرئيس السابق جورج دبليو بوش الجنازة في دالاس."),
    ("Susan Rice will testify before the committee next week.",
     "ستدلي سوزان رايس بشهادتها أمام اللجنة الأسبوع المقبل."),
    ("The Associated Press said the storm had killed at least four people.",
     "قالت وكالة أسوشيتد برس إن العاصفة أودت بحياة أربعة أشخاص على الأقل."),
    # spelling variants of a transliteration
    ("Pete Hegseth told reporters that the drills would continue.",
     "قال بيت هيجسث للصحفيين إن التدريبات ستستمر."),
    ("Kamala Harris will campaign in Georgia on Friday.",
     "ستقوم كمالا هارس بحملة انتخابية في جورجيا يوم الجمعة."),
    ("Donald Trump met Keir Starmer at the White House.",
     "التقى دونالد ترمب كير ستارمر في البيت الأبيض."),
    ("Senator Rand Paul said he would vote against the package.",
     "قال السناتور راند باول إنه سيصوت ضد الحزمة."),
    # names unknown to the lexicon, transliterated
    ("The mayor of Tulsa, Monroe Nichols, declared an emergency.",
     "أعلن رئيس بلدية تولسا مونرو نيكولز حالة الطوارئ."),
    # names and brands kept in Latin script
    ("Reuters reported that the central bank would hold rates steady.",
     "نقلت Reuters أن البنك المركزي سيبقي أسعار الفائدة دون تغيير."),
    ("Tesla shares fell after Elon Musk posted on X about SpaceX.",
     "تراجعت أسهم Tesla بعد أن نشر إيلون ماسك على X عن SpaceX."),
    ("Leaders of NATO met in Brussels on Thursday.", "اجتمع قادة الناتو في بروكسل يوم الخميس."),
    # a country rendered by its adjective
    ("Officials from Jordan and Egypt met in Amman.", "اجتمع مسؤولون أردنيون ومصريون في عمان."),
    ("A senior Pentagon official said the drills would continue.",
     "قال مسؤول كبير في البنتاغون إن التدريبات ستستمر."),
]


@pytest.mark.parametrize("en, ar", KEPT)
def test_names_kept_are_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "entity") == []


ARTICLE_FORMS = [
    # Arabic writes these names with the article; entities.tsv lists الكرملين and الفاتيكان
    ("A spokesman for the Kremlin declined to comment on the report.",
     "ورفض متحدث باسم الكرملين التعليق على التقرير."),
    ("Officials at the Vatican confirmed the visit on Sunday.",
     "أكد مسؤولون في الفاتيكان الزيارة يوم الأحد."),
    # nationality adjectives take the article
    ("The Argentine government signed a deal with Algeria.",
     "وقعت الحكومة الأرجنتينية اتفاقا مع الجزائر."),
    ("The Mexican president met the Canadian prime minister in Ottawa.",
     "التقت الرئيسة المكسيكية رئيس الوزراء الكندي في أوتاوا."),
]


@pytest.mark.parametrize("en, ar", ARTICLE_FORMS)
def test_names_written_with_the_arabic_article_are_not_common_nouns(run_check, en, ar):
    assert run_check(en, ar, "entity.common_noun") == []


def test_sentence_initial_capital_alone_is_not_a_name(run_check):
    en = "Brown bears were seen near the village on Monday."
    ar = "شوهدت دببة بنية قرب القرية يوم الاثنين."
    assert run_check(en, ar, "entity.common_noun") == []


def test_empty_arabic_is_left_to_the_omission_check(run_check):
    assert run_check("Marco Rubio arrived in Riyadh.", "", "entity.missing") == []
