"""English idioms rendered word for word (data: ``data/idioms.jsonl``).

The English is matched on lemmas (``hits/hit/hitting the ground running``) with slots for
``one's``/``someone``/``something``; the Arabic on light stems, so clitics, plurals and the article
do not hide an image word. A flag needs enough of the idiom's image words in the Arabic and none
of its accepted renderings; established Arabic calques (``calque_ok``) are never flagged.

An idiom whose words also have a literal reading ("pain going up to your neck", "wash it in hot
water") lists ``frames``: the figurative reading needs one of them around the words (its
complement, "up to one's neck *in something*", or its subject/verb frame, "*be* in hot water").
Where none matches, the English is read literally and the idiom is not there.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from mtkit.cache import compiled_table
from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment, is_possessive
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.lemmas import en_lemmas
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm

SLOTS = ("one's", "someone", "something", "someone's")
# In a frame, "not" stands for any negator and "be" for any form of it, contracted ones too
# ("didn't lift a finger", "it's a pain in the neck"); frames start at most FRAME_BEFORE words
# before the idiom's own words.
_NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot", "without",
                       "hardly", "barely", "scarcely"})
_BE_CONTRACTIONS = ("'s", "'re", "'m", "’s", "’re", "’m")
FRAME_BEFORE = 6


@dataclass(frozen=True)
class Idiom:
    en: str
    pattern: tuple[str, ...]
    meaning: str
    literal: tuple[tuple[tuple[str, ...], ...], ...]   # groups of alternatives, each a phrase of normalized words
    min_literal: int
    accepted: tuple[tuple[str, ...], ...]
    calque_ok: bool
    suggestion: str
    severity: str
    required: tuple[frozenset[str], ...] = ()   # lemma sets of the fixed words: a quick pre-test
    frames: tuple[tuple[str, ...], ...] = ()    # patterns around the words that make them figurative


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(norm(text).split())


class _Lexicon:
    """Idioms indexed by the lemmas of their rarest fixed word (a segment looks up its own lemmas,
    so common words such as "the" or "get" pull in no candidates). Kept in mtkit's cache as a
    table searched in place (mtkit/table.py): ``l:LEMMA`` → the numbers of its idioms, ``i:N`` →
    idiom N as JSON. An idiom is decoded when a lemma asks for it, once (the same object for
    every lemma that lists it): unpickling all 2,000 took about 0.02 s of every audit."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = table
        self._idioms: dict[str, Idiom] = {}
        # keyed by the lemma alone (see bama.Lexicon.glosses)
        self._numbers = lru_cache(maxsize=100_000)(self._find_numbers)
        # (a segment asks for each of its lemmas: the memo answers without a Python call)
        self.idioms_of = lru_cache(maxsize=100_000)(self._listed)

    def get(self, lemma: str, default: Sequence[Idiom] = ()) -> Sequence[Idiom]:
        numbers = self._numbers(lemma)
        if numbers is None:
            return default
        return [self._idiom(n) for n in numbers.split()]

    def _listed(self, lemma: str) -> tuple[Idiom, ...]:
        """The idioms ``lemma`` lists (``get`` as a tuple; none: empty)."""
        return tuple(self.get(lemma))

    def _find_numbers(self, lemma: str) -> str | None:     # (memoized: every pair asks for its common lemmas)
        return self._table.get("l:" + lemma)

    def _idiom(self, number: str) -> Idiom:
        idiom = self._idioms.get(number)
        if idiom is None:
            idiom = self._idioms[number] = _decode(self._table["i:" + number])
        return idiom


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The idioms by lemma (see :class:`_Lexicon`), compiled once and kept between runs."""
    return _Lexicon(compiled_table("idioms", _compile_table, libraries=("lemminflect",)))


def _encode(idiom: Idiom) -> str:
    return json.dumps([idiom.en, idiom.pattern, idiom.meaning, idiom.literal, idiom.min_literal, idiom.accepted,
                       idiom.calque_ok, idiom.suggestion, idiom.severity, [sorted(r) for r in idiom.required],
                       idiom.frames], ensure_ascii=False)


def _decode(text: str) -> Idiom:
    en, pattern, meaning, literal, min_literal, accepted, calque_ok, suggestion, severity, required, frames = \
        json.loads(text)
    return Idiom(en, tuple(pattern), meaning, tuple(tuple(tuple(p) for p in group) for group in literal), min_literal,
                 tuple(tuple(p) for p in accepted), calque_ok, suggestion, severity,
                 tuple(frozenset(r) for r in required), tuple(tuple(f) for f in frames))


def _compile_table() -> dict[str, str]:
    index = _compile_lexicon()
    numbers: dict[int, int] = {}
    out = {}
    for lemma, idioms in index.items():
        for idiom in idioms:
            if id(idiom) not in numbers:
                numbers[id(idiom)] = len(numbers)
                out[f"i:{numbers[id(idiom)]}"] = _encode(idiom)
        out["l:" + lemma] = " ".join(str(numbers[id(idiom)]) for idiom in idioms)
    return out


def _compile_lexicon() -> dict[str, list[Idiom]]:
    """Idioms by the lemmas of their rarest fixed word, as objects (what :func:`lexicon` reads)."""
    index: dict[str, list[Idiom]] = {}
    for entry in table("idioms.jsonl"):
        literal = tuple(tuple(_phrase(alt) for alt in group) for group in entry["literal_ar"])
        frames = tuple(_pattern(frame) for frame in entry["frames"] or [])
        for form in [entry["en"], *(entry["variants"] or [])]:
            pattern = _pattern(form)
            idiom = Idiom(entry["en"], pattern, entry["meaning"], literal, entry["min_literal"],
                          tuple(_phrase(a) for a in entry["accepted_ar"] or []),
                          entry["calque_ok"], entry["suggestion"], entry["severity"],
                          tuple(en_lemmas(w) for w in pattern if w not in SLOTS), frames)
            fixed = [w for w in pattern if w not in SLOTS]
            if not fixed:
                continue
            rarest = min(fixed, key=lambda w: zipf(w, "en"))
            for lemma in en_lemmas(rarest):
                index.setdefault(lemma, []).append(idiom)
    return index


def _pattern(form: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-]+", form.lower().replace("’", "'")) if w)


def _match_at(words: list[str], lemmas: list[frozenset[str]], start: int, pattern: tuple[str, ...],
              frame: bool = False) -> Optional[int]:
    """Match ``pattern`` against the words from ``start``; returns the end index or None
    (``frame``: the pattern is a frame, where "not" and "be" stand for their forms)."""
    def go(i: int, k: int) -> Optional[int]:
        if k == len(pattern):
            return i
        for after in _after(words, lemmas, i, pattern[k], frame):
            end = go(after, k + 1)
            if end is not None:
                return end
        return None
    return go(start, 0)


def _after(words: list[str], lemmas: list[frozenset[str]], i: int, token: str, frame: bool = False) -> Sequence[int]:
    """Where matching goes on when ``token`` matches from word ``i``: shortest first for a slot."""
    if token in ("someone", "something"):
        return range(i + 1, min(i + 4, len(words)) + 1)          # one to four words
    if i >= len(words):
        return ()
    if token in ("one's", "someone's"):
        # "his", "Trump's", "the minister's": up to four words ending in a possessive
        return [last + 1 for last in range(i, min(i + 4, len(words))) if is_possessive(words[last])]
    if frame and token == "not" and (words[i] in _NEGATORS or words[i].endswith(("n't", "n’t"))):
        return (i + 1,)
    if frame and token == "be" and (words[i].endswith(_BE_CONTRACTIONS) or words[i] in ("isn't", "aren't", "wasn't",
                                                                                       "weren't", "ain't")):
        return (i + 1,)
    return (i + 1,) if lemmas[i] & en_lemmas(token) else ()


def _framed(idiom: Idiom, words: list[str], lemmas: list[frozenset[str]], start: int, end: int) -> bool:
    """Whether one of the idiom's frames holds its words (always, for an idiom without frames)."""
    if not idiom.frames:
        return True
    return any((stop := _match_at(words, lemmas, at, frame, frame=True)) is not None and stop >= end
               for frame in idiom.frames for at in range(max(0, start - FRAME_BEFORE), start + 1))


