"""The omission check: an English clause that nothing in the Arabic renders (``omission.clause_words``)."""
from __future__ import annotations

from typing import Callable, Iterator, Optional

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import SENTENCE_RATIO, AnalyzedSegment, length_delta
from mtkit.model import Span
from mtkit.text.dictionary import Bilingual, bilingual
from mtkit.checks.clauses.words import en_stems, ar_content, en_content
from mtkit.checks.clauses.codes import DIGITS, coded_runs, codes_missing, in_brackets, may_hold_code, spelled_out
from mtkit.checks.clauses.evidence import Evidence, evidence, renders_grammar, seen_ar, seen_en
from mtkit.checks.clauses.runs import EN_OPENERS, Run, between_punctuation, lonely_runs
from mtkit.checks.entity import entity_missing, name_dropped
from mtkit.checks.number import paired_numbers
from mtkit.checks.clauses.rules import (
    DOCUMENT_WEIGHT, DROPPED, DROPPED_STRONG, DROPPED_WITNESSED, Rule, excess, may_stand_out, outweighing_run,
    qualifying_run)


def _homeless(seg: AnalyzedSegment, ev: Evidence, run: Run, free: Callable[[int], bool],
              lonely_en: Callable[[int], bool]) -> Callable[[int], bool]:
    """``free`` Arabic words, less those with a likelier English partner away from ``run``'s place: a word
    beside an Arabic word linked to an English word outside the place, where that English word has an
    unexplained neighbour outside the run (word order: "Acute cardiac injury was found ..." → ... عانوا
    من نوبات قلبية حادة: نوبات renders "injury", not a clause near the end)."""
    left = max((k for k in ev.en_anchors if k < run.first), default=-1)
    right = min((k for k in ev.en_anchors if k > run.last), default=len(seg.src_words))
    def elsewhere(i: int) -> bool:
        return (i < left or i > right) and any(
            lonely_en(n) and not run.first <= n <= run.last
            for n in range(max(i - HOME_REACH, 0), min(i + HOME_REACH + 1, len(seg.src_words))) if n != i)
    def homed(j: int) -> bool:
        # (not beside the partner of an anchor around the place: it may render a word of the place's edge)
        partners = [i for n in (j - 1, j + 1) for i in ev.ar_anchors.get(n, ())]
        return any(map(elsewhere, partners)) and not any(i in (left, right) for i in partners)
    return lambda j: free(j) and (j in ev.repeats or not homed(j))     # (a repeat renders a word of its own there)


HOME_REACH = 1          # English words around an anchor whose rendering may sit beside its partner (_homeless)


@check("omission.clause_words", category="omission", doc=Doc(
    why="A dropped clause hides content from the reader; dictionary evidence tells it from concision and "
        "points at the English words that have no counterpart.",
    flagged=("The hospital opened a new ward on Monday, and the minister said the government would build many "
             "schools in distant villages.", "افتتح المستشفى جناحا جديدا يوم الاثنين."),
    passed=("The hospital opened a new ward on Monday, and the minister said the government would build many "
            "schools in distant villages.",
            "افتتح المستشفى جناحا جديدا يوم الاثنين، وقال الوزير إن الحكومة ستبني مدارس كثيرة في القرى البعيدة.")))
