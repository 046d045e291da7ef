"""What several checks need about a segment, computed lazily, once per segment."""
from __future__ import annotations

import math
import re
from functools import cached_property
from typing import TYPE_CHECKING

from mtkit.align.words import WordLink, link_words, unmatched
from mtkit.checks.memo import Memo
from mtkit.model import Segment, Span
from mtkit.text.arabic import ar_bare, ar_core, ar_stem
from mtkit.text.lemmas import en_lemmas
from mtkit.text.normalize import NormText, normalize
from mtkit.text.sentences import sentence_spans
from mtkit.text.tokens import Token, tokenize, words_of

if TYPE_CHECKING:
    from mtkit.checks.document import DocumentContext

_LATIN_WORD = re.compile(r"[A-Za-z]")
# Arabic ≈ SENTENCE_RATIO × English normalized characters, variance SENTENCE_VARIANCE per English
# character: fitted on the faithful pairs of the development set (eval/devset).
SENTENCE_RATIO, SENTENCE_VARIANCE = 0.91, 2.0
CLAUSE_LOST_DELTA = -2.0


_POSSESSIVE_PRONOUNS = frozenset({"my", "your", "his", "her", "its", "our", "their", "one's"})


def length_delta(src_chars: int, tgt_chars: int, ratio: float = SENTENCE_RATIO) -> float:
    """How far ``tgt_chars`` of Arabic is from what a faithful translation of ``src_chars`` of English
    would have (Arabic ≈ ``ratio`` × English), in standard deviations (a Gale-Church length model for
    single sentences)."""
    return (tgt_chars - ratio * src_chars) / math.sqrt(SENTENCE_VARIANCE * max(src_chars, 1))


def fills_brackets(text: str, span: Span) -> bool:
    """Does ``span`` of ``text`` fill a pair of round brackets, as "(WHO)" does?"""
    return text[:span.start].rstrip().endswith("(") and text[span.end:].lstrip().startswith(")")


def is_possessive(word: str) -> bool:
    """A normalized English word that fills a lexicon's ``one's`` slot: "his", "Trump's"."""
    return word in _POSSESSIVE_PRONOUNS or word.endswith("'s")


