"""mtkit.text.numbers: number values in English and Arabic text, whatever the spelling."""
from __future__ import annotations

import pytest

from mtkit.text import normalize, tokenize
from mtkit.text.numbers import same_value, values


def _values(text: str, lang: str) -> list:
    return [value for value, _, _ in values(tokenize(normalize(text)), lang)]


@pytest.mark.parametrize("text, lang, expected", [
    ("lost about $300 million in 2022", "en", [300e6, 2022]),
    ("خسرت نحو 300 مليون دولار في عام ٢٠٢٢", "ar", [300e6, 2022]),
    ("مليون ونصف المليون شخص", "ar", [1.5e6]),
    ("2,5 مليار", "ar", [2.5e9]),
    ("1,500 people", "en", [1500]),
    ("Twenty-two people", "en", [22]),
    ("خمس وعشرين مباراة", "ar", [25]),
    ("ثلاثة عشر شخصا", "ar", [13]),
    ("اثني عشر ألف عداء", "ar", [12000]),
    ("مليونا شخص", "ar", [2e6]),
    ("مليار و300 مليون دولار", "ar", [1.3e9]),
    ("العضو الثاني والثلاثين", "ar", [32]),
    ("50 في المئة", "ar", [50]),
    ("at 7:38 p.m.", "en", ["7:38"]),
])
def test_values(text, lang, expected):
    assert _values(text, lang) == expected


def test_same_value_tolerates_float_rounding_but_not_a_different_number():
    assert same_value(0.1 + 0.2, 0.3)
    assert not same_value(3.5e6, 3.5e9)
    assert same_value("7:38", "7:38") and not same_value("7:38", 7.38)
