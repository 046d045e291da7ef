"""Polarity must survive: a negated English clause needs a negator in the Arabic, and the
Arabic must not negate what the English affirms (data: ``negators.tsv``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from mtkit.align.words import is_content
from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.arabic import CONJUNCTIONS, PARTICLES, ar_bare, ar_core, ar_stem, strip_proclitics
from mtkit.text.lemmas import all_lemmas, en_lemmas
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm
from mtkit.text.tokens import Token

# English words with a negative prefix count as (weak) negation: "illegal" ≈ "غير شرعي".
_NEG_PREFIXES = ("un", "in", "il", "im", "ir", "non")
_NOT_NEGATION = frozenset({"غير ان", "غير انه", "غير انها"})   # "however"
EXCEPTIVE_WINDOW = 5      # words between a negator and سوى/إلا that make it mean "only"
IN_BASE = 2.5             # Zipf frequency of the adjective after in-/im- that makes the word its negation
_ADJECTIVE_ENDINGS = ("able", "ible", "al", "ive", "ent", "ant", "ous", "ic", "ate", "ete", "ful", "ure")
# "symptomless", "alcohol-free", "asymptomatic": privative words an Arabic negation renders
_PRIVATIVE_SUFFIXES = ("less", "-free")
_PRIVATIVE_PREFIXES = ("asympt", "atypic", "anaerob")
# a negated Arabic modal is tied to the English modal it renders (لا يمكن ↔ cannot)
_AR_MODALS = ("يمكن", "يجب", "ينبغي", "يستطيع", "تستطيع", "نستطيع", "بامكان")
_EN_MODALS = frozenset({"can", "could", "must", "should", "may", "might", "able"})
# auxiliaries whose "n't" informal text writes without the apostrophe (dont, isnt, couldnt; "wont" is a word)
_CONTRACTED = frozenset({"do", "does", "did", "is", "are", "was", "were", "ca", "could", "should", "would",
                         "has", "have", "had", "must", "need"})
# the auxiliaries and modals a "not" follows (could not, is not), whose Arabic rendering it negates
_AUXILIARIES = _CONTRACTED - {"ca"} | _EN_MODALS | {"will", "can"}
# أن + لا written as one word ("that … not", "so that … not"), matched as written: normalized, ألا is
# إلا ("except") and لئلا is ليلا ("at night")
_AN_LA = ("ألا", "ألّا", "لئلا", "لئلّا")
_ONLY = frozenset({"only", "just", "merely", "solely", "exclusively"})
# "not entirely clear": a partial negation, often rendered by a hedge (بعض الغموض, ليس واضحًا تمامًا)
_DEGREE = frozenset({"entirely", "completely", "fully", "totally", "wholly", "altogether", "necessarily"})
# Where a negator's clause is looked for on the other side: the negated word is one of the SCOPE
# words after the negator; the other side's negator stands at most NEAR words before its rendering
# (or, with no word link, within RELATIVE of the sentence length at the same place).
SCOPE, NEAR, RELATIVE = 4, 4, 0.35
# The words after a negator that a short Arabic must render (some linked) for its clause to be there.
CLAUSE = 10
# A word of totality (كل, الشامل) at most this many words after an Arabic negator makes it partial.
TOTALITY_SCOPE = 6
_CLAUSE_BREAK_AR = re.compile(r"[،,.؛;:!?؟()]")
_SENTENCE_BREAK = re.compile(r"[.!?؟]")
# How far before an Arabic فحسب/فقط the negator of a "not only" is looked for.
RESTRICTED = 25
# An English negative word linked to an Arabic word renders its meaning by that word (avoiding ↔ تجنب)
# unless an Arabic negator stands at most this many words before it (unknown ↔ لم يكن معروفا) or
# just after it (illegal ↔ بشكل غير قانوني).
LEXICAL_SCOPE = 3


@lru_cache(maxsize=1)
def _markers() -> dict[tuple[str, str], frozenset[str]]:
    markers: dict[tuple[str, str], set[str]] = {}
    for row in table("negators.tsv"):
        markers.setdefault((row["language"], row["strength"]), set()).add(norm(row["word"]))
    return {k: frozenset(v) for k, v in markers.items()}


@lru_cache(maxsize=50_000)
def negative_adjective(word: str) -> bool:
    """un-/in-/il-/im-/ir-/non- + an adjective that is itself a more frequent word:
    "unconstitutional", "insufficient", "illegal" (not "important", "invest", "informed" (in- + a
    participle), nor lexicalized "independent", whose base "dependent" is rarer)."""
    for prefix in _NEG_PREFIXES:
        base = word[len(prefix):]
        if word.startswith(prefix) and len(base) >= 4 and "ADJ" in all_lemmas(word) \
                and ("ADJ" in all_lemmas(base) or "ADV" in all_lemmas(base)) \
                and not (prefix[0] == "i" and base.endswith("ed")) \
                and zipf(base, "en") > zipf(word, "en"):
            return True
    return False


def _privative(word: str) -> bool:
    """un-/non- words ("unknown", "unprecedented", "nonstructural"; not "under", "united", "until"),
    and in-/im-/il-/ir- + a frequent adjective ("impractical", "indistinguishable"; not "inside",
    "informed", "infected"), beside :func:`negative_adjective`."""
    if word.startswith("non") and len(word) >= 7 or word.startswith("un") and len(word) >= 6 \
            and not word.startswith(("under", "uni", "until", "unto")) and set(all_lemmas(word)) != {"VERB"}:
        return True                        # (a verb alone is reversative: unveil, unlock, unpack)
    for prefix in ("in", "im", "il", "ir"):
        base = word[len(prefix):]
        if word.startswith(prefix) and base.endswith(_ADJECTIVE_ENDINGS) and zipf(base, "en") >= IN_BASE:
            return True
    return False


def _en_negations(seg: AnalyzedSegment) -> list[tuple[int, str]]:
    """English negations as (index into ``src_words``, kind): ``strong`` negators, ``implicative``
    words (refuse, fail) and ``weak`` ones that an Arabic negation may render (without, few,
    un- words) but whose absence proves nothing. Found once per segment for both checks."""
    return seg.memo("negation.en", lambda: _find_en_negations(seg))


def _strong_en(word: str) -> bool:
    """A strong English negator as written (no, not, never, n't, cannot, dont)."""
    return word.removesuffix("'s") in _markers()[("en", "strong")] or word.endswith("n't") or word == "cannot" \
        or _bare_contraction(word)


def _weak_en(word: str, lemmas: frozenset[str]) -> bool:
    """A weak English negation by its letters and lemmas (without, few, un- words, symptomless)."""
    return bool(lemmas & _markers()[("en", "weak")]) or negative_adjective(word) or word == "non" or _privative(word) \
        or word.endswith(_PRIVATIVE_SUFFIXES) or word.startswith(_PRIVATIVE_PREFIXES)


@lru_cache(maxsize=100_000)
def _may_negate_en(word: str) -> bool:
    """Whether the English word may be a negation of any kind (strong, implicative or weak): a pure
    function of the word, asked once per word per process; the rest of :func:`_find_en_negations`
    reads the word's place only for these (and "either")."""
    lemmas = en_lemmas(word)         # (seg.src_lemmas holds the same)
    return _strong_en(word) or bool(lemmas & _markers()[("en", "implicative")]) or _weak_en(word, lemmas)


def _find_en_negations(seg: AnalyzedSegment) -> list[tuple[int, str]]:
    markers = _markers()
    words = seg.src_words
    out = []
    for i, (tok, lemmas) in enumerate(zip(words, seg.src_lemmas)):
        word = tok.norm
        if word != "either" and not _may_negate_en(word):
            continue                           # (most words: none of the branches below holds)
        following = words[i + 1].norm if i + 1 < len(words) else ""
        if _strong_en(word):
            if word == "no" and _number_follows(seg, tok) or word == "not" and i and words[i - 1].norm == "or":
                continue                       # "No. 1", "whether or not"
            # "not only … but" is rendered لا … فحسب or بالإضافة إلى: it excuses, it is never lost
            if word == "not" and following == "only":
                out.append((i, "paired"))
            elif _affirmative_idiom(words, i, following) or following == "yet" and _ar_still(seg) \
                    or word == "not" and following in _DEGREE or following == "yet" and _expletive(words, i) \
                    or word == "no" and following == "longer" and _ar_ceases(seg) or _bound(words, i):
                # "couldn't be more grateful"; "not yet known" = ما زالت مجهولة; "no longer needed" is
                # as often rendered by a verb of ending (انتهاء الحاجة) as by لم يعد; "no later than"
                # by a word of limit (أقصاه, على الأكثر)
                out.append((i, "weak"))
            else:
                out.append((i, "strong"))
        elif lemmas & markers[("en", "implicative")]:
            out.append((i, "implicative"))
        elif word == "either" and any(kind == "strong" for _, kind in out):
            out.append((i, "weak"))            # "no evidence … either X or Y": Arabic repeats لا (لا X ولا Y)
        elif _name_like(seg, tok):
            continue                           # UNESCO, Unilever: a name, not an un- word
        elif _weak_en(word, lemmas):
            # a negative adjective is often rendered by an Arabic antonym (impossible → يستحيل,
            # inexpensive → رخيص): it excuses an Arabic negation, but its absence proves nothing
            out.append((i, "weak"))
    return out


def _bound(words: list[Token], i: int) -> bool:
    """"not later than", "no more than", "no fewer than": a bound, which Arabic as often gives by a word
    of limit (في موعد أقصاه, على الأكثر, بحد أدنى) as by a negator (لا يتجاوز, لا يقل عن)."""
    after = [t.norm for t in words[i + 1:i + 3]]
    return words[i].norm in ("not", "no") and len(after) == 2 and after[1] == "than" \
        and (after[0] in ("more", "less", "fewer") or after[0].endswith("er"))


def _bare_contraction(word: str) -> bool:
    """A contracted "not" written without its apostrophe, as informal text does: dont, isnt, cant."""
    return word.endswith("nt") and word[:-2] in _CONTRACTED


def _name_like(seg: AnalyzedSegment, tok: Token) -> bool:
    """An acronym, or a capitalised word inside a sentence: a name whose letters prove nothing."""
    surface = seg.src[tok.start:tok.end]
    return len(surface) > 1 and (surface.isupper() or surface[0].isupper() and not seg.is_sentence_initial(tok))


def _affirmative_idiom(words: list[Token], i: int, following: str) -> bool:
    """A negated "could be more …" that says "extremely" ("I couldn't be more grateful")."""
    after = [t.norm for t in words[i + 1:i + 4]]
    modal = words[i - 1].norm in ("could", "can") if words[i].norm == "not" and i else \
        words[i].norm.replace("’", "'") in ("couldn't", "can't")
    return modal and len(after) >= 2 and after[0] == "be" and (after[1] in ("more", "any") or after[1].endswith("er"))


def _ar_ceases(seg: AnalyzedSegment) -> bool:
    """The Arabic has a verb or noun of ending (انتهت, توقف, كف): the way it renders "no longer"
    without a negator."""
    cease = _markers()[("ar", "cease")]
    return any(cease.intersection(forms) for forms in seg.tgt_bare)


def _expletive(words: list[Token], i: int) -> bool:
    """"before … are not yet developed": a negation after "before"/"until" in its clause adds
    nothing the Arabic must render (قبل التوصل إلى …)."""
    return any(t.norm in ("before", "until", "till") for t in words[max(0, i - SCOPE - 2):i])


def _ar_still(seg: AnalyzedSegment) -> bool:
    """The Arabic says "still" (ما زال, لا يزال): the way it renders "not yet" with an antonym."""
    words = seg.tgt_words
    return any(_still(words, k) for k in range(len(words)))


def _still(words: list[Token], k: int) -> bool:
    """A negator (and و or ف before it) before a form of زال/برح/انفك: "still", not a negation."""
    if k + 1 >= len(words) or not words[k + 1].norm.startswith(_still_verbs()):
        return False
    negators = _markers()[("ar", "still")]
    return any(f in negators for f in strip_proclitics(words[k].norm, CONJUNCTIONS, min_rest=2))


@lru_cache(maxsize=1)
def _still_verbs() -> tuple[str, ...]:
    """The forms of زال/برح/انفك that a "still" negator makes "still" (the "still-verb" rows of
    negators.tsv), as ``str.startswith`` takes them; a KeyError if the rows are missing."""
    return tuple(sorted(_markers()[("ar", "still-verb")]))


def _number_follows(seg: AnalyzedSegment, tok: Token) -> bool:
    return bool(re.match(r"\.?\s*\d", seg.src[tok.end:tok.end + 3]))


def _ar_negations(seg: AnalyzedSegment) -> list[tuple[int, str]]:
    """Arabic negations as (index into ``tgt_words``, ``strong`` or ``weak``), found once per segment."""
    return seg.memo("negation.ar", lambda: _find_ar_negations(seg))


def _ar_forms(word: str) -> tuple[str, ...]:
    """An Arabic word without its proclitics (ar_bare), and without a conjunction alone: ولم, فلا are
    particles too short for ar_bare."""
    return (*ar_bare(word), *strip_proclitics(word, CONJUNCTIONS, min_rest=2)[1:])


@lru_cache(maxsize=100_000)
def _negators_held(word: str) -> frozenset[str]:
    """The negators the Arabic word (normalized) is or holds, by its forms, light stem or core: a
    pure function of the word (seg.tgt_bare, tgt_stems and tgt_cores are ar_bare, ar_stem and ar_core
    of it), asked once per word per process."""
    markers = _markers()
    weak = markers[("ar", "weak")]
    held = set(_ar_forms(word)) & (markers[("ar", "strong")] | weak)
    # a core holds a weak word, not a particle (تغير "change" is no غير); a light stem holds either (دونها)
    return frozenset(held | ({ar_stem(word)} & weak) | ({ar_core(word)} & weak) - markers[("ar", "particle")])


# ما negates only as a particle opening its clause before a perfect verb (ما دعمت النقابة إضرابا):
# elsewhere it is "what", "that which" or a part of غالبا ما, ما يكفي, لما, ألما ("pain")
_MA = frozenset({"ما"})
_MA_WORDS = frozenset({"ما", "وما", "فما"})
_IMPERFECT = ("ي", "ت", "ن")


def _negating_ma(seg: AnalyzedSegment, k: int) -> bool:
    """Whether ما at ``k`` negates: it stands alone (or after و/ف) at the start of its clause and the
    word after it is no imperfect verb (ما يسمى "what is called") and no noun with the article
    (ما الذي, ما المعروف: questions)."""
    words = seg.tgt_words
    if words[k].norm not in _MA_WORDS or k + 1 >= len(words) or seg.tgt.rstrip().endswith(("؟", "?")):
        return False
    if k and not _CLAUSE_BREAK_AR.search(seg.tgt[words[k - 1].end:words[k].start]):
        return False
    following = words[k + 1].norm
    return not (following.startswith(_IMPERFECT) or following.startswith("ال") or following in PARTICLES)


_CONJUNCTION_LETTERS = "".join(CONJUNCTIONS)     # (ألا after a conjunction: وألا)


@lru_cache(maxsize=100_000)      # (asked of every Arabic word of every pair)
def _may_negate(written: str, word: str) -> bool | None:
    """Whether an Arabic word (as ``written``, and normalized) is ألا/لئلا or holds a negator: True or
    False, or None for ما alone, which negates only where its place says so (_negating_ma)."""
    if written.lstrip(_CONJUNCTION_LETTERS) in _AN_LA:
        return True
    held = _negators_held(word)
    return None if held == _MA else bool(held)


def _find_ar_negations(seg: AnalyzedSegment) -> list[tuple[int, str]]:
    markers = _markers()
    out: list[tuple[int, str]] = []
    words = seg.tgt_words
    fixed = markers.get(("ar", "fixed"), ())
    latin_la = "la" in {t.norm for t in seg.src_words}
    # "only" in the English: a negator anywhere before إلا/سوى means "only" (لا يُعتمد … إلا في)
    window = len(words) if seg.src_lemma_set & _ONLY else EXCEPTIVE_WINDOW
    strong = markers[("ar", "strong")]
    for k, tok in enumerate(words):
        may = _may_negate(seg.tgt[tok.start:tok.end], tok.norm)       # (ما: by its place)
        if not (may or may is None and _negating_ma(seg, k)):
            continue                               # what follows only tells negators apart
        forms = _ar_forms(tok.norm)
        pair = tok.norm + " " + words[k + 1].norm if k + 1 < len(words) else ""
        if pair in fixed or tok.norm in fixed or pair[:1] in "وف" and pair[1:] in fixed:
            continue                               # (و)لا سيما, (ف)لا بأس
        if tok.norm == "لا" and k > 0 and words[k - 1].norm == "ام":
            continue                               # أم لا: "or not", after "whether"
        if tok.norm != "قط" and "قط" in forms:
            continue                               # فقط ("only"), وقط ("and a cat"): قط negates alone
        if tok.norm == "لا" and _answer_word(seg.tgt, tok):
            continue                               # (نعم/لا): the answer "no", not a negated clause
        surface = seg.tgt[tok.start:tok.end]
        if _still(words, k):
            continue                               # لا زالوا, ما زلنا, لم يبرح: "still"
        if "\u0651" in seg.tgt[tok.start:tok.end + 1] and tok.norm in ("لم", "ولم") or tok.norm == "لا" and latin_la:
            continue                               # لمّ ("gather"), لا ستامبا (La Stampa)
        if surface.lstrip(_CONJUNCTION_LETTERS) in _AN_LA:
            out.append((k, "strong"))              # ألا = أن لا ("that … not"); إلا ("except") normalizes alike
            continue
        if pair in _NOT_NEGATION:
            continue
        if any(f in strong for f in forms):
            following = {w.norm for w in words[k + 1:k + 1 + window]}
            out.append((k, "weak" if following & markers[("ar", "only")] or _negates_totality(seg, k) else "strong"))
        else:                                      # a weak negator (_may_negate, and not ألا)
            out.append((k, "weak"))
    return out


def _negates_totality(seg: AnalyzedSegment, k: int) -> bool:
    """Arabic negator ``k`` negates a word of totality in its clause (لم تحظ بالاستحسان الشامل "did
    not win overall approval", ليس كل): a partial negation ("not all", سلب العموم), a hedge that
    often renders an English contrary (polarized, divided), as "not entirely" is on the English side."""
    words, total = seg.tgt_words, _markers()[("ar", "total")]
    for j in range(k + 1, min(len(words), k + 1 + TOTALITY_SCOPE)):
        if _CLAUSE_BREAK_AR.search(seg.tgt[words[j - 1].end:words[j].start]):
            return False
        if total.intersection(seg.tgt_bare[j]):
            return True
    return False


def _modal_negated_alone(seg: AnalyzedSegment, k: int) -> bool | None:
    """For an Arabic negator before a modal (لا يمكن, لا يجب): whether every English modal stands
    unnegated (can, should, not "cannot", "should not"); None when the word after it is no modal
    or the English has none."""
    words = seg.tgt_words
    if k + 1 >= len(words) or not words[k + 1].norm.startswith(_AR_MODALS):
        return None
    modals = _en_modals(seg)
    return all(negator is None for _, negator in modals) if modals else None


def _en_modals(seg: AnalyzedSegment) -> list[tuple[int, int | None]]:
    """The English modals (can, should, cannot, shouldn't), each with the negator (strong, paired or
    implicative) that negates it, if one does."""
    src = seg.src_words
    modals = [i for i, t in enumerate(src) if t.norm in _EN_MODALS or t.norm == "cannot" or
              t.norm.endswith("n't") and t.norm[:-3] in ("can", "could", "must", "should", "might", "ca", "wo")]
    negators = {i: kind for i, kind in _en_negations(seg) if kind != "weak"}
    return [(i, next((j for j in (i, i + 1, i + 2) if j in negators), None)) for i in modals]


def _modal_affirmed(seg: AnalyzedSegment, ar: list[tuple[int, str]]) -> int | None:
    """The English "not" of a negated modal (cannot, should not) when a strong "not" negates every English
    modal and an Arabic modal (يمكن, ينبغي) has no negator of its own, strong or particle, a few words
    around it (لا يمكن, يجب ألا, ينبغي عدم): the modal is rendered affirmative. None otherwise."""
    modals = _en_modals(seg)
    strong = {i for i, kind in _en_negations(seg) if kind == "strong"}
    if not modals or not all(negator in strong for _, negator in modals):
        return None
    for m, tok in enumerate(seg.tgt_words):
        if any(f.startswith(_AR_MODALS) for f in (tok.norm, *_ar_forms(tok.norm))) and \
                not any(m - 2 <= k <= m + 3 and (kind == "strong" or _particle(seg, k)) for k, kind in ar):
            return modals[0][1]
    return None


def _links(seg: AnalyzedSegment, positional: bool = False) -> tuple[dict[int, int], dict[int, int]]:
    """The pair's word links English → Arabic and Arabic → English; the aligner's guesses by
    position only when ``positional`` asks for them."""
    def compute() -> tuple[dict[int, int], dict[int, int]]:
        links = [link for link in seg.word_links if positional or link.kind != "position"]
        return {link.src: link.tgt for link in links}, {link.tgt: link.src for link in links}
    return seg.memo(f"negation.links.{positional}", compute)


def _counterpart(seg: AnalyzedSegment, index: int, *, from_src: bool) -> int | None:
    """Where the word a negator negates (one of the next few words) is rendered on the other side,
    by the word links; None when none of them is linked."""
    links = _links(seg)
    table = links[0] if from_src else links[1]
    for other in range(index + 1, index + 1 + SCOPE):
        if other in table:
            return table[other]
    return None


def _negated_near(seg: AnalyzedSegment, index: int, other_side: list[tuple[int, str]], *, from_src: bool,
                  linked_only: bool = False) -> bool:
    """Whether the other side negates near where this negator's word is rendered: just before the
    linked word; without a link, at about the same place in the sentence (or, ``linked_only``,
    assumed so: an English with negations of its own is trusted without a word link)."""
    if not other_side:
        return False
    there = _counterpart(seg, index, from_src=from_src)
    if there is not None:
        return any(there - NEAR <= k <= there + 1 for k, _ in other_side)
    if linked_only:
        return True
    n_here, n_there = (len(seg.src_words), len(seg.tgt_words)) if from_src else (len(seg.tgt_words), len(seg.src_words))
    place = index / max(1, n_here)
    return any(abs(k / max(1, n_there) - place) <= RELATIVE for k, _ in other_side)


def _not_only_said_only(seg: AnalyzedSegment, en: list[tuple[int, str]], ar: list[tuple[int, str]]) -> int | None:
    """The English "not" of a "not only" whose Arabic word of "only" (فحسب, فقط) has no negator before it in
    its sentence (RESTRICTED words back at most): the Arabic restricts ("affects only students") what the
    English extends ("affects not only students, but"). None when there is none."""
    paired = [i for i, kind in en if kind == "paired"]
    if not paired:
        return None
    restrictive, words = _markers()[("ar", "restrictive")], seg.tgt_words
    for j, tok in enumerate(words):
        if tok.norm not in restrictive:
            continue
        start = j
        while start > max(0, j - RESTRICTED) and not _SENTENCE_BREAK.search(seg.tgt[words[start - 1].end:words[start].start]):
            start -= 1
        if not any(start <= k < j for k, _ in ar):
            return paired[0]
    return None


def _negated_verb_affirmed(seg: AnalyzedSegment, i: int, ar: list[tuple[int, str]]) -> bool:
    """Whether English negator ``i`` is, or follows, an auxiliary or modal that a word link places in the
    Arabic (cannot ↔ تستطيع, could not ↔ تستطيع) with no Arabic negator of any kind a few words
    around it: the negated verb itself is rendered affirmative."""
    links, words = _links(seg)[0], seg.src_words
    verb = i if i in links else i - 1 if words[i].norm == "not" and i and words[i - 1].norm in _AUXILIARIES \
        and i - 1 in links else None
    if verb is None:
        return False
    there = links[verb]
    return all(not there - NEAR <= k <= there + NEAR for k, _ in ar)


def _not_rendering_weak_words(seg: AnalyzedSegment, en: list[tuple[int, str]],
                              ar: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The Arabic negators without those a linked English weak word takes: the weak negator
    nearest before (or just after) the word its un-/without word is linked to (inconclusive ↔
    غير حاسمة, without ↔ دون). That negator renders the English word, not a "not" near it."""
    links = _links(seg)[0]
    taken = set()
    for i, kind in en:
        there = links.get(i) if kind in ("weak", "implicative") else None
        if there is None:
            continue
        at = [k for k, strength in ar if strength == "weak" and k not in taken
              and there - LEXICAL_SCOPE <= k <= there + 2 and not _negates_what_not_does(seg, k, en)]
        if at:
            taken.add(min(at, key=lambda k: abs(k - there)))
    return [(k, kind) for k, kind in ar if k not in taken]


def _negates_what_not_does(seg: AnalyzedSegment, k: int, en: list[tuple[int, str]]) -> bool:
    """Whether the word Arabic negator ``k`` negates renders a word in the scope of an English strong
    negator ("not yet known" ↔ غير المعروف حتى الآن): it renders that "not", whatever weak English
    word ("yet") is linked near it."""
    there = _counterpart(seg, k, from_src=False)
    return there is not None and any(kind == "strong" and i < there <= i + SCOPE for i, kind in en)


def _doubled(seg: AnalyzedSegment, k: int, ar: list[tuple[int, str]]) -> bool:
    """Whether strong negator ``k`` follows another strong negator with nothing between (لا لا تظهر, لم لا
    تظهر): one verb negated twice, a negation added to one already there. A question's لِمَ لا ("why
    not") is no such pair."""
    words = seg.tgt_words
    return k > 0 and (k - 1, "strong") in ar and not seg.tgt[words[k - 1].end:words[k].start].strip() \
        and not seg.tgt.rstrip().endswith(("؟", "?"))


def _relative_modifier(seg: AnalyzedSegment, k: int) -> bool:
    """Whether Arabic negator ``k`` opens a relative clause that renders an English pre-modifier:
    "dead-end hosts" → مضيفون لا ينقلون ("hosts that do not transmit"), "endless talks" → محادثات
    لا تنتهي. The word before the negator renders an English noun; the words just before that noun
    are an adjective (or a hyphenated modifier) that nothing in the Arabic renders, and the negated
    verb renders no English word of its own. An added negation has no such unrendered modifier."""
    words = seg.tgt_words
    if k == 0 or k + 1 >= len(words):
        return False
    links = _links(seg, positional=True)
    if _modifier_inside(seg, k, links):
        return True
    noun = links[1].get(k - 1)
    if noun is None or k + 1 in links[1] or "NOUN" not in all_lemmas(seg.src_words[noun].norm):
        return False
    src = seg.src_words
    modifier = []
    for i in range(noun - 1, max(-1, noun - 3), -1):
        if i in links[0] or not is_content(src[i].norm, "en"):
            break
        modifier.append(i)
    hyphenated = any(seg.src[src[i].end:src[i + 1].start] == "-" for i in modifier)
    return bool(modifier) and (hyphenated or any("ADJ" in all_lemmas(src[i].norm) and "VERB" not in all_lemmas(src[i].norm)
                                                 for i in modifier))


def _rendered_lexically(seg: AnalyzedSegment, i: int, ar: list[tuple[int, str]]) -> bool:
    """Whether English negative word ``i`` (avoid, failure, without) has a word link to an Arabic
    word that no negator governs: its meaning is rendered by that word (تجنب, فشل), not by a negation."""
    links = _links(seg)
    there = links[0].get(i)
    # (not the word of a negated rendering: unknown ↔ لم يكن معروفا, unclear ↔ ليس واضحا; a negator
    # beyond a comma negates another clause: عندما لا تكون مريضا، وتجنب)
    return there is not None and all(not there - LEXICAL_SCOPE <= k <= there + 2 or _across_clauses(seg, k, there)
                                     or k > there and not _particle(seg, k) for k, _ in ar)


def _particle(seg: AnalyzedSegment, k: int) -> bool:
    """Whether Arabic negator ``k`` is a particle that may follow the word it negates (بشكل غير قانوني,
    "illegally"), not a word of its own meaning (لتجنب الإخفاقات: "failures" negates nothing before it)."""
    return bool(_negators_held(seg.tgt_words[k].norm) & _markers()[("ar", "particle")])


def _across_clauses(seg: AnalyzedSegment, k: int, j: int) -> bool:
    """Whether a clause break (a comma, a stop) stands between Arabic words ``k`` and ``j``."""
    words = seg.tgt_words
    first, last = sorted((k, j))
    return first != last and bool(_CLAUSE_BREAK_AR.search(seg.tgt[words[first].end:words[last].start]))


_EN_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")


def _clause_rendered(seg: AnalyzedSegment, i: int) -> bool:
    """Whether English words around negator ``i`` (the few before it, its scope after it) have word
    links: its clause is in the Arabic, not the clause a short Arabic lost."""
    linked = _links(seg)[0]
    words = seg.src_words
    near = []
    for j in range(i - 1, max(-1, i - 4), -1):          # back to the clause's start
        if _EN_CLAUSE_BREAK.search(seg.src[words[j].end:words[j + 1].start]) or words[j + 1].norm in ("but", "and"):
            break
        near.append(j)
    for j in range(i + 1, min(len(words), i + 1 + CLAUSE)):  # on to its end
        if _EN_CLAUSE_BREAK.search(seg.src[words[j - 1].end:words[j].start]):
            break
        near.append(j)
    return any(j in linked for j in near)


def _modifier_inside(seg: AnalyzedSegment, k: int, links: tuple[dict[int, int], dict[int, int]]) -> bool:
    """The other shape of :func:`_relative_modifier`: a word of the negated clause renders an English
    adjective (anonymous ↔ اسمه in "مصدر … لم يذكر اسمه", "an anonymous source") whose noun, a few
    English words on, is rendered before the negator."""
    src = seg.src_words
    for j in range(k + 1, min(k + 1 + SCOPE, len(seg.tgt_words))):
        i = links[1].get(j)
        if i is None or "ADJ" not in all_lemmas(src[i].norm) or "VERB" in all_lemmas(src[i].norm):
            continue
        if any("NOUN" in all_lemmas(src[n].norm) and links[0].get(n, k) < k for n in range(i + 1, min(i + 5, len(src)))):
            return True
    return False


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
    """The English negates and the Arabic has no negation at all, or has fewer negations and none
    near where the negated English word is rendered."""
    if not seg.tgt.strip():
        return
    en = _en_negations(seg)
    en_strong = [i for i, kind in en if kind == "strong"]
    en_implicative = [i for i, kind in en if kind == "implicative"]
    if seg.lost_a_clause:
        # a much shorter Arabic lost a clause (an omission): only a negation whose own clause the
        # Arabic still renders (its neighbours have word links) is lost by itself
        en_strong = [i for i in en_strong if _clause_rendered(seg, i)]
        en_implicative = [i for i in en_implicative if _clause_rendered(seg, i)]
    ar = _ar_negations(seg)
    paired = _not_only_said_only(seg, en, ar)
    if paired is not None:
        i, raw = paired, 0.6                    # "not only X but" rendered "X فحسب، بل": "only X"
    elif not en_strong and not en_implicative:
        return
    elif not ar:
        i, raw = (en_strong or en_implicative)[0], 0.8
    else:
        # a clause's negator dropped while another clause keeps its own; an Arabic غير/عدم renders
        # an English un-/without word first, and only the rest can render a "not"
        ar_strong = sum(kind == "strong" for _, kind in ar)
        spare = max(0, len(ar) - ar_strong - sum(kind in ("weak", "implicative") and not _rendered_lexically(seg, i, ar)
                                                  for i, kind in en))
        # every Arabic negator renders an English un-/without word: nothing is left for a "not"
        # that no word link places, unless an Arabic negator stands about where it does (not one
        # that renders an English un- word linked just after it: غير حاسمة ↔ inconclusive)
        free = _not_rendering_weak_words(seg, en, ar)
        lonely = [i for i in en_strong
                  if not _negated_near(seg, i, free, from_src=True, linked_only=bool(ar_strong + spare))]
        modal = _modal_affirmed(seg, ar)
        affirmed = [i for i in en_strong if i == modal or _negated_verb_affirmed(seg, i, ar)]
        if affirmed:
            i = affirmed[0]                     # (whatever the counts say)
        elif len(en_strong) <= ar_strong + spare or not lonely:
            return
        else:
            i = lonely[0]
        raw = 0.6
    tok = seg.src_words[i]
    yield Finding("critical",
                  f"The English is negated ('{seg.src[tok.start:tok.end]}') but the Arabic is affirmative.",
                  src_span=Span(tok.start, tok.end), suggestion="لا / لم / لن / ليس", confidence=raw)


@check("negation.added", category="negation", doc=Doc(
    why="A negation the English does not have reverses the meaning of the sentence.",
    flagged=("The court approved the appeal on Thursday.", "لم توافق المحكمة على الاستئناف يوم الخميس."),
    passed=("The court approved the appeal on Thursday.", "وافقت المحكمة على الاستئناف يوم الخميس.")))
def negation_added(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The Arabic negates a clause that the English affirms: the English has no negation at all,
    or fewer strong ones and none near the word the Arabic negates."""
    ar = _ar_negations(seg)
    ar_strong = [k for k, kind in ar if kind == "strong"]
    if not ar_strong or not seg.src.strip():
        return
    ar_strong = [k for k in ar_strong if not _relative_modifier(seg, k)]
    if not ar_strong:
        return
    doubled = [k for k in ar_strong if _doubled(seg, k, ar)]
    if doubled:                                 # (whatever the English has)
        first, tok = seg.tgt_words[doubled[0] - 1], seg.tgt_words[doubled[0]]
        yield Finding("critical", f"The Arabic negates one verb twice ('{seg.tgt[first.start:tok.end]}').",
                      tgt_span=Span(tok.start, tok.end), confidence=0.6)
        return
    # "only" answers a negator followed by إلا/سوى (لا … إلا), which is counted weak: never a strong one
    en = [(i, kind) for i, kind in _en_negations(seg) if not (kind == "weak" and seg.src_words[i].norm in _ONLY)]
    if not en:
        k, raw = ar_strong[0], 0.75
    else:
        # an English un-/without word is rendered by غير/عدم first, or by a word of its own meaning
        # that it is linked to (avoiding ↔ تجنب, failure ↔ فشل); the rest may excuse a لا or لم
        ar_weak = sum(kind == "weak" for _, kind in ar)
        counted = sum(kind in ("strong", "paired") for _, kind in en) \
            + max(0, sum(kind in ("weak", "implicative") and not _rendered_lexically(seg, i, ar)
                         for i, kind in en) - ar_weak)
        modal = [k for k in ar_strong if _modal_negated_alone(seg, k)]
        lonely = [k for k in ar_strong if not _negated_near(seg, k, en, from_src=False, linked_only=True)]
        if modal and len(ar_strong) > sum(kind == "strong" for _, kind in en):
            k, raw = modal[0], 0.7              # لا يمكن where every English modal is affirmative
        elif len(ar_strong) > counted and lonely:
            k, raw = lonely[0], 0.6
        else:
            return
    tok = seg.tgt_words[k]
    yield Finding("critical",
                  f"The Arabic adds a negation ('{seg.tgt[tok.start:tok.end]}') that the English does not have.",
                  tgt_span=Span(tok.start, tok.end), confidence=raw)
