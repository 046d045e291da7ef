"""Grammar calques that MT copies from English structure."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.clauses.words import ar_content, en_content
from mtkit.text.dictionary import bilingual, english_of
from mtkit.model import Span
from mtkit.text.arabic import ARTICLE, LETTERS

# English present perfect "has denied" copied as possession "لديه نفى" ("he has, he denied").
_EN_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:not\s+|never\s+|also\s+|already\s+)?"
                         r"(\w+(?:ed|en|wn|ne|id|ught|ung|ade))\b", re.I)
_AR_HAS_VERB = re.compile(rf"(?:^|\s)(?:و?لدي(?:ه|ها|هم|هما|كم|نا))\s+([{LETTERS}]+)")


@check("grammar.has_perfect", category="grammar", doc=Doc(
    why="MT copies the English present perfect as possession (لديه نفى, 'he has, he denied'), which is "
        "ungrammatical Arabic and garbles the sentence.",
    flagged=("The minister has denied the reports.", "الوزير لديه نفى التقارير."),
    passed=("The minister has denied the reports.", "نفى الوزير التقارير.")))
def has_perfect(seg: AnalyzedSegment) -> Iterator[Finding]:
    """'has + past participle' rendered as 'لديه + verb' (possession instead of tense)."""
    perfects = list(_EN_PERFECT.finditer(seg.src))
    if not perfects:
        return
    en = perfects[0]
    for match in _AR_HAS_VERB.finditer(seg.tgt):
        verb = match.group(1)
        if verb.startswith(ARTICLE) or verb.endswith(("ة", "ات")) or _renders_other(seg, match.start(1), perfects):
            continue            # a noun follows: "لديه خبرة" is real possession
        start = match.start() + (1 if seg.tgt[match.start()].isspace() else 0)
        yield Finding("major",
                      f"'{en.group()}' was copied word for word as possession ('{seg.tgt[start:match.end()]}').",
                      src_span=Span(en.start(), en.end()), tgt_span=Span(start, match.end()), suggestion=verb,
                      confidence=0.7)
        return


def _renders_other(seg: AnalyzedSegment, start: int, perfects: list[re.Match]) -> bool:
    """Whether the Arabic word at ``start`` is no verb of a perfect: a function word (لديها بعد),
    or a word linked to, or translating, an English word outside the perfects, a noun the sentence
    really has (has contact → لديه اتصال, had children → لديهم أطفال)."""
    where = next((j for j, tok in enumerate(seg.tgt_words) if tok.start == start), None)
    if where is None or not ar_content(seg.tgt_words[where].norm):
        return where is not None
    outside = [i for i, tok in enumerate(seg.src_words) if not any(p.start() <= tok.start < p.end() for p in perfects)]
    if any(link.tgt == where and link.src in outside for link in seg.word_links):
        return True
    lex = bilingual()
    word = seg.tgt_words[where].norm
    if lex is not None and any(lex.covers(form, word) for i in outside for form in seg.src_lemmas[i]):
        return True
    # both directions: FreeDict's English→Arabic lacks أمر for "order", its glosses have it
    glosses = english_of(word, lex)
    return any(form in glosses and en_content(form) for i in outside for form in seg.src_lemmas[i])
