"""Clauses with no counterpart on the other side, by bilingual lexical evidence (FreeDict).

Length alone cannot tell an added clause from explicitation, nor a dropped clause from concision
(its precision on real translations was nil: docs/calibration.md). Here every content word is
*found* when something on the other side renders it: a word link (mtkit.align.words), a
FreeDict rendering in either direction through lemmas and light stems, the English gloss of an
Arabic word's morphological analysis (BAMA, mtkit.text.bama: inflected verbs, broken plurals), a
transliteration, its number, its Latin spelling, or the Arabic name of a letter of an English
acronym. A clause is a
run of words between punctuation (or opened by a conjunction or relative word) none of whose
content words is found; it counts as evidence only through the words the dictionary *knows*
(a word FreeDict has never heard of, a technical term or a transliteration, says nothing).

An added clause is such an Arabic run with several known words, in a pair whose Arabic is
longer than expected (by the language pair's usual ratio or by its document's own, whichever expects
less: a concise translator's pair holds a clause in fewer extra characters) and would have a normal
length without the run; an omitted clause is the
mirror on the English side (or, where the Arabic is far too short, any such English run).
Short explicitation (السيدة, عامًا, a repeated subject) never makes a run of that many known
words. A short run counts only where the dictionaries explain the rest of the pair well
(:data:`COVERAGE_WEIGHT`): in a technical text full of their gaps, only a long one does.

Evidence found by chance (a broad BAMA gloss, a homonym) used to hide planted clauses, so the
words are also *linked*, as a word aligner would (:func:`evidence`): strongest evidence first, a
word taking a second partner only beside its first, so a word a stronger rendering claims cannot
explain another far away. A run of words no link reaches is evidence with fewer known words where
the other side has no *room* for it (:func:`excess`): the words on either side of its place are
rendered side by side there, with too little unexplained between them to be its paraphrase or an
acronym written out. Every run needs that: where the dictionaries miss a paraphrase (care providers
→ مقدمو الرعاية, biohazard bag → كيس الوقاية من المخاطر البيولوجية), the words it renders sit
unexplained in its place on the other side, and the flag used to be a false alarm (all nine clause
flags on TICO-19 in the fifth round). Without the dictionaries both checks stay silent.

Length is a prior, not a proof: a whole clause of several known words that nothing renders (for a dropped
clause: that no link reaches), with words over at its place, is flagged whatever the rest of the pair's length
says where the other side is rendered in full (:class:`Strong`). Where the dictionaries miss a rendering, the
input itself may show it: an English and an Arabic word that the document's other pairs hold together link
weakly (:func:`associated`). An Arabic word that renders an English grammar word (بسبب "because") is no room
for a dropped clause (:func:`renders_grammar`).
"""
from __future__ import annotations

from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, NamedTuple, Optional, Sequence, TypeVar

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import SENTENCE_RATIO, AnalyzedSegment, length_delta
from mtkit.checks.entity import _letter_names, _spelled_letters
from mtkit.model import Span
from mtkit.text.arabic import ar_bare, pattern_root
from mtkit.text import bama
from mtkit.text.dictionary import AR_FUNCTION_WORDS, EN_FUNCTION_WORDS, Bilingual, bilingual, en_key, english_of
from mtkit.text.lemmas import derived_bases
from mtkit.text.normalize import norm
from mtkit.text.tokens import Token
from mtkit.text.translit import ar_skeleton, en_skeleton, part_of, skeletons_match

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """How much evidence a flag needs: ``known`` words the dictionary knows in the run, the pair's
    length delta (AnalyzedSegment.length_delta) at least (addition) or at most (omission)
    ``delta``, and without the run a delta of at least / at most ``rest``."""
    known: int
    delta: float
    rest: float
    bounded: bool = True        # the run is a whole clause (lonely_runs)
    tolerance: int = 0          # found words allowed inside the run
    # ``known`` + COVERAGE_WEIGHT x the share of the side's other content words that are found, at
    # least: where the dictionary explains the rest of the pair well, a short run it cannot explain
    # stands out; where it explains little (a technical text, its gaps), a lonely run is just more
    # of the same, and only a long one is evidence
    evidence: float = 0.0
    # or, for a run no link reaches with this many known words, at least as many words over at its
    # place (:func:`excess`)
    roomless: int = 3
    reach: int = 2              # words beyond the anchors that may still render it (excess)
    # how many words of this side one unexplained word of the other side may render (excess): an
    # English word often takes two Arabic words (web-based → عبر الإنترنت), an Arabic word rarely two English
    per_word: float = 1.0
    # raw score: none of the 65 flags judged on all of TICO-19 over four rounds was a real error
    # (dictionary gaps: terms written out, acronyms expanded, paraphrase), against about half the
    # planted clauses caught; below the calibration's MAJOR line, so minor even where the
    # development half no longer has a flag of theirs to calibrate on
    confidence: float = 0.25


# Tuned on the development half of the TICO-19 plants and pairs (eval/plant.py, eval/tico19.py).
ADDED = Rule(known=3, delta=1.0, rest=-1.0, tolerance=2, evidence=8, per_word=2.0)
# a whole clause in a pair somewhat short; or any run in a pair far too short
DROPPED = (Rule(known=3, delta=-1.5, rest=2.0, evidence=7, roomless=2),
           Rule(known=3, delta=-2.5, rest=1.0, bounded=False, evidence=7, roomless=2))
COVERAGE_WEIGHT = 6
# A run found by no evidence at all (not only by no link) still needs this many unexplained words over
# at its place (:func:`excess`): its paraphrase, unexplained too, would sit there (tuned on the dev half).
CROWDED = 2
# An added clause leaves the English fully rendered: where the dictionaries find less than this
# share of the English content words, the Arabic paraphrases, and an unexplained run is likelier
# the paraphrase of the English words they miss than an addition (tuned on the development half).
ADDED_SOURCE_COVERAGE = 0.7
# An added clause with no room in the English (:func:`excess`) may leave the pair this much shorter
# than ``ADDED.rest`` without it (a short sentence with a long clause added).
ROOMLESS_REST = 1.0
ACRONYM_WORDS = 2                   # more known words needed when the English has an acronym (at least)
# A pair is long for an added clause against the language pair's usual ratio or against its document's own
# (DocumentContext.length_ratio: a concise translator's pair holds a clause in fewer extra characters),
# whichever is lower; the document's is drawn toward the usual one as if by this many English characters.
DOCUMENT_WEIGHT = 1000


