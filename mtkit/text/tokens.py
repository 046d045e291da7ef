"""Tokens with spans into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from mtkit.text.arabic import ALL_LETTERS, BLOCK
from mtkit.text.normalize import NormText

# Numbers (with inner separators), Arabic words, other words (with inner apostrophes), or single
# punctuation marks. A change of script ends a word: "الـceasefire" is الـ + ceasefire.
_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)*|[{ALL_LETTERS}]+|[^\W\d_{BLOCK}]+(?:'[^\W\d_{BLOCK}]+)*|[^\w\s]")


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
