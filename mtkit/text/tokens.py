"""Tokens with spans into the original text, and a light Arabic stemmer for lemma-level matching."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mtkit.text.normalize import NormText

# Numbers (with inner separators), Arabic words, other words (with inner apostrophes), or single
# punctuation marks. A change of script ends a word: "الـceasefire" is الـ + ceasefire.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]+|"
                    r"[^\W\d_\u0600-\u06FF]+(?:'[^\W\d_\u0600-\u06FF]+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Token:
    norm: str          # normalized form
    start: int         # span in the original text
    end: int
    nstart: int        # span in the normalized text
    nend: int

    @property
    def is_word(self) -> bool:
        return self.norm[0].isalnum()


def tokenize(nt: NormText) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(nt.text):
        span = nt.span(match.start(), match.end())
        tokens.append(Token(match.group(), span.start, span.end, match.start(), match.end()))
    return tokens


# Light stemming in the spirit of Larkey et al.'s Light10, on normalized text (ة→ه, ى→ي).
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_PREFIXES = ("و", "ف", "ب", "ل", "ك", "س")
_SUFFIXES = ("هما", "كما", "تين", "تان", "ها", "ان", "ات", "ون", "ين", "يه", "هم", "هن", "كم", "نا", "تم", "ه", "ي", "ك")


@lru_cache(maxsize=200_000)
def ar_stem(word: str) -> str:
    """A light stem: conjunction, article and one suffix stripped, keeping at least 2-3 letters."""
    if len(word) > 3 and word[0] == "و":
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    else:
        if len(word) > 4 and word[0] in "فبلك":
            word = word[1:]
    for suffix in _SUFFIXES:     # one suffix only: a second round over-stems (الولايات → ولا)
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def ar_bare(word: str) -> tuple[str, ...]:
    """Forms of a word with its proclitics (و ف ب ل ك and the article) removed, longest first;
    used for names, whose endings must not be stemmed away."""
    forms = [word]
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > 3 and rest[0] in "بلك" and not rest.startswith("ال"):
        rest = rest[1:]
        forms.append(rest)
    for article in ("ال", "ل"):
        if rest.startswith(article) and len(rest) - len(article) >= 2:
            forms.append(rest[len(article):])
            break
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=200_000)
def ar_core(word: str) -> str:
    """The light stem with verb inflection also stripped (ي/ت/ن/ا prefixes, ت/وا/ن/نا endings),
    so that ``ضربت``, ``يضرب`` and ``ضرب`` meet. Coarser than :func:`ar_stem`: use it only to
    match lexicon words, never to decide alone."""
    core = ar_stem(word)
    if len(core) > 3 and core.endswith("ا"):
        core = core[:-1]                       # accusative tanwin: ذراعاً → ذراع
    if len(core) > 3 and core[0] in "يتن" or len(core) > 4 and core[0] == "ا":
        core = core[1:]                        # (a 4-letter word's ا is a root letter: اقال is not قال)
    for suffix in ("وا", "نا", "ت", "ن"):
        if len(core) > 3 and core.endswith(suffix):
            core = core[: -len(suffix)]
            break
    return core
