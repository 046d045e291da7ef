"""The addition check: an Arabic clause that nothing in the English renders (``addition.clause``)."""
from __future__ import annotations

from typing import Callable, Iterator, Optional, Sequence

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import SENTENCE_RATIO, AnalyzedSegment, length_delta
from mtkit.checks.entity import spelled_letters
from mtkit.model import Span
from mtkit.text.dictionary import Bilingual, bilingual
from mtkit.checks.clauses.words import is_acronym, look_up_en, known_ar, read_as_letters, ar_content, en_content
from mtkit.checks.clauses.evidence import (
    Evidence, en_word_rendered, shown_in_full, sounds_out_acronym, evidence, free_ar, seen_ar, seen_en)
from mtkit.checks.clauses.runs import Run, between_punctuation, lonely_runs
from mtkit.checks.clauses.rules import (
    ACRONYM_WORDS, ADDED, ADDED_SOURCE_COVERAGE, ADDED_STRONG, DOCUMENT_WEIGHT, ROOMLESS_REST, SET_OFF_COVERAGE,
    qualifying_run,
    may_stand_out, outweighing_run, excess)


def _added_ratio(seg: AnalyzedSegment) -> float:
    """The expected Arabic/English ratio an added clause is weighed against (:data:`DOCUMENT_WEIGHT`)."""
    return min(SENTENCE_RATIO, seg.document.length_ratio(seg, SENTENCE_RATIO, DOCUMENT_WEIGHT))


def _unexplained_rows(seg: AnalyzedSegment, found: Sequence[bool], known: Callable[[str], bool]) -> list[tuple[int, int, int]]:
    """Each row of Arabic content words that the dictionary knows and nothing renders (function words
    may sit inside): its first and last word and its number of such words."""
    rows = []
    start, count = -1, 0
    for j, t in enumerate(seg.tgt_words):
        if not ar_content(t.norm):
            continue
        if not found[j] and known(t.norm):
            start = j if count == 0 else start
            count += 1
            rows.append((start, j, count))
        else:
            count = 0
    # (each row once, at its full length)
    return [row for k, row in enumerate(rows) if k + 1 == len(rows) or rows[k + 1][0] != row[0]]


def _place(k: int, anchors: dict[int, list[int]], n_other: int) -> tuple[int, int]:
    """The stretch of the other side between the partners of the anchors around word ``k`` (all of
    it where they cross)."""
    left = max((a for a in anchors if a < k), default=None)
    right = min((a for a in anchors if a > k), default=None)
    lo = max(anchors[left]) + 1 if left is not None else 0
    hi = min(anchors[right]) if right is not None else n_other
    return (lo, hi) if lo <= hi else (0, n_other)


def _free_en(seg: AnalyzedSegment, ev: Evidence, lex: Bilingual) -> Callable[[int], float]:
    """English words that an Arabic run may render: found by nothing, or an acronym (written out in
    Arabic); content words only (how, while, U of U.S. count; the, of, is, some do not)."""
    def free(i: int) -> float:
        tok = seg.src_words[i]
        if is_acronym(seg.src[tok.start:tok.end]) or seg.src[tok.start:tok.end].isupper():
            # WHO, US (not grammar): room unless the Arabic keeps it in Latin, spells its letters (CPR → سي بي
            # آر), writes the word FreeDict gives for it (ID → الهوية) or is shown written out (shown_in_full)
            en = look_up_en(tok.norm, lex)
            sound = en.skeleton if not read_as_letters(seg.src[tok.start:tok.end]) else ""
            # (a link to its transliteration keeps it too, SARS → سارس)
            kept = any(seg.tgt_words[j].norm.isascii() or seg.tgt_cores[j] in en.stems or seg.tgt_stems[j] in en.stems
                       or sounds_out_acronym(seg, j, tok.norm, sound, lex) for j in ev.en_links.get(i, ())) \
                or spelled_letters(seg, seg.src[tok.start:tok.end]) \
                or shown_in_full(seg, i)
            return 0 if kept else max(sum(c.isupper() for c in seg.src[tok.start:tok.end]), 1)
        return tok.norm.isalpha() and en_content(tok.norm) and not ev.found_en[i]
    return free


@check("addition.clause", category="addition", doc=Doc(
    why="A clause the author never wrote is attributed to the source; unlike length, word-by-word dictionary "
        "evidence tells it from explicitation and points at the words that were added.",
    flagged=("The hospital opened a new ward on Monday.",
             "افتتح المستشفى جناحا جديدا يوم الاثنين، وقال الوزير إن الحكومة ستبني مدارس كثيرة في القرى البعيدة."),
    passed=("The hospital opened a new ward on Monday.", "افتتح المستشفى جناحا جديدا يوم الاثنين.")))
