"""What the aligner knows about a unit without a neural model: its length, its anchors and its
dictionary words.

Anchors are tokens that survive translation: numbers (in any script), Latin-script words kept
in the Arabic (brands), and names, matched across scripts by consonant skeleton. Dictionary words
(``lexical``) are keys a word pair the dictionaries link shares (hunalign's overlap score), from
both directions:

- English → Arabic: light Arabic stems, on the English side every stem that the installed FreeDict
  dictionary (mtkit.text.dictionary) gives for a content word, on the Arabic side each content
  word's own stem;
- Arabic → English, where BAMA's tables are installed (mtkit.text.bama): English keys
  (``dictionary.en_key``), on the English side each content word's own, on the Arabic side those
  of the English glosses of each of the word's analyses. This reads the inflected verbs and
  plurals that FreeDict's English headwords render with another form (said: قيل in FreeDict, but
  the text's قال glosses "said"; messenger, heard, came ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from mtkit.text import dictionary
from mtkit.text.arabic import ALL_LETTERS, ARTICLE, ar_core, strip_proclitics
from mtkit.text.normalize import norm
from mtkit.text.translit import ar_skeleton, en_skeleton, vowel_ending_dropped

if TYPE_CHECKING:
    from mtkit.text import bama

# LENGTH_RATIO: calibrated on English→Arabic news (corpora/musk-trump, normalized characters,
# spaces included): Arabic length ≈ 0.84 × English length. It is only a prior: the aligner
# estimates each document's own ratio (dp._ratio) and scales the variance with it.
# LENGTH_VARIANCE: variance per English character for Gale-Church's delta at that ratio, tuned on
# the dev split of eval/data (eval/align_quality.py --tune; 3.0 beat 4.0 and 5.0).
LENGTH_RATIO = 0.84
LENGTH_VARIANCE = 3.0
# An anchor found in more than this share of a side's units (and more than ANCHOR_MIN_CAP units)
# tells units apart poorly (a name repeated in every line) and is ignored for that document.
ANCHOR_MAX_SHARE = 0.05
ANCHOR_MIN_CAP = 8

_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_LATIN = re.compile(r"[a-z][a-z0-9&'-]*")
_ARABIC_WORD = re.compile(f"[{ALL_LETTERS}]{{3,}}")
_ANCHOR_PROCLITICS = (ARTICLE, "و", "ب", "ل")
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’-]+")


_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_GLOSS = "g:"           # an English key (Arabic → English evidence), unlike the Arabic stems
# Arabic content words: three letters or more and not a function word
_AR_FUNCTION = dictionary.AR_FUNCTION_WORDS


@dataclass(frozen=True)
class UnitFeatures:
    length: int
    anchors: frozenset[str]
    lexical: tuple[str, ...] = ()      # dictionary keys, one entry per content word (see module doc)


def _numbers(text: str) -> set[str]:
    return {"n:" + m.replace(",", "") for m in _NUMBER.findall(text)}


def en_features(unit: str) -> UnitFeatures:
    text = norm(unit)
    anchors = _numbers(text)
    for match in _CAPITAL.finditer(unit):
        word = match.group()
        anchors.add("l:" + word.lower().rstrip("'’s"))
        skeleton = en_skeleton(word)
        if len(skeleton) >= 2:
            anchors.add("s:" + skeleton)
    return UnitFeatures(len(text), frozenset(anchors), _en_lexical(text))


def _en_lexical(text: str) -> tuple[str, ...]:
    """For each English content word the dictionaries can link, its keys joined with "|" (one
    entry per word: the DP splits them, and counts the word once per key that matches)."""
    lex = dictionary.bilingual()
    if lex is None:
        return ()
    glossed = _glosses() is not None
    out = []
    for word in _EN_WORD.findall(text):
        keys = _en_word_keys(lex, word, glossed)
        if keys:
            out.append(keys)
    return tuple(out)


@lru_cache(maxsize=200_000)
def _en_word_keys(lex: dictionary.Bilingual, word: str, glossed: bool) -> str:
    """FreeDict's Arabic stems for ``word`` and, where BAMA glosses the Arabic side, its own key."""
    keys = sorted(lex.ar_stems(word))
    if glossed and len(word) > 2 and word not in dictionary.EN_FUNCTION_WORDS:
        keys.append(_GLOSS + dictionary.en_key(word))
    return "|".join(keys)


def _glosses() -> bama.Lexicon | None:
    from mtkit.text import bama        # (imported, and its tables read, on the first unit's features)
    return bama.lexicon()              # (cached there)


@lru_cache(maxsize=200_000)
def _ar_word_keys(word: str) -> str:
    """The light stem of ``word`` (normalized) and the English keys of its BAMA glosses."""
    analyzer = _glosses()
    glosses = analyzer.glosses(word) if analyzer is not None else ()
    return "|".join([ar_core(word), *sorted({_GLOSS + dictionary.en_key(g) for g in glosses})])


def ar_features(unit: str) -> UnitFeatures:
    text = norm(unit)
    anchors = _numbers(text)
    anchors.update("l:" + w for w in _LATIN.findall(text))
    words = _ARABIC_WORD.findall(text)
    for word in words:
        anchors.update(_ar_word_anchors(word))
    # "is not None", not the dictionary's length: that would open its English table, which align
    # never reads (an empty dictionary gives the English side no stems)
    lexical = tuple(_ar_word_keys(w) for w in words if w not in _AR_FUNCTION) if dictionary.bilingual() is not None else ()
    return UnitFeatures(len(text), frozenset(anchors), lexical)


@lru_cache(maxsize=200_000)
def _ar_word_anchors(word: str) -> tuple[str, ...]:
    """Skeletons of a word, without its article and without a one-letter proclitic, and also
    without a final ة or ه read as a vowel (:func:`vowel_ending_dropped`)."""
    out = []
    for form in strip_proclitics(word, _ANCHOR_PROCLITICS, min_rest=1):
        skeleton = ar_skeleton(form)
        if len(skeleton) >= 2:
            out.append("s:" + skeleton)
        bare = vowel_ending_dropped(form)     # هريرة Huraira, قتادة Qatada, مكة Mecca
        if bare is not None:
            skeleton = ar_skeleton(bare)
            if len(skeleton) >= 2:
                out.append("s:" + skeleton)
    return tuple(dict.fromkeys(out))
