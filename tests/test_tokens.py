"""mtkit.text.tokens: tokens with spans into the original text, and the light Arabic stemmer."""
from __future__ import annotations

import pytest

from mtkit.text.normalize import norm, normalize
from mtkit.text.arabic import ar_bare, ar_stem
from mtkit.text.tokens import tokenize


def test_tokens_carry_normalized_form_and_original_span():
    original = "قال مَاسْك: «٣٠٠ مليون» لترامب."
    tokens = tokenize(normalize(original))
    assert [t.norm for t in tokens] == ["قال", "ماسك", ":", '"', "300", "مليون", '"', "لترامب", "."]
    assert [original[t.start:t.end] for t in tokens] == ["قال", "مَاسْك", ":", "«", "٣٠٠", "مليون", "»", "لترامب", "."]
    assert [t.is_word for t in tokens] == [True, True, False, False, True, True, False, True, False]


def test_spans_agree_between_normalized_and_original():
    original = "Musk’s 3,500.25 dollars at 7:38, data‐driven"
    nt = normalize(original)
    for token in tokenize(nt):
        assert nt.text[token.nstart:token.nend] == token.norm
        assert norm(original[token.start:token.end]) == token.norm


def test_numbers_and_apostrophes_stay_whole():
    tokens = [t.norm for t in tokenize(normalize("Musk’s $300,000.50 at 7:38 don't"))]
    assert tokens == ["musk's", "$", "300,000.50", "at", "7:38", "don't"]


def test_empty_and_blank_text():
    assert tokenize(normalize("")) == []
    assert tokenize(normalize(" \u200f\t")) == []


@pytest.mark.parametrize("words", [
    ("المعلمون", "معلمين", "المعلمات", "والمعلمة", "معلم"),
    ("الانتخابات", "انتخابات", "والانتخابات"),
    ("ترامب", "لترامب", "بترامب", "وترامب"),
    ("الكتاب", "كتاب", "وبالكتاب", "للكتاب"),
])
def test_inflections_share_a_stem(words):
    stems = {ar_stem(norm(w)) for w in words}
    assert len(stems) == 1, stems


def test_stem_keeps_short_words():
    for word in ("من", "في", "قال", "كان"):
        assert ar_stem(norm(word)) == norm(word)


def test_bare_forms_of_names_strip_proclitics_longest_first():
    assert ar_bare("وبيلتز") == ("وبيلتز", "بيلتز", "يلتز")
    assert "ترامب" in ar_bare("لترامب")
    assert ar_bare("ماسك") == ("ماسك",)
    assert ar_bare("الرئيس")[-1] == "رئيس"
