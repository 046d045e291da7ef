"""Cross-script name matching: English and Arabic words reduced to a consonant-class skeleton.

``Musk`` → ``MSK`` and ``ماسك`` → ``MSK`` match; spelling variants (``بيلتز``/``بلتز``) match too,
since vowels and long-vowel letters are dropped. The class table is ``data/translit.tsv``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby
from typing import Optional

from mtkit.data import table
from mtkit.text.normalize import norm


_SILENT_H = re.compile(r"(?<=[aeiou])h(?![aeiouy])")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    latin: dict[str, str] = {}
    arabic: dict[str, str] = {}
    for row in table("translit.tsv"):
        value = "" if row["class"] == "-" else row["class"]
        if len(value) > 1:
            raise ValueError(f"mtkit/data/translit.tsv: a class is one letter, not {value!r}")   # see _runs_collapsed
        for item in row["latin"].split():
            latin[item.rstrip("*")] = value
        for ch in row["arabic"].split():
            arabic[ch] = value
            arabic.setdefault(norm(ch) or ch, value)   # ة normalizes to ه, which keeps its class
    return latin, arabic


_DOUBLED = re.compile(r"(.)\1")


def _runs_collapsed(classes: str) -> str:
    """Classes (one letter each) with each run of one class written once: MMSK → MSK."""
    return classes if _DOUBLED.search(classes) is None else "".join(c for c, _ in groupby(classes))


@lru_cache(maxsize=1)
def _latin_pieces() -> tuple[re.Pattern[str], dict[str, str]]:
    """English spelling → its classes in one regex pass: each letter with its longest digraph or
    trigraph of the table first (``s(?:ch|s|h)?``: sch, ss, sh, then s), any other character
    alone; each piece's classes: the table's, x as KS, and a soft c (c before e, i, y) as S with
    the vowel's (none): the letter-by-letter reading, without a slice and a lookup per length."""
    latin, _ = _tables()
    classes = dict(latin)
    classes["x"] = "KS"
    pieces = sorted(latin, key=len, reverse=True)
    for vowel in "eiy":          # after c: a single letter of the table, no digraph starts with it
        if vowel in latin and not any(p.startswith(vowel) and len(p) > 1 for p in latin):
            classes["c" + vowel] = "S" + latin[vowel]
            pieces.insert(pieces.index("c"), "c" + vowel)
    by_first: dict[str, list[str]] = {}
    for piece in pieces:
        by_first.setdefault(piece[0], []).append(re.escape(piece[1:]))
    rests = (re.escape(first) + (f"(?:{'|'.join(r for r in tails if r)})?" if any(tails) else "")
             for first, tails in by_first.items())
    return re.compile("|".join(rests) + "|.", re.S), classes


class _ArabicClasses(dict):
    """A ``str.translate`` table: a character → the classes of its normalized form (learnt once)."""

    def __missing__(self, code: int) -> str:
        _, arabic = _tables()
        self[code] = "".join(arabic.get(ch, "") for ch in norm(chr(code)))
        return self[code]


_ARABIC_CLASSES = _ArabicClasses()


@lru_cache(maxsize=100_000)
def en_skeleton(word: str, silent_h: bool = True) -> str:
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    if silent_h and "h" in word:
        word = _SILENT_H.sub("", word)    # John, Johns, Sarah: h after a vowel, before a consonant
    pieces, classes = _latin_pieces()
    # digits, apostrophes, accents: no class
    return _runs_collapsed("".join([classes.get(piece, "") for piece in pieces.findall(word)]))


# Letters other languages write for other sounds than English does, as Arabic news renders them:
# j as y or kh (Bjorn بيورن, Juan خوان), Spanish g before e/i as kh (Sergio سيرخيو), German ch as kh
# inside a word (Koch كوخ), an initial gh as g (Ghebreyesus جيبريسوس), Chinese zh as j, sh or z (Zhou
# تشو, Guangzhou غوانزو), a nasal ng as n (Guangzhou); and name endings: a final -ul/-ur that is the
# Arabic article of the next word (Saifur سيف الرحمن, Obaidul عبيد القادر), -ism as -iyya (Trumpism الترامبية).
_READINGS = ((re.compile("^gh"), ("g",)), (re.compile("(?<=...)u[lrdnst]$"), ("",)),
             (re.compile("(?<=...)ism$"), ("",)), (re.compile("j"), ("y", "kh")), (re.compile("g(?=[ei])"), ("kh",)),
             (re.compile("(?<=.)ch"), ("kh",)), (re.compile("zh"), ("j", "sh", "z")),
             (re.compile("ng(?![aeiouy])"), ("n",)),
             # German and Italian z (Ignaz إغناتس), pinyin q (Qiang تشيانغ), Portuguese nh (Cunha كونيا),
             # the dh of Arabic loans (Wudhu وضوء)
             (re.compile("z(?!h)"), ("ts",)), (re.compile("q(?!u)"), ("ch",)), (re.compile("nh"), ("n",)),
             (re.compile("dh"), ("d",)),
             # the Greek ch before r or l (Christmas كريسماس, Chloe كلوي, hypochlorite هيبوكلوريت)
             (re.compile("ch(?=[rl])"), ("k",)))
MAX_READINGS = 16
_ANY_READING = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _READINGS))


