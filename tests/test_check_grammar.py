"""grammar.has_perfect: English present perfect copied as possession (has denied → لديه نفى)."""
from __future__ import annotations

import pytest




CALQUES = [
    ("The company has denied any wrongdoing.", "الشركة لديها نفت أي مخالفات.", "has denied", "لديها نفت"),
    ("The minister has signed the decree.", "الوزير لديه وقع المرسوم.", "has signed", "لديه وقع"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", CALQUES)
def test_perfect_copied_as_possession_is_flagged(only_flag, en, ar, src_text, tgt_text):
    flag = only_flag(en, ar, "grammar.has_perfect")
    assert (flag.category, flag.check, flag.severity) == ("grammar", "grammar.has_perfect", "major")
    assert flag.src_span.slice(en) == flag.src_text == src_text
    assert flag.tgt_span.slice(ar) == flag.tgt_text == tgt_text


FINE = [
    ("The company has denied any wrongdoing.", "نفت الشركة ارتكاب أي مخالفات."),
    # real possession after a perfect elsewhere in the sentence
    ("The coach, who has worked in Spain, has extensive experience.", "المدرب الذي عمل في إسبانيا لديه خبرة واسعة."),
    ("The coach, who has worked in Spain, has many ideas.", "المدرب الذي عمل في إسبانيا لديه الكثير من الأفكار."),
    # no perfect in the English
    ("The coach has extensive experience in Europe.", "المدرب لديه خبرة واسعة في أوروبا."),
]


@pytest.mark.parametrize("en, ar", FINE)
def test_real_possession_or_right_tense_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "grammar.has_perfect") == []