@dataclass(frozen=True)
class Strong:
    """Lexical evidence that outweighs length (a concise translation can hold an added clause, a
    wordy one can lack a clause): a whole clause with ``known`` words the dictionary knows and
    nothing at all renders, ``over`` words over at its place (:func:`excess`), in a pair whose other
    side is rendered for at least a ``coverage`` share of its content words and whose length delta
    is at least (addition) or at most (omission) ``delta``. (For omission, "nothing renders" is "no
    link reaches": see :data:`DROPPED_STRONG`.)"""
    known: int
    over: float
    coverage: float
    delta: float


# Tuned on the development half of the plants, with the TICO-19 clause flags watched. An added clause
# is looked for in pairs too long only (a wider window cost a quarter of the audit's time for one more
# catch on the development half): there, it frees a fully rendered pair from the rest rule.
ADDED_STRONG = Strong(known=4, over=4, coverage=0.9, delta=1.0)
# A dropped clause is looked for among the words no link reaches (not only those nothing at all renders:
# a broad gloss or a root shared by chance hid the planted words), with one known word less; in a pair of
# any length up to somewhat long (dev half: the rule alone catches 12/30 planted clauses, not 6/30, and
# raises no TICO-19 flag; one word over less raised three false ones).
DROPPED_STRONG = Strong(known=3, over=3, coverage=0.0, delta=1.0)

_AR_PUNCT = frozenset("،,؛;:.!؟?()«»\"")
_EN_PUNCT = frozenset(",;:.!?()\"“”—–")
# English words that open a clause (a run that starts with one is bounded on its left)
_EN_OPENERS = frozenset("""which who whom whose that where while whereas but because leading resulting thereby
since although though when until and or so as including especially according""".split())
# English words that open a subordinate clause, so a clause ends before them (… protein that helps …)
_EN_RELATIVE = frozenset("which who whom whose that where while whereas because since although though when until".split())
# English words that are grammar only: never the rendering of a whole Arabic word (room)
_EN_GRAMMAR = frozenset("""a an the of to in on at by for with from and or is are was were be been being am it its
this that these those which who whom there has have had do does did will would shall should can could may might
must i you he she we they me him her us them my your his our their as so than then""".split())
# Arabic function words (with or without a proclitic): never content, and they open a clause
_AR_FUNCTION = frozenset(norm(w) for w in """في من على علي الى إلى الي عن مع او أو ما لا لم لن ان أن إن هو هي هذا هذه
ذلك تلك التي الذي الذين اللذين اللتين اللاتي كان كانت قد ثم بين كل بعض غير عند حول حيث كما لكن بل اذا إذا اذ منذ
خلال بعد قبل ايضا أيضا يكون تكون هناك هنا يعد تعد امام أمام حين عبر مثل حتى حسب لدى لذلك بذلك وذلك كذلك عندما
بينما لان لأن مما ممن اي أي جدا فقط سوى دون ضد تحت فوق نحو لها له لهم لهن بها به بهم منها منه منهم فيها فيه فيهم
عليها عليه عليهم الا إلا ليس ليست كانوا تم يتم هم هن نحن انا أنا انت أنت انه أنه انها أنها انهم أنهم لكنه كيف
متى لماذا ماذا""".split())


@lru_cache(maxsize=100_000)        # (asked of every Arabic word by several views of a pair)
def ar_content(word: str) -> bool:
    """An Arabic word that carries content (not a function word, digit or one letter)."""
    return len(word) >= 2 and not word.isdigit() and not any(f in _AR_FUNCTION for f in ar_bare(word))


def en_content(word: str) -> bool:
    return len(word) >= 2 and word not in EN_FUNCTION_WORDS and not word[0].isdigit()


def _acronym(text: str) -> bool:
    """WHO, CDC, and mixed ones: CoV, HCoV."""
    return len(text) >= 2 and text.isalpha() and sum(c.isupper() for c in text) >= 2


def _spelled(text: str) -> bool:
    """An acronym read letter by letter (CPR, CDC: no vowel to read it as a word, as NATO or ALDI are)."""
    return _acronym(text) and not any(c in "AEIOUaeiou" for c in text)


# How strongly a word pair's evidence says one renders the other. Chosen strongest first, so a
# broad gloss never explains a word that a stronger rendering already explains (below).
_LINK_STRENGTH: dict[str, float] = {"number": 6, "same": 6, "name": 5, "dictionary": 4, "position": 1}
DOCUMENT, FREEDICT, COMPOUND, ASSOCIATION, GLOSS, ROOT, TRANSLITERATION = 4.5, 4.0, 3.0, 2.5, 2.0, 1.8, 1.5
# A word explains a second (or third) word on the other side only next to the first: one word may
# render a phrase (maximise → إلى أقصى حد, take care → الاعتناء), never two far-apart words.
PHRASE_REACH, PHRASE_WORDS = 2, 3


class _ArWord(NamedTuple):
    """What the dictionaries say of one Arabic word (a pure function of the word: cached)."""
    english: frozenset[str]         # english_of: FreeDict's renderings and BAMA's glosses
    keys: frozenset[str]            # their light stems (single words)
    fd_lemmas: frozenset[str]       # FreeDict's renderings and their lemmas
    fd_keys: frozenset[str]
    gl_lemmas: frozenset[str]       # BAMA's glosses and their lemmas
    gl_keys: frozenset[str]
    skeleton: str                   # its consonant skeleton (transliterations, compounds), of its bare form
    root: Optional[tuple[str, bool]]    # its root where its pattern shows one, and if weakly (pattern_root): استخدام → خدم


@lru_cache(maxsize=100_000)
def _ar_word(word: str, bare: str, lex: Bilingual) -> _ArWord:
    freedict = lex.ar_to_en(word)
    analyzer = bama.lexicon()
    glosses = analyzer.glosses(word) if analyzer is not None else frozenset()
    english = freedict | glosses
    return _ArWord(english, frozenset(en_key(e) for e in english if " " not in e),
                   _lemmas_of(freedict), frozenset(en_key(e) for e in freedict if " " not in e),
                   _lemmas_of(glosses), frozenset(en_key(e) for e in glosses), ar_skeleton(bare), pattern_root(word))


