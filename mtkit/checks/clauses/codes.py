"""A dropped clause that only a code holds: an acronym, a code or a number that the Arabic does not show,
with nothing else of its clause rendered ("including IgM and IgG", ", B814,", "until 2021 to develop").

Such a clause has too few words the dictionary knows for the clause rules (a code is no dictionary word),
but it carries bilingual evidence a dictionary gap does not: a professional translation keeps a Latin
code, an acronym or a digit string (in Latin, transliterated or as its digits), so its absence is a
finding of its own, where a word the dictionaries miss is only a gap.
"""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from mtkit.checks.analysis import AnalyzedSegment, fills_brackets
from mtkit.model import Span
from mtkit.text.lexicon import zipf
from mtkit.text.numbers import values
from mtkit.text.tokens import Token
from mtkit.checks.entity import letter_names
from mtkit.text.arabic import ar_bare
from mtkit.checks.clauses.words import ar_content, en_content, is_acronym
from mtkit.checks.clauses.evidence import Evidence, acronym_found, en_word_shown
from mtkit.checks.clauses.runs import EN_OPENERS, between_punctuation


COMMON_WORD = 4.0          # an English word this frequent in capitals is text in capitals (FROM, WASH), no code
# A chunk: what a code may be, up to a space, a mark or a sentence glued on (B.1.1.7, SARS-CoV-2; not "2.In")
_CHUNK = re.compile(r"(?:[^\s,;:()\[\]\"“”.]|\.(?![A-Z][a-z]|\s|$))+")


def may_hold_code(seg: AnalyzedSegment, missing_numbers: Sequence[Span]) -> bool:
    """A cheap test before the evidence (and the word links) is built: a number the Arabic lacks, or a code
    whose chunk the Arabic does not hold in Latin, whose digits it does not hold (COVID-19 → كوفيد-19) and
    none of whose words it transliterates or spells."""
    if missing_numbers:
        return True
    lowered = seg.tgt.lower()
    tgt_words = {t.norm for t in seg.tgt_words}
    for m in _CHUNK.finditer(seg.src):
        text = m.group()
        # (most chunks are words: no digit and letter together, at most one capital)
        if not (any(c.isdigit() for c in text) and not text.isdigit() or sum(c.isupper() for c in text) >= 2) \
                or text.lower() in lowered:
            continue
        parts = [w for w in seg.src_words if m.start() <= w.start and w.end <= m.end()]
        texts = [seg.src[w.start:w.end] for w in parts]
        digits = [t for t in texts if not t.isalpha()]
        if not (digits and len(digits) < len(texts) or any(_acronym(t) for t in texts)) \
                or any(t in tgt_words for t in digits):
            continue
        if not any(en_word_shown(seg, seg.src_words.index(w)) for w, t in zip(parts, texts)
                   if t.isalpha() and len(t) >= 2):
            return True
    return False


def _acronym(text: str) -> bool:
    """An acronym that is no English word in capitals (FROM, WASH)."""
    return is_acronym(text) and zipf(text.lower(), "en") < COMMON_WORD


# How strong the evidence is that a code went with its clause: none; an acronym the Arabic does not show
# (it may be written out: ECMO → الأكسجة الغشائية خارج الجسم); a code with digits or a number (kept as written)
NONE, ACRONYM, DIGITS = 0, 1, 2


def spelled_out(seg: AnalyzedSegment) -> list[bool]:
    """For each Arabic word: could it be a code as written? Latin, or the Arabic name of a letter where it
    is no function word or beside another (دي إن أيه; not في "in", which is also V's name)."""
    names = {n for spellings in letter_names().values() for n in spellings}
    bare = [ar_bare(t.norm)[-1] in names or t.norm in names for t in seg.tgt_words]
    return [t.norm.isascii() or bare[j] and (ar_content(t.norm) or j > 0 and bare[j - 1]
                                             or j + 1 < len(bare) and bare[j + 1])
            for j, t in enumerate(seg.tgt_words)]


def codes_missing(seg: AnalyzedSegment, ev: Evidence, missing_numbers: Sequence[Span]) -> list[int]:
    """For each English word: is it part of a code or number the Arabic does not show, and how strong is
    that evidence (:data:`DIGITS`, :data:`ACRONYM` or :data:`NONE`)? A number the number check finds
    missing (``missing_numbers``), or a chunk of letters and digits (or an acronym) none of whose parts
    the Arabic keeps, transliterates, spells or gives as a number."""
    words = seg.src_words
    out = [NONE] * len(words)
    tgt_words = {t.norm for t in seg.tgt_words}
    numbers = [(first.start, last.end) for _, first, last in values(seg.src_tokens, "en")]
    for m in _CHUNK.finditer(seg.src):
        parts = [k for k, w in enumerate(words) if m.start() <= w.start and w.end <= m.end()]
        texts = [seg.src[words[k].start:words[k].end] for k in parts]
        digits = [k for k, t in zip(parts, texts) if not t.isalpha()]
        if len(digits) == len(parts):
            strength = DIGITS if digits and all(_inside(words[k], [(s.start, s.end) for s in missing_numbers])
                                                for k in digits) else NONE
        else:
            strength = DIGITS if digits else ACRONYM if any(
                _acronym(t) for t in texts) else NONE
            shown = m.group().lower() in seg.tgt.lower() or any(
                ev.found_en[k] or is_acronym(t) and acronym_found(seg, k)
                for k, t in zip(parts, texts) if t.isalpha() and len(t) >= 2) or any(
                words[k].norm in tgt_words or _inside(words[k], numbers) and not _inside(words[k], [
                    (s.start, s.end) for s in missing_numbers]) for k in digits)
            strength = NONE if shown else strength
        for k in parts:
            out[k] = strength
    return out


def _inside(word: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= word.start < e for s, e in spans)


def coded_runs(seg: AnalyzedSegment, ev: Evidence, gone: Sequence[int]) -> Iterator[tuple[int, int, int]]:
    """The clauses (first and last word) that hold a code the Arabic does not show and no other word
    a link reaches: in each stretch between punctuation marks, a unit from its start or an opener to the
    next opener or its end; neighbouring units that qualify are one clause."""
    words = seg.src_words
    for ks in between_punctuation(seg.src_tokens, words, "en"):
        units = _units(ks, words)
        good = [_qualifies(u, words, ev.found_en, gone) for u in units]
        e = 0
        while e < len(units):
            if not good[e]:
                e += 1
                continue
            f = e
            while f + 1 < len(units) and good[f + 1]:
                f += 1
            yield units[e][0], units[f][-1], max(gone[k] for u in units[e:f + 1] for k in u)
            e = f + 1


def _units(ks: list[int], words: Sequence[Token]) -> list[list[int]]:
    units: list[list[int]] = []
    for k in ks:
        if not units or words[k].norm in EN_OPENERS:
            units.append([])
        units[-1].append(k)
    return units


def _qualifies(unit: list[int], words: Sequence[Token], found: Sequence[bool], gone: Sequence[int]) -> bool:
    """A unit with a code the Arabic does not show and no other content word a link reaches (its opener aside)."""
    body = unit[1:] if words[unit[0]].norm in EN_OPENERS else unit
    return any(gone[k] for k in body) and not any(
        found[k] and not gone[k] and en_content(words[k].norm) for k in body)


def in_brackets(seg: AnalyzedSegment, first: int, last: int) -> bool:
    """Do English words ``first`` to ``last`` fill a pair of round brackets?"""
    return fills_brackets(seg.src, Span(seg.src_words[first].start, seg.src_words[last].end))
