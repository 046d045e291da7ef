"""Word frequencies (the ``wordfreq`` package, which ships its data): is a string an Arabic or
English word that people write? Used to find glued and split words."""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency

from mtkit.text.arabic import LETTERS, TATWEEL

# A string of these letters only is one token to wordfreq, unchanged by its preprocessing (no marks,
# tatweel, digits or capitals), so it is looked up as it is: unseen strings (most of the cuts and
# joins spacing tries) need not go through wordfreq's tokenizer.
_ONE_TOKEN = {"ar": re.compile(f"(?!.*{TATWEEL})[{LETTERS}]+"), "en": re.compile("[a-z]+")}


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "ar") -> float:
    """Zipf frequency: 0 for unseen strings, about 3 for a word seen once per million words."""
    one_token = _ONE_TOKEN.get(lang)
    if one_token is not None and one_token.fullmatch(word) and word not in get_frequency_dict(lang):
        return _UNSEEN
    return zipf_frequency(word, lang)


_UNSEEN = zipf_frequency("", "en")      # what wordfreq gives a string it has never seen
