"""Map mtkit's language names (``en``, ``ar``) to each model family's own codes
(data: ``mtkit/data/languages.tsv``)."""
from __future__ import annotations

import functools

from mtkit.data import table as data_table

LANGUAGES = ("en", "ar")


@functools.lru_cache(maxsize=1)
def table() -> dict[tuple[str, str], tuple[str, ...]]:
    codes: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in data_table("languages.tsv"):
        codes[(row["family"], row["language"])] = tuple(row["codes"].split())
    return codes


def codes(family: str, lang: str) -> tuple[str, ...]:
    """Candidate codes for a language in a family (empty when the family needs none)."""
    return table().get((family, lang), ())


def family_of(tokenizer) -> str:
    """The model family, from the tokenizer's class (NLLB shares M2M100's architecture)."""
    name = type(tokenizer).__name__.lower()
    for family in ("nllb", "m2m100", "mbart", "marian"):
        if family in name:
            return family
    return "other"
