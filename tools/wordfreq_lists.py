"""Regenerate mtkit/data/wordfreq.en.tsv and wordfreq.ar.tsv from the installed wordfreq package.

mtkit reads only English and Arabic Zipf frequencies, so it ships those two lists (wordfreq's
"large" lists, the ones ``zipf_frequency(word, lang)`` uses) instead of depending on wordfreq and
its data for every language. Each line is a word and its frequency in centibels below 1, exactly
as wordfreq stores it (a word listed in two bands keeps the last, as wordfreq's own dictionary
does); lines are sorted by their UTF-8 bytes so mtkit can binary-search the file without loading it.
The script checks every value against ``wordfreq.get_frequency_dict`` before writing.

    pip install 'wordfreq==3.1.1' && python tools/wordfreq_lists.py
    python tools/wordfreq_lists.py --check     # every listed word, in 3 casings: mtkit's Zipf = wordfreq's
"""
from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import wordfreq

DATA = Path(__file__).resolve().parent.parent / "mtkit" / "data"
NAMES = {"en": "English", "ar": "Arabic"}


def header(lang: str, version: str, count: int) -> str:
    return "\n".join([
        f"# {NAMES[lang]} word frequencies from wordfreq {version} (its 'large' list, large_{lang}.msgpack.gz),",
        "# by Robyn Speer and contributors, https://github.com/rspeer/wordfreq.",
        "# License of this data: Creative Commons Attribution-ShareAlike 4.0 (CC-BY-SA 4.0),",
        "# https://creativecommons.org/licenses/by-sa/4.0/; it includes data from Google Books Ngrams,",
        "# OpenSubtitles, Wikipedia, Reddit, Twitter, the Leeds Internet Corpus, NewsCrawl, SUBTLEX and",
        "# the other sources listed in wordfreq's README. Unchanged values, re-encoded as text.",
        f"# {count} words. Regenerate with: python tools/wordfreq_lists.py",
        "# cb = frequency in centibels below 1 (a word's frequency is 10 ** (-cb / 100); Zipf = 9 - cb / 100).",
        "# Lines are sorted by the UTF-8 bytes of the word (mtkit/text/lexicon.py binary-searches them).",
        "# schema: word cb:int",
    ]) + "\n"


def build(lang: str) -> str:
    bands: dict[str, int] = {}
    for cb, words in enumerate(wordfreq.get_frequency_list(lang, "large")):
        for word in words:
            bands[word] = cb                      # the last band wins, as in get_frequency_dict
    reference = wordfreq.get_frequency_dict(lang, "large")
    assert reference == {w: wordfreq.cB_to_freq(-cb) for w, cb in bands.items()}, lang
    for word in bands:
        assert word and not any(c in word for c in "\t\n\r ") and not word.startswith("#"), repr(word)
    lines = [f"{w}\t{bands[w]}" for w in sorted(bands, key=lambda w: w.encode("utf-8"))]
    return header(lang, importlib.metadata.version("wordfreq"), len(lines)) + "\n".join(lines) + "\n"


def check() -> None:
    """mtkit.text.lexicon.zipf against wordfreq.zipf_frequency on every word of both lists, as
    listed, in upper case and title case."""
    from mtkit.data import table
    from mtkit.text.lexicon import zipf
    for lang in NAMES:
        words = [row["word"] for row in table(f"wordfreq.{lang}.tsv")]
        differ = [w for word in words for w in (word, word.upper(), word.title())
                  if zipf(w, lang) != wordfreq.zipf_frequency(w, lang)]
        print(f"{lang}: {len(words):,} words x 3 casings, {len(differ)} differ from wordfreq {differ[:5]}")


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        check()
        return
    for lang in NAMES:
        path = DATA / f"wordfreq.{lang}.tsv"
        path.write_text(build(lang), encoding="utf-8")
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
