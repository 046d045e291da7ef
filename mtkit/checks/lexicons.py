"""Lexicons two check modules share (so neither imports the other): titles and office words,
the endings of scientific names, and the news-domain term list (``terms.tsv``) with how its terms are found in a segment and when
one is rendered by a known bad form. ``terminology.domain`` reports the terms, ``entity.translated``
the rows that are company and institution names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from mtkit.cache import compiled
from mtkit.checks import Finding
from mtkit.checks.analysis import AnalyzedSegment, is_possessive
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.dictionary import ar_key, bilingual
from mtkit.text.lemmas import all_lemmas
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm


@dataclass(frozen=True)
class DomainTerm:
    en: tuple[tuple[str, ...], ...]
    capitals: tuple[tuple[int, ...], ...]      # per alternative, each word's case (see en_capitals)
    good: tuple[tuple[str, ...], ...]
    bad: tuple[tuple[str, ...], ...]
    severity: str
    note: str
    is_name: bool = False      # a company or place name, not a term: reported as entity.translated


@lru_cache(maxsize=1)
def taxon_suffixes() -> tuple[str, ...]:
    """Endings of scientific names above the genus (``taxon_suffixes.en.txt``): -viridae, -ales."""
    return tuple(row["suffix"] for row in table("taxon_suffixes.en.txt"))


@lru_cache(maxsize=1)
def derived_suffixes() -> tuple[str, ...]:
    """Endings of derived English common words (``derived_suffixes.en.txt``): -logy, -phobia, -able."""
    return tuple(row["suffix"] for row in table("derived_suffixes.en.txt"))


# A capitalised word at least this long with a derived ending is a term, not a name.
DERIVED_LENGTH = 10


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles and office words (``titles.en.txt``): "President", "Secretary"."""
    return frozenset(row["word"].lower() for row in table("titles.en.txt"))


def _names_a_company(first_form: str) -> bool:
    """A row whose main English form is capitalized and starts with no title or office word
    ("General Motors", "Target Corp", "Wall Street"; not "Secretary of State", "Speaker")."""
    return first_form[:1].isupper() and first_form.split()[0].lower() not in titles()


def en_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _split(text))


# How the English must write a term's word: as it likes; with its capital ("the House" is no house,
# "The Journal" no journal); as an acronym (WHO is neither "who" nor a sentence's "Who")
ANY_CASE, CAPITAL, IN_CAPITALS = 0, 1, 2


def en_capitals(text: str) -> tuple[int, ...]:
    """For each word of a term, how the English must write it: an acronym in capitals, a capitalised
    word after the first with its capital."""
    return tuple(IN_CAPITALS if w.isupper() and len(w) >= 2 else CAPITAL if k > 0 and w[:1].isupper() else ANY_CASE
                 for k, w in enumerate(_split(text)))


def _written(token: str, case: int) -> bool:
    """Whether a word is written as a term's word must be (see en_capitals)."""
    if case == IN_CAPITALS:
        # (written like a word, Nato or Covid, it is the acronym where English has no such word: not Who, Aids)
        return token.isupper() or token[:1].isupper() and not all_lemmas(token)
    return case == ANY_CASE or token[:1].isupper()


def _split(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.replace("’", "'")) if w]


@lru_cache(maxsize=1)
def _compiled_terms() -> tuple[tuple[DomainTerm, ...], dict[str, list[tuple[DomainTerm, tuple[str, ...], tuple[int, ...]]]]]:
    """The rows of ``terms.tsv`` and their index, compiled together (so the index holds the same
    term objects) and kept in mtkit's cache between runs."""
    return compiled("terms", _compile_terms)


def domain_terms() -> tuple[DomainTerm, ...]:
    return _compiled_terms()[0]


def _term_index() -> dict[str, list[tuple[DomainTerm, tuple[str, ...], tuple[int, ...]]]]:
    """Each English alternative of each term, by its rarest word: a segment looks up its own
    lemmas, so frequent words ("state", "the") pull in no candidates."""
    return _compiled_terms()[1]


def _compile_terms() -> tuple[tuple[DomainTerm, ...], dict[str, list[tuple[DomainTerm, tuple[str, ...], tuple[int, ...]]]]]:
    terms = [DomainTerm(tuple(en_words(a) for a in row["en"]), tuple(en_capitals(a) for a in row["en"]),
                        tuple(tuple(norm(a).split()) for a in row["good_ar"]),
                        tuple(tuple(norm(a).split()) for a in row["bad_ar"]),
                        row["severity"], row["note"], _names_a_company(row["en"][0]))
             for row in table("terms.tsv")]
    index: dict[str, list[tuple[DomainTerm, tuple[str, ...], tuple[int, ...]]]] = {}
    for term in terms:
        for words, capitals in zip(term.en, term.capitals):
            content = [w for w in words if w not in ("the", "one's")]
            if content:
                index.setdefault(min(content, key=lambda w: zipf(w, "en")), []).append((term, words, capitals))
    return tuple(terms), index


