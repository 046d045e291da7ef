"""Terms: the news-domain list (``terms.tsv``: renderings that are wrong in news) and a user's
glossary (``--glossary``), both matched on English lemmas and Arabic stems."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment, fills_brackets
from mtkit.checks.lexicons import en_capitals, en_words, find_en_terms, misrendered
from mtkit.model import Span
from mtkit.text.arabic import PARTICLES, is_letter, loose_roots, stem_candidates, strip_article
from mtkit.text.dictionary import EN_FUNCTION_WORDS, bilingual, english_of
from mtkit.text.lemmas import all_lemmas, en_lemmas
from mtkit.text.normalize import norm, normalize
from mtkit.text.tokens import tokenize
from mtkit.text.translit import transliterates

_WEAK_LETTERS = str.maketrans("", "", "اويىءأإآؤئة")


def _skeleton(word: str) -> str:
    """A word's consonants without its long vowels and hamza seats: عرض and أعراض share عرض."""
    return word.translate(_WEAK_LETTERS)


def _broken_plural(seg: AnalyzedSegment, term, taken: set[int]) -> Optional[frozenset[int]]:
    """Where a one-word glossary rendering (عَرَض "symptom") is there as its broken plural
    (الأعراض "symptoms"), none of ``taken``: an Arabic word with the same consonants whose
    morphological glosses include the English term. The consonants alone would take عالم ("world")
    for علم ("flag")."""
    wanted = {_skeleton(norm(ar)) for ar in term.ar if len(norm(ar).split()) == 1}
    wanted.discard("")
    if not wanted:
        return None
    english = en_lemmas(term.en)
    for k, forms in enumerate(seg.tgt_bare):
        if k not in taken and any(_skeleton(form) in wanted for form in forms) and \
                any(english & en_lemmas(gloss) for gloss in english_of(seg.tgt_words[k].norm, bilingual())):
            return frozenset({k})
    return None


@check("terminology.domain", category="terminology", doc=Doc(
    why="Some renderings are right in general and wrong in news: the attorney general is النائب العام or وزير "
        "العدل, not a 'general lawyer' (المحامي العام).",
    flagged=("The attorney general opened an inquiry into the contract.", "فتح المحامي العام تحقيقا في العقد."),
    passed=("The attorney general opened an inquiry into the contract.", "فتح النائب العام تحقيقا في العقد.")))
