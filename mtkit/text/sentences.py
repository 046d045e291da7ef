"""Sentence splitting for English and Arabic news, returning spans into the paragraph."""
from __future__ import annotations

import re
from functools import lru_cache

from mtkit.data import data_lines
from mtkit.text.normalize import is_arabic_letter

# A sentence ends at . ! ? ؟ … (repeated), then optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {"title": set(), "other": set(), "starter": set()}
    for line in data_lines("abbreviations.en.txt"):
        word, *mark = line.split()
        kinds[mark[0] if mark else "other"].add(word.lower())
    return kinds


def _is_boundary(text: str, end: int, nxt: int) -> bool:
    before = text[:end]
    following = text[nxt:nxt + 2]
    if not following:
        return False
    first = following[0]
    if first.islower():                       # "e.g. the", "3 p.m. on"
        return False
    match = _WORD_BEFORE.search(before.rstrip("\"'”’»)]"))
    if match and before.rstrip("\"'”’»)]").endswith("."):
        word = match.group(1).lower().rstrip(".")
        kinds = _abbreviations()
        if word in kinds["title"] or (len(word) == 1 and word.isalpha() and not is_arabic_letter(first)):
            return False                      # "Mr. Musk", "Donald J. Trump"
        if word in kinds["other"]:
            # "p.m. ET" and "the U.S. Space Force" stay; "in the U.S. The" splits.
            next_word = re.match(r"\w+", text[nxt:])
            return bool(next_word) and next_word.group().lower() in kinds["starter"]
    return first.isupper() or first.isdigit() or first in "\"'“‘«(" or is_arabic_letter(first)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences in a paragraph, whitespace trimmed."""
    spans, start = [], 0
    for match in _END.finditer(paragraph):
        end = match.end()
        nxt = end + (len(paragraph[end:]) - len(paragraph[end:].lstrip()))
        if _is_boundary(paragraph, end, nxt):
            spans.append((start, end))
            start = nxt
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    # trim leading whitespace of each span
    return [(s + len(paragraph[s:e]) - len(paragraph[s:e].lstrip()), e) for s, e in spans if paragraph[s:e].strip()]


def split_sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]