def _found_terms(seg: AnalyzedSegment) -> list[tuple[DomainTerm, Span]]:
    """The terms present in the English, each with the span of its first occurrence, the longest
    where two alternatives start there (computed once per segment for the term and the name
    checks; the same whatever order the lemmas come in)."""
    def compute() -> list[tuple[DomainTerm, Span]]:
        index = _term_index()
        found: dict[int, tuple[DomainTerm, Span]] = {}
        for lemma in seg.src_lemma_set:
            for term, words, capitals in index.get(lemma, ()):
                span = find_en_term(seg, words, capitals)
                if span and (id(term) not in found or (span.start, -span.end) < (found[id(term)][1].start,
                                                                                 -found[id(term)][1].end)):
                    found[id(term)] = (term, span)
        return sorted(found.values(), key=lambda ts: (ts[1].start, ts[0].en))
    return seg.memo("terms", compute)


def find_en_term(seg: AnalyzedSegment, words: tuple[str, ...], capitals: tuple[int, ...] = ()) -> Optional[Span]:
    """An English term (lemma match per word; 'the' must be literal; the words of ``capitals``
    written as en_capitals says) as an original span: its first occurrence."""
    return next(find_en_terms(seg, words, capitals), None)


def find_en_terms(seg: AnalyzedSegment, words: tuple[str, ...], capitals: tuple[int, ...] = ()) -> Iterator[Span]:
    """Every occurrence of an English term (see find_en_term), in order."""
    if not all(w in seg.src_lemma_set for w in words if w != "one's"):
        return
    toks, lemmas = seg.src_words, seg.src_lemmas
    n = len(words)
    for i in range(len(toks) - n + 1):
        # a base-form term word matches its inflections ("bill" ~ "bills"); an inflected one
        # only itself ("justices" must not match "Justice Department")
        if all(_word_matches(toks[i + k].norm, lemmas[i + k], w) for k, w in enumerate(words)) and \
                all(_written(seg.src[toks[i + k].start:toks[i + k].end], case) for k, case in enumerate(capitals)):
            if (words[0] == "the" or n > 1 or any(capitals) or not _capitalized_name(seg, i)) \
                    and not _longer_name(seg, i + n - 1):
                yield Span(toks[i].start, toks[i + n - 1].end)


def _word_matches(token: str, lemmas: frozenset[str], word: str) -> bool:
    if word == "the":
        return token == "the"
    if word == "one's":                       # a possessive: "Trump's attorney general" (the US office)
        return is_possessive(token)
    return word in lemmas


def _longer_name(seg: AnalyzedSegment, last: int) -> bool:
    """A capitalised match followed by "of" and a capitalised word heads a longer name: "The Journal
    of Travel Medicine" is not the Journal, "Bank of Canada" not a bank."""
    toks = seg.src_words
    return last + 2 < len(toks) and seg.src[toks[last].start].isupper() and toks[last + 1].norm == "of" \
        and seg.src[toks[last + 2].start].isupper()


def _capitalized_name(seg: AnalyzedSegment, i: int) -> bool:
    """A capitalized word in mid-sentence is a name (Bill Barr), not the common noun (a bill)."""
    tok = seg.src_words[i]
    return seg.src[tok.start].isupper() and not seg.is_sentence_initial(tok)


def _renders_other(seg: AnalyzedSegment, term: DomainTerm, hit: tuple[int, int]) -> bool:
    """Whether the bad form's words translate another English word of the pair (الضغط for the
    "selection pressure" beside "virus strains"): then they render that word, not the term."""
    lex = bilingual()
    if lex is None:
        return False
    own = {w for alt in term.en for w in alt}
    keys = {ar_key(seg.tgt_words[k].norm) for k in range(hit[0], hit[1] + 1)}
    return any(keys <= lex.ar_stems(form) for forms in seg.src_lemmas for form in forms if form not in own)


def misrendered(seg: AnalyzedSegment, names: bool) -> Iterator[Finding]:
    """Findings for ``terms.tsv`` rows present in the English and rendered by a bad form; ``names``
    picks the rows that are names (for entity.translated) or the others (terminology.domain)."""
    for term, src_span in _found_terms(seg):
        if term.is_name != names:
            continue
        hit = next((h for b in term.bad if (h := seg.find_tgt_phrase(list(b)))
                    and not _renders_other(seg, term, h)), None)
        if hit is None:
            continue            # (a good rendering elsewhere does not excuse a bad one: measured on
                                # three labeled sets, it only ever hid true errors)
        first, last = seg.tgt_words[hit[0]], seg.tgt_words[hit[1]]
        tgt_text = seg.tgt[first.start:last.end]
        src_text = seg.src[src_span.start:src_span.end]
        yield Finding(term.severity,
                      f"'{src_text}' rendered as '{tgt_text}'" + (f": {term.note}" if term.note else "."),
                      src_span=src_span, tgt_span=Span(first.start, last.end),
                      suggestion=" ".join(term.good[0]) if term.good else "", confidence=0.75)