class _EnWord(NamedTuple):
    """What the dictionaries say of one English word (cached)."""
    lemmas: frozenset[str]
    keys: frozenset[str]
    stems: frozenset[str]           # light stems of the Arabic words FreeDict renders it with
    skeleton: str                   # its consonant skeleton (transliterations; "" below 3 letters)
    compound: Optional[str]         # its skeleton where it may be a compound (8 letters or more)
    # roots of the Arabic words FreeDict renders it (or its bases) with, as (root, weak) pairs the text's
    # Arabic words may show: "to use = استخدم" reaches استخدام and المستخدمة, "transmit = نقل" انتقل (pattern_root)
    roots: frozenset[tuple[str, bool]]


@lru_cache(maxsize=100_000)
def _en_word(word: str, lex: Bilingual) -> _EnWord:
    lemmas = derived_bases(word)
    stems = _en_stems(word, lex)
    skeleton = en_skeleton(word) if len(word) >= 3 else ""
    found = {pattern_root(w) for form in lemmas for phrase in lex.en_to_ar(form) if phrase.count(" ") < MAX_ROOT_PHRASE
             for w in phrase.split() if w not in AR_FUNCTION_WORDS}
    # as the text's Arabic words may show them: a weak pattern matches a strong one only (see pattern_root)
    roots = frozenset((root, False) for root, _ in filter(None, found)) | \
        frozenset((root, True) for root, weak in filter(None, found) if not weak)
    return _EnWord(lemmas, frozenset(en_key(x) for x in lemmas), stems, skeleton,
                   skeleton if len(word) >= 8 else None, roots)


MAX_ROOT_PHRASE = 2         # words of a rendering whose roots count (a longer one is a definition)


@lru_cache(maxsize=100_000)
def _en_stems(word: str, lex: Bilingual) -> frozenset[str]:
    """``_en_word(word, lex).stems`` alone (what the cheap tests and the known words need), without
    the word's other facts: most pairs a cheap test skips never need them."""
    return frozenset().union(*(lex.ar_stems(form) for form in derived_bases(word)))


@lru_cache(maxsize=100_000)
def _known_ar(word: str, lex: Bilingual) -> bool:
    """Does the dictionary (or BAMA) know this Arabic word at all?"""
    return bool(english_of(word, lex))


def _sounds_like(en: str, ar: str) -> bool:
    """translit.transliterates on skeletons (skeletons more than one class apart never match)."""
    return bool(en) and abs(len(en) - len(ar)) <= 1 and skeletons_match(en, ar)


def _by_length(skeletons: Iterable[str]) -> dict[int, list[str]]:
    """Skeletons by their length, for :func:`_sounds_like_one_of`."""
    out: dict[int, list[str]] = {}
    for skeleton in skeletons:
        if skeleton:
            out.setdefault(len(skeleton), []).append(skeleton)
    return out


def _sounds_like_one_of(skeletons: dict[int, list[str]], skeleton: str, *, english: bool) -> bool:
    """Whether ``skeleton`` sounds like one of ``skeletons`` (by length, :func:`_by_length`): English
    ones when ``english``, Arabic ones otherwise (``_sounds_like`` reads English first), trying only
    lengths a class apart."""
    if not skeleton:
        return False
    near = _near(skeletons, len(skeleton))
    return any(skeletons_match(other, skeleton) if english else skeletons_match(skeleton, other) for other in near)


def _near(by_length: dict[int, list[T]], n: int) -> Iterator[T]:
    """The entries of ``by_length`` (skeletons, or items with one, by length) whose skeleton is at most
    one letter longer or shorter than ``n``: others never match (:func:`_sounds_like`)."""
    return (entry for k in (n - 1, n, n + 1) for entry in by_length.get(k, ()))


def _rendering_of(seg: AnalyzedSegment, j: int) -> bool:
    """DocumentContext.rendering_of, asked once per word of a pair (several views ask it)."""
    known: dict[int, bool] = seg.memo("clauses.rendering_of", dict)
    if j not in known:
        known[j] = seg.document.rendering_of(seg, j)
    return known[j]


def _rendered_in(seg: AnalyzedSegment, word: str) -> list[int]:
    """DocumentContext.rendered_in, asked once per word of a pair."""
    known: dict[str, list[int]] = seg.memo("clauses.rendered_in", dict)
    if word not in known:
        known[word] = seg.document.rendered_in(seg, word)
    return known[word]


# Word association computed from the input: an English word and an Arabic word (its light-stem core)
# that the document's other pairs hold together in at least ASSOCIATION_SUPPORT pairs, with a Dice
# coefficient of at least ASSOCIATION_DICE, render each other where the dictionaries miss it
# (pandemic → الجائحة, species → أنواع); within a pair each word takes its best associate only
# (competitive linking), so a word frequent all over the document explains no word in particular.
# An invented clause has no such support: its words occur with no English word of the pair elsewhere.
ASSOCIATION_SUPPORT, ASSOCIATION_DICE = 2, 0.5


def associated(seg: AnalyzedSegment) -> dict[int, int]:
    """English word → the Arabic word of the pair that the document associates with it (see
    :data:`ASSOCIATION_DICE`)."""
    def compute() -> dict[int, int]:
        doc = seg.document
        ar = [(j, seg.tgt_cores[j], doc.ar_count(seg, seg.tgt_cores[j]))
              for j, t in enumerate(seg.tgt_words) if ar_content(t.norm)]
        scored = []
        for i, tok in enumerate(seg.src_words):
            if not (tok.norm.isalpha() and en_content(tok.norm)):
                continue
            n_en = doc.en_count(seg, tok.norm)
            if n_en < ASSOCIATION_SUPPORT:
                continue
            for j, core, n_ar in ar:
                # (the pairs holding both are at most the fewer of either: most word pairs fail on
                # the counts alone, and the pairs holding both are never counted)
                fewer = min(n_en, n_ar)
                if fewer < ASSOCIATION_SUPPORT or 2 * fewer < ASSOCIATION_DICE * (n_en + n_ar):
                    continue
                both = doc.both_count(seg, tok.norm, core)
                if both >= ASSOCIATION_SUPPORT and 2 * both >= ASSOCIATION_DICE * (n_en + n_ar):
                    scored.append((-2 * both / (n_en + n_ar), i, j))
        links: dict[int, int] = {}
        taken: set[int] = set()
        for _, i, j in sorted(scored):
            if i not in links and j not in taken:
                links[i] = j
                taken.add(j)
        return links
    return seg.memo("clauses.associated", compute)


