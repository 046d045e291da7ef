"""mtkit.text.normalize: matching forms of Arabic and English, with a map back to the original."""
from __future__ import annotations

import random
from pathlib import Path
import re

import pytest

from mtkit.text.normalize import norm, normalize


@pytest.mark.parametrize("original, expected", [
    ("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله"),              # alef with hamza/madda/wasla
    ("مسؤول رئيس", "مسوول رييس"),                                   # hamza on waw and ya
    ("مصطفى على", "مصطفي علي"),                                     # alef maqsura → ya
    ("المدرسة الجامعة", "المدرسه الجامعه"),                           # ta marbuta → ha
    ("ماـــسك", "ماسك"),                                             # tatweel
    ("مَاسْكٌ كَتَبَ شَدَّة", "ماسك كتب شده"),                            # harakat, tanwin, shadda, sukun
    ("هٰذا", "هذا"),                                                 # dagger alef
    ("٢٠٢٢ و٣٠٠ و۷:۳۸", "2022 و300 و7:38"),                          # Arabic-Indic and Persian digits
    ("٣٫٥٪", "3.5%"),                                                # decimal separator, percent sign
    ("نعم، لا؛ هل؟", "نعم, لا; هل?"),                                 # Arabic punctuation
    ("\u200fترامب\u200e \u202bماسك\u202c \u2067X\u2069", "ترامب ماسك x"),  # bidi controls
    ("بي\u200cلتز ما\u200dسك\u200b \ufeffهيوز\u2060", "بيلتز ماسك هيوز"),  # zero-width characters
    ("«قال» “said” „so“ ‘it’ ‹x›", '"قال" "said" "so" \'it\' \'x\''),  # quote styles
    ("Musk’s didn`t ʼok", "musk's didn't 'ok"),                       # apostrophes
    ("THE U.S. Space Force", "the u.s. space force"),                # English case folded
    ("data‐driven – 2020—2021 −5", "data-driven - 2020-2021 -5"),    # hyphens and dashes
    ("a\u00a0b\u202fc\u2009d", "a b c d"),                           # unusual spaces
    ("ﻻ ﻣﺎﺳﻚ", "لا ماسك"),                                           # presentation forms
    ("Café Cafe\u0301", "cafe cafe"),                                # precomposed and combining accents agree
    ("ﬁnal", "final"),                                               # Latin ligature
    ("❤️ ﴾x﴿", "❤ ﴾x﴿"),                                             # variation selector; no NFKC form
])
def test_normalized_forms(original, expected):
    assert normalize(original).text == expected
    assert norm(original) == expected


def test_index_maps_every_normalized_char_to_its_original():
    nt = normalize("مَاسْك ـ Musk’s")
    assert len(nt.index) == len(nt.text) + 1 and nt.index[-1] == len(nt.original)
    for i, ch in enumerate(nt.text):
        assert norm(nt.original[nt.index[i]]).count(ch) >= 1


def test_span_of_a_match_is_the_original_text():
    original = "قال مَاسْك إن «ترامب» سيفوز"
    nt = normalize(original)
    start = nt.text.index("ماسك")
    assert nt.span(start, start + 4).slice(original) == "مَاسْك"
    start = nt.text.index('"ترامب"')
    assert nt.span(start, start + 7).slice(original) == "«ترامب»"


def test_span_of_an_empty_range_and_of_the_end():
    nt = normalize("ab")
    assert nt.span(1, 1).to_list() == [1, 1]
    assert nt.span(2, 2).to_list() == [2, 2]


def test_ligature_span_covers_the_whole_original_character():
    nt = normalize("xﻻy")
    assert nt.text == "xلاy"
    assert nt.span(1, 2).slice(nt.original) == "ﻻ"      # half of an expansion maps to the whole char
    assert nt.span(1, 3).slice(nt.original) == "ﻻ"


# Characters the property test mixes: every class normalize handles, plus plain letters.
ALPHABET = list(
    "abcXYZ MUSK musk ماسك ترامب بيلتز هيوز " "أإآٱىئؤة" "ـ" "\u064b\u064e\u0650\u0651\u0652\u0670"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬،؛؟٪" "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2069\u200b\u200c\u200d\ufeff\u00ad"
    "“”«»„‘’‚`′" "‐‑–—−" "\u00a0\u2009\u202f" "éÉe\u0301ﻻﻣﺎﺳﻚﬁ" ".,!?'\"-"
)


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))


def boundaries(nt) -> list[int]:
    """Normalized offsets that start (or end) the output of one original character."""
    return [i for i in range(len(nt.text) + 1)
            if i in (0, len(nt.text)) or nt.index[i] != nt.index[i - 1]]


def test_property_every_match_maps_back_to_text_that_normalizes_the_same():
    rng = random.Random(20261126)
    checked = 0
    for _ in range(400):
        nt = normalize(random_text(rng))
        cuts = boundaries(nt)
        for _ in range(10):
            if len(cuts) < 2:
                break
            start, end = sorted(rng.sample(cuts, 2))
            span = nt.span(start, end)
            assert 0 <= span.start <= span.end <= len(nt.original)
            assert norm(span.slice(nt.original)) == nt.text[start:end], (nt.original, start, end)
            checked += 1
        # what tokenizers and regexes find: words and numbers
        for match in re.finditer(r"\w+", nt.text):
            if match.start() in cuts and match.end() in cuts:
                assert norm(nt.span(*match.span()).slice(nt.original)) == match.group()
    assert checked > 2000


def test_property_normalization_is_idempotent():
    rng = random.Random(7)
    for _ in range(300):
        once = norm(random_text(rng))
        assert norm(once) == once


def test_translate_table_norm_equals_the_offset_mapped_normalize():
    data = Path(__file__).parent / "data" / "align"
    for path in data.glob("verses.*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert norm(line) == normalize(line).text
    odd = "\ufeffPrice\u00a0٣٫٥٪ — «quoted» ﻻ \u200fend"
    assert norm(odd) == normalize(odd).text

