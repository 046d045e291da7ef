"""Word links inside an aligned sentence pair, without a neural model.

Evidence, strongest first: the same number (digits or number words, mtkit.text.numbers), the same
Latin word kept in the Arabic, a transliterated name (consonant skeletons, mtkit.text.translit),
and a dictionary rendering (FreeDict, mtkit.text.dictionary, through light stems). Links are
chosen greedily, strongest evidence first and, among equals, nearest the diagonal, one Arabic
word per English word and one English word per Arabic word: a word with no link is a word the
omission and addition checks can point at, and the HTML report can show the links.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from mtkit.text import dictionary
from mtkit.text.arabic import ar_bare
from mtkit.text.dictionary import EN_FUNCTION_WORDS
from mtkit.text.numbers import same_value, values
from mtkit.text.tokens import Token
from mtkit.text.translit import ar_skeleton, en_skeleton, skeletons_match

STRENGTH = {"number": 4, "same": 4, "name": 3, "dictionary": 2}   # "position": gaps, chosen last


@dataclass(frozen=True)
class WordLink:
    src: int          # index into the English words (tokens that are words)
    tgt: int          # index into the Arabic words
    kind: str         # "number", "same", "name", "dictionary" or "position" (see _gaps)


def is_content(word: str, lang: str) -> bool:
    if lang == "en":
        return word not in EN_FUNCTION_WORDS and (len(word) > 1 or word.isdigit())
    return word not in dictionary.AR_FUNCTION_WORDS and (len(word) > 1 or word.isdigit())


def _number_links(src: Sequence[Token], tgt: Sequence[Token]) -> list[tuple[int, int, str]]:
    s_index = {id(t): k for k, t in enumerate(src)}
    t_index = {id(t): k for k, t in enumerate(tgt)}
    out = []
    t_values = [(v, t_index.get(id(first))) for v, first, _ in values(list(tgt), "ar")]
    for value, first, _ in values(list(src), "en"):
        i = s_index.get(id(first))
        if i is None:
            continue
        for other, j in t_values:
            if j is not None and same_value(value, other):
                out.append((i, j, "number"))
    return out


def link_words(src: Sequence[Token], tgt: Sequence[Token]) -> list[WordLink]:
    """Links between English words ``src`` and Arabic words ``tgt`` (tokens that are words, as
    :func:`mtkit.text.tokens.tokenize` gives them), sorted by English then Arabic index."""
    candidates = _number_links(src, tgt)
    # (each candidate (i, j) is one of these kinds at most, so the sort below orders them whatever
    # order they are found in)
    candidates.extend(_word_candidates(src, tgt))
    n, m = max(len(src), 1), max(len(tgt), 1)
    candidates.sort(key=lambda c: (-STRENGTH[c[2]], abs(c[0] / n - c[1] / m), c[0], c[1]))
    used_s: set[int] = set()
    used_t: set[int] = set()
    links = []
    for i, j, kind in candidates:
        if i not in used_s and j not in used_t:
            used_s.add(i)
            used_t.add(j)
            links.append(WordLink(i, j, kind))
    links.extend(_gaps(src, tgt, links))
    return sorted(links, key=lambda link: (link.src, link.tgt))


@lru_cache(maxsize=100_000)
def _arabic_facts(word: str) -> tuple[bool, tuple[str, ...], str]:
    """What linking reads of an Arabic word (a pure function of the normalized word, asked once per
    word per process): whether it is Latin, the name skeletons of its forms without proclitics, its
    dictionary key."""
    return word.isascii(), tuple(ar_skeleton(form) for form in ar_bare(word)), dictionary.ar_key(word)


def _word_candidates(src: Sequence[Token], tgt: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(English word, Arabic word, kind) for each pair of content words that are the same word, or
    else (the Arabic not Latin) that sound alike as a name (an English word the dictionary does not
    render) or that the dictionary renders (Bilingual.covers)."""
    lex = dictionary.bilingual()
    arabic = [(j, t.norm, *_arabic_facts(t.norm))
              for j, t in enumerate(tgt) if not t.norm.isdigit() and is_content(t.norm, "ar")]
    by_word: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}           # (Arabic words in Arabic script only)
    for j, other, latin, _, key in arabic:
        by_word.setdefault(other, []).append(j)
        if not latin:
            by_key.setdefault(key, []).append(j)
    out: list[tuple[int, int, str]] = []
    by_length: dict[int, list[tuple[int, str]]] | None = None
    for i, s in enumerate(src):
        word = s.norm
        if not is_content(word, "en") or word.isdigit():
            continue
        out.extend((i, j, "same") for j in by_word.get(word, ()))
        # a word the dictionary renders is no name: "health" must not match الوضع by its skeleton
        stems = lex.ar_stems(word) if lex is not None else frozenset()
        if stems:
            out.extend((i, j, "dictionary") for key in by_key.keys() & stems for j in by_key[key]
                       if tgt[j].norm != word)
        elif len(word) >= 3:
            if by_length is None:
                by_length = _skeletons_by_length(arabic)
            skeleton = en_skeleton(word)
            # (skeletons more than one class longer or shorter never match: only those are tried)
            sounding = {j for n in (len(skeleton) - 1, len(skeleton), len(skeleton) + 1)
                        for j, f in by_length.get(n, ()) if skeletons_match(skeleton, f)}
            out.extend((i, j, "name") for j in sorted(sounding) if tgt[j].norm != word)
    return out


def _skeletons_by_length(arabic: list[tuple[int, str, bool, tuple[str, ...], str]]) -> dict[int, list[tuple[int, str]]]:
    """The name skeletons of the Arabic words in Arabic script (word index, skeleton), by their length."""
    out: dict[int, list[tuple[int, str]]] = {}
    for j, _, latin, skeletons, _ in arabic:
        if not latin:
            for f in skeletons:
                out.setdefault(len(f), []).append((j, f))
    return out


def _gaps(src: Sequence[Token], tgt: Sequence[Token], links: list[WordLink]) -> list[WordLink]:
    """Between two consecutive links, one unlinked content word on each side: they render each
    other (the sandwich heuristic of word aligners)."""
    out = []
    ordered = sorted(links, key=lambda link: link.src)
    linked = {link.tgt for link in links}
    for left, right in pairwise(ordered):
        lo, hi = sorted((left.tgt, right.tgt))
        s_free = [i for i in range(left.src + 1, right.src) if is_content(src[i].norm, "en")]
        t_free = [j for j in range(lo + 1, hi) if is_content(tgt[j].norm, "ar") and j not in linked]
        if len(s_free) == 1 and len(t_free) == 1:
            out.append(WordLink(s_free[0], t_free[0], "position"))
    return out


def unmatched(src: Sequence[Token], tgt: Sequence[Token],
              links: Sequence[WordLink]) -> tuple[list[int], list[int]]:
    """Indices of the content words on each side that no link reaches."""
    linked_s = {link.src for link in links}
    linked_t = {link.tgt for link in links}
    return ([i for i, t in enumerate(src) if i not in linked_s and is_content(t.norm, "en")],
            [j for j, t in enumerate(tgt) if j not in linked_t and is_content(t.norm, "ar")])
