"""A conditional clause ("if …") dropped or broken in the Arabic (data: ``conditionals.tsv``).

English "if"-clauses are paired in order with Arabic conditional markers; the English clauses left
over were lost — typically an aside such as "if the polls are any indication" turned into a
statement."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.arabic import CONJUNCTIONS, strip_proclitics

# All 9 of its flags on professional TICO-19 pairs were false before kept conditions (في حالة, عند …)
# were counted; none is left there to calibrate on, so its raw score keeps it minor (calibration.py).
RAW = 0.25
_CLAUSE_END = re.compile(r"[,;:.!?—–)\"”]|\s-\s")


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """English markers, Arabic markers, Arabic markers only at the start of a clause."""
    en: set[str] = set()
    ar: set[str] = set()
    initial: set[str] = set()
    for row in table("conditionals.tsv"):
        if row["language"] == "en":
            en.add(row["marker"].lower())
        else:
            (initial if row["where"] == "clause-initial" else ar).add(_surface(row["marker"]))
    return frozenset(en), frozenset(ar), frozenset(initial)


def _surface(word: str) -> str:
    """Diacritics and tatweel removed but hamza kept: normalization would merge إن ("if") with أن ("that")."""
    return "".join(ch for ch in word if not unicodedata.combining(ch) and ch != "\u0640")


def _count_ar(seg: AnalyzedSegment, markers: frozenset[str], initial: frozenset[str]) -> int:
    tokens = seg.tgt_tokens
    words = [_surface(seg.tgt[t.start:t.end]) for t in tokens]
    count, k = 0, 0
    while k < len(words):
        pair = " ".join(words[k:k + 2])
        forms = set(strip_proclitics(words[k], CONJUNCTIONS, min_rest=2))
        if pair in markers:
            count, k = count + 1, k + 2
            continue
        clause_start = k == 0 or not tokens[k - 1].is_word
        if forms & markers or (clause_start and forms & initial):
            count += 1
        k += 1
    return count


@check("omission.conditional", category="omission", doc=Doc(
    why="A lost 'if' turns a condition into a statement of fact: the Arabic asserts what the English only supposes.",
    flagged=("If the talks fail, the strike will continue.", "فشلت المحادثات، وسيستمر الإضراب."),
    passed=("If the talks fail, the strike will continue.", "إذا فشلت المحادثات فسيستمر الإضراب.")))
def lost_conditional(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An English 'if'-clause with no conditional in the Arabic."""
    en_markers, ar_markers, ar_initial = _markers()
    words = seg.src_words
    # "as if" is a comparison, not a condition (rendered كأن, or not at all)
    clauses = [t for k, t in enumerate(words) if t.norm in en_markers and not (k and words[k - 1].norm == "as")]
    if not clauses or not seg.tgt.strip():
        return
    missing = len(clauses) - _count_ar(seg, ar_markers, ar_initial)
    for tok in clauses[len(clauses) - missing:] if missing > 0 else []:
        end_match = _CLAUSE_END.search(seg.src, tok.end)
        end = end_match.start() if end_match else len(seg.src)
        text = seg.src[tok.start:end].rstrip()
        yield Finding("major",
                      f"The condition '{text}' has no conditional in the Arabic: the clause was lost or turned into a statement.",
                      src_span=Span(tok.start, tok.start + len(text)), suggestion="إذا كان …", confidence=RAW)
