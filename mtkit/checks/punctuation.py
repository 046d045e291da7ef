"""Stray and unbalanced quotes and brackets."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span
from mtkit.text.lemmas import all_lemmas
from mtkit.text.translit import transliterates

_QUOTES = "\"“”«»„"
# a quote, spaces, one or two words, spaces, a quote: ” ماسك ” — quotes padded with spaces
_PADDED = re.compile(r"[\"“”«»]\s+([^\s\"“”«»]+(?:\s[^\s\"“”«»]+){0,2})\s+[\"“”«»]")
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"))


@check("punctuation.stray_quotes", category="punctuation", doc=Doc(
    why='MT often renders a possessive \'s as quotes padded with spaces (" فانس "), which reads as scare quotes.',
    flagged=("Vance's remarks drew criticism from both parties.", 'أثارت تصريحات " فانس " انتقادات من الحزبين.'),
    passed=("Vance's remarks drew criticism from both parties.", "أثارت تصريحات فانس انتقادات من الحزبين.")))
def stray_quotes(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Quotes around a name or word where the English has none (often a possessive ’s)."""
    src_has_quotes = any(q in seg.src for q in _QUOTES)
    possessive_names = [m.group(1) for m in re.finditer(r"\b([A-Z][\w-]+)[’']s\b", seg.src)]
    for match in _PADDED.finditer(seg.tgt):
        inner = match.group(1)
        possessive = any(transliterates(name, word) for name in possessive_names for word in inner.split())
        if src_has_quotes and not possessive:
            continue                        # the English quotes something too: padding is only style
        yield Finding("minor",
                      f"Stray quotes around '{inner}'" + (" (the English has a possessive ’s, not quotes)."
                                                            if possessive else "."),
                      tgt_span=Span(match.start(), match.end()), suggestion=inner,
                      confidence=0.85 if possessive else 0.7)


def _count_quotes(text: str) -> int:
    return sum(text.count(q) for q in "\"“”„")


@check("punctuation.unbalanced", category="punctuation", doc=Doc(
    why="An unclosed bracket or quote leaves the reader unsure where an aside or a quotation ends.",
    flagged=("The ministry (which oversees ports) issued a statement.", "أصدرت الوزارة (التي تشرف على الموانئ بيانا."),
    passed=("The ministry (which oversees ports) issued a statement.", "أصدرت الوزارة (التي تشرف على الموانئ) بيانا.")))
def unbalanced(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Brackets or quotes that do not pair up in the Arabic although they do in the English."""
    tgt, src = seg.tgt, seg.src
    for open_, close in _PAIRS:
        first_close, first_open = tgt.find(close), tgt.find(open_)
        if 0 <= first_close < first_open and src.find(open_) < src.find(close) and tgt.count(open_) == tgt.count(close):
            end = tgt.find(open_, first_close) + 1  # mirrored: ")وهي خطوة نادرة("
            yield Finding("minor", f"Mirrored '{open_}{close}': the closing one comes first.",
                          tgt_span=Span(first_close, end),
                          suggestion=open_ + tgt[first_close + 1:end - 1] + close, confidence=0.8)
            continue
        if tgt.count(open_) != tgt.count(close) and src.count(open_) == src.count(close):
            pos = tgt.find(open_) if tgt.count(open_) > tgt.count(close) else tgt.find(close)
            yield Finding("minor", f"Unbalanced '{open_}{close}' in the Arabic.", tgt_span=Span(pos, pos + 1),
                          confidence=0.8)
    if _count_quotes(tgt) % 2 == 1 and _count_quotes(src) % 2 == 0 and not _PADDED.search(tgt):
        pos = max(tgt.rfind(q) for q in "\"“”„")
        yield Finding("minor", "An odd number of quotation marks in the Arabic.", tgt_span=Span(pos, pos + 1),
                      confidence=0.6)


_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»\n]{2,60})[\"“”«»]")
_DOUBLED = re.compile(r"([،,.؛;:!؟?])\1+")


@check("punctuation.quoted_name", category="punctuation", doc=Doc(
    why="Quotes around a name the English does not quote suggest irony or a nickname that the source does not "
        "imply.",
    flagged=("The talks with Vance ended on Friday.", 'انتهت المحادثات مع "فانس" يوم الجمعة.'),
    passed=("The talks with Vance ended on Friday.", "انتهت المحادثات مع فانس يوم الجمعة.")))
def quoted_name(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A name put in quotes in the Arabic although the English does not quote it."""
    names = [seg.src[t.start:t.end] for _, t in seg.src_capitalized() if not seg.is_sentence_initial(t)]
    for match in _QUOTED.finditer(seg.tgt):
        words = match.group(1).split()
        if not 1 <= len(words) <= 3 or _PADDED.fullmatch(match.group()):
            continue                        # long quotations are quotations; padded ones: stray_quotes
        hits = [name for name in names if any(transliterates(name, w) for w in words)]
        if len(hits) < len(words) - 1 or not hits:
            continue
        if any(re.search(rf"[\"“”«»‘’']\s*{re.escape(name)}|{re.escape(name)}\s*[\"“”«»]", seg.src) for name in hits) \
                or any(name in quoted.group(1) for quoted in _QUOTED.finditer(seg.src) for name in hits):
            continue                        # the English quotes it too (alone or in a phrase)
        if len(hits) >= 2 and all(all_lemmas(name) for name in hits):
            continue                        # a title made of English words (March Madness): Arabic quotes titles
        yield Finding("minor", f"The name '{match.group(1)}' is in quotes; the English does not quote it.",
                      tgt_span=Span(match.start(), match.end()), suggestion=match.group(1), confidence=0.75)


@check("punctuation.doubled", category="punctuation", doc=Doc(
    why="Doubled punctuation (،، or ..) is a typing or MT artefact that looks careless in print.",
    flagged=("Prices rose, and wages fell.", "ارتفعت الأسعار،، وانخفضت الأجور."),
    passed=("Prices rose, and wages fell.", "ارتفعت الأسعار، وانخفضت الأجور.")))
def doubled(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The same punctuation mark twice (،، or ..), which the English does not have."""
    for match in _DOUBLED.finditer(seg.tgt):
        if match.group() == "..." or (match.group(1) == "." and len(match.group()) >= 3):
            continue                        # an ellipsis
        if match.group() in seg.src:
            continue
        yield Finding("minor", f"Doubled punctuation '{match.group()}'.",
                      tgt_span=Span(match.start(), match.end()), suggestion=match.group(1), confidence=0.85)
