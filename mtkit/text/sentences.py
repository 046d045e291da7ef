"""Sentence splitting for English and Arabic news, returning spans into the paragraph."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from mtkit.data import table
from mtkit.text import arabic

# A sentence ends at . ! ? ؟ … (repeated), then optional closing quotes/brackets, then space.
# “ closes quotes too: Arabic machine translation often writes it on both sides.
_CLOSERS = "\"'”’“»)]"
_END = re.compile(r"[.!?؟…]+[\"'”’“»)\]]*(?=\s)")
_SPACE = re.compile(r"\s*")
_NEXT_WORD = re.compile(r"\w+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# Only this much text before a period decides whether it ends an abbreviation; a bounded
# look-behind keeps splitting linear in the paragraph's length (a 1 MB line is one paragraph).
_LOOKBEHIND = 64
_OPENERS = "\"'“‘«("


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {"title": set(), "other": set(), "starter": set(), "numeral": set()}
    for row in table("abbreviations.en.txt"):
        kinds[row["mark"] or "other"].add(row["word"].lower())
    return kinds


def _is_boundary(text: str, end: int, nxt: int) -> bool:
    """Does the sentence-final punctuation ending at ``end`` end a sentence, given that the next
    sentence would start at ``nxt``?"""
    if nxt >= len(text):
        return False
    first = text[nxt]
    if first.islower():                       # "e.g. the", "3 p.m. on"
        return False
    before = text[max(0, end - _LOOKBEHIND):end].rstrip(_CLOSERS)
    match = _WORD_BEFORE.search(before) if before.endswith(".") else None
    if match:
        word = match.group(1).lower().rstrip(".")
        kinds = _abbreviations()
        if word in kinds["title"] or (len(word) == 1 and word.isalpha() and not arabic.is_letter(first)):
            return False                      # "Mr. Musk", "Donald J. Trump"
        if word in kinds["numeral"] and first.isdigit():
            return False                      # "No. 1", "Fig. 3"
        if word in kinds["other"]:
            # "p.m. ET" and "the U.S. Space Force" stay; "in the U.S. The" splits.
            next_word = _NEXT_WORD.match(text, nxt)
            return next_word is not None and next_word.group().lower() in kinds["starter"]
    return first.isupper() or first.isdigit() or first in _OPENERS or arabic.is_letter(first)


def _skip_space(text: str, pos: int, end: Optional[int] = None) -> int:
    """The first position at or after ``pos`` that is not whitespace (``\\s*`` always matches)."""
    match = _SPACE.match(text, pos, len(text) if end is None else end)
    assert match is not None
    return match.end()


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences in a paragraph, whitespace trimmed."""
    spans, start = [], 0
    for match in _END.finditer(paragraph):
        end = match.end()
        nxt = _skip_space(paragraph, end)
        if _is_boundary(paragraph, end, nxt):
            spans.append((start, end))
            start = nxt
    spans.append((start, len(paragraph)))
    trimmed = []
    for s, e in spans:
        s = _skip_space(paragraph, s, e)
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]
