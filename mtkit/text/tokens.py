"""Tokens with spans into the original text."""
from __future__ import annotations

import re
from typing import NamedTuple

from mtkit.text.arabic import ALL_LETTERS, BLOCK
from mtkit.text.normalize import NormText

# Numbers (with inner separators), Arabic words, other words (with inner apostrophes), or single
# punctuation marks. A change of script ends a word: "الـceasefire" is الـ + ceasefire.
_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)*|[{ALL_LETTERS}]+|[^\W\d_{BLOCK}]+(?:'[^\W\d_{BLOCK}]+)*|[^\w\s]")


# A named tuple, not a dataclass: one is made for every token of every segment, and a tuple is
# built several times faster than a frozen dataclass.
class Token(NamedTuple):
    norm: str          # normalized form
    start: int         # span in the original text
    end: int
    nstart: int        # span in the normalized text
    nend: int

    @property
    def is_word(self) -> bool:
        return self.norm[0].isalnum()


def words_of(tokens: list[Token]) -> list[Token]:
    """The tokens that are words (:attr:`Token.is_word`), in order: the test inline, since it is asked of
    every token of every pair."""
    return [t for t in tokens if t.norm[0].isalnum()]


def tokenize(nt: NormText) -> list[Token]:
    index = nt.index        # (tokens are never empty: their span is index[start] … index[end - 1] + 1)
    new = tuple.__new__     # (Token's own __new__ is a Python function: this skips one call per token)
    return [new(Token, (m.group(), index[start], index[end - 1] + 1, start, end))
            for m in _TOKEN.finditer(nt.text) for start, end in [m.span()]]     # (one span call, not four)
