"""Word frequencies: is a string an Arabic or English word that people write? Used to find glued
and split words, common words among names, and the rarest word of a phrase.

The values are wordfreq's ``zipf_frequency(word, lang)`` for ``en`` and ``ar``, to the last digit,
from its two lists shipped as ``mtkit/data/wordfreq.{en,ar}.tsv`` (CC-BY-SA 4.0; see their headers
and ``tools/wordfreq_lists.py``), so mtkit needs neither the wordfreq package nor its 60 MB of
data for every language. A list's lines are sorted by their UTF-8 bytes and binary-searched in
the file's bytes (memory-mapped): nothing is parsed or read whole before a word is looked up.

A word is turned into wordfreq's tokens as wordfreq does (Unicode normalization, Arabic marks and
tatweel removed, case folding, its tokenizer expression, straight quotes, digit runs smashed to 0s
and given wordfreq's estimate for numbers); several tokens combine as 1/f = 1/f1 + 1/f2 + ….
Plain words of ASCII or Arabic letters (nearly every lookup, possessives and contractions
included) skip the tokenizer: for them it returns the word itself. tests/test_lexicon.py checks
the values against wordfreq where installed.
"""
from __future__ import annotations

import io
import math
import mmap
import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from mtkit.data import data_path
from mtkit.text.arabic import LETTERS, TATWEEL

SCHEMA = b"# schema: word cb:int\n"
MINIMUM = 10 ** 0.0 / 1e9          # wordfreq's frequency for unseen words (Zipf 0)
# the lines a search reads while its range is wider than this are kept as a sparse index (at
# most one line per INDEX_SPAN / 2 bytes of the list, so a few thousand)
INDEX_SPAN = 4096
_PLAIN_AR = re.compile(f"[{LETTERS}]+")          # Arabic letters (and tatweel: see _tokens)
# ASCII letters with one inner apostrophe after at least three letters ("musk's", "wouldn't"):
# wordfreq's tokenizer keeps them whole (no word boundary around an apostrophe between letters,
# and too long a head to be an elision like "l'homme"), so they skip it and its regex import
_PLAIN_EN_APOSTROPHE = re.compile(r"[A-Za-z]{3,}'[A-Za-z]+")
_ASCII_DIGIT = re.compile(r"[0-9]")


class _SortedList:
    """One ``wordfreq.LANG.tsv``: ``word<TAB>cb`` lines sorted by bytes, searched in place."""

    def __init__(self, name: str):
        self.name = name
        blob = _mapped(name)
        at = blob.find(SCHEMA)
        if at < 0 or blob[-1:] != b"\n" or (at and blob[at - 1:at] != b"\n") or blob[:1] != b"#":
            raise ValueError(f"mtkit/data/{name}: not a sorted word list ('{SCHEMA.decode().strip()}' header)")
        self.blob, self.start = blob, at + len(SCHEMA)
        # the lines searches have read, sorted: a sparse index that grows where words are looked up
        self._keys: list[bytes] = []
        self._lines: list[tuple[int, int, int]] = []          # (start, tab, end)

    def centibels(self, word: str) -> int | None:
        blob, key, keys, lines = self.blob, word.encode("utf-8"), self._keys, self._lines
        # start between the two nearest lines an earlier search read (both searches bisect the same sorted lines)
        k = bisect_left(keys, key)
        if k < len(keys) and keys[k] == key:
            return int(blob[lines[k][1] + 1:lines[k][2]])
        lo = lines[k - 1][2] + 1 if k else self.start       # both always at the start of a line
        hi = lines[k][0] if k < len(keys) else len(blob)
        while hi - lo > INDEX_SPAN:
            line, tab, end, found = self._probe(lo, hi)
            if found == key:
                return int(blob[tab + 1:end])
            keys.insert(k, found)                     # it sorts between keys[k - 1] and keys[k]
            lines.insert(k, (line, tab, end))
            k += found < key
            if found < key:
                lo = end + 1
            else:
                hi = line
        # a few KB left, which the index does not keep: one search of the bytes for the whole line
        # start (the newline before lo included) beats a dozen probes
        at = blob.find(b"\n" + key + b"\t", lo - 1, hi)
        if at < 0:
            return None
        tab = at + len(key) + 1
        return int(blob[tab + 1:blob.find(b"\n", tab)])

    def words_at_least(self, least: float) -> frozenset[str]:
        """Every listed word whose Zipf frequency (as :func:`zipf` reads a word of one token without
        digits) is at least ``least``. The lines must be sorted without repeats, as searches assume."""
        out, previous = [], b""
        for line in self.blob[self.start:].split(b"\n")[:-1]:       # (the list ends with a newline)
            word, _, cb = line.partition(b"\t")
            if word <= previous:
                raise ValueError(f"mtkit/data/{self.name}: {word!r} is out of order or repeated")
            previous = word
            if _zipf_of_centibels(int(cb)) >= least:
                out.append(word.decode("utf-8", "replace"))   # (no Arabic word asked holds U+FFFD)
        return frozenset(out)

    def _probe(self, lo: int, hi: int) -> tuple[int, int, int, bytes]:
        """The line in the middle of ``lo:hi``: its start, tab, end and word."""
        blob = self.blob
        line = blob.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
        end = blob.find(b"\n", line)                 # found: the list ends with a newline
        tab = blob.find(b"\t", line, end)
        if tab < 0:
            raise ValueError(f"mtkit/data/{self.name}: a line without a tab at byte {line}")
        return line, tab, end, blob[line:tab]