def domain_term(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A news term rendered with a word that is wrong in that sense (attorney general → المدعي العام)."""
    yield from misrendered(seg, names=False)


@check("terminology.glossary", category="terminology", doc=Doc(
    why="A team's glossary (--glossary) fixes how its terms are rendered; a term rendered otherwise breaks "
        "consistency across documents. On real translations nearly every such flag is a synonym of the "
        "glossary's rendering with the same sense (eval/data/tico19_glossary_judgments.jsonl), so it is minor: "
        "a reviewer fixes it for consistency, it does not change what the text says.",
    flagged=("The ceasefire took effect at midnight.", "بدأت الهدنة عند منتصف الليل."),
    passed=("The ceasefire took effect at midnight.", "بدأ وقف إطلاق النار عند منتصف الليل."),
    glossary=(('ceasefire', 'وقف إطلاق النار'),)))
def glossary_term(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A glossary term whose required Arabic rendering is missing (in any inflection, any of the
    entries the glossary has for the same English words)."""
    if not seg.tgt.strip():
        return
    by_span: dict[Span, list] = {}
    for term in seg.options.get("glossary", ()):
        for span in _term_spans(seg, term):
            by_span.setdefault(span, []).append(term)
    # a term inside a longer glossary term is that term's business where the longer one is rendered
    # ("fatality rate" in "case fatality rate"); where it is not, the shorter term is still asked for
    outer = {span: [o for o in by_span if o != span and o.start <= span.start and span.end <= o.end]
             for span in by_span}
    claims, missing = _unrendered(seg, by_span, outer)
    # a longer term said with the words of the glossary's entries inside it and its own words for the
    # rest ("COVID-19 cases" → حالات كوفيد-19) follows the glossary word by word: no evidence of an error
    missing = [(span, terms) for span, terms in missing if not _composed(seg, span, terms, by_span, claims)]
    # a longer term missing with a shorter one inside it also missing is told by the shorter one: its
    # own rendering is what the Arabic lacks ("outbreak" → تفشي in "ongoing outbreak")
    told_inside = {o for span, _ in missing for o in outer[span]}
    # a term said several times and rendered otherwise more than once is one finding, at its first
    # mention so rendered
    mentions: dict[tuple, list[Span]] = {}
    for span, entries in sorted(missing, key=lambda item: (item[0].start, item[0].end)):
        if span not in told_inside:
            mentions.setdefault(tuple(entries), []).append(span)
    for same, spans in sorted(mentions.items(), key=lambda item: (item[1][0].start, item[1][0].end)):
        yield _finding(seg, same, spans)


def _unrendered(seg: AnalyzedSegment, by_span: dict[Span, list],
                outer: dict[Span, list[Span]]) -> tuple[dict[Span, frozenset[int]], list[tuple[Span, list]]]:
    """The Arabic words each rendered mention claims, and the mentions (with their glossary entries)
    whose rendering the Arabic lacks.

    One Arabic word renders one mention: "virus" beside "coronavirus" needs a فيروس of its own
    besides فيروس كورونا, and a term said twice needs two renderings, so longer terms go first, then
    a name's bracketed restatement ("X (WHO)" renders the bracket with the bracket's words), then the
    terms with the longest renderings. A bracketed restatement is the same mention and may share the
    words ("Centers for Disease Control and Prevention (CDC)"), unless the Arabic restates in brackets too.
    Two terms that overlap in the English ("novel coronavirus" and "coronavirus epidemic" in "novel
    coronavirus epidemic") share the Arabic of their common words. A term whose words another term
    took is rendered where that term can do with other words of its own (مرض كوفيد-19 for "COVID-19
    illness": كوفيد-19 alone renders COVID-19, مرض renders illness)."""
    claims: dict[Span, frozenset[int]] = {}
    missing = []
    for span, terms in sorted(by_span.items(), key=lambda item: (len(outer[item[0]]), not fills_brackets(seg.src, item[0]),
                                                                 -_longest(item[1]), item[0].start, item[0].end)):
        if any(o in claims for o in outer[span]) or not _own_sense(terms, [t for o in outer[span] for t in by_span[o]]):
            continue
        taken = {i for other, used in claims.items()
                 if not (_restates(seg, other, span) and not _bracketed(seg, used)) and not _overlap(other, span)
                 for i in used}
        found_at = _rendered_any(seg, terms, taken)
        if found_at is None and any(by_span[other] == terms for other in claims):
            found_at = _said_again(seg, terms, taken)
        if found_at is None and taken:          # (with nothing taken, nothing can be given back)
            found_at = _reclaimed(seg, terms, claims, by_span)
        if found_at is None:
            missing.append((span, terms))
        else:
            claims[span] = found_at
    return claims, missing


def _rendered_any(seg: AnalyzedSegment, terms: list, taken: set[int]) -> Optional[frozenset[int]]:
    """Where the Arabic renders any of a mention's entries with none of ``taken``."""
    return next((u for term in terms if (u := _rendered(seg, term, taken)) is not None), None)


def _overlap(a: Span, b: Span) -> bool:
    """Two English mentions that share words, neither inside the other."""
    return a.start < b.end and b.start < a.end and not (a.start <= b.start and b.end <= a.end) and \
        not (b.start <= a.start and a.end <= b.end)


def _reclaimed(seg: AnalyzedSegment, terms: list, claims: dict[Span, frozenset[int]],
               by_span: dict[Span, list]) -> Optional[frozenset[int]]:
    """The Arabic words that render a mention once the mentions that took them are given other words
    of their own renderings, or None. ``claims`` is updated only where every such mention can move."""
    wanted = _rendered_any(seg, terms, set())
    if wanted is None:
        return None
    moved = dict(claims)
    for other, used in claims.items():
        if used & wanted:
            rest = {i for o, u in moved.items() if o != other for i in u} | wanted
            if (elsewhere := _rendered_any(seg, by_span[other], rest)) is None:
                return None
            moved[other] = elsewhere
    claims.update(moved)
    return wanted


def _composed(seg: AnalyzedSegment, span: Span, terms: list, by_span: dict[Span, list],
              claims: dict[Span, frozenset[int]]) -> bool:
    """Whether a longer term is said word by word with the glossary's own words: the entries inside it
    are rendered (claimed) and each of its other content words has a word of the term's own rendering
    in the Arabic, none another mention took (حالات of حالات الإصابة بمرض فيروس كورونا beside the
    COVID-19 entry's كوفيد-19). A synonym for any part still leaves the term missing."""
    inner = [s for s in by_span if s != span and span.start <= s.start and s.end <= span.end]
    rest = [m.group() for m in _EN_WORD.finditer(seg.src, span.start, span.end)
            if not any(s.start <= m.start() and m.end() <= s.end for s in inner)
            and m.group().lower() not in EN_FUNCTION_WORDS]
    taken = {i for used in claims.values() for i in used}
    for s in inner:
        # (an entry inside a longer one in another sense was not asked for: it must be there all the same)
        if (used := claims.get(s)) is None and (used := _rendered_any(seg, by_span[s], taken)) is None:
            return False
        # one inner term and nothing else but grammar ("are infected", "infected") is that term: any of
        # its renderings will do
        if (rest or len(inner) > 1) and \
                not all(_says_inner(seg, seg.src[s.start:s.end], used, term) for term in terms):
            return False
        taken |= used
    if not inner:
        return False
    if not rest:
        return True
    own = {w for term in terms for form in term.ar for words in _renderings(form) for w in words}
    theirs = {w for s in inner for term in by_span[s] for form in term.ar for words in _renderings(form) for w in words}
    own = {w for w in own if not any(_akin(w, x) for x in theirs)}
    found = {i for i in range(len(seg.tgt_words)) if i not in taken and any(_same_word(seg, i, w, False) for w in own)}
    return len(found) >= len(rest)


def _says_inner(seg: AnalyzedSegment, inner_en: str, used: frozenset[int], term) -> bool:
    """Whether an entry of a longer term says its inner term with the Arabic words ``used``: with words
    of its own rendering, or as the glossary says the name its cell keeps in brackets ("… (covid-19)").
    Where the longer term's entries disagree (جائحة كوفيد-19, وباء مرض فيروس كورونا) and the Arabic
    took one, the team has not settled the word: the flag stays."""
    if any(b.casefold() == inner_en.casefold() for form in term.ar for b in _BRACKETED.findall(form)):
        return True
    own = {w for form in term.ar for words in _renderings(form) for w in words}
    return all(any(_same_word(seg, i, w, False) for w in own) for i in used)


_EN_WORD = re.compile(r"\w[\w'-]*")


def _own_sense(terms: list, longer: list) -> bool:
    """Whether a shorter term is asked for inside the (missing) longer terms holding it: only in the
    sense they give it, where the glossary renders it the same way inside them (see _inside)."""
    if not longer:
        return True
    forms = tuple(form for t in longer for form in t.ar)
    return any(_inside(t.ar, forms) for t in terms)


def _finding(seg: AnalyzedSegment, terms: tuple, spans: list[Span]) -> Finding:
    span = spans[0]
    src_text = seg.src[span.start:span.end]
    # the entry written as the English is (infected → مُصاب before infect → إصابة بالعدوى)
    term = min(terms, key=lambda t: (t.en.lower() != src_text.lower(), t.en != src_text))
    note = f" ({term.note})." if term.note else "."
    times = f" ({len(spans)} of its mentions are rendered otherwise)" if len(spans) > 1 else ""
    return Finding("minor", f"Glossary: '{src_text}' must be rendered as '{term.ar[0]}'{times}{note}",
                   src_span=span, suggestion=term.ar[0], confidence=0.6)


@lru_cache(maxsize=4096)
def _inside(forms: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Whether the glossary renders a term the same way inside the longer terms holding it: each word
    of one of its renderings is a word of a longer term's rendering, inflected (تفشي in تفشٍ مستمر).
    Where it is not, the longer term gives its words another sense: ventilation is التهوية, mechanical
    ventilation جهاز التنفس الصناعي."""
    return any(all(any(_akin(w, x) for x in whole[0]) for w in words)
               for form in forms for words in _renderings(form)
               for other in longer if (whole := _renderings(other)))


def _akin(a: str, b: str) -> bool:
    """Two normalized words that are one word inflected (a light stem in common)."""
    return bool(({a, strip_article(a)} | stem_candidates(a)) & ({b, strip_article(b)} | stem_candidates(b)))


_BRACKET_AFTER = re.compile(r"^(?:\s*[\w-]+){0,3}\s*\($")


def _restates(seg: AnalyzedSegment, a: Span, b: Span) -> bool:
    """Whether one span is the other restated in brackets right after it (at most three words
    between): "Centers for Disease Control and Prevention (CDC)", "CDC (Centers for Disease Control)"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.end <= second.start and seg.src[second.end:second.end + 1] == ")" and \
        bool(_BRACKET_AFTER.match(seg.src[first.end:second.start]))


def _bracketed(seg: AnalyzedSegment, used: frozenset[int]) -> bool:
    """Whether the Arabic words lie inside brackets: the Arabic restates the name too ("منظمة الصحة
    العالمية (WHO)" written "X (منظمة الصحة العالمية)"), so the mention outside needs words of its own."""
    if not used:
        return False
    start, end = seg.tgt_words[min(used)].start, seg.tgt_words[max(used)].end
    before = seg.tgt[:start]
    return before.rfind("(") > before.rfind(")") and ")" in seg.tgt[end:].split("(", 1)[0]


def _longest(terms: list) -> int:
    return max(len(words) for term in terms for form in term.ar for words in _renderings(form))


# lemminflect's part of speech for a glossary's ``pos`` column
_UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}


def _term_spans(seg: AnalyzedSegment, term) -> Iterator[Span]:
    """Every occurrence of the term's English that is the term itself: not part of a longer
    hyphenated word (SARS-CoV in SARS-CoV-2, touch in high-touch), and of the glossary's part of
    speech where it gives one and the word cannot be it ("spread" the verb is no noun entry's)."""
    words, capitals = _english(term.en)
    if not all(w in seg.src_lemma_set for w in words if w != "one's"):
        return                        # (most terms, most pairs: before any generator is made)
    upos = _UPOS.get(term.pos)
    for span in find_en_terms(seg, words, capitals):
        if _HYPHENATED.match(seg.src, span.end) or _HYPHENATED_BEFORE.search(seg.src, 0, span.start) or \
                _in_address(seg.src, span):
            continue
        if upos and len(words) == 1:
            lemmas = all_lemmas(seg.src[span.start:span.end])
            if lemmas and upos not in lemmas:
                continue
        yield span


@lru_cache(maxsize=20_000)
def _english(en: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A term's English words and capitals, split once per glossary entry, not once per pair."""
    return en_words(en), en_capitals(en)


_HYPHENATED = re.compile(r"-\w")
_HYPHENATED_BEFORE = re.compile(r"\w-$")
# a web or mail address: a scheme, www., an @, or a domain label (covid19.ca.gov)
_ADDRESS = re.compile(r"://|^www\.|@|\.[a-z]{2,}(?:[./]|$)")


def _in_address(src: str, span: Span) -> bool:
    """Whether the mention is part of a web or mail address ("https://covid19.ca.gov/")."""
    start = src.rfind(" ", 0, span.start) + 1
    end = src.find(" ", span.end)
    return bool(_ADDRESS.search(src[start:end if end >= 0 else len(src)]))


@lru_cache(maxsize=4096)
def _renderings(form: str) -> tuple[tuple[str, ...], ...]:
    """The word lists one glossary cell accepts: the whole cell; without its bracketed part; the
    bracketed part alone when it is Arabic ("فيروس كورونا المستجد (كوفيد-19)" accepts كوفيد-19; a
    bracketed English "(CDC)" is the acronym kept beside the rendering, not a rendering). Standalone
    particles (في, من …) are left out: "الانتشار في المجتمع" is also "الانتشار المجتمعي"."""
    out = [form, _BRACKETED.sub(" ", form)]
    out += [inner for inner in _BRACKETED.findall(form) if any(is_letter(c) for c in inner)]
    lists = []
    for text in out:
        words = [t.norm for t in tokenize(normalize(text)) if t.is_word]
        content = tuple(w for w in words if w not in PARTICLES) or tuple(words)
        if content and content not in lists:
            lists.append(content)
    return tuple(lists)


_BRACKETED = re.compile(r"[(\[]\s*([^)\]]*?)\s*[)\]]")
# Words a rendering may have between its own (المركز الصيني لمكافحة الأمراض, علاج محدد مضاد للفيروس).
GAP = 2


def _rendered(seg: AnalyzedSegment, term, taken: set[int]) -> Optional[frozenset[int]]:
    """The Arabic words (none of ``taken``) that render the term, or None where it is not rendered."""
    for form in term.ar:
        for words in _renderings(form):
            if (used := _found(seg, words, taken)) is not None:
                return used
    for name in _name_words(term):
        if (used := _found(seg, (name,), taken)) is not None:
            return used
    return _broken_plural(seg, term, taken)


@lru_cache(maxsize=4096)
def _name_words(term) -> tuple[str, ...]:
    """The words of a one-word term's renderings that write the English itself in Arabic letters: the
    name alone renders it, the other words are its class (ميرس of فيروس ميرس for MERS, the disease)."""
    if len(term.en.split()) != 1:
        return ()
    return tuple(dict.fromkeys(w for form in term.ar for words in _renderings(form) if len(words) > 1
                               for w in words if transliterates(term.en, w)))


def _found(seg: AnalyzedSegment, words: tuple[str, ...], taken: set[int]) -> Optional[frozenset[int]]:
    """Where the Arabic has every word of a rendering, each in some inflection: in order with at
    most GAP other words between them, or (three words or more) in another order with at most one
    word between (a construct chain reorders: معدل حالات الوفيات, معدلات وفيات الحالات; القيود
    المفروضة على السفر, فرض قيود على السفر). A word of a longer rendering may also be there as its
    broken plural (مركز → مراكز) beside its others."""
    n = len(words)
    hits = [[i for i in range(len(seg.tgt_words)) if i not in taken and _same_word(seg, i, w, n > 1)] for w in words]
    if not all(hits):
        return None
    # (two words keep their order: an Arabic noun and its adjective do not swap, and "كوفيد-19 وسارس"
    # is no سارس كوفيد)
    used = _in_order(hits, n + GAP)
    if used is None and n > 2:
        used = next((u for h in hits for first in h if (u := _distinct(hits, first, n + 1)) is not None), None)
    return used


def _in_order(hits: list[list[int]], width: int) -> Optional[frozenset[int]]:
    """Positions for each word, increasing, the whole within ``width`` words."""
    for first in hits[0]:
        at, picked = first, [first]
        for h in hits[1:]:
            at = next((i for i in h if at < i < first + width), -1)
            if at < 0:
                break
            picked.append(at)
        else:
            return frozenset(picked)
    return None


def _distinct(hits: list[list[int]], first: int, width: int) -> Optional[frozenset[int]]:
    """A position of its own for each word in the ``width`` words from ``first``."""
    used: set[int] = set()
    for h in sorted(hits, key=len):
        pick = next((i for i in h if first <= i < first + width and i not in used), None)
        if pick is None:
            return None
        used.add(pick)
    return frozenset(used)


def _same_word(seg: AnalyzedSegment, i: int, word: str, skeleton: bool) -> bool:
    """Whether Arabic word ``i`` is ``word`` inflected: a light stem, a clitic, the article or none
    (construct state: معدل الوفيات, معدل وفيات), a plural or dual ending (لقاح, لقاحات), with
    ``skeleton`` the same consonants (a broken plural: جهاز, أجهزة), or another word of its root in
    the same sense (see _derived)."""
    if seg.tgt_word_is(i, word):
        return True
    tgt = seg.tgt_words[i].norm
    own = {word, strip_article(word)}
    if own & (stem_candidates(tgt) | {tgt}) or set(seg.tgt_bare[i]) & stem_candidates(word):
        return True
    if skeleton:
        want = _skeleton(strip_article(word)).removesuffix("ه")
        if len(want) >= 3 and any(_skeleton(strip_article(form)).removesuffix("ه") == want for form in seg.tgt_bare[i]):
            return True
    return _derived(word, tgt)


def _said_again(seg: AnalyzedSegment, terms: list, taken: set[int]) -> Optional[frozenset[int]]:
    """A further mention of a term the Arabic already renders with the glossary's words, said again
    with words of a rendering's roots: the maṣdar for the participle (إصابتها beside المصابين for
    "infected"). A synonym has another root (الحمة for الفيروس, الفيروس التاجي for فيروس كورونا)
    and stays a finding."""
    free = [i for i in range(len(seg.tgt_words)) if i not in taken]
    for term in terms:
        for form in term.ar:
            for words in _renderings(form):
                at = [next((i for i in free if _kin(word, seg.tgt_words[i].norm)), None) for word in words]
                if None not in at:
                    return frozenset(i for i in at if i is not None)
    return None


@lru_cache(maxsize=20_000)
def _kin(word: str, other: str) -> bool:
    """Two words of one root: three consonants in common, or two (a hollow or defective root: صب of
    إصابة, مصاب) where the dictionary also glosses both with one English word family."""
    shared = loose_roots(word) & loose_roots(other)
    if not shared:
        return False
    if max(map(len, shared)) >= 3:
        return True
    lex = bilingual()
    mine = {g[:5] for g in english_of(word, lex) if len(g) >= 4}
    return bool(mine) and any(g[:5] in mine for g in english_of(other, lex) if len(g) >= 4)


@lru_cache(maxsize=20_000)
def _derived(word: str, other: str) -> bool:
    """Whether ``other`` is another word of ``word``'s root in the same sense: the noun for the verb
    (ظهور, تظهر; انتقال, انتقلت), the maṣdar for the participle (فرض, المفروضة). Three consonants at
    least must be shared (two are a hollow or defective root, and meet too often: BAMA reads يعد
    "counts" also as يُعدي "infects", عدوى's verb), and the dictionary must gloss both with one
    English word family (the same first five letters: appearance/appear)."""
    shared = loose_roots(word) & loose_roots(other)
    if not shared or max(map(len, shared)) < 3:
        return False
    lex = bilingual()
    mine = {g[:5] for g in english_of(word, lex) if len(g) >= 4}
    return bool(mine) and any(g[:5] in mine for g in english_of(other, lex) if len(g) >= 4)