class AnalyzedSegment(Memo):
    """A segment plus its tokens, normalized forms and stems on both sides; ``memo`` keeps what
    several checks share (numbers found, name matches)."""

    def __init__(self, segment: Segment, options: dict | None = None):
        super().__init__()
        self.segment = segment
        # plain attributes, not properties: the checks read them hundreds of times a pair
        self.src: str = segment.src
        self.tgt: str = segment.tgt
        self.options = options or {}

    @cached_property
    def document(self) -> "DocumentContext":
        """The document this segment belongs to (``mtkit.checks.document.analyze`` sets it; a
        segment analyzed alone is a document of its own)."""
        from mtkit.checks.document import DocumentContext
        return DocumentContext([self])

    @cached_property
    def src_norm(self) -> NormText:
        return normalize(self.src)

    @cached_property
    def tgt_norm(self) -> NormText:
        return normalize(self.tgt)

    @cached_property
    def src_tokens(self) -> list[Token]:
        return tokenize(self.src_norm)

    @cached_property
    def tgt_tokens(self) -> list[Token]:
        return tokenize(self.tgt_norm)

    @cached_property
    def src_words(self) -> list[Token]:
        return words_of(self.src_tokens)

    @cached_property
    def tgt_words(self) -> list[Token]:
        return words_of(self.tgt_tokens)

    @cached_property
    def word_links(self) -> list[WordLink]:
        """Which Arabic word renders which English word (numbers, names, dictionary), indices
        into ``src_words`` and ``tgt_words``."""
        return link_words(self.src_words, self.tgt_words)

    @cached_property
    def unmatched_words(self) -> tuple[list[Token], list[Token]]:
        """English and Arabic content words that no word link reaches: where an omission or an
        addition flag can point."""
        src, tgt = unmatched(self.src_words, self.tgt_words, self.word_links)
        return [self.src_words[i] for i in src], [self.tgt_words[j] for j in tgt]

    @cached_property
    def src_lemmas(self) -> list[frozenset[str]]:
        return [en_lemmas(t.norm) for t in self.src_words]

    @cached_property
    def length_delta(self) -> float:
        """:func:`length_delta` of this pair."""
        return length_delta(len(self.src_norm.text), len(self.tgt_norm.text))

    @property
    def lost_a_clause(self) -> bool:
        """The Arabic is so much shorter than expected that a clause is probably gone: checks that
        would see a missing name or negator leave it to the omission checks."""
        return self.length_delta < CLAUSE_LOST_DELTA

    @cached_property
    def length_ratio(self) -> float:
        """Arabic/English length in normalized characters."""
        return len(self.tgt_norm.text) / max(1, len(self.src_norm.text))

    @cached_property
    def src_lemma_set(self) -> frozenset[str]:
        """Every form and lemma of every English word, for a quick "could this match" test."""
        return frozenset().union(*self.src_lemmas) if self.src_lemmas else frozenset()

    @cached_property
    def tgt_stems(self) -> list[str]:
        return [ar_stem(t.norm) for t in self.tgt_words]

    @cached_property
    def tgt_cores(self) -> list[str]:
        return [ar_core(t.norm) for t in self.tgt_words]

    @cached_property
    def tgt_bare(self) -> list[tuple[str, ...]]:
        """Each Arabic word without its proclitics (for names)."""
        return [ar_bare(t.norm) for t in self.tgt_words]

    @cached_property
    def src_sentence_starts(self) -> frozenset[int]:
        """Original offsets where an English sentence (or a quote inside one) starts."""
        starts = {s for s, _ in sentence_spans(self.src)}
        starts.update(m.end() for m in re.finditer(r"[“\"‘(:]\s*", self.src))
        return frozenset(starts)

    def src_capitalized(self) -> list[tuple[int, Token]]:
        """English words written with a capital (index into src_words, token)."""
        return self._capitalized

    @cached_property
    def _capitalized(self) -> list[tuple[int, Token]]:
        return [(i, tok) for i, tok in enumerate(self.src_words) if self.src[tok.start].isupper()]

    def is_sentence_initial(self, tok: Token) -> bool:
        return tok.start in self.src_sentence_starts

    def latin_in_tgt(self) -> list[Token]:
        return [t for t in self.tgt_words if _LATIN_WORD.match(t.norm)]

    def src_span(self, first: Token, last: Token | None = None) -> Span:
        return Span(first.start, (last or first).end)

    def tgt_span(self, first: Token, last: Token | None = None) -> Span:
        return Span(first.start, (last or first).end)

    def find_tgt_phrase(self, words: list[str], *, stem: bool = True) -> tuple[int, int] | None:
        """Find a phrase (normalized words) in the Arabic words, at stem level; returns the
        (first, last) word indices, or None."""
        if not words:
            return None
        n = len(words)
        if not stem:
            have = [t.norm for t in self.tgt_words]
            return next(((i, i + n - 1) for i in range(len(have) - n + 1) if have[i:i + n] == words), None)
        keys = [(w, ar_stem(w), ar_core(w)) for w in words]
        for i in range(len(self.tgt_words) - n + 1):
            if all(self._word_matches(i + k, *keys[k]) for k in range(n)):
                return i, i + n - 1
        return None

    def tgt_word_is(self, i: int, word: str) -> bool:
        """Is Arabic word ``i`` the normalized ``word``, as :meth:`find_tgt_phrase` matches a word: the
        same light stem or core, with clitics, a tanwin alef, or as another person of an imperfect verb?"""
        return self._word_matches(i, word, ar_stem(word), ar_core(word))

    def _word_matches(self, i: int, word: str, stem: str, core: str) -> bool:
        """:meth:`tgt_word_is` with ``word``'s stem and core given (computed once per phrase)."""
        if self.tgt_stems[i] == stem or word in self.tgt_bare[i]:
            return True
        if len(word) >= 3 and word[-1] not in "اةى" and word + "ا" in self.tgt_bare[i]:
            return True                 # the accusative tanwin alef: لقاحًا is لقاح
        if len(core) >= 3 and self.tgt_cores[i] == core:
            return True
        # another person of the same imperfect verb: يعض / تعض
        have = self.tgt_bare[i][-1]
        return len(word) == len(have) >= 3 and word[0] in "يتنا" and have[0] in "يتنا" and word[1:] == have[1:]
