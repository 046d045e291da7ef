"""The shortcuts taken for speed give what the long way gives."""
from __future__ import annotations

from wordfreq import zipf_frequency

from mtkit.text import lexicon
from mtkit.text.normalize import normalize
from mtkit.text.tokens import tokenize

ARABIC = "قالت الوزارةُ إنَّ المدرسةَ الجديدةَ ستُفتحُ في العاصمةِ، في 19 مارس ٢٠٢٠ ﻻ ﷲ الـعام"


def test_zipf_skips_wordfreq_only_for_unseen_plain_words():
    cuts = [w[:k] for w in ARABIC.split() for k in range(1, len(w) + 1)]
    joins = [a + b for a, b in zip(ARABIC.split(), ARABIC.split()[1:])]
    words = cuts + joins + ["العام", "الـعام", "ـ", "", "abc", "the", "The", "don't", "xqzv", "covid19"]
    for lang in ("ar", "en"):
        for word in words:
            mine, theirs = lexicon.zipf.__wrapped__(word, lang), zipf_frequency(word, lang)
            assert (mine, str(mine)) == (theirs, str(theirs)), (word, lang)


def _slow_index(text: str) -> tuple[int, ...]:
    index = [i for i, ch in enumerate(text) for _ in normalize(ch).text]
    return (*index, len(text))


def test_normalize_keeps_the_offsets_of_kept_characters():
    for text in (ARABIC, "plain English", "", "ًّ", "ﻻ ﷲ", "a\u200bb"):
        nt = normalize(text)
        assert nt.index == _slow_index(text), text
        assert len(nt.index) == len(nt.text) + 1


def test_tokens_point_at_their_words_in_the_original():
    nt = normalize(ARABIC)
    tokens = tokenize(nt)
    assert [t.norm for t in tokens][:4] == ["قالت", "الوزاره", "ان", "المدرسه"]
    for tok in tokens:
        assert normalize(ARABIC[tok.start:tok.end]).text == tok.norm
        assert nt.text[tok.nstart:tok.nend] == tok.norm
