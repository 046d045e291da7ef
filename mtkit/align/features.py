"""What the aligner knows about a unit without a neural model: its length and its anchors.

Anchors are tokens that survive translation: numbers (in any script), Latin-script words kept
in the Arabic (brands), and names, matched across scripts by consonant skeleton.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mtkit.text.arabic import ALL_LETTERS, ARTICLE, strip_proclitics
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
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’-]+")


@dataclass(frozen=True)
class UnitFeatures:
    length: int
    anchors: frozenset[str]


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
    return UnitFeatures(len(text), frozenset(anchors))


def ar_features(unit: str) -> UnitFeatures:
    text = norm(unit)
    anchors = _numbers(text)
    anchors.update("l:" + w for w in _LATIN.findall(text))
    for word in _ARABIC_WORD.findall(text):
        anchors.update(_ar_word_anchors(word))
    return UnitFeatures(len(text), frozenset(anchors))


@lru_cache(maxsize=200_000)
def _ar_word_anchors(word: str) -> tuple[str, ...]:
    """Skeletons of a word, without its article and without a one-letter proclitic."""
    out = []
    for form in strip_proclitics(word, _ANCHOR_PROCLITICS, min_rest=1):
        skeleton = ar_skeleton(form)
        if len(skeleton) >= 2:
            out.append("s:" + skeleton)
    return tuple(out)