def find_idioms(seg: AnalyzedSegment) -> Iterator[tuple[Idiom, int, int]]:
    """(idiom, first word index, end word index) for each idiom in the English."""
    index = lexicon()
    words = [t.norm for t in seg.src_words]
    lemmas = seg.src_lemmas
    candidates = {id(x): x for lemma in seg.src_lemma_set for x in index.idioms_of(lemma)
                  if all(req & seg.src_lemma_set for req in x.required)}
    seen: set[tuple[str, int]] = set()
    for idiom in sorted(candidates.values(), key=lambda x: (-len(x.pattern), x.en, x.pattern)):
        first_fixed = next(k for k, w in enumerate(idiom.pattern) if w not in SLOTS)
        for i, word_lemmas in enumerate(lemmas):
            start = i - first_fixed
            if start < 0 or not word_lemmas & idiom.required[0] or (idiom.en, start) in seen:
                continue
            end = _match_at(words, lemmas, start, idiom.pattern)
            if end is not None and _framed(idiom, words, lemmas, start, end):
                seen.add((idiom.en, start))
                yield idiom, start, end


def _literal_hits(seg: AnalyzedSegment, idiom: Idiom) -> Optional[list[tuple[int, int]]]:
    """Arabic word ranges of the idiom's image words, when the Arabic renders it literally."""
    if idiom.calque_ok or any(seg.find_tgt_phrase(list(accepted)) for accepted in idiom.accepted):
        return None
    found = []
    for group in idiom.literal:
        hit = next((h for alt in group if (h := seg.find_tgt_phrase(list(alt)))), None)
        if hit:
            found.append(hit)
    return found if len(found) >= max(1, min(idiom.min_literal, len(idiom.literal))) else None


