"""Word frequencies (the ``wordfreq`` package, which ships its data): is a string an Arabic or
English word that people write? Used to find glued and split words."""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "ar") -> float:
    """Zipf frequency: 0 for unseen strings, about 3 for a word seen once per million words."""
    return zipf_frequency(word, lang)
