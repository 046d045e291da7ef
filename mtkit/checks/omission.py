"""Content dropped or added: an aligned unit with no counterpart, or a pair whose length is far
outside what the alignment model expects for English→Arabic."""
from __future__ import annotations

from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span

# Flag a pair whose length delta (AnalyzedSegment.length_delta) is below OMISSION_DELTA or above
# ADDITION_DELTA: faithful pairs of the development set fall between -2.2 and 2.6 (Arabic that
# explains more runs long, so the upper bound has more room).
OMISSION_DELTA, ADDITION_DELTA, MIN_CHARS = -2.4, 3.0, 30


@check("omission.unaligned", category="omission", whole_segment=True, doc=Doc(
    why="English text with no translation at all is content the Arabic reader never sees.",
    flagged=("The spokesman said talks would resume next week.", ""),
    passed=("The spokesman said talks would resume next week.", "قال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل.")))
def omission_unaligned(seg: AnalyzedSegment) -> Iterator[Finding]:
    """English text with no Arabic counterpart at all."""
    if seg.src.strip() and not seg.tgt.strip():
        yield Finding("critical" if len(seg.src) > 80 else "major",
                      "This English text has no Arabic translation.", src_span=Span(0, len(seg.src)),
                      confidence=0.8)


@check("addition.unaligned", category="addition", whole_segment=True, doc=Doc(
    why="Arabic text that matches nothing in the English was added: the reader cannot tell it from the translated "
        "content.",
    flagged=("", "وأضاف المتحدث أن المفاوضات ستستأنف الأسبوع المقبل."),
    passed=("The spokesman said talks would resume next week.", "وأضاف المتحدث أن المفاوضات ستستأنف الأسبوع المقبل.")))
def addition_unaligned(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Arabic text with no English counterpart."""
    if seg.tgt.strip() and not seg.src.strip():
        yield Finding("major", "This Arabic text has no counterpart in the English.",
                      tgt_span=Span(0, len(seg.tgt)), confidence=0.7)


# Off by default: on real professional translations none of its flags was a real error (0 of 11
# judged on TICO-19; longer or shorter Arabic is mostly explicitation or concision): docs/calibration.md.
@check("omission.length", category="omission", whole_segment=True, default=False, doc=Doc(
    why="A translation far shorter than its source has usually lost content; the reader cannot see what is missing.",
    flagged=("The central bank kept its main interest rate unchanged on Thursday, citing uncertainty over energy "
             "prices and weak demand in Europe.",
             "أبقى البنك المركزي سعر الفائدة."),
    passed=("The central bank kept its main interest rate unchanged on Thursday, citing uncertainty over energy "
            "prices and weak demand in Europe.",
            "أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير يوم الخميس، مشيرا إلى الغموض بشأن أسعار الطاقة وضعف "
            "الطلب في أوروبا.")))
def omission_length(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic is far shorter than the English: part of the content is probably missing."""
    if len(seg.src_norm.text) >= MIN_CHARS and seg.tgt.strip() and seg.length_delta < OMISSION_DELTA:
        yield Finding("major",
                      f"The Arabic is {seg.length_ratio:.0%} of the English length; part of the content seems missing.",
                      src_span=Span(0, len(seg.src)), tgt_span=Span(0, len(seg.tgt)), confidence=0.6)


# Off by default: 0 of 33 judged flags on TICO-19 were real (Arabic that spells out abbreviations and
# names runs long): docs/calibration.md.
@check("addition.length", category="addition", whole_segment=True, default=False, doc=Doc(
    why="A translation far longer than its source usually carries sentences the author never wrote: an MT "
        "hallucination or an editor's gloss that readers will attribute to the source.",
    flagged=("Prices rose sharply this week.",
             "ارتفعت الأسعار بشكل حاد هذا الأسبوع، وقال التجار إن الحكومة فشلت في السيطرة على السوق وإن المواطنين "
             "يعانون من أزمة خانقة منذ أشهر طويلة."),
    passed=("Prices rose sharply this week.", "ارتفعت الأسعار بشكل حاد هذا الأسبوع.")))
def addition_length(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic is far longer than the English: it probably adds content."""
    if len(seg.src_norm.text) >= MIN_CHARS and seg.src.strip() and seg.length_delta > ADDITION_DELTA:
        yield Finding("major",
                      f"The Arabic is {seg.length_ratio:.0%} of the English length; it seems to add content.",
                      src_span=Span(0, len(seg.src)), tgt_span=Span(0, len(seg.tgt)), confidence=0.55)