def seen_ar(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each Arabic word: does anything in the English render it (any evidence, whether or not
    a stronger rendering claims the English word: how well the dictionaries explain a pair)?"""
    def compute() -> list[bool]:
        linked = {link.tgt for link in seg.word_links}
        by_association = set(associated(seg).values())
        words = [_en_word(t.norm, lex) for t in seg.src_words]
        lemma_set = frozenset().union(*(w.lemmas for w in words))
        keys = frozenset().union(*(w.keys for w in words))
        stems = frozenset().union(*(w.stems for w in words))
        roots = frozenset().union(*(w.roots for w in words))
        letters = {n for names in _letter_names().values() for n in names} \
            if any(_acronym(seg.src[t.start:t.end]) for t in seg.src_words) else set()
        long_src = [w for t, w in zip(seg.src_words, words) if len(t.norm) >= 3 and t.norm.isalpha()]
        # a compound's parts: coronavirus → فيروس كورونا
        compounds = [w.compound for w in long_src if w.compound is not None]
        sounds = _by_length(w.skeleton for w in long_src)
        out = []
        for j, tok in enumerate(seg.tgt_words):
            word = tok.norm
            ok = (j in linked or word.isascii() or seg.tgt_cores[j] in stems or seg.tgt_stems[j] in stems
                  or any(f in letters for f in ar_bare(word)))
            if not ok:
                ar = _ar_word(word, seg.tgt_bare[j][-1], lex)
                ok = not ar.fd_lemmas.isdisjoint(lemma_set) or not ar.gl_lemmas.isdisjoint(lemma_set) \
                    or not ar.keys.isdisjoint(keys) \
                    or _sounds_like_one_of(sounds, ar.skeleton, english=True) \
                    or any(part_of(ar.skeleton, c) for c in compounds) or ar.root is not None and ar.root in roots
            out.append(ok or ar_content(word) and (_rendering_of(seg, j) or j in by_association))
        return out
    return seg.memo("clauses.seen_ar", compute)


def seen_en(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each English word: does anything in the Arabic render it (as :func:`seen_ar`)?"""
    def compute() -> list[bool]:
        linked = {link.src for link in seg.word_links}
        by_association = associated(seg)
        cores = set(seg.tgt_cores) | set(seg.tgt_stems)
        ar_words = [_ar_word(t.norm, seg.tgt_bare[j][-1], lex) for j, t in enumerate(seg.tgt_words)]
        renders = frozenset().union(*(a.keys for a in ar_words))
        # (the Arabic words' renderings as lemmas and bases: استخدام "usage" renders "use")
        rendered = frozenset().union(*(a.fd_lemmas for a in ar_words), *(a.gl_lemmas for a in ar_words))
        roots = {a.root for a in ar_words if a.root is not None}
        sounds = _by_length(a.skeleton for a in ar_words)
        out = []
        for i, tok in enumerate(seg.src_words):
            original = seg.src[tok.start:tok.end]
            ok = i in linked or not tok.norm.isalpha() or _acronym(original) or tok.norm in seg.tgt_norm.text
            if not ok:
                en = _en_word(tok.norm, lex)
                ok = not en.stems.isdisjoint(cores) or not en.keys.isdisjoint(renders) \
                    or not en.lemmas.isdisjoint(rendered) or not en.roots.isdisjoint(roots) \
                    or _sounds_like_one_of(sounds, en.skeleton, english=False)
            out.append(ok or bool(_rendered_in(seg, tok.norm)) or i in by_association)
        return out
    return seg.memo("clauses.seen_en", compute)


class Evidence(NamedTuple):
    """Which words of a pair have a counterpart (see :func:`evidence`)."""
    found_en: list[bool]        # linked to an Arabic word that renders it, or needing none
    found_ar: list[bool]
    en_links: dict[int, list[int]]      # English word → its linked Arabic words
    ar_links: dict[int, list[int]]
    en_anchors: dict[int, list[int]]    # the links of FreeDict's strength or more: where a clause
    ar_anchors: dict[int, list[int]]    # sits (room); a gloss's chance link may cross the text
    repeats: frozenset[int]             # Arabic words found only as a repeat of a linked word's core


def found_ar(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each Arabic word: is it linked to an English word that renders it?"""
    return evidence(seg, lex).found_ar


def found_en(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each English word: is it linked to an Arabic word that renders it?"""
    return evidence(seg, lex).found_en


def evidence(seg: AnalyzedSegment, lex: Bilingual) -> Evidence:
    """Which English and which Arabic words have a counterpart: a word-alignment view. Every
    English and Arabic content word pair with evidence (the aligner's links, FreeDict in either
    direction through lemmas and light stems, a compound's part, a BAMA gloss, a transliteration)
    is a candidate; links are taken strongest first, and a word
    already linked takes another only beside its first partner. So a broad gloss or a chance
    homonym cannot explain a word whose would-be partner already renders something else, which
    is how an added or a deleted clause used to hide behind words found by chance. Words that need
    no partner (Latin kept in the Arabic, an acronym, the Arabic name of an acronym's letter, the
    article's own renderings) are found on their own."""
    return seg.memo("clauses.found", lambda: _match(seg, lex))


def _match(seg: AnalyzedSegment, lex: Bilingual) -> Evidence:
    src, tgt = seg.src_words, seg.tgt_words
    en_free = [not t.norm.isalpha() or _acronym(seg.src[t.start:t.end]) or t.norm in seg.tgt_norm.text for t in src]
    letters = {n for names in _letter_names().values() for n in names} \
        if any(_acronym(seg.src[t.start:t.end]) for t in src) else set()
    # an Arabic word that the article's own renderings give to an English word of the pair needs no
    # link of its own: one acronym may be written out in several words (RCGP → مركز البحوث والرصد …)
    ar_free = [t.norm.isascii() or any(f in letters for f in ar_bare(t.norm))
               or ar_content(t.norm) and _rendering_of(seg, j) for j, t in enumerate(tgt)]
    edges = _edges(seg, lex, [i for i, t in enumerate(src) if en_content(t.norm) and not en_free[i]],
                   [j for j, t in enumerate(tgt) if ar_content(t.norm) and not ar_free[j]])
    n, m = max(len(src), 1), max(len(tgt), 1)
    by_en: dict[int, list[int]] = {}
    by_ar: dict[int, list[int]] = {}
    anchor_en: dict[int, list[int]] = {}
    anchor_ar: dict[int, list[int]] = {}
    for (i, j), strength in sorted(edges.items(), key=lambda e: (-e[1], abs(e[0][0] / n - e[0][1] / m), e[0])):
        if _takes(by_en.get(i, []), j) and _takes(by_ar.get(j, []), i):
            by_en.setdefault(i, []).append(j)
            by_ar.setdefault(j, []).append(i)
            if strength >= FREEDICT:
                anchor_en.setdefault(i, []).append(j)
                anchor_ar.setdefault(j, []).append(i)
    # Arabic repeats a noun where English says it once or uses a pronoun: a word the pair already
    # renders elsewhere is no addition
    linked_cores = {seg.tgt_cores[j] for j in by_ar}
    repeats = frozenset(j for j, t in enumerate(tgt) if not ar_free[j] and j not in by_ar and ar_content(t.norm)
                        and seg.tgt_cores[j] in linked_cores)
    return Evidence([en_free[i] or i in by_en for i in range(len(src))],
                    [ar_free[j] or j in by_ar or j in repeats for j in range(len(tgt))],
                    by_en, by_ar, anchor_en, anchor_ar, repeats)


def _edges(seg: AnalyzedSegment, lex: Bilingual, en_idx: list[int], ar_idx: list[int]) -> dict[tuple[int, int], float]:
    """(English word, Arabic word) → the strength of the strongest evidence that one renders the other."""
    edges: dict[tuple[int, int], float] = {}
    for link in seg.word_links:
        strength = _LINK_STRENGTH.get(link.kind, 1)
        if link.kind == "name" and (not ar_content(seg.tgt_words[link.tgt].norm)
                                    or _spelled(seg.src[seg.src_words[link.src].start:seg.src_words[link.src].end])):
            # a name matched by sound to a function word (Huanan ~ حين "when"), or an acronym read letter
            # by letter matched to a word (CPR ~ كبير "big"), is as likely chance: evidence, never an anchor
            strength = TRANSLITERATION
        edges[(link.src, link.tgt)] = strength
    for i in en_idx:
        for j in _rendered_in(seg, seg.src_words[i].norm):
            edges[(i, j)] = max(DOCUMENT, edges.get((i, j), 0))
    for i, j in associated(seg).items():
        edges[(i, j)] = max(ASSOCIATION, edges.get((i, j), 0))
    index = _LexicalIndex([(i, _en_word(seg.src_words[i].norm, lex)) for i in en_idx])
    for j in ar_idx:
        ar = _ar_word(seg.tgt_words[j].norm, seg.tgt_bare[j][-1], lex)
        for i, strength in index.lexical(ar, seg.tgt_cores[j], seg.tgt_stems[j]).items():
            edges[(i, j)] = max(strength, edges.get((i, j), 0))
    return edges


class _LexicalIndex:
    """The English words of a pair by each key an Arabic word may share with them, so that an Arabic
    word intersects its keys with the pair's (in C) instead of being tested against every English
    word (tests/test_speed_caches.py tests it against that word-by-word reading)."""

    def __init__(self, en_words: list[tuple[int, _EnWord]]) -> None:
        self.stems: dict[str, list[int]] = {}
        self.lemmas: dict[str, list[int]] = {}
        self.keys: dict[str, list[int]] = {}
        self.roots: dict[tuple[str, bool], list[int]] = {}
        self.by_length: dict[int, list[tuple[int, str]]] = {}
        self.compounds = [(i, en.compound) for i, en in en_words if en.compound is not None]
        for i, en in en_words:
            for words, index in ((en.stems, self.stems), (en.lemmas, self.lemmas), (en.keys, self.keys)):
                for word in words:
                    index.setdefault(word, []).append(i)
            for root in en.roots:
                self.roots.setdefault(root, []).append(i)
            if en.skeleton:
                self.by_length.setdefault(len(en.skeleton), []).append((i, en.skeleton))

    def lexical(self, ar: _ArWord, core: str, stem: str) -> dict[int, float]:
        """English word → the strongest lexical evidence that the Arabic word ``ar`` (its light-stem
        ``core`` and ``stem``) renders it (FREEDICT, GLOSS, COMPOUND, ROOT, TRANSLITERATION), for the
        English words it has any for."""
        found: dict[int, float] = {}
        # (strongest first: an English word takes the first kind of evidence it has)
        for i in (*self.stems.get(core, ()), *self.stems.get(stem, ())):
            found.setdefault(i, FREEDICT)
        for strength, index, words in ((FREEDICT, self.lemmas, ar.fd_lemmas), (FREEDICT, self.keys, ar.fd_keys),
                                       (GLOSS, self.lemmas, ar.gl_lemmas), (GLOSS, self.keys, ar.gl_keys)):
            for word in index.keys() & words:
                for i in index[word]:
                    found.setdefault(i, strength)
        for i, compound in self.compounds:
            if part_of(ar.skeleton, compound):
                found.setdefault(i, COMPOUND)
        if ar.root is not None:
            for i in self.roots.get(ar.root, ()):
                found.setdefault(i, ROOT)
        for i, skeleton in _near(self.by_length, len(ar.skeleton)):
            if i not in found and skeletons_match(skeleton, ar.skeleton):
                found[i] = TRANSLITERATION
        return found


def _lemmas_of(english: frozenset[str]) -> frozenset[str]:
    """English words, their lemmas and the words they derive from (a gloss "children" renders "child",
    "usage" renders "use")."""
    return frozenset(english).union(*(derived_bases(e) for e in english if " " not in e))


def _takes(partners: list[int], other: int) -> bool:
    """Whether a word with these partners may also be linked to ``other``."""
    return not partners or len(partners) < PHRASE_WORDS and any(abs(p - other) <= PHRASE_REACH for p in partners)


@dataclass(frozen=True)
class Run:
    first: int          # indices into the side's words
    last: int
    known: int          # content words in it, none found, that the dictionary knows
    content: int        # content words in it, none found


def _stretches(tokens: Sequence[Token], words: Sequence[Token], side: str) -> list[list[int]]:
    """The words (indices) of each stretch between punctuation marks."""
    punct = _AR_PUNCT if side == "ar" else _EN_PUNCT
    index = {id(t): k for k, t in enumerate(words)}
    stretches: list[list[int]] = [[]]
    for tok in tokens:
        k = index.get(id(tok))
        if k is not None:
            stretches[-1].append(k)
        elif tok.norm in punct:
            stretches.append([])
    return stretches


def lonely_runs(tokens: Sequence[Token], words: Sequence[Token], found: Sequence[bool], side: str,
                known: Callable[[str], bool], *, bounded: bool, tolerance: int) -> list[Run]:
    """In each stretch between punctuation marks, the run of words with the most known content
    words none of which is found, allowing ``tolerance`` found content words inside it (a common
    word matched by chance). ``bounded``: the run must open the stretch or start with a word that
    opens a clause, and close the stretch: a whole clause that nothing on the other side renders."""
    runs = []
    for ks in _stretches(tokens, words, side):
        best = _best_in(ks, words, found, side, known, bounded, tolerance)
        if best is not None:
            runs.append(best)
    return runs


def _best_in(ks: list[int], words: Sequence[Token], found: Sequence[bool], side: str,
             known: Callable[[str], bool], bounded: bool, tolerance: int) -> Optional[Run]:
    content = ar_content if side == "ar" else en_content
    lone = [content(words[k].norm) and not found[k] for k in ks]
    hit = [content(words[k].norm) and found[k] for k in ks]
    knows = [lone[e] and known(words[k].norm) for e, k in enumerate(ks)]     # (once per word, not per run)
    # the last content word of the stretch: a whole clause ends there (function words may follow)
    end = max((e for e in range(len(ks)) if lone[e] or hit[e]), default=-1)
    best: Optional[Run] = None
    for s in range(len(ks)):
        # a clause starts where the stretch does or at a word that opens one, even a word found by
        # chance (وسط, "amid", glossed for an English word far away); any other run starts lonely
        opens = s == 0 or _opens(words[ks[s]].norm, side)
        if bounded and not opens or hit[s] and not bounded:
            continue
        hits = n_known = n_content = 0
        for e in range(s, len(ks)):
            hits += hit[e]
            if hits > tolerance:
                break
            if lone[e]:
                n_content += 1
                n_known += knows[e]
                # a found word is noise only inside a run of four lone words per found one
                if (not bounded or e == end or side == "en" and e + 1 < len(ks) and words[ks[e + 1]].norm in _EN_RELATIVE) \
                        and hits * 4 <= n_content and \
                        (best is None or (n_known, n_content) > (best.known, best.content)):
                    best = Run(ks[s], ks[e], n_known, n_content)
    return best


def _opens(word: str, side: str) -> bool:
    """A word that opens a clause: a conjunction or relative word (و, ف, التي; which, and)."""
    if side == "en":
        return word in _EN_OPENERS
    return word[0] in "وف" and len(word) > 3 or not ar_content(word)


def _rendered(seg: AnalyzedSegment, i: int) -> bool:
    """An English word linked to an Arabic word, kept in Latin, or transliterated (COVID كوفيد)."""
    word = seg.src_words[i].norm
    skeleton = en_skeleton(word)
    return any(link.src == i for link in seg.word_links) or word in seg.tgt_norm.text \
        or any(_sounds_like(skeleton, ar_skeleton(bare[-1])) for bare in seg.tgt_bare) \
        or _spelled_letters(seg, seg.src[seg.src_words[i].start:seg.src_words[i].end])


def _shown_in_full(seg: AnalyzedSegment, i: int) -> bool:
    """Is acronym ``i`` rendered at each of its places by words of the pair that the evidence shows:
    a transliteration (COVID → كوفيد; not for an acronym read letter by letter), or the words the
    document shows writing it out (EU → الاتحاد الأوروبي, seen together in its other pairs), a word per
    capital? Then no other Arabic words may be its expansion; CoV → كوف once for three places, or
    PCR → تفاعل … المتسلسل, leaves it open."""
    tok = seg.src_words[i]
    text = seg.src[tok.start:tok.end]
    places = sum(t.norm == tok.norm for t in seg.src_words)
    capitals = max(sum(c.isupper() for c in text), 1)
    skeleton = en_skeleton(tok.norm) if not _spelled(text) else ""
    lex = bilingual()
    sounds = [j for j in range(len(seg.tgt_words)) if _transliterates(seg, j, tok.norm, skeleton, lex)]
    written = [j for j in _rendered_in(seg, tok.norm) if j not in sounds]
    return len(sounds) + len(written) / capitals >= places


def _transliterates(seg: AnalyzedSegment, j: int, acronym: str, skeleton: str, lex: Optional[Bilingual]) -> bool:
    """Does Arabic word ``j`` write out the sound of ``acronym`` (its consonant ``skeleton``; "" for one
    read letter by letter)? Not a word FreeDict knows as another word: IEDCR ~ ذكور "males" is chance.
    (BAMA's glosses do not count: it reads a transliteration as clitics and a stem, سارس "will anchor".)"""
    if not _sounds_like(skeleton, ar_skeleton(seg.tgt_bare[j][-1])):
        return False
    english = lex.ar_to_en(seg.tgt_words[j].norm) if lex is not None else frozenset()
    return not english or acronym in english


def _added_ratio(seg: AnalyzedSegment) -> float:
    """The expected Arabic/English ratio an added clause is weighed against (:data:`DOCUMENT_WEIGHT`)."""
    return min(SENTENCE_RATIO, seg.document.length_ratio(seg, SENTENCE_RATIO, DOCUMENT_WEIGHT))


def _best(runs: list[Run], strict: list[Run], rule: Rule, extra: Callable[[Run], int], strict_extra: Callable[[Run], int],
          words: Sequence[Token], seen: Sequence[bool], content: Callable[[str], bool],
          space: Callable[[Run], Optional[float]]) -> Optional[tuple[Run, bool]]:
    """The strongest run: of ``runs`` (words with no evidence at all) with the evidence ``rule`` asks
    for (and ``extra`` known words more) and at least CROWDED words over at its place (:func:`excess`,
    given by ``space``), or of ``strict`` (words no link reaches) with ``rule.roomless`` known words
    (and ``strict_extra`` more) and as many words over; and whether it is the latter."""
    over = {id(r): space(r) for r in (*runs, *strict)}
    strong = [(r, False) for r in runs if r.known - extra(r) >= rule.known and
              r.known - extra(r) + COVERAGE_WEIGHT * _coverage(r, words, seen, content) >= rule.evidence
              and (over[id(r)] or 0) >= CROWDED]
    strong += [(r, True) for r in strict if r.known - strict_extra(r) >= rule.roomless
               and (over[id(r)] or 0) >= rule.roomless]
    # (a run that is both: as the latter, which needs less of the rest of the pair)
    return max(strong, key=lambda rr: (rr[0].known, rr[0].content, -rr[0].first, rr[1])) if strong else None


def excess(run: Run, anchors: dict[int, list[int]], lonely: Callable[[int], bool], n_words: int,
           other_words: Sequence[Token], free: Callable[[int], float], reach: int, per_word: float) -> Optional[float]:
    """How many more unexplained words this side has at ``run``'s place than the other side's
    unexplained words there could render (None where a word inside the run is anchored: a number, a
    name; where the anchors around it cross, the other side's place is all of it).

    The place is the stretch between the nearest anchored words around the run (its ``lonely``
    words: content words nothing renders, that the dictionary knows), and on the other side the
    stretch between those anchors' partners, a word or two beyond too (word order differs: seven
    human CoVs → سبعة فيروسات كورونا بشرية), where each ``free`` word may render ``per_word`` words.
    A paraphrase or a term the dictionaries miss keeps the words it renders in its place, unlinked
    too, so the two sides balance; an added or a dropped clause leaves its side with words over
    where the other side is rendered word by word."""
    if any(run.first <= k <= run.last for k in anchors):
        return None
    left = max((k for k in anchors if k < run.first), default=None)
    right = min((k for k in anchors if k > run.last), default=None)
    lo = max(anchors[left]) + 1 if left is not None else 0
    hi = min(anchors[right]) if right is not None else len(other_words)
    if lo > hi:
        lo, hi = 0, len(other_words)        # the anchors cross (the sentence reordered): the whole other side
    crowd = sum(lonely(k) for k in range(left + 1 if left is not None else 0, right if right is not None else n_words))
    return crowd - per_word * sum(free(k) for k in range(max(lo - reach, 0), min(hi + reach, len(other_words))))


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
        if _acronym(seg.src[tok.start:tok.end]) or seg.src[tok.start:tok.end].isupper():
            # WHO, US (not grammar): room unless the Arabic keeps it in Latin, spells its letters (CPR → سي بي
            # آر), writes the word FreeDict gives for it (ID → الهوية) or is shown written out (_shown_in_full)
            en = _en_word(tok.norm, lex)
            sound = en.skeleton if not _spelled(seg.src[tok.start:tok.end]) else ""
            # (a link to its transliteration keeps it too, SARS → سارس)
            kept = any(seg.tgt_words[j].norm.isascii() or seg.tgt_cores[j] in en.stems or seg.tgt_stems[j] in en.stems
                       or _transliterates(seg, j, tok.norm, sound, lex) for j in ev.en_links.get(i, ())) \
                or _spelled_letters(seg, seg.src[tok.start:tok.end]) \
                or _shown_in_full(seg, i)
            return 0 if kept else max(sum(c.isupper() for c in seg.src[tok.start:tok.end]), 1)
        return tok.norm.isalpha() and en_content(tok.norm) and not ev.found_en[i]
    return free


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


def renders_grammar(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each Arabic word: does the dictionary (or BAMA) render it with an English grammar word of the
    pair (بسبب "because", جميع "all", ربما "maybe")? The links join content words only, so such a word is
    left unexplained, and at a dropped clause's place it looked like the paraphrase of the missing words."""
    def compute() -> list[bool]:
        grammar = frozenset(t.norm for t in seg.src_words if not en_content(t.norm))
        return [ar_content(t.norm) and not _ar_word(t.norm, seg.tgt_bare[j][-1], lex).english.isdisjoint(grammar)
                for j, t in enumerate(seg.tgt_words)]
    return seg.memo("clauses.renders_grammar", compute)


def _coverage(run: Run, words: Sequence[Token], found: Sequence[bool], content: Callable[[str], bool]) -> float:
    """The share of the content words outside the run that something on the other side renders."""
    outside = [found[k] for k, w in enumerate(words) if not run.first <= k <= run.last and content(w.norm)]
    return sum(outside) / len(outside) if outside else 0.0


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
    (:data:`ADDED_STRONG`)."""
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
    if (by_document or not long) and not _may_stand_out(seg, lex, "ar", ADDED_STRONG.known):
        return                      # (the cheap test first: most pairs long for their document only stop here)
    ev = evidence(seg, lex)
    known = lambda w: _known_ar(w, lex)     # noqa: E731
    runs, strict = (lonely_runs(seg.tgt_tokens, seg.tgt_words, found, "ar", known, bounded=True,
                                tolerance=ADDED.tolerance) for found in (seen_ar(seg, lex), ev.found_ar))
    # an acronym of the English is often written out in full (WHO → منظمة الصحة العالمية), unless the
    # document shows the words of the pair that write it out (:func:`_shown_in_full`)
    acronyms = any(_acronym(seg.src[t.start:t.end].rstrip("s")) and not _rendered(seg, i)
                   and not _shown_in_full(seg, i) for i, t in enumerate(seg.src_words))
    # (for a run with no room, the acronym counts unless a strong link or its Latin spelling renders it:
    # a sandwiched guess of the aligner does not)
    open_acronyms = [(i, sum(c.isupper() for c in seg.src[t.start:t.end])) for i, t in enumerate(seg.src_words)
                     if _acronym(seg.src[t.start:t.end].rstrip("s")) and i not in ev.en_anchors
                     and t.norm not in seg.tgt_norm.text and not _spelled_letters(seg, seg.src[t.start:t.end])
                     and not _shown_in_full(seg, i)]
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
    src_seen = seen_en(seg, lex)
    src_content = [src_seen[i] for i, t in enumerate(seg.src_words) if en_content(t.norm)]
    src_cover = sum(src_content) / len(src_content) if src_content else 1.0
    more = (ADDED_STRONG.known - ADDED.known) * by_document
    extra = lambda r: max(ACRONYM_WORDS * acronyms, acronym_extra(r)) + more      # noqa: E731
    run = _added_by_length(seg, runs, strict, extra, lambda r: acronym_extra(r) + more, space, src_cover, lex, ratio) \
        if long else None
    if run is None and src_cover >= ADDED_STRONG.coverage:
        run = _strongest(runs, ADDED_STRONG, extra, space)
    if run is None:
        return
    span = Span(seg.tgt_words[run.first].start, seg.tgt_words[run.last].end)
    yield Finding("major", f"'{span.slice(seg.tgt)}' has no counterpart in the English: it seems added.",
                  tgt_span=span, confidence=ADDED.confidence)


def _added_by_length(seg: AnalyzedSegment, runs: list[Run], strict: list[Run], extra: Callable[[Run], int],
                     acronym_extra: Callable[[Run], int], space: Callable[[Run], Optional[float]], src_cover: float,
                     lex: Bilingual, ratio: float) -> Optional[Run]:
    """The added run of a pair too long (:data:`ADDED`), if any."""
    best = _best(runs, strict, ADDED, extra, acronym_extra, seg.tgt_words, seen_ar(seg, lex), ar_content, space)
    if best is None:
        return None
    run, roomless = best
    if not roomless and src_cover < ADDED_SOURCE_COVERAGE:
        return None
    first, last = seg.tgt_words[run.first], seg.tgt_words[run.last]
    if length_delta(len(seg.src_norm.text), len(seg.tgt_norm.text) - (last.nend - first.nstart), ratio) < \
            ADDED.rest - ROOMLESS_REST * roomless:
        return None
    return run


def _strongest(runs: list[Run], rule: "Strong", extra: Callable[[Run], int],
               space: Callable[[Run], Optional[float]]) -> Optional[Run]:
    """The run with the most known words of those with ``rule.known`` known words (and ``extra`` more)
    and ``rule.over`` words over at its place."""
    strong = [r for r in runs if r.known - extra(r) >= rule.known
              and (space(r) or 0) >= rule.over]
    return max(strong, key=lambda r: (r.known, r.content, -r.first)) if strong else None


def _may_stand_out(seg: AnalyzedSegment, lex: Bilingual, side: str, known: int) -> bool:
    """A cheap test before a strong run (:class:`Strong`) is looked for on ``side``: a whole clause with
    ``known`` content words that FreeDict knows and that no FreeDict rendering of a word of the other
    side explains (most pairs: the link graph and the morphological glosses are never computed)."""
    if side == "ar":
        stems = frozenset().union(*(_en_stems(t.norm, lex) for t in seg.src_words))
        found = [seg.tgt_cores[k] in stems or seg.tgt_stems[k] in stems for k in range(len(seg.tgt_words))]
        runs = lonely_runs(seg.tgt_tokens, seg.tgt_words, found, "ar", lambda w: bool(lex.ar_to_en(w)),
                           bounded=True, tolerance=ADDED.tolerance)
    else:
        cores = set(seg.tgt_cores) | set(seg.tgt_stems)
        found = [not _en_stems(t.norm, lex).isdisjoint(cores) for t in seg.src_words]
        runs = lonely_runs(seg.src_tokens, seg.src_words, found, "en", lambda w: bool(_en_stems(w, lex)),
                           bounded=True, tolerance=0)
    return any(r.known >= known for r in runs)


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
    (:data:`DROPPED_STRONG`)."""
    lex = bilingual()
    if lex is None or not seg.tgt.strip() or seg.length_delta > DROPPED_STRONG.delta:
        return
    if seg.length_delta > max(r.delta for r in DROPPED) and not _may_stand_out(seg, lex, "en", DROPPED_STRONG.known):
        return                      # (most pairs: the words are never looked up)
    ev = evidence(seg, lex)
    known_en = lambda w: bool(_en_stems(w, lex))      # noqa: E731
    # (a repeat of a word rendered elsewhere is no addition, but here it may render the English word:
    # web-based → عبر الإنترنت beside "internet" → الإنترنت)
    grammar = renders_grammar(seg, lex)
    free_ar = lambda j: ar_content(seg.tgt_words[j].norm) and (not ev.found_ar[j] or j in ev.repeats) \
        and not grammar[j]      # noqa: E731
    lonely_en = lambda i: en_content(seg.src_words[i].norm) and not ev.found_en[i] and known_en(seg.src_words[i].norm)  # noqa: E731
    def space(rule: Rule) -> Callable[[Run], Optional[float]]:
        return lambda r: excess(r, ev.en_anchors, lonely_en, len(seg.src_words), seg.tgt_words,
                                _homeless(seg, ev, r, free_ar, lonely_en), rule.reach, rule.per_word)
    for rule in DROPPED:
        runs, strict = (lonely_runs(seg.src_tokens, seg.src_words, found, "en", known_en,
                                    bounded=rule.bounded, tolerance=rule.tolerance)
                        for found in (seen_en(seg, lex), ev.found_en))
        if seg.length_delta > rule.delta:
            best = None
        else:
            best = _best(runs, strict, rule, lambda r: 0, lambda r: 0, seg.src_words, seen_en(seg, lex), en_content, space(rule))
        if best is not None:
            first, last = seg.src_words[best[0].first], seg.src_words[best[0].last]
            if length_delta(len(seg.src_norm.text) - (last.nend - first.nstart), len(seg.tgt_norm.text)) > rule.rest:
                best = None
        run = best[0] if best is not None else None
        if run is None and rule.bounded:
            tgt_seen = seen_ar(seg, lex)
            tgt_content = [tgt_seen[j] for j, t in enumerate(seg.tgt_words) if ar_content(t.norm)]
            if not tgt_content or sum(tgt_content) >= DROPPED_STRONG.coverage * len(tgt_content):
                run = _strongest(strict, DROPPED_STRONG, lambda r: 0, space(rule))
        if run is not None:
            first, last = seg.src_words[run.first], seg.src_words[run.last]
            span = Span(first.start, last.end)
            yield Finding("major", f"'{span.slice(seg.src)}' has no counterpart in the Arabic: it seems left out.",
                          src_span=span, confidence=rule.confidence)
            return