def dropped_clause(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An English clause of several content words none of which has a counterpart in the Arabic,
    in a pair that is too short without it and of normal length with it (a shorter clause where the
    Arabic words on either side of its place are rendered side by side); or, whatever the pair's
    length, a clause of three known words that no link reaches with words over at its place
    (:data:`DROPPED_STRONG`); or, in a pair too short, a missing name or number with unrendered
    words beside it (:func:`_anchored`); or such a clause with fewer words over where the pair is short
    for its document by about the clause's length (:func:`_witnessed`)."""
    lex = bilingual()
    if lex is None or not seg.tgt.strip() or seg.length_delta > DROPPED_STRONG.delta:
        return
    anchored = (_anchored,) if seg.length_delta <= ANCHORED_DELTA else ()
    for rule in (_clause, *anchored, _coded, _witnessed):       # (the first rule that finds one is heard)
        findings = list(rule(seg, lex))
        if findings:
            yield from findings
            return


# A missing name or number with this many unrendered known content words beside it, in a pair this much
# too short, went with its clause (tuned on the dev and dev2 plants: "as Italy reached 100 deaths").
ANCHORED_NEIGHBOURS = 2
ANCHORED_DELTA = 0.0
CODED_CONFIDENCE = 0.25
CODED_REACH, CODED_OVER = 2, 1


def _missing_names(seg: AnalyzedSegment) -> list[Span]:
    """The English spans of names and numbers the entity and number checks find missing."""
    spans = [f.src_span for find in (entity_missing, name_dropped) for f in find(seg) if f.src_span is not None]
    return spans + [Span(first.start, last.end) for _, first, last in paired_numbers(seg)[0]]


def _anchored(seg: AnalyzedSegment, lex: Bilingual) -> Iterator[Finding]:
    """A missing name (or number) and the unrendered content words around it in its clause: the run of
    words from it to the nearest rendered content word, clause opener or punctuation on either side."""
    anchors = _missing_names(seg)
    if not anchors:
        return
    seen = seen_en(seg, lex)
    words = seg.src_words
    in_anchor = [any(a.start <= w.start < a.end for a in anchors) for w in words]
    # (a capitalised word beside it is more of the name, Shinzo Abe, not of its clause)
    lonely = [not in_anchor[i] and seg.src[w.start].islower() and en_content(w.norm) and not seen[i]
              and bool(en_stems(w.norm, lex)) for i, w in enumerate(words)]
    stops = [in_anchor[i] is False and (en_content(w.norm) and seen[i] or w.norm in EN_OPENERS)
             for i, w in enumerate(words)]
    for ks in between_punctuation(seg.src_tokens, words, "en"):
        for e, k in enumerate(ks):
            if not in_anchor[k] or e > 0 and in_anchor[ks[e - 1]]:
                continue
            lo = hi = e
            while lo > 0 and not stops[ks[lo - 1]]:
                lo -= 1
            while hi + 1 < len(ks) and not stops[ks[hi + 1]]:
                hi += 1
            inside = [ks[x] for x in range(lo, hi + 1) if lonely[ks[x]] or in_anchor[ks[x]]]
            if sum(lonely[i] for i in inside) < ANCHORED_NEIGHBOURS:
                continue
            span = Span(words[inside[0]].start, words[inside[-1]].end)
            yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                          src_span=span, confidence=DROPPED[0].confidence)
            return


def _coded(seg: AnalyzedSegment, lex: Bilingual) -> Iterator[Finding]:
    """A clause that only a code or number the Arabic does not show holds (:mod:`.codes`), with the words
    on either side of its place rendered side by side in the Arabic (no room for an acronym written out)."""
    # (a number the Arabic has another number for was changed, not dropped: the number check's)
    missing, leftover, _ = paired_numbers(seg)
    numbers = [] if leftover else [Span(first.start, last.end) for _, first, last in missing]
    if not may_hold_code(seg, numbers):
        return
    ev = evidence(seg, lex)
    gone = codes_missing(seg, ev, numbers)
    # (a code counts once, however many words its chunk is: B814 is B and 814)
    lonely = lambda i: gone[i] and not (i > 0 and gone[i - 1] and seg.src_words[i - 1].end >= seg.src_words[i].start - 1) \
        or en_content(seg.src_words[i].norm) and not ev.found_en[i] and bool(en_stems(seg.src_words[i].norm, lex))  # noqa: E731
    # (room: an unexplained Arabic word, or Latin or a letter's name no link explains: the code itself, kept
    # or spelled in another form, IFNs → IFN, NDA → دي إن أيه)
    as_written = spelled_out(seg)
    room = lambda j: as_written[j] and j not in ev.ar_links or ar_content(seg.tgt_words[j].norm) \
        and (not ev.found_ar[j] or j in ev.repeats) and not renders_grammar(seg, lex)[j]      # noqa: E731
    for first, last, strength in coded_runs(seg, ev, gone):
        over = excess(Run(first, last, 0, 0), ev.en_anchors, lonely, len(seg.src_words), seg.tgt_words, room,
                      CODED_REACH, 1.0)
        if strength < DIGITS and (over is None or over < CODED_OVER or in_brackets(seg, first, last)):
            continue                # (an acronym alone in brackets restates the words before it: SEIR)
        span = Span(seg.src_words[first].start, seg.src_words[last].end)
        yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                      src_span=span, confidence=CODED_CONFIDENCE)
        return


def _word_tests(seg: AnalyzedSegment, lex: Bilingual, ev: Evidence) -> tuple[
        Callable[[str], bool], Callable[[int], bool], Callable[[int], bool]]:
    """The word tests the clause rules weigh a run by: an English word the dictionary knows, an Arabic
    content word no English word explains, and a known English content word no link reaches."""
    known_en = lambda w: bool(en_stems(w, lex))      # noqa: E731
    # (a repeat of a word rendered elsewhere is no addition, but here it may render the English word:
    # web-based → عبر الإنترنت beside "internet" → الإنترنت)
    # (renders_grammar is asked only where a run's place is weighed: most pairs have no run to weigh)
    free_ar = lambda j: ar_content(seg.tgt_words[j].norm) and (not ev.found_ar[j] or j in ev.repeats) \
        and not renders_grammar(seg, lex)[j]      # noqa: E731
    lonely_en = lambda i: en_content(seg.src_words[i].norm) and not ev.found_en[i] and known_en(seg.src_words[i].norm)  # noqa: E731
    return known_en, free_ar, lonely_en


