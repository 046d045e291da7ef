"""punctuation.*: stray quotes and unbalanced brackets or quotes."""
from __future__ import annotations

import pytest




def test_quotes_around_a_name_for_a_possessive_are_stray(run_check):
    en, ar = "Vance's remarks drew criticism from both parties.", 'أثارت تصريحات " فانس " انتقادات من الحزبين.'
    (flag,) = run_check(en, ar, "punctuation.stray_quotes")
    assert (flag.category, flag.check, flag.severity) == ("punctuation", "punctuation.stray_quotes", "minor")
    assert flag.tgt_span.slice(ar) == flag.tgt_text == '" فانس "'
    assert flag.suggestion == "فانس" and "possessive" in flag.message


UNBALANCED = [
    ("The ministry (which oversees ports) issued a statement.", "أصدرت الوزارة (التي تشرف على الموانئ بيانا.", "("),
    ('The minister said the reform was "overdue".', 'قال الوزير إن الإصلاح "تأخر كثيرا.', '"'),
    ('The minister said the reform was "overdue".', "قال الوزير إن الإصلاح «تأخر كثيرا.", "«"),
]


@pytest.mark.parametrize("en, ar, mark", UNBALANCED)
def test_unbalanced_mark_is_flagged_at_its_position(only_flag, en, ar, mark):
    flag = only_flag(en, ar, "punctuation.unbalanced")
    assert (flag.category, flag.severity) == ("punctuation", "minor")
    assert flag.tgt_span.slice(ar) == flag.tgt_text == mark
    assert ar.index(mark) == flag.tgt_span.start


BALANCED = [
    ("The ministry (which oversees ports) issued a statement.", "أصدرت الوزارة (التي تشرف على الموانئ) بيانا."),
    ('The minister said the reform was "overdue".', "قال الوزير إن الإصلاح «تأخر كثيرا»."),
    ('The minister said the reform was "overdue".', 'قال الوزير إن الإصلاح "تأخر كثيرا".'),
    # the English itself is unbalanced: not the translation's fault
    ('He said: "We will not stop.', 'قال: "لن نتوقف.'),
]


@pytest.mark.parametrize("en, ar", BALANCED)
def test_balanced_marks_are_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "punctuation") == []


def test_quotes_that_the_english_has_are_not_stray(run_check):
    en = 'The senator called the plan "reckless" in a statement.'
    ar = 'وصف السيناتور الخطة بأنها " متهورة " في بيان.'
    assert all(f.check != "punctuation.stray_quotes" for f in run_check(en, ar, "punctuation.stray_quotes"))
