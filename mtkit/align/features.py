"""What the aligner knows about a unit without a neural model: its length, its anchors and its
dictionary words.

Anchors are tokens that survive translation: numbers (in any script), Latin-script words kept
in the Arabic (brands), and names, matched across scripts by consonant skeleton. Dictionary words
(``lexical``) are light Arabic stems: on the English side every stem that the installed FreeDict
dictionary (mtkit.text.dictionary) gives for a content word, on the Arabic side each content
word's own stem, so a shared stem is a word pair the dictionary links (hunalign's overlap score).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mtkit.text import dictionary
from mtkit.text.arabic import ALL_LETTERS, ARTICLE, ar_core, strip_proclitics
from mtkit.text.normalize import norm
from mtkit.text.translit import ar_skeleton, en_skeleton

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
_FINAL_VOWEL = ("ة", "ه")
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’-]+")


_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Arabic content words: three letters or more and not a function word
_AR_FUNCTION = dictionary.AR_FUNCTION_WORDS


@dataclass(frozen=True)
class UnitFeatures:
    length: int
    anchors: frozenset[str]
    lexical: tuple[str, ...] = ()      # dictionary stems, one entry per content word (see module doc)


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
    """For each English content word the dictionary knows, its Arabic stems joined with "|" (one
    entry per word: the DP splits them, and counts the word once however many stems match)."""
    lex = dictionary.bilingual()
    if lex is None:
        return ()
    out = []
    for word in _EN_WORD.findall(text):
        stems = _en_word_stems(lex, word)
        if stems:
            out.append(stems)
    return tuple(out)


@lru_cache(maxsize=200_000)
def _en_word_stems(lex: dictionary.Bilingual, word: str) -> str:
    return "|".join(sorted(lex.ar_stems(word)))


def ar_features(unit: str) -> UnitFeatures:
    text = norm(unit)
    anchors = _numbers(text)
    anchors.update("l:" + w for w in _LATIN.findall(text))
    words = _ARABIC_WORD.findall(text)
    for word in words:
        anchors.update(_ar_word_anchors(word))
    # "is not None", not the dictionary's length: that would open its English table, which align
    # never reads (an empty dictionary gives the English side no stems: no dictionary evidence either way)
    lexical = tuple(ar_core(w) for w in words if w not in _AR_FUNCTION) if dictionary.bilingual() is not None else ()
    return UnitFeatures(len(text), frozenset(anchors), lexical)


@lru_cache(maxsize=200_000)
def _ar_word_anchors(word: str) -> tuple[str, ...]:
    """Skeletons of a word, without its article and without a one-letter proclitic, and also
    without a final ة or ه, which English spells as a vowel or not at all (the skeleton keeps it
    as h: هريرة is HRH, Huraira HR)."""
    out = []
    for form in strip_proclitics(word, _ANCHOR_PROCLITICS, min_rest=1):
        skeleton = ar_skeleton(form)
        if len(skeleton) >= 2:
            out.append("s:" + skeleton)
        if len(form) >= 3 and form.endswith(_FINAL_VOWEL):     # هريرة Huraira, قتادة Qatada, مكة Mecca
            skeleton = ar_skeleton(form[:-1])
            if len(skeleton) >= 2:
                out.append("s:" + skeleton)
    return tuple(dict.fromkeys(out))