def _clause(seg: AnalyzedSegment, lex: Bilingual) -> Iterator[Finding]:
    """The clause rules of :func:`dropped_clause`."""
    if seg.length_delta > max(r.delta for r in DROPPED) and not may_stand_out(seg, lex, "en", DROPPED_STRONG.known):
        return                      # (most pairs: the words are never looked up)
    ev = evidence(seg, lex)
    known_en, free_ar, lonely_en = _word_tests(seg, lex, ev)
    def space(rule: Rule) -> Callable[[Run], Optional[float]]:
        return lambda r: excess(r, ev.en_anchors, lonely_en, len(seg.src_words), seg.tgt_words,
                                _homeless(seg, ev, r, free_ar, lonely_en), rule.reach, rule.per_word)
    for rule in DROPPED:
        strict = lonely_runs(seg.src_tokens, seg.src_words, ev.found_en, "en", known_en,
                             bounded=rule.bounded, tolerance=rule.tolerance)
        if seg.length_delta > rule.delta:
            best = None             # (the runs over seen_en are weighed only here: most pairs never need them)
        else:
            runs = lonely_runs(seg.src_tokens, seg.src_words, seen_en(seg, lex), "en", known_en,
                               bounded=rule.bounded, tolerance=rule.tolerance)
            best = qualifying_run(runs, strict, rule, lambda r: 0, lambda r: 0, seg.src_words, seen_en(seg, lex), en_content,
                                  space(rule))
        if best is not None:
            first, last = seg.src_words[best[0].first], seg.src_words[best[0].last]
            if length_delta(len(seg.src_norm.text) - (last.nend - first.nstart), len(seg.tgt_norm.text)) > rule.rest:
                best = None
        run = best[0] if best is not None else None
        if run is None and rule.bounded and _covered(seg, lex, DROPPED_STRONG.coverage):
            run = outweighing_run(strict, DROPPED_STRONG, lambda r: 0, space(rule))
        if run is not None:
            first, last = seg.src_words[run.first], seg.src_words[run.last]
            span = Span(first.start, last.end)
            yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                          src_span=span, confidence=rule.confidence)
            return


def _witnessed(seg: AnalyzedSegment, lex: Bilingual) -> Iterator[Finding]:
    """A whole clause that no link reaches, with one word over fewer than :data:`DROPPED_STRONG` asks,
    where the pair's length witnesses it (:data:`DROPPED_WITNESSED`): short against the document's own
    ratio, and normal without the clause."""
    rule = DROPPED_WITNESSED
    ratio = seg.document.length_ratio(seg, SENTENCE_RATIO, DOCUMENT_WEIGHT)
    src_chars, tgt_chars = len(seg.src_norm.text), len(seg.tgt_norm.text)
    if length_delta(src_chars, tgt_chars, ratio) > rule.short or not may_stand_out(seg, lex, "en", DROPPED_STRONG.known):
        return                      # (most pairs: the links are not asked for)
    ev = evidence(seg, lex)
    known_en, free_ar, lonely_en = _word_tests(seg, lex, ev)
    runs = lonely_runs(seg.src_tokens, seg.src_words, ev.found_en, "en", known_en, bounded=True, tolerance=0)
    for run in sorted(runs, key=lambda r: (-r.known, -r.content, r.first)):
        if run.known < DROPPED_STRONG.known:
            break
        first, last = seg.src_words[run.first], seg.src_words[run.last]
        if abs(length_delta(src_chars - (last.nend - first.nstart), tgt_chars, ratio)) > rule.rest:
            continue                # (the pair's shortfall is not about the run's length)
        over = excess(run, ev.en_anchors, lonely_en, len(seg.src_words), seg.tgt_words,
                      _homeless(seg, ev, run, free_ar, lonely_en), DROPPED[0].reach, DROPPED[0].per_word)
        if (over or 0) >= rule.over:
            span = Span(first.start, last.end)
            yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                          src_span=span, confidence=DROPPED[0].confidence)
            return


def _covered(seg: AnalyzedSegment, lex: Bilingual, coverage: float) -> bool:
    """Is at least a ``coverage`` share of the Arabic content words rendered by something (:func:`seen_ar`)?
    A pair with none is. (With a share of 0 every pair is: seen_ar, a pass over every Arabic word, is not asked.)"""
    if coverage <= 0:
        return True
    tgt_seen = seen_ar(seg, lex)
    tgt_content = [tgt_seen[j] for j, t in enumerate(seg.tgt_words) if ar_content(t.norm)]
    return not tgt_content or sum(tgt_content) >= coverage * len(tgt_content)
