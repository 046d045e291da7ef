"""omission.* and addition.* (length and unaligned): content dropped or added."""
from __future__ import annotations

import pytest

from mtkit.checks import all_checks, run_checks, select
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.calibration import severity
from mtkit.model import Segment

LONG_EN = ("The central bank kept its main interest rate unchanged on Thursday, citing uncertainty over "
           "energy prices and weak demand in Europe.")
FULL_AR = ("أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير يوم الخميس، مشيرا إلى الغموض بشأن أسعار "
           "الطاقة وضعف الطلب في أوروبا.")
TRUNCATED_AR = "أبقى البنك المركزي سعر الفائدة."



def test_truncated_translation_is_an_omission_spanning_both_sides(run_check):
    (flag,) = run_check(LONG_EN, TRUNCATED_AR, "omission.length")
    assert (flag.category, flag.check) == ("omission", "omission.length")
    assert flag.severity == severity("major", flag.confidence)
    assert (flag.src_span.start, flag.src_span.end) == (0, len(LONG_EN))
    assert (flag.tgt_span.start, flag.tgt_span.end) == (0, len(TRUNCATED_AR))
    assert (flag.src_text, flag.tgt_text) == (LONG_EN, TRUNCATED_AR)


def test_padded_translation_is_an_addition(run_check):
    en = "Prices rose sharply this week."
    ar = ("ارتفعت الأسعار بشكل حاد هذا الأسبوع، وقال التجار إن الحكومة فشلت في السيطرة على السوق وإن "
          "المواطنين يعانون من أزمة خانقة منذ أشهر طويلة.")
    (flag,) = run_check(en, ar, "addition.length")
    assert (flag.category, flag.check) == ("addition", "addition.length")
    assert flag.severity == severity("major", flag.confidence)
    assert flag.tgt_text == ar


@pytest.mark.parametrize("name", ["omission.length", "addition.length"])
def test_faithful_translation_has_no_length_flag(run_check, name):
    assert run_check(LONG_EN, FULL_AR, name) == []


def test_short_source_is_not_judged_on_length(run_check):
    assert run_check("Talks resumed.", "استؤنفت.", "omission.length") == []


def test_english_with_no_arabic_is_an_omission(run_check):
    en = "Dockworkers in Antwerp are due to vote on a similar offer next week."
    (flag,) = run_check(en, "", "omission.unaligned")
    assert (flag.category, flag.severity) == ("omission", "major")
    assert flag.src_span.slice(en) == en and flag.tgt_span is None
    long_en = LONG_EN + " " + LONG_EN
    assert run_check(long_en, "", "omission.unaligned")[0].severity == "critical"


def test_arabic_with_no_english_is_an_addition(run_check):
    ar = "وأضاف المتحدث أن الحكومة ستعقد مؤتمرا صحفيا غدا."
    (flag,) = run_check("", ar, "addition.unaligned")
    assert (flag.category, flag.check, flag.severity) == ("addition", "addition.unaligned", "major")
    assert flag.tgt_span.slice(ar) == ar and flag.src_span is None


def test_both_sides_present_is_neither_unaligned(run_check):
    assert run_check(LONG_EN, FULL_AR, "omission.unaligned") == run_check(LONG_EN, FULL_AR, "addition.unaligned") == []


def test_truncation_survives_the_dedupe_with_all_checks():
    flags = run_checks(AnalyzedSegment(Segment("t", LONG_EN, TRUNCATED_AR)), select(sorted(all_checks())))
    assert "omission.length" in [f.check for f in flags]


CLAUSE_EN = "The company reported record sales, and it plans to hire 2,000 workers in Texas next year."


def test_a_dropped_clause_holding_a_name_is_one_omission_flag_naming_it():
    # (the priority dedupe alone kept "name 'Texas' not in the Arabic" and dropped the clause)
    dropped = run_checks(AnalyzedSegment(Segment("t", CLAUSE_EN, "أعلنت الشركة عن مبيعات قياسية.")), select())
    assert [(f.category, f.src_text) for f in dropped] == \
        [("omission", "and it plans to hire 2,000 workers in Texas next year")]
    assert "'Texas'" in dropped[0].message
    clean = "أعلنت الشركة عن مبيعات قياسية، وتخطط لتوظيف 2,000 عامل في تكساس العام المقبل."
    assert run_checks(AnalyzedSegment(Segment("t", CLAUSE_EN, clean)), select()) == []


ITALY_EN = ("On 4 March, the Italian government ordered the full closure of all schools and universities nationwide "
            "as Italy reached 100 deaths.")
ITALY_KEPT = "في 4 مارس، أمرت الحكومة الإيطالية بالإغلاق الكامل لجميع المدارس والجامعات في جميع أنحاء البلاد"


def test_a_missing_name_with_unrendered_words_beside_it_is_its_clause_left_out():
    # (no clause rule fires: the run is short; the name and the number are its anchors)
    flags = run_checks(AnalyzedSegment(Segment("t", ITALY_EN, ITALY_KEPT + ".")), select())
    assert [(f.check, f.src_text) for f in flags] == [("omission.clause_words", "Italy reached 100 deaths")]
    assert "'Italy'" in flags[0].message and "'100'" in flags[0].message


def test_a_name_missing_from_a_rendered_clause_stays_a_name_flag():
    flags = run_checks(AnalyzedSegment(Segment("t", ITALY_EN, ITALY_KEPT + "، حيث سجلت 100 حالة وفاة.")), select())
    assert [(f.category, f.src_text) for f in flags] == [("entity", "Italy")]
