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


@lru_cache(maxsize=100_000)
def en_lemmas(word: str) -> frozenset[str]:
    """The lower-case word, the owner of a possessive (minister's → minister) and every lemma
    lemminflect knows for the word (lower case)."""
    word = word.lower()
    forms = {word}
    if word.endswith("'s"):
        forms.add(word[:-2])
    for lemmas in all_lemmas(word).values():
        forms.update(lemmas)           # (in lower case: the word is)
    return frozenset(forms)


# Derivational suffixes, longest first: (suffix, what replaces it). A derived word meets its base
# (usage, user, using → use; approval, approved → approve; treatment → treat; closely → close), so a
# dictionary that gives one form renders the others. Only a base lemminflect knows as a word counts
# (organization → organize, never organiz), and prefixes are left alone (un-, in- change the meaning).
_DERIVATIONS: tuple[tuple[str, str], ...] = (
    ("ization", "ize"), ("isation", "ise"), ("ication", "y"), ("ation", "ate"), ("ation", "e"), ("ation", ""),
    ("ility", "le"), ("ivity", "ive"), ("iness", "y"), ("ement", "e"), ("ment", ""), ("ness", ""),
    ("ance", ""), ("ance", "e"), ("ence", ""), ("ence", "e"), ("ion", "e"), ("ion", ""), ("ity", "e"), ("ity", ""),
    ("ive", "e"), ("ive", ""), ("age", "e"), ("age", ""), ("ier", "y"), ("ily", "y"), ("er", "e"), ("er", ""),
    ("or", "e"), ("or", ""), ("ee", ""), ("ional", "ion"), ("ical", "ic"), ("ical", "y"), ("ural", "ure"),
    ("val", "ve"), ("sal", "se"), ("ial", "y"), ("ly", ""))
# (_DERIVATIONS by the suffix's last letter, in their order: a word is tried only with suffixes it may end with)
_BY_LAST_LETTER: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(d for d in _DERIVATIONS if d[0].endswith(last)) for last in {suffix[-1] for suffix, _ in _DERIVATIONS}}
# letters a word keeps without its suffix (station is no st-ate), two where a silent e comes back (us-age)
MIN_STEM, MIN_STEM_E = 3, 2
# Only a word at least this common derives (Zipf, wordfreq): dictionaries list rare senses (stater, a
# coin, is no state-er), and a rare form read as a derivation is mostly chance
DERIVE_ZIPF = 3.0
_AGENTS = frozenset({"er", "or", "ee"})     # agent nouns come from verbs (user, employee; corner is no corn-er)


@lru_cache(maxsize=100_000)
def derived_bases(word: str) -> frozenset[str]:
    """The lower-case word, its lemmas, and the words it derives from by a suffix (two steps at most:
    organizational → organization → organize), with their lemmas."""
    word = word.lower()
    out = set(en_lemmas(word))
    frontier = [form for form in out if _one_step(form)]
    if frontier:
        from mtkit.text.lexicon import zipf     # (only for a word with a suffix: most words have none)
        frontier = [form for form in frontier if zipf(form, "en") >= DERIVE_ZIPF]
    for _ in range(2):
        found = {base for form in frontier for base in _one_step(form)} - out
        out |= found
        frontier = sorted(found)
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _one_step(form: str) -> frozenset[str]:
    """The words ``form`` derives from by one suffix of _DERIVATIONS, with their lemmas."""
    found: set[str] = set()
    for suffix, repl in _BY_LAST_LETTER.get(form[-1:], ()):
        if form.endswith(suffix) and len(form) - len(suffix) >= (MIN_STEM_E if repl == "e" else MIN_STEM):
            base = form[: -len(suffix)] + repl
            entry = _table().get(base)
            if entry and base != form and (suffix not in _AGENTS or "VERB:" in entry):
                found.add(base)
                found.update(en_lemmas(base))
    return frozenset(found)

