"""The document around a segment: what the other pairs of the same article tell about names and
renderings.

A word capitalised only where a sentence or a headline starts is weak evidence of a name; the same
word capitalised mid-sentence elsewhere in the article is strong, and one also written in lower
case elsewhere is a common word (Health in "World Health Organization" and "public health").
An article also teaches its own renderings: an English word whose pairs elsewhere in the document
nearly all hold one Arabic word, and that Arabic word nearly only with it, is rendered by it (an
acronym written out, RCGP → مركز البحوث; a house spelling, Shenzhen → شنجن), whatever a dictionary
says. A planted or invented clause has no such support: its words appear with no English word
elsewhere. Checks read this through ``AnalyzedSegment.document`` (a :class:`DocumentContext`, computed lazily
once per document from the segments' own analyses).

A document is a run of consecutive segments with the same ``Segment.doc`` (the two files of an
audit are one document; a pairs file groups its pairs by their ``doc`` field, and a pair without
one is read alone). Work is chunked so
a document is never split between workers, which keeps any ``--jobs`` byte-identical; a document
longer than MAX_DOCUMENT segments is read in windows of that size (memory stays bounded).
"""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from functools import cached_property
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from mtkit.checks.memo import Memo
from mtkit.model import Segment

if TYPE_CHECKING:
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.text.tokens import Token

MAX_DOCUMENT = 4096
# A segment with this share of its (4 or more) words capitalised is a headline or a title:
# its capitals say nothing about names.
TITLE_CASE = 0.6
# Document evidence that an English word is rendered by an Arabic one: both occur together in at
# least SUPPORT other pairs, in at least WITH_EN of the English word's pairs and WITH_AR of the
# Arabic word's (a word of every other sentence, في or الصحة, renders nothing in particular).
SUPPORT, WITH_EN, WITH_AR = 2, 0.75, 0.5
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as"})


def name_key(text: str) -> str:
    """An English word as a name key: ``Musk's`` → ``Musk``."""
    return text.replace("’", "'").removesuffix("'s")


