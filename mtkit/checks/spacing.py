"""Glued and split words, doubled spaces, spaces before Arabic punctuation."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Flag, Span
from mtkit.text.lexicon import zipf
from mtkit.text.translit import transliterates

# Glued: an unseen token that splits into two common words. Split: two tokens that join into a
# common word while one of them is no word at all. Thresholds are Zipf frequencies (wordfreq).
COMMON, RARE, JOINED = 3.0, 2.5, 3.5
SHORT_PART = 5.5        # a two-letter part must be a function word as frequent as في or من
_ARABIC_TOKEN = re.compile(r"[\u0621-\u064A]+")

# ة and ى only end a word: one followed by another Arabic letter marks two words glued together.
_GLUED = re.compile(r"[\u0621-\u064A]*[ةى](?=[\u0621-\u064A])[\u0621-\u064A]*")
_DOUBLE = re.compile(r"(?<=\S)  +(?=\S)")
_BEFORE_PUNCT = re.compile(r"(?<=[\u0621-\u064A]) +(?=[،؛؟!.:](?:\s|$))")


@check("spacing.glued", category="spacing")
def glued_words(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Two Arabic words written without a space (a final-only letter inside a word)."""
    for match in _GLUED.finditer(seg.tgt):
        word = match.group()
        cut = next(i for i, ch in enumerate(word) if ch in "ةى" and i + 1 < len(word)) + 1
        yield Flag(category="spacing", severity="minor", check="spacing.glued",
                   message=f"'{word}' looks like two words glued together.",
                   tgt_span=Span(match.start(), match.end()), tgt_text=word,
                   suggestion=f"{word[:cut]} {word[cut:]}", confidence=0.85)


def _best_split(word: str) -> int | None:
    """Where an unseen Arabic token splits into two common words, if it does."""
    if len(word) < 5 or zipf(word) > 0:
        return None
    best, best_score = None, 0.0
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        score = min(zipf(left), zipf(right))
        if min(len(left), len(right)) == 2 and zipf(left if len(left) == 2 else right) < SHORT_PART:
            continue
        if score >= COMMON and score > best_score:
            best, best_score = cut, score
    return best


@check("spacing.joined", category="spacing")
def joined_words(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Two common Arabic words written as one unknown token (فيالعاصمة)."""
    names = [seg.src[t.start:t.end] for _, t in seg.src_capitalized()]
    for match in _ARABIC_TOKEN.finditer(seg.tgt):
        word = match.group()
        if _GLUED.fullmatch(word) or any(transliterates(name, word) for name in names):
            continue                      # reported by spacing.glued, or a transliterated name
        cut = _best_split(word)
        if cut is not None:
            yield Flag(category="spacing", severity="minor", check="spacing.joined",
                       message=f"'{word}' looks like two words without a space.",
                       tgt_span=Span(match.start(), match.end()), tgt_text=word,
                       suggestion=f"{word[:cut]} {word[cut:]}", confidence=0.7)


@check("spacing.split", category="spacing")
def split_word(seg: AnalyzedSegment) -> Iterator[Flag]:
    """One Arabic word broken by a space (الشر كة)."""
    tokens = list(_ARABIC_TOKEN.finditer(seg.tgt))
    for left, right in zip(tokens, tokens[1:]):
        if seg.tgt[left.end():right.start()] != " ":
            continue
        a, b = left.group(), right.group()
        joined = a + b
        if zipf(joined) >= JOINED and min(zipf(a), zipf(b)) < RARE and zipf(joined) > min(zipf(a), zipf(b)) + 1:
            yield Flag(category="spacing", severity="minor", check="spacing.split",
                       message=f"'{a} {b}' looks like one word split by a space.",
                       tgt_span=Span(left.start(), right.end()), tgt_text=f"{a} {b}",
                       suggestion=joined, confidence=0.7)


@check("spacing.double", category="spacing")
def double_space(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Two or more spaces between words."""
    for match in _DOUBLE.finditer(seg.tgt):
        yield Flag(category="spacing", severity="minor", check="spacing.double",
                   message="Several spaces in a row.", tgt_span=Span(match.start(), match.end()),
                   tgt_text=match.group(), suggestion=" ", confidence=0.9)


@check("spacing.before_punctuation", category="spacing")
def space_before_punctuation(seg: AnalyzedSegment) -> Iterator[Flag]:
    """A space before a comma, semicolon, question mark or full stop."""
    for match in _BEFORE_PUNCT.finditer(seg.tgt):
        yield Flag(category="spacing", severity="minor", check="spacing.before_punctuation",
                   message="A space before punctuation.", tgt_span=Span(match.start(), match.end() + 1),
                   tgt_text=seg.tgt[match.start():match.end() + 1], suggestion=seg.tgt[match.end()],
                   confidence=0.8)
