"""Is a token a known Arabic word, possibly inflected? hunspell-ar's stems (read at run time
from the Debian package ``hunspell-ar`` when it is installed; GPL, never vendored) and wordfreq's
frequencies, reached through the light morphology of :func:`mtkit.text.arabic.stem_candidates`.

Without hunspell-ar the answer rests on wordfreq alone (fewer rare words are known).
``MTKIT_HUNSPELL_DIR`` points at another directory holding ``ar.dic`` (tests use it).
"""
from __future__ import annotations

import os
from collections.abc import Container
from functools import cache
from pathlib import Path

from mtkit.cache import compiled_table
from mtkit.text.arabic import stem_candidates
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm

DEFAULT_DIR = "/usr/share/hunspell"
# A stem wordfreq has seen this often is a word (جينوم 2.4, مشيمة 2.1); glued pairs are unseen (0).
KNOWN_STEM = 2.0


def _dic_path() -> Path:
    return Path(os.environ.get("MTKIT_HUNSPELL_DIR") or DEFAULT_DIR) / "ar.dic"


def _read_stems(path: Path) -> dict[str, str]:
    """The headwords of a hunspell .dic (``word/FLAGS``; the first line is a count), normalized
    (the keys of a table: see hunspell_stems)."""
    stems = {}
    with open(path, encoding="utf-8", errors="replace") as stream:
        next(stream, None)
        for line in stream:
            word = line.split("/", 1)[0].strip()
            if len(word) >= 3 and word.isalpha():
                stems[norm(word)] = ""
    return stems


@cache
def hunspell_stems() -> Container[str]:
    """hunspell-ar's stems (a table searched in place: a run asks about a few hundred of them),
    or an empty set when it is not installed."""
    path = _dic_path()
    if not path.is_file():
        return frozenset()
    return compiled_table("hunspell-ar", lambda: _read_stems(path), files=[path])


def hunspell_stems_of(word: str) -> list[str]:
    """The stems of an Arabic word (diacritics removed), under light inflection, that hunspell-ar has."""
    stems = hunspell_stems()
    return sorted(stem for stem in stem_candidates(word) if norm(stem) in stems)


def in_hunspell(word: str) -> bool:
    """An Arabic word (diacritics removed) whose stem, under light inflection, is hunspell-ar's."""
    return bool(hunspell_stems_of(word))


def frequent_stems(word: str) -> list[str]:
    """The word's stems under light inflection that wordfreq has seen as words (at least 4
    letters). Web text has some glued pairs too (إذاكان): callers that hunt glued words test these."""
    return sorted(stem for stem in stem_candidates(word) if len(stem) >= 4 and zipf(stem) >= KNOWN_STEM)
