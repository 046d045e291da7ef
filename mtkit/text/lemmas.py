"""English lemmas: lemminflect's ``getAllLemmas(word)`` without loading lemminflect on every start.

lemminflect reads its 80,000-word lookup table from a gzipped CSV on first use (about half a
second). mtkit compiles the same answers once into its cache (mtkit/cache.py, keyed to the
installed lemminflect) as one string per word in a table searched in place (mtkit/table.py),
read and parsed only for the words a run looks up.
tests/test_lemmas.py checks the answers against lemminflect's.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache


def _compile() -> dict[str, str]:
    """Every lower-case word lemminflect knows → ``UPOS:lemma,lemma;UPOS:lemma`` (its overrides
    applied, as ``getAllLemmas`` applies them)."""
    from lemminflect import Lemmatizer
    lemmatizer = Lemmatizer()
    table, overrides = lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()
    out = {}
    for word in sorted(set(table) | set(overrides)):
        if word != word.lower():
            continue                        # getAllLemmas looks words up in lower case only
        lemmas = dict(table.get(word, {}))
        lemmas.update(overrides.get(word, {}))
        out[word] = ";".join(f"{upos}:{','.join(form.lower() for form in forms)}" for upos, forms in lemmas.items())
    return out


@lru_cache(maxsize=1)
def _table() -> Mapping[str, str]:
    from mtkit.cache import compiled_table
    return compiled_table("lemmas", _compile, libraries=("lemminflect",))


@lru_cache(maxsize=100_000)
def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's ``getAllLemmas(word)``: part of speech → lemmas, in the word's capitals."""
    entry = _table().get(word.lower())
    if not entry:
        return {}
    style = str.upper if word.isupper() else str.capitalize if word[:1].isupper() else str.lower
    out = {}
    for part in entry.split(";"):
        upos, forms = part.split(":", 1)
        out[upos] = tuple(style(form) for form in forms.split(","))
    return out