def _mapped(name: str) -> bytes | mmap.mmap:
    """A list's bytes, memory-mapped where the file system allows: a run looks up a few thousand
    words, touching a few pages of the 14 MB instead of reading them all."""
    with data_path(name).open("rb") as stream:
        try:
            return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError, io.UnsupportedOperation):     # a zipped install: read it
            return stream.read()


@lru_cache(maxsize=2)
def _list(lang: str) -> _SortedList:
    return _SortedList(f"wordfreq.{lang}.tsv")


@lru_cache(maxsize=1)
def _wordfreq_expressions() -> dict[str, Any]:
    """wordfreq's tokenizer and number expressions (wordfreq/tokens.py, numbers.py, preprocess.py;
    Apache-2.0, Robyn Speer), compiled only for the rare word that is not plain letters."""
    import regex
    spaceless = r"\p{IsIdeo}" + "".join(rf"\p{{Script={s}}}" for s in
                                        ("Hira", "Kana", "Khmr", "Lana", "Laoo", "Mymr", "Tale", "Talu", "Thai"))
    vowel = "[AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ]"
    token = (rf"[{spaceless}ー々〻〆]+ | @s \b | (?=[\w\p{{So}}]) (?!\w\w?'{vowel}) \X+? (?: @s? (?!\w) | \b ) | \w\w?'")
    return {"token": regex.compile(token, regex.V1 | regex.WORD | regex.VERBOSE),
            "marks": regex.compile(r"[\p{Mn}\N{ARABIC TATWEEL}]", regex.V1),
            "digit": regex.compile(r"\d"), "multi_digit": regex.compile(r"\d[\d.,]+"), "pure": regex.compile(r"\d+")}


def _tokens(word: str, lang: str) -> list[str]:
    """wordfreq's ``lossy_tokenize(word, lang)`` for English and Arabic."""
    if word.isascii() and (word.isalpha() or _PLAIN_EN_APOSTROPHE.fullmatch(word)):
        return [word.casefold()]
    if lang == "ar" and _PLAIN_AR.fullmatch(word) and TATWEEL not in word:
        return [word]
    rx = _wordfreq_expressions()
    text = unicodedata.normalize("NFKC" if lang == "ar" else "NFC", word)
    if lang == "ar":
        text = rx["marks"].sub("", text)
    text = unicodedata.normalize("NFC", text.casefold())
    tokens = [t.strip("'").casefold() for t in rx["token"].findall(text)]
    return [re.sub("[\u02bc\u2018-\u201b]", "'", re.sub("[\u201c-\u201f]", '"', t)) for t in tokens]


def _benford(digits: str) -> float:
    return [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045][int(digits[0])] / 10 ** (len(digits) - 1)