@lru_cache(maxsize=100_000)
def en_skeletons(word: str) -> tuple[str, ...]:
    """The English skeleton of a name, then those of its foreign readings (``_READINGS``, and an
    h sounded after a vowel: Rahman رحمن, Ahmed أحمد)."""
    spellings = [_fold(word.lower().removesuffix("'s"))]
    if _ANY_READING.search(spellings[0]):      # (most names have none: one search, not one per reading)
        for pattern, sounds in _READINGS:
            if pattern.search(spellings[0]):
                spellings += [pattern.sub(sound, w) for w in spellings for sound in sounds]
                spellings = spellings[:MAX_READINGS]
    out = [en_skeleton(w, silent_h=silent) for silent in (True, False) for w in spellings]
    return tuple(dict.fromkeys(x for x in out if x))


_CARONS = str.maketrans({"č": "ch", "ć": "ch", "š": "sh", "ś": "sh", "ş": "sh", "ž": "zh", "ź": "z", "ł": "l", "ø": "o",
                         "æ": "ae", "ß": "ss", "đ": "d"})


def _fold(word: str) -> str:
    """Letters with diacritics as English spells their sound: Matovič → matovich, Charité → charite."""
    if word.isascii():
        return word                       # (no caron, nothing to decompose)
    word = word.translate(_CARONS)
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)      # a name and an Arabic word meet again in every pair of an article
def names_match(skeletons: tuple[str, ...], ar_word: str) -> bool:
    """An Arabic word renders a name of these skeletons (``en_skeletons``): one of them matches
    (``skeletons_match``), also with a final ه read as a vowel (Kobe كوبه, Charité شاريتيه), or a
    one-class name (Mayo مايو, Zhou تشو) is that class in a short word."""
    forms = ar_forms(ar_word)
    for s in skeletons:
        for ar in forms:
            # (both ways need lengths at most one class apart: most pairs are not tried further)
            if abs(len(s) - len(ar)) <= 1 and (skeletons_match(s, ar) or len(s) == 1 and s == ar and len(ar_word) <= 4):
                return True
    return False


@lru_cache(maxsize=100_000)
def ar_forms(ar_word: str) -> tuple[str, ...]:
    """The skeletons an Arabic word may be read with: as written, with تش as two letters, and
    without a final ه or ة read as a vowel (:func:`vowel_ending_dropped`)."""
    forms = [ar_skeleton(ar_word), _plain_skeleton(ar_word)]
    bare = vowel_ending_dropped(ar_word)
    if bare is not None:
        forms.append(ar_skeleton(bare))
    return tuple(forms)


# A final ة or ه that English spells as a vowel or not at all (the skeleton keeps it as h: هريرة is
# HRH, Huraira HR; قتادة Qatada, كوبه Kobe), on a word of at least VOWEL_ENDING_WORD letters
VOWEL_ENDINGS = ("ة", "ه")
VOWEL_ENDING_WORD = 3


def vowel_ending_dropped(ar_word: str) -> Optional[str]:
    """The word without a final ة or ه read as a vowel; None where it has none to drop."""
    return ar_word[:-1] if len(ar_word) >= VOWEL_ENDING_WORD and ar_word.endswith(VOWEL_ENDINGS) else None


# Consonants an Arabic word needs to render a part of an English compound.
COMPOUND_PART = 3


def part_of(ar: str, en: str) -> bool:
    """Whether an Arabic skeleton renders the start or the end of an English word's skeleton: a
    part of a compound (coronavirus → فيروس كورونا, dipeptidyl → بيتيديل)."""
    return len(ar) >= COMPOUND_PART and (en.startswith(ar) or en.endswith(ar))


@lru_cache(maxsize=200_000)
def ar_skeleton(word: str) -> str:
    return _plain_skeleton(norm(word).replace("تش", "ش"))   # تش renders "ch"


@lru_cache(maxsize=200_000)
def _plain_skeleton(word: str) -> str:
    """Letter by letter (تش as t and sh: Ateş آتش)."""
    return _runs_collapsed(word.translate(_ARABIC_CLASSES))


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance at most 1, without the table."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    k, n = 0, len(a)
    while k < n and a[k] == b[k]:          # the first difference
        k += 1
    if len(a) == len(b):
        return a[k + 1:] == b[k + 1:]
    return a[k:] == b[k + 1:]


@lru_cache(maxsize=200_000)      # a pure function of two short strings, asked for every name × word
def skeletons_match(en: str, ar: str) -> bool:
    """Equal skeletons, or one edit apart when both have four classes or more."""
    if not en or not ar or abs(len(en) - len(ar)) > 1:
        return False                      # (every match below is at most one class longer or shorter)
    if en[0] == "H" and len(en) > 2 and en[1:] == ar:
        return True                       # a silent initial h: Hughes هيوز
    if en[-1] == "S" and len(en) > 2 and en[:-1] == ar:
        return True                       # a silent final s: Cannes كان, Illinois إلينوي
    if ar[-1] == "S" and len(en) > 2 and ar[:-1] == en:
        return True                       # the Greek and Latin -us Arabic keeps: Pilate بيلاطس, Herod هيرودس
    if en == ar:
        return len(en) >= 2
    return min(len(en), len(ar)) >= 4 and _one_edit(en, ar)


def transliterates(en_word: str, ar_word: str) -> bool:
    en, ar = en_skeleton(en_word), ar_skeleton(ar_word)
    # (skeletons_match's own first test, before its memo: most word pairs a sentence pair tries fail it)
    return abs(len(en) - len(ar)) <= 1 and skeletons_match(en, ar)
