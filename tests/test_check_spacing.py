"""spacing.*: glued, joined and split words, doubled spaces, a space before punctuation."""
from __future__ import annotations

import pytest


EN = "The ministry said the new school would open in the capital."
CORRECT = "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة."



CASES = [
    ("spacing.glued", "قالت الوزارة إن المدرسة الجديدةستفتح في العاصمة.", "الجديدةستفتح", "الجديدة ستفتح"),
    ("spacing.joined", "قالت الوزارة إن المدرسة الجديدة ستفتح فيالعاصمة.", "فيالعاصمة", "في العاصمة"),
    ("spacing.double", "قالت الوزارة إن المدرسة الجديدة ستفتح في  العاصمة.", "  ", " "),
    ("spacing.before_punctuation", "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة .", " .", "."),
]


@pytest.mark.parametrize("name, ar, text, suggestion", CASES)
def test_spacing_problem_is_minor_with_exact_target_span(run_check, name, ar, text, suggestion):
    flags = run_check(EN, ar, name)
    assert len(flags) == 1, flags
    flag = flags[0]
    assert (flag.category, flag.check, flag.severity) == ("spacing", name, "minor")
    assert ar[flag.tgt_span.start:flag.tgt_span.end] == flag.tgt_text == text
    assert flag.suggestion == suggestion
    assert flag.src_span is None


def test_split_word_is_flagged(run_check):
    en, ar = "The company said profits rose.", "قالت الشر كة إن الأرباح ارتفعت."
    (flag,) = run_check(en, ar, "spacing.split")
    assert (flag.check, flag.severity) == ("spacing.split", "minor")
    assert ar[flag.tgt_span.start:flag.tgt_span.end] == "الشر كة" and flag.suggestion == "الشركة"


CLEAN = [
    (EN, CORRECT),
    # a transliterated name that is no Arabic word
    ("Mayor Kowalczyk opened the new Szczecin bridge on Friday.",
     "افتتح رئيس البلدية كوفالتشيك جسر شتشيتسين الجديد يوم الجمعة."),
    # long but ordinary words with clitics
    ("They will tell you about their decisions.", "وسيخبرونكم بقراراتهم."),
    # English spacing is not judged; a space before Arabic punctuation only after an Arabic letter
    ("Prices rose 5 %.", "ارتفعت الأسعار 5 %."),
]


@pytest.mark.parametrize("en, ar", CLEAN)
def test_correct_spacing_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "spacing") == []


def test_diacritics_stay_inside_words(run_check):
    """Harakat are part of a word: a split word with vowel marks is still found, and a fully
    vowelled sentence gives no flag."""
    en = "The hospital said the patient was in stable condition."
    split = run_check(en, "قال المُس تشفى إن حالة المريض مستقرة.", "spacing")
    assert [(f.check, f.tgt_text, f.suggestion) for f in split] == [("spacing.split", "المُس تشفى", "المستشفى")]
    vowelled = "قال المُسْتَشْفَى إنَّ حالةَ المريضِ مستقرةٌ."
    assert run_check(en, vowelled, "spacing") == []