@check("idiom.literal", category="idiom", doc=Doc(
    why="An idiom rendered word for word keeps an image Arabic readers do not read figuratively, so the sentence "
        "says something else or nothing.",
    flagged=("The opposition leader threw in the towel after the vote.", "ألقى زعيم المعارضة المنشفة بعد التصويت."),
    passed=("The opposition leader threw in the towel after the vote.", "استسلم زعيم المعارضة بعد التصويت.")))
def literal_idiom(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An English idiom whose Arabic keeps the literal image instead of the meaning."""
    candidates = []
    for idiom, start, end in find_idioms(seg):
        found = _literal_hits(seg, idiom)
        if found:
            candidates.append((len(found), end - start, idiom, start, end, found))
    taken: list[tuple[int, int]] = []       # overlapping matches: keep the best-attested one
    for _count, _length, idiom, start, end, found in sorted(candidates, key=lambda c: (-c[0], -c[1], c[3])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        first, last = seg.src_words[start], seg.src_words[end - 1]
        t_first = seg.tgt_words[min(h[0] for h in found)]
        t_last = seg.tgt_words[max(h[1] for h in found)]
        src_span, tgt_span = Span(first.start, last.end), Span(t_first.start, t_last.end)
        src_text = seg.src[src_span.start:src_span.end]
        yield Finding(idiom.severity,
                      f"The idiom '{src_text}' ({idiom.meaning}) was translated word for word.",
                      src_span=src_span, tgt_span=tgt_span, suggestion=idiom.suggestion,
                      confidence=min(0.95, 0.6 + 0.15 * len(found)))