def added_clause(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An Arabic clause of several content words none of which has a counterpart in the English,
    in a pair that is too long with it and of normal length without it (a shorter clause where the
    English words on either side of its place are rendered side by side); or, whatever the pair's
    length, a longer clause that nothing renders in a pair whose English is rendered in full
    (:data:`ADDED_STRONG`); or, in a pair too long, a whole clause set off by punctuation whatever its place
    holds (:func:`_set_off`)."""
    lex = bilingual()
    if lex is None or not seg.src.strip():
        return
    ratio = _added_ratio(seg)
    delta = length_delta(len(seg.src_norm.text), len(seg.tgt_norm.text), ratio)
    if delta < ADDED_STRONG.delta:
        return
    long = delta >= ADDED.delta
    # (long against the document's ratio only: two weak priors, so a clause of as many known words as
    # strong evidence asks)
    by_document = long and seg.length_delta < ADDED.delta
    if (by_document or not long) and not may_stand_out(seg, lex, "ar", ADDED_STRONG.known):
        return                      # (the cheap test first: most pairs long for their document only stop here)
    known = lambda w: known_ar(w, lex)     # noqa: E731
    if not _may_hold_added(seg, known):
        return                      # (before the links: about a third of the pairs that get this far stop here)
    ev = evidence(seg, lex)
    runs, strict = (lonely_runs(seg.tgt_tokens, seg.tgt_words, found, "ar", known, bounded=True,
                                tolerance=ADDED.tolerance) for found in (seen_ar(seg, lex), ev.found_ar))
    # an acronym of the English is often written out in full (WHO → منظمة الصحة العالمية), unless the
    # document shows the words of the pair that write it out (:func:`shown_in_full`)
    acronyms = any(is_acronym(seg.src[t.start:t.end].rstrip("s")) and not en_word_rendered(seg, i)
                   and not shown_in_full(seg, i) for i, t in enumerate(seg.src_words))
    # (for a run with no room, the acronym counts unless a strong link or its Latin spelling renders it:
    # a sandwiched guess of the aligner does not)
    open_acronyms = [(i, sum(c.isupper() for c in seg.src[t.start:t.end])) for i, t in enumerate(seg.src_words)
                     if is_acronym(seg.src[t.start:t.end].rstrip("s")) and i not in ev.en_anchors
                     and t.norm not in seg.tgt_norm.text and not spelled_letters(seg, seg.src[t.start:t.end])
                     and not shown_in_full(seg, i)]
    # an acronym is written out in about a word per capital (NIOSH → المعهد الوطني للسلامة والصحة المهنية):
    # in the row of unexplained words nearest its place (between its neighbours' anchors) that is long enough
    rows = _unexplained_rows(seg, ev.found_ar, known)
    written_out = []
    for i, capitals in open_acronyms:
        lo, hi = _place(i, ev.en_anchors, len(seg.tgt_words))
        long_enough = [row for row in rows if row[2] >= capitals] or rows
        if long_enough:
            start, end, _ = min(long_enough, key=lambda row: (max(lo - row[1], row[0] - hi, 0), row[0]))
            written_out.append((start, end, capitals))
    space = lambda r: excess(r, ev.ar_anchors, lambda j: ar_content(seg.tgt_words[j].norm) and not ev.found_ar[j]  # noqa: E731
                             and known(seg.tgt_words[j].norm), len(seg.tgt_words), seg.src_words, _free_en(seg, ev, lex),
                             ADDED.reach, ADDED.per_word)
    def acronym_extra(r: Run) -> int:
        # a run that may be an acronym written out needs a word per capital more; any other, a few, unless
        # every acronym has its row elsewhere and the run has as many words over as strong evidence asks
        overlapping = [capitals for start, end, capitals in written_out if start <= r.last and r.first <= end]
        if overlapping:
            return max(overlapping)
        placed = len(written_out) == len(open_acronyms) and (space(r) or 0) >= ADDED_STRONG.over
        return 0 if placed else ACRONYM_WORDS * bool(open_acronyms)
    more = (ADDED_STRONG.known - ADDED.known) * by_document
    extra = lambda r: max(ACRONYM_WORDS * acronyms, acronym_extra(r)) + more      # noqa: E731
    run = _added_by_length(seg, runs, strict, extra, lambda r: acronym_extra(r) + more, space, lex, ratio) \
        if long else None
    if run is None:
        run = _whatever_the_length(seg, runs, strict, extra, space, lex, ratio)
    if run is None:
        return
    span = Span(seg.tgt_words[run.first].start, seg.tgt_words[run.last].end)
    yield Finding("major", f"'{span.slice(seg.tgt)}' has no counterpart in the English: it seems added.",
                  tgt_span=span, confidence=ADDED.confidence)


# The fewest known words any run added_clause weighs needs: ADDED's runs (``known``) and the runs no link
# reaches (``roomless``), ADDED_STRONG's (``known``); the words acronyms ask for only add to it.
_ADDED_FEWEST = min(ADDED.known, ADDED.roomless, ADDED_STRONG.known)


def _may_hold_added(seg: AnalyzedSegment, known: Callable[[str], bool]) -> bool:
    """A test before the links, exact: could an Arabic run of :func:`added_clause` have _ADDED_FEWEST known
    words? Every run it weighs is a ``lonely_runs`` (bounded, ADDED.tolerance) over a ``found`` that holds
    :func:`free_ar` (seen_ar's and evidence's found_ar both do), with the same ``known``. A run's known
    words only grow as fewer words are found: a word found in neither reading is lone in both, and a word
    found in the fuller reading only is a hit there, not here, so along any run this reading has no more
    hits (it breaks no earlier, passes the hits-per-lone-word test whenever the fuller one does) and no
    fewer lone, known words; where a run may start and end does not depend on ``found``. So the best
    run over free_ar alone bounds the known words of every run the rules weigh."""
    runs = lonely_runs(seg.tgt_tokens, seg.tgt_words, free_ar(seg), "ar", known, bounded=True,
                       tolerance=ADDED.tolerance)
    return any(r.known >= _ADDED_FEWEST for r in runs)


def _source_cover(seg: AnalyzedSegment, lex: Bilingual) -> float:
    """The share of the English content words that something in the Arabic renders (:func:`seen_en`);
    found once per pair, however many of the rules below weigh it."""
    def compute() -> float:
        src_seen = seen_en(seg, lex)
        src_content = [src_seen[i] for i, t in enumerate(seg.src_words) if en_content(t.norm)]
        return sum(src_content) / len(src_content) if src_content else 1.0
    return seg.memo("clauses.source_cover", compute)


def _delta_without(seg: AnalyzedSegment, run: Run, ratio: float) -> float:
    """The pair's length delta (at ``ratio``) with the Arabic run taken out."""
    first, last = seg.tgt_words[run.first], seg.tgt_words[run.last]
    return length_delta(len(seg.src_norm.text), len(seg.tgt_norm.text) - (last.nend - first.nstart), ratio)


def _added_by_length(seg: AnalyzedSegment, runs: list[Run], strict: list[Run], extra: Callable[[Run], int],
                     acronym_extra: Callable[[Run], int], space: Callable[[Run], Optional[float]],
                     lex: Bilingual, ratio: float) -> Optional[Run]:
    """The added run of a pair too long (:data:`ADDED`), if any."""
    best = qualifying_run(runs, strict, ADDED, extra, acronym_extra, seg.tgt_words, seen_ar(seg, lex), ar_content, space)
    if best is None:
        return None
    run, roomless = best
    if not roomless and _source_cover(seg, lex) < ADDED_SOURCE_COVERAGE:
        return None
    if _delta_without(seg, run, ratio) < ADDED.rest - ROOMLESS_REST * roomless:
        return None
    return run


def _whatever_the_length(seg: AnalyzedSegment, runs: list[Run], strict: list[Run], extra: Callable[[Run], int],
                         space: Callable[[Run], Optional[float]], lex: Bilingual, ratio: float) -> Optional[Run]:
    """The run whose lexical evidence outweighs the pair's length (:data:`ADDED_STRONG`), or else, in a
    pair too long against the usual ratio, a whole clause set off by punctuation (:func:`_set_off`)."""
    # (the English's coverage is weighed only for a run strong enough: most pairs have none)
    run = outweighing_run(runs, ADDED_STRONG, extra, space)
    if run is not None and _source_cover(seg, lex) >= ADDED_STRONG.coverage:
        return run
    return _set_off(seg, strict, space, lex, ratio) if seg.length_delta >= ADDED.delta else None


def _set_off(seg: AnalyzedSegment, strict: list[Run], space: Callable[[Run], Optional[float]],
             lex: Bilingual, ratio: float) -> Optional[Run]:
    """A whole clause set off by punctuation after the sentence's first stretch ("…، كما أكدت الحكومة في
    بيان رسمي") with ``ADDED_STRONG.known`` known words no link reaches and no anchor inside, in a pair long
    against the usual ratio (added_clause asks that) whose English is rendered for at least
    :data:`SET_OFF_COVERAGE` and that is of normal length without it (``ADDED.rest``). Its place is not
    weighed (:func:`excess`): at a sentence's end, or where the translator reordered the sentence, the
    place reaches English words that are rendered elsewhere."""
    starts = {ks[0] for ks in between_punctuation(seg.tgt_tokens, seg.tgt_words, "ar")[1:] if ks}
    clauses = [r for r in strict if r.first in starts and r.known >= ADDED_STRONG.known and space(r) is not None]
    if not clauses or _source_cover(seg, lex) < SET_OFF_COVERAGE:
        return None
    run = max(clauses, key=lambda r: (r.known, r.content, -r.first))
    return None if _delta_without(seg, run, ratio) < ADDED.rest else run
