"""Content dropped or added: an aligned unit with no counterpart, or a pair whose length is far
outside what the alignment model expects for English→Arabic."""
from __future__ import annotations

from typing import Iterator

from mtkit.checks import Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span

# Flag a pair whose length delta (AnalyzedSegment.length_delta) is below OMISSION_DELTA or above
# ADDITION_DELTA: faithful pairs of the development set fall between -2.2 and 2.6 (Arabic that
# explains more runs long, so the upper bound has more room).
OMISSION_DELTA, ADDITION_DELTA, MIN_CHARS = -2.4, 3.0, 30


@check("omission.unaligned", category="omission", whole_segment=True)
def omission_unaligned(seg: AnalyzedSegment) -> Iterator[Finding]:
    """English text with no Arabic counterpart at all."""
    if seg.src.strip() and not seg.tgt.strip():
        yield Finding("critical" if len(seg.src) > 80 else "major",
                      "This English text has no Arabic translation.", src_span=Span(0, len(seg.src)),
                      confidence=0.8)


@check("addition.unaligned", category="addition", whole_segment=True)
def addition_unaligned(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Arabic text with no English counterpart."""
    if seg.tgt.strip() and not seg.src.strip():
        yield Finding("major", "This Arabic text has no counterpart in the English.",
                      tgt_span=Span(0, len(seg.tgt)), confidence=0.7)


@check("omission.length", category="omission", whole_segment=True)
def omission_length(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic is far shorter than the English: part of the content is probably missing."""
    if len(seg.src_norm.text) >= MIN_CHARS and seg.tgt.strip() and seg.length_delta < OMISSION_DELTA:
        yield Finding("major",
                      f"The Arabic is {seg.length_ratio:.0%} of the English length; part of the content seems missing.",
                      src_span=Span(0, len(seg.src)), tgt_span=Span(0, len(seg.tgt)), confidence=0.6)


@check("addition.length", category="addition", whole_segment=True)
def addition_length(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic is far longer than the English: it probably adds content."""
    if len(seg.src_norm.text) >= MIN_CHARS and seg.src.strip() and seg.length_delta > ADDITION_DELTA:
        yield Finding("major",
                      f"The Arabic is {seg.length_ratio:.0%} of the English length; it seems to add content.",
                      src_span=Span(0, len(seg.src)), tgt_span=Span(0, len(seg.tgt)), confidence=0.55)
