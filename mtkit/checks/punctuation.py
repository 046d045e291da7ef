"""Stray and unbalanced quotes and brackets."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Flag, Span
from mtkit.text.translit import transliterates

_QUOTES = "\"“”«»„"
# a quote, spaces, one or two words, spaces, a quote: ” ماسك ” — quotes padded with spaces
_PADDED = re.compile(r"[\"“”«»]\s+([^\s\"“”«»]+(?:\s[^\s\"“”«»]+)?)\s+[\"“”«»]")
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"))


@check("punctuation.stray_quotes", category="punctuation")
def stray_quotes(seg: AnalyzedSegment) -> Iterator[Flag]:
    """Quotes around a name or word where the English has none (often a possessive ’s)."""
    src_has_quotes = any(q in seg.src for q in _QUOTES)
    possessive_names = [m.group(1) for m in re.finditer(r"\b([A-Z][\w-]+)[’']s\b", seg.src)]
    for match in _PADDED.finditer(seg.tgt):
        inner = match.group(1)
        possessive = any(transliterates(name, word) for name in possessive_names for word in inner.split())
        if src_has_quotes and not possessive:
            continue                        # the English quotes something too: padding is only style
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