def _year(digits: str) -> float:
    year, peak = int(digits), -1.9185
    if year <= 2019:
        log_freq = peak - 0.0083 * (2019 - year)
    elif year <= 2039:
        log_freq = peak
    else:
        log_freq = peak - 0.2 * (year - 2039)
    return 10.0 ** log_freq + 0.1 * _benford(digits)


def _digit_freq(token: str) -> float:
    """wordfreq's estimate for the digit runs of a token (years peak, others follow Benford)."""
    rx, freq = _wordfreq_expressions(), 1.0
    for match in rx["multi_digit"].findall(token):
        for digits in rx["pure"].findall(match):
            freq *= _year(digits) if len(digits) == 4 else _benford(digits)
    return freq


def _frequency(word: str, lang: str) -> float:
    """wordfreq's ``word_frequency(word, lang, minimum=MINIMUM)``, the same float operations."""
    tokens = _tokens(word, lang)
    if not tokens:
        return MINIMUM
    one_over_result = 0.0
    for token in tokens:
        smashed = token
        if not token.isalpha() and not (token.isascii() and not _ASCII_DIGIT.search(token)):   # digits to smash
            rx = _wordfreq_expressions()
            smashed = rx["multi_digit"].sub(lambda m: rx["digit"].sub("0", m.group(0)), token)
        cb = _list(lang).centibels(smashed)
        if cb is None:
            return MINIMUM
        freq = 10 ** (-cb / 100)
        if smashed != token:
            freq *= _digit_freq(token)
        one_over_result += 1.0 / freq
    return _rounded(one_over_result)


def _rounded(one_over_result: float) -> float:
    unrounded = max(1.0 / one_over_result, MINIMUM)
    return round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)


def _zipf_of(frequency: float) -> float:
    return round(math.log(frequency, 10) + 9, 2)


_UNSEEN = _zipf_of(MINIMUM)


@lru_cache(maxsize=None)
def _zipf_of_centibels(cb: int) -> float:
    """The Zipf frequency of a word of one token without digits listed at ``cb``: what
    :func:`_frequency` computes for it, once per value (a list holds a few hundred)."""
    return _zipf_of(_rounded(0.0 + 1.0 / 10 ** (-cb / 100)))


# Words of Arabic letters a run asks ar_at_least about before it loads the set of common words (about
# 10 ms, the price of that many searches): a short run (an article) searches the list instead.
SEARCHES_BEFORE_SET = 2_000
_asked: dict[float, int] = {}


def ar_at_least(word: str, least: float) -> bool:
    """``zipf(word) >= least`` for an Arabic word: a word of Arabic letters alone (one token, as zipf
    reads it) is answered, once a run has asked about many, from the set of listed words that common,
    without a search of the list (most words asked, such as two adjacent words joined, are not listed)."""
    if _PLAIN_AR.fullmatch(word) and TATWEEL not in word:
        asked = _asked[least] = _asked.get(least, 0) + 1
        common = _ar_words_at_least(least) if asked > SEARCHES_BEFORE_SET else None
        if common is not None:
            return word in common
    return zipf(word) >= least


@lru_cache(maxsize=8)
def _ar_words_at_least(least: float) -> frozenset[str] | None:
    """The Arabic list's words at least ``least`` common, kept in mtkit's cache (keyed to its data
    files); None without a cache, where building it (0.5 s) would cost more than a short run's searches."""
    from mtkit import cache
    if cache.directory() is None or least <= _UNSEEN:
        return None                 # (at or below an unseen word's frequency every word is common)
    return cache.compiled(f"wordfreq-ar-{least}", lambda: _list("ar").words_at_least(least))


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "ar") -> float:
    """Zipf frequency: 0 for unseen strings, about 3 for a word seen once per million words."""
    tokens = _tokens(word, lang)
    if len(tokens) == 1 and tokens[0].isalpha():       # nearly every word: one token, no digit to smash
        cb = _list(lang).centibels(tokens[0])
        return _UNSEEN if cb is None else _zipf_of_centibels(cb)
    return _zipf_of(_frequency(word, lang))
