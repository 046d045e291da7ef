"""Normalization for matching, with a map back to the original text.

Normalized text is only ever compared, never shown: every normalized character remembers the
index of the original character it came from, so a match found in normalized text becomes a
span into the original with :meth:`NormText.span`.
"""
from __future__ import annotations

import unicodedata
from itertools import compress
from dataclasses import dataclass
from functools import lru_cache

from mtkit.model import Span

# Characters dropped entirely: Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef),
# Quranic marks, tatweel, and invisible bidi/format controls.
_DROP = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | \
    set(range(0x06D6, 0x06EE)) | {0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x00AD} | \
    set(range(0x202A, 0x202F)) | set(range(0x2060, 0x2065)) | set(range(0x2066, 0x206A)) | {0x180E}

_MAP = {
    # alef and hamza carriers
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك",
    "ۀ": "ه", "ہ": "ه", "ۃ": "ه",             # Persian/Urdu forms of heh and ta marbuta
    # digits and separators
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    "٫": ".", "٬": ",", "،": ",", "؛": ";", "؟": "?", "٪": "%",
    # quotes, apostrophes, dashes
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'",
    "ʼ": "'", "ʻ": "'", "´": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u3000": " ", **{chr(c): " " for c in range(0x2000, 0x200B)},
}


@lru_cache(maxsize=4096)
def _norm_char(ch: str) -> str:
    code = ord(ch)
    if code in _DROP:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if 0xFB00 <= code <= 0xFEFC:          # Latin ligatures and Arabic presentation forms
        compat = unicodedata.normalize("NFKC", ch)
        if compat != ch:                  # (variation selectors and a few others have no other form)
            return "".join(_norm_char(c) for c in compat)
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed != ch:                  # é → e, so precomposed and combining input agree
        return "".join(_norm_char(c) for c in decomposed)
    if ch.isupper():
        return ch.lower()
    if unicodedata.category(ch) == "Mn":  # combining marks: accents, variation selectors
        return ""
    return ch


@dataclass(frozen=True)
class NormText:
    original: str
    text: str
    index: tuple[int, ...]   # index[i] = original index of normalized char i; index[len] = len(original)

    def span(self, start: int, end: int) -> Span:
        """Map a normalized ``[start, end)`` range to the original text."""
        if end <= start:
            pos = self.index[start]
            return Span(pos, pos)
        return Span(self.index[start], self.index[end - 1] + 1)


def normalize(text: str) -> NormText:
    """Normalize Arabic and English for matching (see module doc)."""
    normalized = text.translate(_TABLE)
    lengths = list(map(len, map(_TABLE.__getitem__, map(ord, text))))
    if len(normalized) == len(text) and 0 not in lengths:
        return NormText(text, normalized, tuple(range(len(text) + 1)))   # one char for one: identity map
    if max(lengths) <= 1:     # characters only dropped (diacritics, tatweel): keep the others' indices
        return NormText(text, normalized, (*compress(range(len(text)), lengths), len(text)))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        mapped = _TABLE[ord(ch)]
        out.append(mapped)
        index.extend([i] * len(mapped))
    index.append(len(text))
    return NormText(text, "".join(out), tuple(index))


class _NormTable(dict):
    """A ``str.translate`` table that learns each character's normalization once."""

    def __missing__(self, code: int) -> str:
        self[code] = _norm_char(chr(code))
        return self[code]


_TABLE = _NormTable()


def norm(text: str) -> str:
    """Normalized string only (no offset map), for lexicon entries, keys and features."""
    return text.translate(_TABLE)


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x0250