def is_title_case(seg: "AnalyzedSegment") -> bool:
    """A headline or title: most of its words start with a capital, and it does not end as a
    sentence does (a sentence listing countries, Canada, Japan, India …, is no title)."""
    if seg.src.rstrip().endswith((".", ";")):
        return False
    words = [seg.src[t.start:t.end] for t in seg.src_words if t.norm not in _SMALL and t.norm.isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= TITLE_CASE * len(words)


class DocumentContext(Memo):
    """Name evidence gathered over all the segments of one document; ``memo`` keeps what a check
    derives from the whole document (the genera its binomials name)."""

    def __init__(self, segments: list["AnalyzedSegment"]):
        super().__init__()
        self.segments = segments
        self._renders_memo: dict[tuple[str, str], bool] = {}

    @cached_property
    def _case_counts(self) -> tuple[Counter, Counter, Counter]:
        """English words capitalised mid-sentence (not in headlines), capitalised anywhere, and
        written in lower case, counted over the document."""
        mid: Counter = Counter()
        upper: Counter = Counter()
        lower: Counter = Counter()
        for seg in self.segments:
            title = is_title_case(seg)
            for tok in seg.src_words:
                text = name_key(seg.src[tok.start:tok.end])
                if not text[:1].isalpha():
                    continue
                if text[0].isupper():
                    upper[text] += 1
                    if not title and not seg.is_sentence_initial(tok):
                        mid[text] += 1
                else:
                    lower[text.lower()] += 1
        return mid, upper, lower

    def capitalised_mid_sentence(self, word: str) -> int:
        """How often the document writes ``word`` with a capital inside a sentence (not a headline)."""
        return self._case_counts[0][name_key(word)]

    def lower_case(self, word: str) -> int:
        """How often the document writes ``word`` (or its plural) in lower case: a common word, then
        (Turkey coronavirus … in turkeys)."""
        low, lower = name_key(word).lower(), self._case_counts[2]
        return lower[low] + lower[low + "s"] + lower[low + "es"]

    def is_name(self, seg: "AnalyzedSegment", tok: "Token") -> bool:
        """Whether a capitalised English word reads as a name on the document's evidence: written
        with a capital inside a sentence here or elsewhere, and never in lower case."""
        text = seg.src[tok.start:tok.end]
        if not text[:1].isupper() or self.lower_case(text):
            return False
        return self.capitalised_mid_sentence(text) > 0

    @cached_property
    def arabic_words(self) -> tuple[Counter, Counter]:
        """How often each Arabic word (without proclitics) and each pair of adjacent words (joined
        with a space) occurs in the document."""
        # (one count over all words, in C, not an update per word)
        words = Counter(form for seg in self.segments for bare in seg.tgt_bare for form in bare)
        pairs = Counter(a.norm + " " + b.norm for seg in self.segments for a, b in itertools.pairwise(seg.tgt_words))
        return words, pairs

    @cached_property
    def _pairs_with(self) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]], dict[int, int]]:
        """For each English content word (lower case) and each Arabic light-stem core, the pairs of
        the document that hold it; and each segment's place in the document."""
        from mtkit.text.dictionary import EN_FUNCTION_WORDS
        en: dict[str, set[int]] = defaultdict(set)
        ar: dict[str, set[int]] = defaultdict(set)
        for k, seg in enumerate(self.segments):
            for tok in seg.src_words:
                if tok.norm.isalpha() and tok.norm not in EN_FUNCTION_WORDS:
                    en[tok.norm].add(k)
            for core in seg.tgt_cores:
                ar[core].add(k)
        place = {id(seg): k for k, seg in enumerate(self.segments)}
        return ({w: frozenset(p) for w, p in en.items()}, {w: frozenset(p) for w, p in ar.items()}, place)

    def _elsewhere(self, seg: "AnalyzedSegment", pairs: Optional[frozenset[int]]) -> int:
        """How many of these pairs of the document are not ``seg``'s own."""
        return len(pairs) - (self._pairs_with[2].get(id(seg), -1) in pairs) if pairs else 0

    def renders(self, seg: "AnalyzedSegment", en_word: str, ar_core: str) -> bool:
        """Whether the rest of the document shows ``ar_core`` rendering ``en_word`` (see SUPPORT)."""
        en, ar, place = self._pairs_with
        with_en, with_ar = en.get(en_word), ar.get(ar_core)
        if not with_en or not with_ar:
            return False
        here = place.get(id(seg), -1)
        if here not in with_en or here not in with_ar:
            return _renders(self._elsewhere(seg, with_en), self._elsewhere(seg, with_ar),
                            lambda: self._both(seg, with_en, with_ar))
        # a pair holding both words (every pair asks of its own words): "the rest of the document" is
        # the same for all of them, so the answer is the document's, computed once
        known = self._renders_memo.get((en_word, ar_core))
        if known is None:
            known = _renders(len(with_en) - 1, len(with_ar) - 1, lambda: len(with_en & with_ar) - 1)
            self._renders_memo[(en_word, ar_core)] = known
        return known

    @cached_property
    def _lengths(self) -> tuple[int, int, frozenset[int]]:
        """Normalized characters of the document's English and of its Arabic (and its pairs, by id)."""
        return (sum(len(s.src_norm.text) for s in self.segments), sum(len(s.tgt_norm.text) for s in self.segments),
                frozenset(id(s) for s in self.segments))

    def length_ratio(self, seg: "AnalyzedSegment", prior: float, weight: int) -> float:
        """The Arabic/English length ratio of the document's other pairs (a translator's own habit:
        concise, or wordy), drawn toward ``prior`` as if ``weight`` more English characters had it:
        a short document says little, a pair alone nothing (``prior``)."""
        en, ar, members = self._lengths
        if id(seg) in members:
            en, ar = en - len(seg.src_norm.text), ar - len(seg.tgt_norm.text)
        return (ar + prior * weight) / (en + weight)

    def en_count(self, seg: "AnalyzedSegment", en_word: str) -> int:
        """How many other pairs of the document hold ``en_word``."""
        return self._elsewhere(seg, self._pairs_with[0].get(en_word))

    def ar_count(self, seg: "AnalyzedSegment", ar_core: str) -> int:
        """How many other pairs of the document hold ``ar_core``."""
        return self._elsewhere(seg, self._pairs_with[1].get(ar_core))

    def both_count(self, seg: "AnalyzedSegment", en_word: str, ar_core: str) -> int:
        """How many other pairs of the document hold both ``en_word`` and ``ar_core`` (with
        ``en_count`` and ``ar_count``, a word association computed from the input itself: see
        mtkit.checks.clauses)."""
        en, ar, _ = self._pairs_with
        with_en, with_ar = en.get(en_word), ar.get(ar_core)
        return self._both(seg, with_en, with_ar) if with_en and with_ar else 0

    def _both(self, seg: "AnalyzedSegment", with_en: frozenset[int], with_ar: frozenset[int]) -> int:
        """How many pairs other than ``seg`` hold both words (given the pairs holding each)."""
        here = self._pairs_with[2].get(id(seg), -1)
        return len(with_en & with_ar) - (here in with_en and here in with_ar)

    def rendering_of(self, seg: "AnalyzedSegment", j: int) -> bool:
        """Whether some English word of ``seg`` is rendered, on the document's evidence, by its
        Arabic word ``j``."""
        core = seg.tgt_cores[j]
        n_ar = self._elsewhere(seg, self._pairs_with[1].get(core))
        if n_ar < SUPPORT:
            return False                 # too rare elsewhere to render any word (as renders says)
        # (_may_render inline: most words fail it, and it is asked of every word pair)
        least_en = WITH_AR * n_ar
        return any(self.renders(seg, word, core) for word, n_en in self._en_counts(seg)
                   if n_en >= least_en and n_ar >= WITH_EN * n_en)

    def rendered_in(self, seg: "AnalyzedSegment", en_word: str) -> list[int]:
        """The Arabic words of ``seg`` that render ``en_word`` on the document's evidence."""
        n_en = self._elsewhere(seg, self._pairs_with[0].get(en_word))
        if n_en < SUPPORT:
            return []                    # too rare elsewhere to be rendered by any word (as renders says)
        least_ar = WITH_EN * n_en           # (_may_render inline, as in rendering_of)
        return [j for j, core, n_ar in self._ar_counts(seg)
                if n_en >= WITH_AR * n_ar and n_ar >= least_ar and self.renders(seg, en_word, core)]

    def _en_counts(self, seg: "AnalyzedSegment") -> list[tuple[str, int]]:
        """``seg``'s English words (each once) with their number of other pairs, those with SUPPORT."""
        def compute() -> list[tuple[str, int]]:
            en = self._pairs_with[0]
            counts = ((word, self._elsewhere(seg, en.get(word))) for word in sorted({t.norm for t in seg.src_words}))
            return [(word, n) for word, n in counts if n >= SUPPORT]
        return seg.memo("document.en_counts", compute)

    def _ar_counts(self, seg: "AnalyzedSegment") -> list[tuple[int, str, int]]:
        """``seg``'s Arabic words (index, core) with their core's number of other pairs, those with SUPPORT."""
        def compute() -> list[tuple[int, str, int]]:
            ar = self._pairs_with[1]
            counts = ((j, core, self._elsewhere(seg, ar.get(core))) for j, core in enumerate(seg.tgt_cores))
            return [(j, core, n) for j, core, n in counts if n >= SUPPORT]
        return seg.memo("document.ar_counts", compute)

    @cached_property
    def renderings(self) -> dict[str, Counter]:
        """English name → how often each Arabic form renders it in the document (names that a
        transliteration in the same pair renders; see ``mtkit.checks.entity.renderings``)."""
        from mtkit.checks.entity import renderings
        out: dict[str, Counter] = defaultdict(Counter)
        for seg in self.segments:
            for name, forms in renderings(seg):
                for form in forms:
                    out[name][form] += 1
        return dict(out)


