"""What the dictionaries say of one word of a pair, whatever the pair: content words, acronyms,
FreeDict's renderings and BAMA's glosses with their lemmas, stems, roots and consonant skeletons
(cached per word), and whether two skeletons sound alike.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Optional, TypeVar

from mtkit.text.arabic import ar_bare, pattern_root
from mtkit.text import bama
from mtkit.text.dictionary import AR_FUNCTION_WORDS, EN_FUNCTION_WORDS, Bilingual, en_key, english_of
from mtkit.text.lemmas import derived_bases
from mtkit.text.normalize import norm
from mtkit.text.translit import ar_skeleton, en_skeleton, skeletons_match

T = TypeVar("T")


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


@lru_cache(maxsize=100_000)        # (asked of every English word by several views of a pair, each run)
def en_content(word: str) -> bool:
    return len(word) >= 2 and word not in EN_FUNCTION_WORDS and not word[0].isdigit()


@lru_cache(maxsize=100_000)        # (asked of every English word of a pair by five views)
def is_acronym(text: str) -> bool:
    """WHO, CDC, and mixed ones: CoV, HCoV."""
    return len(text) >= 2 and text.isalpha() and sum(c.isupper() for c in text) >= 2


def read_as_letters(text: str) -> bool:
    """An acronym read letter by letter (CPR, CDC: no vowel to read it as a word, as NATO or ALDI are)."""
    return is_acronym(text) and not any(c in "AEIOUaeiou" for c in text)


class ArWord(NamedTuple):
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
def look_up_ar(word: str, bare: str, lex: Bilingual) -> ArWord:
    """What the dictionaries say of Arabic ``word`` (``bare``: its shortest form without proclitics, :func:`ar_bare`)."""
    freedict = lex.ar_to_en(word)
    analyzer = bama.lexicon()
    glosses = analyzer.glosses(word) if analyzer is not None else frozenset()
    english = freedict | glosses
    return ArWord(english, frozenset(en_key(e) for e in english if " " not in e),
                   _lemmas_of(freedict), frozenset(en_key(e) for e in freedict if " " not in e),
                   _lemmas_of(glosses), frozenset(en_key(e) for e in glosses), ar_skeleton(bare), pattern_root(word))


class EnWord(NamedTuple):
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
def look_up_en(word: str, lex: Bilingual) -> EnWord:
    """What the dictionaries say of English ``word``."""
    lemmas = derived_bases(word)
    stems = en_stems(word, lex)
    skeleton = en_skeleton(word) if len(word) >= 3 else ""
    found = {pattern_root(w) for form in lemmas for phrase in lex.en_to_ar(form) if phrase.count(" ") < MAX_ROOT_PHRASE
             for w in phrase.split() if w not in AR_FUNCTION_WORDS}
    # as the text's Arabic words may show them: a weak pattern matches a strong one only (see pattern_root)
    roots = frozenset((root, False) for root, _ in filter(None, found)) | \
        frozenset((root, True) for root, weak in filter(None, found) if not weak)
    return EnWord(lemmas, frozenset(en_key(x) for x in lemmas), stems, skeleton,
                   skeleton if len(word) >= 8 else None, roots)


MAX_ROOT_PHRASE = 2         # words of a rendering whose roots count (a longer one is a definition)


@lru_cache(maxsize=100_000)
def en_stems(word: str, lex: Bilingual) -> frozenset[str]:
    """``look_up_en(word, lex).stems`` alone (what the cheap tests and the known words need), without
    the word's other facts: most pairs a cheap test skips never need them."""
    return frozenset().union(*(lex.ar_stems(form) for form in derived_bases(word)))


@lru_cache(maxsize=100_000)
def known_ar(word: str, lex: Bilingual) -> bool:
    """Does the dictionary (or BAMA) know this Arabic word at all?"""
    return bool(english_of(word, lex))


def sounds_like(en: str, ar: str) -> bool:
    """translit.transliterates on skeletons (skeletons more than one class apart never match)."""
    return bool(en) and abs(len(en) - len(ar)) <= 1 and skeletons_match(en, ar)


def skeletons_by_length(skeletons: Iterable[str]) -> dict[int, list[str]]:
    """Skeletons by their length, for :func:`sounds_like_one_of`."""
    out: dict[int, list[str]] = {}
    for skeleton in skeletons:
        if skeleton:
            out.setdefault(len(skeleton), []).append(skeleton)
    return out


def sounds_like_one_of(skeletons: dict[int, list[str]], skeleton: str, *, english: bool) -> bool:
    """Whether ``skeleton`` sounds like one of ``skeletons`` (by length, :func:`skeletons_by_length`): English
    ones when ``english``, Arabic ones otherwise (``sounds_like`` reads English first), trying only
    lengths a class apart."""
    if not skeleton:
        return False
    near = within_a_letter(skeletons, len(skeleton))
    return any(skeletons_match(other, skeleton) if english else skeletons_match(skeleton, other) for other in near)


def within_a_letter(by_length: dict[int, list[T]], n: int) -> Iterator[T]:
    """The entries of ``by_length`` (skeletons, or items with one, by length) whose skeleton is at most
    one letter longer or shorter than ``n``: others never match (:func:`sounds_like`)."""
    return (entry for k in (n - 1, n, n + 1) for entry in by_length.get(k, ()))


def _lemmas_of(english: frozenset[str]) -> frozenset[str]:
    """English words, their lemmas and the words they derive from (a gloss "children" renders "child",
    "usage" renders "use")."""
    return frozenset(english).union(*(derived_bases(e) for e in english if " " not in e))
