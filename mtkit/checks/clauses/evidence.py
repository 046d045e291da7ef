"""The pair's word-link evidence: which English and which Arabic words of a pair have a counterpart
on the other side. ``seen_en``/``seen_ar``: anything renders the word; :func:`evidence`: a link reaches it
(strongest evidence first, one partner per word but beside its first); :func:`associated`: the document's
other pairs hold the two words together; :func:`renders_grammar`: an Arabic word renders an English grammar
word; and how an acronym is rendered (kept, transliterated, written out).
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.entity import letter_names, spelled_letters
from mtkit.text.arabic import ar_bare
from mtkit.text.dictionary import Bilingual, bilingual
from mtkit.text.translit import ar_skeleton, en_skeleton, part_of, skeletons_match
from mtkit.checks.clauses.words import (
    ArWord, EnWord, ar_content, en_content, is_acronym, look_up_ar, look_up_en, read_as_letters, skeletons_by_length,
    sounds_like, sounds_like_one_of, within_a_letter)


# How strongly a word pair's evidence says one renders the other. Chosen strongest first, so a
# broad gloss never explains a word that a stronger rendering already explains (below).
_LINK_STRENGTH: dict[str, float] = {"number": 6, "same": 6, "name": 5, "dictionary": 4, "position": 1}
DOCUMENT, FREEDICT, COMPOUND, ASSOCIATION, GLOSS, ROOT, TRANSLITERATION = 4.5, 4.0, 3.0, 2.5, 2.0, 1.8, 1.5
# A word explains a second (or third) word on the other side only next to the first: one word may
# render a phrase (maximise → إلى أقصى حد, take care → الاعتناء), never two far-apart words.
PHRASE_REACH, PHRASE_WORDS = 2, 3
# Words either side of a link whose own links say it sits at the right place (_reclaim).
SUPPORT_REACH = 2

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
        words = [look_up_en(t.norm, lex) for t in seg.src_words]
        lemma_set = frozenset().union(*(w.lemmas for w in words))
        keys = frozenset().union(*(w.keys for w in words))
        stems = frozenset().union(*(w.stems for w in words))
        roots = frozenset().union(*(w.roots for w in words))
        letters = _acronym_letters(seg)
        long_src = [w for t, w in zip(seg.src_words, words) if len(t.norm) >= 3 and t.norm.isalpha()]
        # a compound's parts: coronavirus → فيروس كورونا
        compounds = [w.compound for w in long_src if w.compound is not None]
        sounds = skeletons_by_length(w.skeleton for w in long_src)
        out = []
        for j, tok in enumerate(seg.tgt_words):
            word = tok.norm
            ok = (j in linked or word.isascii() or seg.tgt_cores[j] in stems or seg.tgt_stems[j] in stems
                  or any(f in letters for f in ar_bare(word)))
            if not ok:
                ar = look_up_ar(word, seg.tgt_bare[j][-1], lex)
                ok = not ar.fd_lemmas.isdisjoint(lemma_set) or not ar.gl_lemmas.isdisjoint(lemma_set) \
                    or not ar.keys.isdisjoint(keys) \
                    or sounds_like_one_of(sounds, ar.skeleton, english=True) \
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
        ar_words = [look_up_ar(t.norm, seg.tgt_bare[j][-1], lex) for j, t in enumerate(seg.tgt_words)]
        renders = frozenset().union(*(a.keys for a in ar_words))
        # (the Arabic words' renderings as lemmas and bases: استخدام "usage" renders "use")
        rendered = frozenset().union(*(a.fd_lemmas for a in ar_words), *(a.gl_lemmas for a in ar_words))
        roots = {a.root for a in ar_words if a.root is not None}
        sounds = skeletons_by_length(a.skeleton for a in ar_words)
        out = []
        for i, tok in enumerate(seg.src_words):
            ok = i in linked or _found_as_written(seg, i)
            if not ok:
                en = look_up_en(tok.norm, lex)
                ok = not en.stems.isdisjoint(cores) or not en.keys.isdisjoint(renders) \
                    or not en.lemmas.isdisjoint(rendered) or not en.roots.isdisjoint(roots) \
                    or sounds_like_one_of(sounds, en.skeleton, english=False)
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


def free_ar(seg: AnalyzedSegment) -> list[bool]:
    """For each Arabic word: is it found without a link (:func:`evidence`)? Latin kept in the Arabic, the
    Arabic name of a letter of an acronym of the English, or a word that the article's own renderings
    give to an English word of the pair: it needs no link of its own (one acronym may be written out in
    several words, RCGP → مركز البحوث والرصد …). Found whatever the links are: :func:`seen_ar` and
    ``found_ar`` hold these words too."""
    def compute() -> list[bool]:
        letters = _acronym_letters(seg)
        return [t.norm.isascii() or any(f in letters for f in ar_bare(t.norm))
                or ar_content(t.norm) and _rendering_of(seg, j) for j, t in enumerate(seg.tgt_words)]
    return seg.memo("clauses.free_ar", compute)


def _match(seg: AnalyzedSegment, lex: Bilingual) -> Evidence:
    src, tgt = seg.src_words, seg.tgt_words
    en_free = [_found_as_written(seg, i) for i in range(len(src))]
    ar_free = free_ar(seg)
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
    _reclaim(edges, by_en, by_ar, anchor_en, anchor_ar)
    # Arabic repeats a noun where English says it once or uses a pronoun: a word the pair already
    # renders elsewhere is no addition
    linked_cores = {seg.tgt_cores[j] for j in by_ar}
    repeats = frozenset(j for j, t in enumerate(tgt) if not ar_free[j] and j not in by_ar and ar_content(t.norm)
                        and seg.tgt_cores[j] in linked_cores)
    return Evidence([en_free[i] or i in by_en for i in range(len(src))],
                    [ar_free[j] or j in by_ar or j in repeats for j in range(len(tgt))],
                    by_en, by_ar, anchor_en, anchor_ar, repeats)


def _support(i: int, j: int, by_en: dict[int, list[int]]) -> int:
    """How many other links join a word near English word ``i`` to a word near Arabic word ``j``."""
    return sum(0 < abs(b - j) <= SUPPORT_REACH for a in range(i - SUPPORT_REACH, i + SUPPORT_REACH + 1)
               if a != i for b in by_en.get(a, ()) if b != j)


def _reclaim(edges: dict[tuple[int, int], float], by_en: dict[int, list[int]], by_ar: dict[int, list[int]],
             anchor_en: dict[int, list[int]], anchor_ar: dict[int, list[int]]) -> None:
    """An Arabic word taken by one English word goes to another that has as strong evidence for it (or
    a dictionary's), no partner at all, and more links around it joining the two places: word order tells which of two
    words the one rendering belongs to (bats ... bats → الخفافيش once: the rendering sits beside the
    first's neighbours' renderings, and the second, with nothing around it rendered, went with a
    dropped clause). The position tie-break of the linking took the one nearer in proportion, which a
    dropped clause shifts."""
    for (i2, j), strength in sorted(edges.items()):
        if i2 in by_en or len(by_ar.get(j, ())) != 1:
            continue
        i = by_ar[j][0]
        if by_en.get(i) != [j] or strength < min(edges[(i, j)], FREEDICT) or _support(i2, j, by_en) <= _support(i, j, by_en):
            continue
        del by_en[i]
        by_en[i2], by_ar[j] = [j], [i2]
        if j in anchor_ar:
            del anchor_en[i]
            anchor_en[i2], anchor_ar[j] = [j], [i2]


def _edges(seg: AnalyzedSegment, lex: Bilingual, en_idx: list[int], ar_idx: list[int]) -> dict[tuple[int, int], float]:
    """(English word, Arabic word) → the strength of the strongest evidence that one renders the other."""
    edges: dict[tuple[int, int], float] = {}
    for link in seg.word_links:
        strength = _LINK_STRENGTH.get(link.kind, 1)
        if link.kind == "name" and (not ar_content(seg.tgt_words[link.tgt].norm)
                                    or read_as_letters(seg.src[seg.src_words[link.src].start:seg.src_words[link.src].end])):
            # a name matched by sound to a function word (Huanan ~ حين "when"), or an acronym read letter
            # by letter matched to a word (CPR ~ كبير "big"), is as likely chance: evidence, never an anchor
            strength = TRANSLITERATION
        edges[(link.src, link.tgt)] = strength
    for i in en_idx:
        for j in _rendered_in(seg, seg.src_words[i].norm):
            edges[(i, j)] = max(DOCUMENT, edges.get((i, j), 0))
    for i, j in associated(seg).items():
        edges[(i, j)] = max(ASSOCIATION, edges.get((i, j), 0))
    index = _LexicalIndex([(i, look_up_en(seg.src_words[i].norm, lex)) for i in en_idx])
    for j in ar_idx:
        ar = look_up_ar(seg.tgt_words[j].norm, seg.tgt_bare[j][-1], lex)
        for i, strength in index.lexical(ar, seg.tgt_cores[j], seg.tgt_stems[j]).items():
            edges[(i, j)] = max(strength, edges.get((i, j), 0))
    return edges


class _LexicalIndex:
    """The English words of a pair by each key an Arabic word may share with them, so that an Arabic
    word intersects its keys with the pair's (in C) instead of being tested against every English
    word (tests/test_speed_caches.py tests it against that word-by-word reading)."""

    def __init__(self, en_words: list[tuple[int, EnWord]]) -> None:
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

    def lexical(self, ar: ArWord, core: str, stem: str) -> dict[int, float]:
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
        for i, skeleton in within_a_letter(self.by_length, len(ar.skeleton)):
            if i not in found and skeletons_match(skeleton, ar.skeleton):
                found[i] = TRANSLITERATION
        return found


def _takes(partners: list[int], other: int) -> bool:
    """Whether a word with these partners may also be linked to ``other``."""
    return not partners or len(partners) < PHRASE_WORDS and any(abs(p - other) <= PHRASE_REACH for p in partners)


def en_word_rendered(seg: AnalyzedSegment, i: int) -> bool:
    """An English word linked to an Arabic word, kept in Latin, or transliterated (COVID كوفيد)."""
    return any(link.src == i for link in seg.word_links) or en_word_shown(seg, i)


def en_word_shown(seg: AnalyzedSegment, i: int) -> bool:
    """An English word kept in Latin, transliterated or spelled in the Arabic (no word links asked: cheap)."""
    word = seg.src_words[i].norm
    skeleton = en_skeleton(word)
    return word in seg.tgt_norm.text or any(sounds_like(skeleton, ar_skeleton(bare[-1])) for bare in seg.tgt_bare) \
        or spelled_letters(seg, seg.src[seg.src_words[i].start:seg.src_words[i].end])


def _acronym_letters(seg: AnalyzedSegment) -> set[str]:
    """The Arabic names of letters, where the pair's English holds an acronym (else none)."""
    if any(is_acronym(seg.src[t.start:t.end]) for t in seg.src_words):
        return {n for names in letter_names().values() for n in names}
    return set()


def _found_as_written(seg: AnalyzedSegment, i: int) -> bool:
    """Is English word ``i`` found without a link of the evidence's own: no word of letters, an acronym
    the Arabic shows (:func:`acronym_found`), or written as it is in the Arabic?"""
    tok = seg.src_words[i]
    return not tok.norm.isalpha() or is_acronym(seg.src[tok.start:tok.end]) and acronym_found(seg, i) \
        or tok.norm in seg.tgt_norm.text


def acronym_found(seg: AnalyzedSegment, i: int) -> bool:
    """Is English acronym ``i`` (CoVs, IgM) found without a link of the evidence's own: the Arabic shows
    it (a link, Latin kept, a transliteration, its letters' names, words the document renders it with),
    or it is a word of a text in capitals (IT IS FURTHER ORDERED)? An acronym nothing renders is a word
    like any other, and a dropped clause holding one ("indicating the mutual adaptation between CoVs
    and bats") is still unexplained."""
    return _in_capitals(seg, i) or en_word_rendered(seg, i) or bool(_rendered_in(seg, seg.src_words[i].norm))


def _in_capitals(seg: AnalyzedSegment, i: int) -> bool:
    """A word in capitals beside another one: words written in capitals, not an acronym."""
    def capitals(k: int) -> bool:
        text = seg.src[seg.src_words[k].start:seg.src_words[k].end] if 0 <= k < len(seg.src_words) else ""
        return len(text) >= 2 and text.isalpha() and text.isupper()
    return capitals(i) and (capitals(i - 1) or capitals(i + 1))


def shown_in_full(seg: AnalyzedSegment, i: int) -> bool:
    """Is acronym ``i`` rendered at each of its places by words of the pair that the evidence shows:
    a transliteration (COVID → كوفيد; not for an acronym read letter by letter), or the words the
    document shows writing it out (EU → الاتحاد الأوروبي, seen together in its other pairs), a word per
    capital? Then no other Arabic words may be its expansion; CoV → كوف once for three places, or
    PCR → تفاعل … المتسلسل, leaves it open."""
    tok = seg.src_words[i]
    text = seg.src[tok.start:tok.end]
    places = sum(t.norm == tok.norm for t in seg.src_words)
    capitals = max(sum(c.isupper() for c in text), 1)
    skeleton = en_skeleton(tok.norm) if not read_as_letters(text) else ""
    lex = bilingual()
    sounds = [j for j in range(len(seg.tgt_words)) if sounds_out_acronym(seg, j, tok.norm, skeleton, lex)]
    written = [j for j in _rendered_in(seg, tok.norm) if j not in sounds]
    return len(sounds) + len(written) / capitals >= places


def sounds_out_acronym(seg: AnalyzedSegment, j: int, acronym: str, skeleton: str, lex: Optional[Bilingual]) -> bool:
    """Does Arabic word ``j`` write out the sound of ``acronym`` (its consonant ``skeleton``; "" for one
    read letter by letter)? Not a word FreeDict knows as another word: IEDCR ~ ذكور "males" is chance.
    (BAMA's glosses do not count: it reads a transliteration as clitics and a stem, سارس "will anchor".)"""
    if not sounds_like(skeleton, ar_skeleton(seg.tgt_bare[j][-1])):
        return False
    english = lex.ar_to_en(seg.tgt_words[j].norm) if lex is not None else frozenset()
    return not english or acronym in english


def renders_grammar(seg: AnalyzedSegment, lex: Bilingual) -> list[bool]:
    """For each Arabic word: does the dictionary (or BAMA) render it with an English grammar word of the
    pair (بسبب "because", جميع "all", ربما "maybe")? The links join content words only, so such a word is
    left unexplained, and at a dropped clause's place it looked like the paraphrase of the missing words."""
    def compute() -> list[bool]:
        grammar = frozenset(t.norm for t in seg.src_words if not en_content(t.norm))
        return [ar_content(t.norm) and not look_up_ar(t.norm, seg.tgt_bare[j][-1], lex).english.isdisjoint(grammar)
                for j, t in enumerate(seg.tgt_words)]
    return seg.memo("clauses.renders_grammar", compute)