def _renders(n_en: int, n_ar: int, both: Callable[[], int]) -> bool:
    """``DocumentContext.renders`` from the two words' counts elsewhere and (only where those allow
    it) the count of pairs holding both."""
    if min(n_en, n_ar) < SUPPORT or not _may_render(n_en, n_ar):
        return False
    n_both = both()
    return n_both >= SUPPORT and n_both >= WITH_EN * n_en and n_both >= WITH_AR * n_ar


def _may_render(n_en: int, n_ar: int) -> bool:
    """A cheap necessary condition of ``renders`` from the two words' counts alone: the pairs holding
    both are at most either count, so each count must reach the share the other requires."""
    return n_en >= WITH_AR * n_ar and n_ar >= WITH_EN * n_en


def document_chunks(segments: Iterable[Segment], size: int) -> Iterator[list[Segment]]:
    """Chunks of about ``size`` segments that never cut a document (a run of one ``doc``), except
    a document longer than MAX_DOCUMENT, which is cut every MAX_DOCUMENT segments."""
    chunk: list[Segment] = []
    for _, run in itertools.groupby(segments, key=_document_key()):
        for doc in _windows(run):
            if chunk and len(chunk) + len(doc) > size:
                yield chunk
                chunk = []
            chunk.extend(doc)
    if chunk:
        yield chunk


def _document_key():
    """Groups segments by ``doc``; a segment without one is a document of its own."""
    alone = itertools.count()
    return lambda seg: ("doc", seg.doc) if seg.doc is not None else ("alone", next(alone))


def _windows(run: Iterable[Segment]) -> Iterator[list[Segment]]:
    iterator = iter(run)
    while window := list(itertools.islice(iterator, MAX_DOCUMENT)):
        yield window


def analyze(chunk: list[Segment], options: Optional[dict] = None) -> list["AnalyzedSegment"]:
    """The chunk's segments analyzed, each knowing the document it belongs to (the chunk's run of
    its ``doc``, as :func:`document_chunks` made them)."""
    from mtkit.checks.analysis import AnalyzedSegment
    out: list[AnalyzedSegment] = []
    for _, run in itertools.groupby(chunk, key=_document_key()):
        analyzed = [AnalyzedSegment(seg, options) for seg in run]
        for k in range(0, len(analyzed), MAX_DOCUMENT):
            window = analyzed[k:k + MAX_DOCUMENT]
            context = DocumentContext(window)
            for seg in window:
                seg.document = context
        out.extend(analyzed)
    return out
