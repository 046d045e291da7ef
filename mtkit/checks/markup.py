"""Tags and placeholders that must survive translation, compared as Xbench does: every inline tag
of a CAT file or subtitle (kept out of the text, in ``Segment.src_codes``/``tgt_codes``) and every
placeholder in the text ({0}, {name}, %s, %1$d, %(name)s, ${var}, {{var}}) present on one side
must be on the other, as often."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span

# printf (no space flag: "100% done" is prose), Python/.NET/ICU braces, shell/JS and mustache.
PLACEHOLDER = re.compile(
    r"%(?:\d+\$|\([A-Za-z_]\w*\))?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGc@]"
    r"|\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\$\{[A-Za-z_][\w.]*\}|\{\d+(?:[,:][^{}]*)?\}|\{[A-Za-z_][\w.]*\}")


def placeholders(text: str) -> list[re.Match]:
    return list(PLACEHOLDER.finditer(text))


def _missing(have: Counter, want: Counter) -> list[str]:
    return sorted((want - have).elements())


@check("punctuation.placeholder", category="punctuation", doc=Doc(
    why="A program fills placeholders in at run time and an inline tag carries formatting or a link: "
        "one dropped or invented in the translation loses the value, breaks the string or crashes the program.",
    flagged=("You have {count} new messages.", "لديك رسائل جديدة."),
    passed=("You have {count} new messages.", "لديك {count} رسائل جديدة.")))
def placeholder(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A placeholder ({0}, %s, {name}) or inline tag on one side and missing on the other."""
    src_found, tgt_found = placeholders(seg.src), placeholders(seg.tgt)
    if src_found or tgt_found:          # (most pairs have none, and nothing to count)
        yield from _placeholders_missing(src_found, tgt_found)
    if not seg.segment.src_codes and not seg.segment.tgt_codes:
        return
    src_codes, tgt_codes = Counter(seg.segment.src_codes), Counter(seg.segment.tgt_codes)
    for code in _missing(tgt_codes, src_codes):
        yield Finding("minor", f"Inline tag {code} is missing from the Arabic (formatting or a link is lost).",
                      suggestion=code, confidence=0.9)
    for code in _missing(src_codes, tgt_codes):
        yield Finding("minor", f"Inline tag {code} is in the Arabic but not in the English.", confidence=0.85)


def _placeholders_missing(src_found: list[re.Match], tgt_found: list[re.Match]) -> Iterator[Finding]:
    """The placeholders of one side that the other side does not have as often."""
    src_count = Counter(m.group() for m in src_found)
    tgt_count = Counter(m.group() for m in tgt_found)
    for text in _missing(tgt_count, src_count):
        match = next(m for m in src_found if m.group() == text)
        yield Finding("major", f"Placeholder '{text}' is missing from the Arabic: the program fills it in at run time.",
                      src_span=Span(match.start(), match.end()), suggestion=text, confidence=0.95)
    for text in _missing(src_count, tgt_count):
        match = next(m for m in tgt_found if m.group() == text)
        yield Finding("major", f"Placeholder '{text}' is in the Arabic but not in the English.",
                      tgt_span=Span(match.start(), match.end()), confidence=0.9)
