"""Clauses with no counterpart on the other side, by bilingual lexical evidence (FreeDict).

Length alone cannot tell an added clause from explicitation, nor a dropped clause from concision
(their precision on real translations was nil: docs/calibration.md). Here each clause is checked
word by word: an English content word is *found* when a dictionary rendering, a transliteration,
its number or its Latin spelling is in the Arabic; an Arabic content word likewise. A clause of
several content words of which none is found, in a pair whose other clauses are found well
enough for the evidence to mean something, was added (Arabic) or dropped (English). Runs only
when the length already leans that way, and only when the dictionaries are installed
(``dict-freedict-eng-ara``, ``dict-freedict-ara-eng``): without them it stays silent.

Off by default, with the numbers that say why (eval/RESULTS.md, docs/calibration.md): on the
development half of the TICO-19 errors planted into real translations they catch 8 of 30 deleted
and 11 of 30 added clauses, but on the clean professional pairs none of their 22 flags was a
real error: FreeDict knows too few of the words of technical prose to tell a clause that has no
counterpart from one whose words it does not know. Name them with ``--checks`` to use them.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span
from mtkit.text.dictionary import Bilingual, bilingual
from mtkit.text.lexicon import zipf
from mtkit.text.translit import transliterates

# Only pairs this far from the expected length (AnalyzedSegment.length_delta) are looked at.
ADDED_DELTA, DROPPED_DELTA = 1.5, -1.5
MIN_CONTENT = 3            # content words a clause needs to be judged at all
MIN_CONTEXT = 0.35         # share of the other clauses' content words found: the evidence works here

_AR_CLAUSE = re.compile(r"[،,؛;.!؟?:()\"«»\n]")
_EN_CLAUSE = re.compile(r"[,;.!?:()\"“”\n]|\s[-–—]\s")
_AR_FUNCTION = frozenset("""في من على الى إلى عن مع او أو ما لا لم لن ان أن إن هو هي هذا هذه ذلك تلك التي الذي الذين
كان كانت قد ثم بين كل بعض غير عند حول حيث كما لكن بل اذا إذا منذ خلال بعد قبل ايضا أيضا وهو وهي وقد وكان
يكون تكون هناك""".split())


def _ar_content(word: str) -> bool:
    return len(word) >= 3 and word not in _AR_FUNCTION and not word.isascii()


def _en_content(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and zipf(word, "en") < 6.0


def _clauses(text: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in pattern.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def _ar_found(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each Arabic word: has it a counterpart in the English?"""
    stems: set[str] = set()
    for tok in seg.src_words:
        stems |= lex.ar_stems(tok.norm)
    names = [seg.src[t.start:t.end] for t in seg.src_words if seg.src[t.start].isupper()]
    src_lower = seg.src_norm.text
    return [seg.tgt_cores[k] in stems or seg.tgt_stems[k] in stems or tok.norm.isascii() and tok.norm in src_lower
            or any(transliterates(n, seg.tgt_bare[k][-1]) for n in names)
            for k, tok in enumerate(seg.tgt_words)]


def _en_found(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    cores = set(seg.tgt_cores) | set(seg.tgt_stems)
    tgt_lower = seg.tgt_norm.text
    out = []
    for tok in seg.src_words:
        original = seg.src[tok.start:tok.end]
        out.append(bool(lex.ar_stems(tok.norm) & cores) or tok.norm in tgt_lower
                   or original[0].isupper() and any(transliterates(original, b[-1]) for b in seg.tgt_bare))
    return out


def _lonely_clause(text: str, words: list, found: list[bool], content, pattern: re.Pattern) -> Optional[Span]:
    """The clause whose content words are all unfound, when the others are found well enough."""
    best: Optional[Span] = None
    for a, b in _clauses(text, pattern):
        inside = [f for t, f in zip(words, found) if a <= t.start < b and content(t.norm)]
        anchored = any(f for t, f in zip(words, found) if a <= t.start < b)   # a shared name or code counts too
        outside = [f for t, f in zip(words, found) if not a <= t.start < b and content(t.norm)]
        if len(inside) >= MIN_CONTENT and not anchored and outside \
                and sum(outside) / len(outside) >= MIN_CONTEXT:
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            best = Span(a + lead, b - (len(text[a:b]) - len(text[a:b].rstrip())))
            break
    return best


@check("addition.clause", category="addition", default=False, doc=Doc(
    why="A clause the author never wrote is attributed to the source; unlike length, word-by-word dictionary "
        "evidence points at the words that were added. Off by default (docs/calibration.md).",
    flagged=("The hospital opened a new ward on Monday.",
             "افتتح المستشفى جناحا جديدا يوم الاثنين، وقال الوزير إن الحكومة ستبني مدارس كثيرة في القرى البعيدة."),
    passed=("The hospital opened a new ward on Monday.", "افتتح المستشفى جناحا جديدا يوم الاثنين.")))
def added_clause(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An Arabic clause none of whose content words has a counterpart in the English."""
    lex = bilingual()
    if lex is None or seg.length_delta < ADDED_DELTA or not seg.src.strip():
        return
    span = _lonely_clause(seg.tgt, seg.tgt_words, _ar_found(seg, lex), _ar_content, _AR_CLAUSE)
    if span:
        yield Finding("major", f"'{span.slice(seg.tgt)}' has no counterpart in the English: it seems added.",
                      tgt_span=span, confidence=0.6)


@check("omission.clause_words", category="omission", default=False, doc=Doc(
    why="A dropped clause hides content from the reader; dictionary evidence points at the English words that "
        "have no counterpart. Off by default (docs/calibration.md).",
    flagged=("The hospital opened a new ward on Monday, and the minister said the government would build many "
             "schools in distant villages.", "افتتح المستشفى جناحا جديدا يوم الاثنين."),
    passed=("The hospital opened a new ward on Monday, and the minister said the government would build many "
            "schools in distant villages.",
            "افتتح المستشفى جناحا جديدا يوم الاثنين، وقال الوزير إن الحكومة ستبني مدارس كثيرة في القرى البعيدة.")))
def dropped_clause(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An English clause none of whose content words has a counterpart in the Arabic."""
    lex = bilingual()
    if lex is None or seg.length_delta > DROPPED_DELTA or not seg.tgt.strip():
        return
    span = _lonely_clause(seg.src, seg.src_words, _en_found(seg, lex), _en_content, _EN_CLAUSE)
    if span:
        yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                      src_span=span, confidence=0.6)
