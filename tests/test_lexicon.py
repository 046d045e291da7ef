"""mtkit's word frequencies (mtkit/text/lexicon.py over mtkit/data/wordfreq.{en,ar}.tsv) are
wordfreq's zipf_frequency to the last digit, without the wordfreq package on the default path."""
from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtkit.data import data_path, table
from mtkit.text.lexicon import _list, zipf

LANGS = ("en", "ar")


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_is_sorted_unique_and_loads_strictly(lang):
    rows = table(f"wordfreq.{lang}.tsv")
    keys = [row["word"].encode("utf-8") for row in rows]
    assert len(rows) > 300_000 and keys == sorted(set(keys))
    assert all(0 <= row["cb"] < 800 for row in rows)
    header = data_path(f"wordfreq.{lang}.tsv").read_text(encoding="utf-8")[:1200]
    assert "CC-BY-SA 4.0" in header and "tools/wordfreq_lists.py" in header


@pytest.mark.parametrize("lang", LANGS)
def test_every_listed_word_is_found_and_unlisted_ones_are_not(lang):
    rows = table(f"wordfreq.{lang}.tsv")
    found = _list(lang)
    for row in rows[::997] + rows[:3] + rows[-3:]:
        assert found.centibels(row["word"]) == row["cb"]
    for word in ("", "\U0010fffd", rows[0]["word"][:-1] + "\x00", rows[-1]["word"] + "\U0010fffd"):
        assert found.centibels(word) is None


def test_known_values():
    assert zipf("the", "en") > 7 and zipf("The", "en") == zipf("the", "en")
    assert zipf("المستشفى") > 3.5 and zipf("المــستشفى") == zipf("المستشفى")      # tatweel removed
    assert zipf("qzxqzxqzx", "en") == 0.0 and zipf("فيالعاصمة") < 1.5


wordfreq = pytest.importorskip("wordfreq")          # in mtkit[test]; not a core dependency

SAMPLES = ["the", "The", "DON'T", "don’t", "l'arc", "co-operate", "U.S.", "e-mail", "2019", "1,000", "3.5",
           "covid-19", "Covid19", "٢٠٢٠", "١٬٠٠٠", "x2", "A4", "naïve", "naı̈ve", "Straße", "ﬁne", "İstanbul",
           "hello world", "  ", "'", "@s", "tod@s", "😀", "中文", "ไทย", "カタカナ", "كَلِمَة", "الحمــد",
           "المستشفى", "فيالعاصمة", "ﻻ", "ﷺ", "ك", "و ", "عبد-الله", "«قال»", "ابن2", "ab\u200dcd",
           "\u0640", "\u064b", "ػؼؽؾؿ", "كـتاب", "١٢٣٤", "in 1999", "99%", "$5", "C++", "Ω", "ǅ", "ﬀ", "ㄱ", "٣٫٥"]


@pytest.mark.parametrize("lang", LANGS)
def test_equal_to_wordfreq_on_samples_and_list_words(lang):
    words = SAMPLES + [row["word"] for row in table(f"wordfreq.{lang}.tsv")[::211]]
    words += [w.upper() for w in words[:400]] + [w + w for w in words[::7]]
    for word in words:
        assert zipf(word, lang) == wordfreq.zipf_frequency(word, lang), (word, lang)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), st.sampled_from(LANGS))
def test_equal_to_wordfreq_on_any_text(word, lang):
    assert zipf(word, lang) == wordfreq.zipf_frequency(word, lang)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeیيكلمةالستشفى019٢,.'’-ـًAZ", max_size=10), st.sampled_from(LANGS))
def test_equal_to_wordfreq_on_word_like_text(word, lang):
    assert zipf(word, lang) == wordfreq.zipf_frequency(word, lang)


def test_words_with_an_apostrophe_equal_wordfreq():
    """Possessives and contractions skip the tokenizer (lexicon._PLAIN_EN_APOSTROPHE): every listed
    English word with an apostrophe, in three casings, and elisions that the tokenizer splits."""
    words = [row["word"] for row in table("wordfreq.en.tsv") if "'" in row["word"]]
    words += [w.upper() for w in words] + [w.capitalize() for w in words]
    words += ["l'homme", "d'accord", "o'er", "qu'il", "Musk's", "BIDEN'S", "abc'e", "ab'cde", "rock'n'roll"]
    assert len(words) > 50_000
    for word in words:
        assert zipf(word, "en") == wordfreq.zipf_frequency(word, "en"), word


def test_the_default_path_imports_no_wordfreq():
    code = ("import sys; from mtkit.text.lexicon import zipf; zipf('hello', 'en'); zipf('مرحبا'); zipf(\"Musk's\", 'en');"
            "assert 'wordfreq' not in sys.modules and 'regex' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
