"""Polarity must survive: a negated English clause needs a negator in the Arabic, and the
Arabic must not negate what the English affirms (data: ``negators.tsv``)."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from lemminflect import getAllLemmas

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment, en_lemmas
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.arabic import CONJUNCTIONS, ar_bare, ar_core, ar_stem, strip_proclitics
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm
from mtkit.text.tokens import Token

# English words with a negative prefix count as (weak) negation: "illegal" ≈ "غير شرعي".
_NEG_PREFIXES = ("un", "in", "il", "im", "ir", "non")
_NOT_NEGATION = frozenset({"غير ان", "غير انه", "غير انها"})   # "however"
EXCEPTIVE_WINDOW = 5      # words between a negator and سوى/إلا that make it mean "only"


@lru_cache(maxsize=1)
def _markers() -> dict[tuple[str, str], frozenset[str]]:
    markers: dict[tuple[str, str], set[str]] = {}
    for row in table("negators.tsv"):
        markers.setdefault((row["language"], row["strength"]), set()).add(norm(row["word"]))
    return {k: frozenset(v) for k, v in markers.items()}


@lru_cache(maxsize=50_000)
def negative_adjective(word: str) -> bool:
    """un-/in-/il-/im-/ir-/non- + an adjective that is itself a more frequent word:
    "unconstitutional", "insufficient", "illegal" (not "important", "invest", nor lexicalized
    "independent", whose base "dependent" is rarer)."""
    for prefix in _NEG_PREFIXES:
        base = word[len(prefix):]
        if word.startswith(prefix) and len(base) >= 4 and "ADJ" in getAllLemmas(word) \
                and ("ADJ" in getAllLemmas(base) or "ADV" in getAllLemmas(base)) \
                and zipf(base, "en") > zipf(word, "en"):
            return True
    return False


def _en_markers(seg: AnalyzedSegment) -> tuple[list, list, list]:
    """English (strong, weak, implicative) negation tokens, found once per segment for both checks."""
    return seg.memo("negation.en_markers", lambda: _find_en_markers(seg))


def _find_en_markers(seg: AnalyzedSegment) -> tuple[list, list, list]:
    found: dict[str, list] = {"strong": [], "weak": [], "implicative": [], "": []}
    for tok in seg.src_words:
        found[_en_word(tok.norm)].append(tok)
    return found["strong"], found["weak"], found["implicative"]


@lru_cache(maxsize=100_000)
def _en_word(word: str) -> str:
    """What a normalized English word is by itself: ``strong``, ``implicative`` or ``weak``
    negation, or ``""``; a pure function of the word, cached."""
    markers = _markers()
    lemmas = en_lemmas(word)
    if word in markers[("en", "strong")] or word.endswith("n't") or word == "cannot":
        return "strong"
    if lemmas & markers[("en", "implicative")]:
        return "implicative"
    if lemmas & markers[("en", "weak")] or negative_adjective(word) or word == "non" or \
            (len(word) > 5 and word.startswith(_NEG_PREFIXES)):
        # a negative adjective is often rendered by an Arabic antonym (impossible → يستحيل,
        # inexpensive → رخيص): it excuses an Arabic negation, but its absence proves nothing
        return "weak"
    return ""


@lru_cache(maxsize=100_000)
def _ar_word(word: str) -> str:
    """What a normalized Arabic word is by itself: ``strong`` or ``weak`` negator, ``qat`` (a
    word ending in قط that is not قط), or ``""``; a pure function of the word, cached."""
    markers = _markers()
    # ولم, فلا: particles too short for ar_bare
    forms = (*ar_bare(word), *strip_proclitics(word, CONJUNCTIONS, min_rest=2)[1:])
    if word != "قط" and "قط" in forms:
        return "qat"
    if any(f in markers[("ar", "strong")] for f in forms):
        return "strong"
    weak = markers[("ar", "weak")]
    return "weak" if any(f in weak for f in forms) or ar_stem(word) in weak or ar_core(word) in weak else ""


def _ar_markers(seg: AnalyzedSegment) -> tuple[list, list]:
    """Arabic (strong, weak) negation tokens, found once per segment for both checks."""
    return seg.memo("negation.ar_markers", lambda: _find_ar_markers(seg))


def _find_ar_markers(seg: AnalyzedSegment) -> tuple[list, list]:
    markers = _markers()
    strong: list[Token] = []
    weak: list[Token] = []
    words = seg.tgt_words
    fixed = markers.get(("ar", "fixed"), ())
    for k, tok in enumerate(words):
        pair = tok.norm + " " + words[k + 1].norm if k + 1 < len(words) else ""
        if pair in fixed or tok.norm in fixed or pair[:1] in "وف" and pair[1:] in fixed:
            continue                               # (و)لا سيما, (ف)لا بأس
        if tok.norm == "لا" and k > 0 and words[k - 1].norm == "ام":
            continue                               # أم لا: "or not", after "whether"
        kind = _ar_word(tok.norm)
        if kind == "qat":
            continue                               # فقط ("only"), وقط ("and a cat"): قط negates alone
        if tok.norm == "لا" and _answer_word(seg.tgt, tok):
            continue                               # (نعم/لا): the answer "no", not a negated clause
        surface = seg.tgt[tok.start:tok.end]
        if surface.lstrip("".join(CONJUNCTIONS)) in ("ألا", "ألّا"):
            strong.append(tok)                     # ألا = أن لا ("that … not"); إلا ("except") normalizes alike
            continue
        if pair in _NOT_NEGATION:
            continue
        if kind == "strong":
            following = {w.norm for w in words[k + 1:k + 1 + EXCEPTIVE_WINDOW]}
            (weak if following & markers[("ar", "only")] else strong).append(tok)
        elif kind == "weak":
            weak.append(tok)
    return strong, weak


def _answer_word(text: str, tok) -> bool:
    """لا standing alone as an answer: between a slash or bracket and punctuation."""
    before = text[:tok.start].rstrip()[-1:]
    after = text[tok.end:].lstrip()[:1]
    return before in ("/", "(", "") and after in ("/", ")", "،", ".", ":", "؛", "") or after == "/"


@check("negation.lost", category="negation", doc=Doc(
    why="A lost negator reverses the meaning of the sentence: the reader learns the opposite of what happened.",
    flagged=("The minister did not attend the emergency session.", "حضر الوزير الجلسة الطارئة."),
    passed=("The minister did not attend the emergency session.", "لم يحضر الوزير الجلسة الطارئة.")))
def negation_lost(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The English negates and the Arabic has no negation at all."""
    if not seg.tgt.strip():
        return
    en_strong, _, en_implicative = _en_markers(seg)
    if not en_strong and not en_implicative or seg.lost_a_clause:
        return                                  # (a much shorter Arabic lost a clause: an omission)
    ar_strong, ar_weak = _ar_markers(seg)
    if ar_strong or ar_weak:
        return
    tok = (en_strong or en_implicative)[0]
    yield Finding("critical",
                  f"The English is negated ('{seg.src[tok.start:tok.end]}') but the Arabic is affirmative.",
                  src_span=Span(tok.start, tok.end), suggestion="لا / لم / لن / ليس", confidence=0.8)


@check("negation.added", category="negation", doc=Doc(
    why="A negation the English does not have reverses the meaning of the sentence.",
    flagged=("The court approved the appeal on Thursday.", "لم توافق المحكمة على الاستئناف يوم الخميس."),
    passed=("The court approved the appeal on Thursday.", "وافقت المحكمة على الاستئناف يوم الخميس.")))
def negation_added(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic negates a clause that the English affirms."""
    ar_strong, _ = _ar_markers(seg)
    if not ar_strong or not seg.src.strip():
        return
    if any(_en_markers(seg)):
        return
    tok = ar_strong[0]
    yield Finding("critical",
                  f"The Arabic adds a negation ('{seg.tgt[tok.start:tok.end]}') that the English does not have.",
                  tgt_span=Span(tok.start, tok.end), confidence=0.75)
