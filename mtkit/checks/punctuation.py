"""Stray and unbalanced quotes and brackets."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Flag, Span

_QUOTES = "\"“”«»„"
# a quote, spaces, one or two words, spaces, a quote: ” ماسك ” — quotes padded with spaces
_PADDED = re.compile(r"[\"“”«»]\s+([^\s\"“”«»]+(?:\s[^\s\"“”«»]+)?)\s+[\"“”«»]")
_POSSESSIVE = re.compile(r"[’']s\b")
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"))


@check("punctuation.stray_quotes", category="punctuation")
def stray_quotes(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Quotes around a name or word where the English has none (often a possessive ’s)."""
    for match in _PADDED.finditer(seg.tgt):
        inner = match.group(1)
        if f"“{inner}" in seg.src or f'"{inner}' in seg.src:
            continue
        possessive = bool(_POSSESSIVE.search(seg.src))
        yield Flag(category="punctuation", severity="minor", check="punctuation.stray_quotes",
                   message=f"Stray quotes around '{inner}'" + (" (the English has a possessive ’s, not quotes)."
                                                            if possessive else "."),
                   tgt_span=Span(match.start(), match.end()), tgt_text=match.group(),
                   suggestion=inner, confidence=0.85 if possessive else 0.7)


def _count_quotes(text: str) -> int:
    return sum(text.count(q) for q in "\"“”„")


@check("punctuation.unbalanced", category="punctuation")
def unbalanced(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Brackets or quotes that do not pair up in the Arabic although they do in the English."""
    tgt, src = seg.tgt, seg.src
    for open_, close in _PAIRS:
        if tgt.count(open_) != tgt.count(close) and src.count(open_) == src.count(close):
            pos = tgt.find(open_) if tgt.count(open_) > tgt.count(close) else tgt.find(close)
            yield Flag(category="punctuation", severity="minor", check="punctuation.unbalanced",
                       message=f"Unbalanced '{open_}{close}' in the Arabic.", tgt_span=Span(pos, pos + 1),
                       tgt_text=tgt[pos], confidence=0.8)
    if _count_quotes(tgt) % 2 == 1 and _count_quotes(src) % 2 == 0 and not _PADDED.search(tgt):
        pos = max(tgt.rfind(q) for q in "\"“”„")
        yield Flag(category="punctuation", severity="minor", check="punctuation.unbalanced",
                   message="An odd number of quotation marks in the Arabic.", tgt_span=Span(pos, pos + 1),
                   tgt_text=tgt[pos], confidence=0.6)
