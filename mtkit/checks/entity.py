"""Names must survive: transliterated, kept in Latin script, or rendered by a known equivalent.

Data: ``entities.tsv`` (known Arabic forms), ``name_traps.tsv`` (names that are also common
words: Musk/مسك, Gates/بوابات), ``entity_heads.tsv``. Unknown names are matched across scripts by
consonant skeleton (``mtkit.text.translit``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterator, Optional

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.document import name_key
from mtkit.checks.lexicons import DERIVED_LENGTH, derived_suffixes, misrendered, taxon_suffixes, titles
from mtkit.checks.number import month_names
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.normalize import norm, normalize
from mtkit.text.lemmas import all_lemmas
from mtkit.text.lexicon import zipf
from mtkit.text.arabic import CONJUNCTIONS, PARTICLES, PREPOSITIONS, ar_bare, ar_core, ar_stem, has_article, strip_article
from mtkit.text.spelling import frequent_stems, in_hunspell
from mtkit.text.tokens import tokenize
from mtkit.text import bama
from mtkit.text.dictionary import bilingual
from mtkit.text.translit import ar_forms, ar_skeleton, en_skeleton, en_skeletons, names_match, skeletons_match

@dataclass(frozen=True)
class Entity:
    en: tuple[str, ...]
    ar: tuple[tuple[str, ...], ...]      # normalized word sequences
    kind: str

    @cached_property
    def pattern(self) -> re.Pattern:
        """Compiled on first use: a run searches only the entities its segments mention, and
        compiling all thousand at start-up would cost a short audit a quarter of a second."""
        names = "|".join(re.escape(n) for n in sorted(self.en, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{names})(?!\w)")


@lru_cache(maxsize=1)
def entities() -> tuple[Entity, ...]:
    return tuple(Entity(tuple(row["en"]), tuple(tuple(norm(a).split()) for a in row["ar"]), row["kind"])
                 for row in table("entities.tsv"))


@lru_cache(maxsize=1)
def _heads() -> dict[str, tuple[str, ...]]:
    return {row["kind"]: tuple(norm(h) for h in row["heads"]) for row in table("entity_heads.tsv")}


@lru_cache(maxsize=1)
def traps() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {row["name"]: (tuple(norm(a) for a in row["trap_ar"]), tuple(norm(a) for a in row["correct_ar"]))
            for row in table("name_traps.tsv")}


# a name glued to a particle (فيمصر) or a proclitic (وواشنطن) is there (spacing reports a glued particle)
_GLUED_HEADS = PARTICLES | frozenset(CONJUNCTIONS + PREPOSITIONS)
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يتين", "يتان")
_NISBA = re.compile(r"(?:يين|يون|يه|يا|ي|ا|ه)$")


def nisba_root(word: str) -> str:
    """``أمريكا``, ``الأمريكية``, ``أمريكيون`` → ``امريك``: a place and its adjective meet."""
    return _NISBA.sub("", strip_article(word))


def _ar_has(seg: AnalyzedSegment, forms: tuple[tuple[str, ...], ...], kind: str = "", name: str = "") -> bool:
    """Whether the Arabic renders a name by one of its known forms: as a phrase (clitics and the
    article allowed on each word), as a substring of the normalized text (survives glued words),
    or, for several-word forms, with all its word stems present in any order."""
    if name and name.lower() in seg.tgt_norm.text:
        return True                                     # kept in Latin script
    if kind in ("place", "org") and not _adjective_in_english(seg, name):
        # an adjective from the name stands for it: أمريكا → الأمريكية, الأمم المتحدة → الأممي
        roots = {nisba_root(w[0]) for w in forms if w and len(nisba_root(w[0])) >= 3 and (len(w) == 1 or kind == "org")}
        roots |= {nisba_root(x) for w in forms for x in w[1:] if len(nisba_root(x)) >= 5}   # الاتحاد الأوروبي → الأوروبي
        if any(nisba_root(b) in roots for bare in seg.tgt_bare for b in bare):
            return True
    text = seg.tgt_norm.text
    squeezed = text.replace(" ", "")
    stems = set(seg.tgt_stems) | {b for bare in seg.tgt_bare for b in bare}
    for words in forms:
        if not words:
            continue
        if (len(words) > 1 or len(words[0]) >= 5) and " ".join(words) in text:
            return True
        if len(words) > 1 and "".join(words) in squeezed:
            return True                                 # عبد الله / عبدالله
        if len(words) > 1 and all(ar_stem(w) in stems or strip_article(w) in stems for w in words):
            return True
        if len(words) == 1 and any(words[0] in bare or strip_article(words[0]) in bare for bare in seg.tgt_bare):
            return True
        if len(words) == 1 and any(t.norm.endswith(words[0]) and t.norm[:-len(words[0])] in _GLUED_HEADS
                                   for t in seg.tgt_words):
            return True                                 # glued to a preposition: فيمصر (spacing reports it)
    return False


def _adjective_in_english(seg: AnalyzedSegment, name: str) -> bool:
    """Whether the English also has a word made from the name (Italian beside Italy, Chinese beside
    China): the Arabic adjective then renders that word, and says nothing of the name itself."""
    low = name.lower()
    if not low.isalpha() or len(low) < 4:
        return False
    stem = low[:max(4, len(low) - 2)]
    return any(t.norm.startswith(stem) and t.norm.removesuffix("'s") != low for t in seg.src_words)


def _translit_hits(seg: AnalyzedSegment, name: str, lenient: bool = False, every_reading: bool = False) -> list[int]:
    """Arabic word indices that transliterate an English name (or keep it in Latin script);
    ``lenient`` also accepts a one-class skeleton (Ana آنا, Faye فاي), ``every_reading`` every
    reading of the English letters (zh as ج too): enough to excuse a name, too weak to accuse one."""
    skeleton = en_skeleton(name)
    readings = en_skeletons(name) if every_reading else ()     # Shenzhen: zh read as ج too (شنجن)
    low = name.lower().replace("’", "'").removesuffix("'s")
    hits = []
    for k, tok in enumerate(seg.tgt_words):
        if any(names_match(readings, form) for form in seg.tgt_bare[k]):
            hits.append(k)
            continue
        forms = [ar_skeleton(form) for form in seg.tgt_bare[k]]
        if lenient and k + 1 < len(seg.tgt_words):      # أبو العلا for Aboulela: two Arabic words
            forms.append(ar_skeleton(seg.tgt_bare[k][-1] + seg.tgt_bare[k + 1][0]))
        if tok.norm.removesuffix("'s") == low or any(skeletons_match(skeleton, f) for f in forms) or \
                (lenient and skeleton and any(f == skeleton or f.startswith(skeleton) or
                                              (len(f) >= 2 and skeleton.startswith(f)) for f in forms)):
            hits.append(k)
    return hits


def _src_names(seg: AnalyzedSegment) -> list[list]:
    """Runs of capitalized English words (a name of one or more words), sentence-initial ones
    only when the run continues ("Elon Musk said" yes, "The pair" no)."""
    runs: list[list] = []
    prev_index = -2
    for i, tok in seg.src_capitalized():
        prev = runs[-1][-1] if runs else None
        # a name continues over spaces only: not over a comma ("Eni, BP"), nor after a possessive
        # ("Nigeria's Super Eagles")
        if prev is not None and i == prev_index + 1 and not seg.src[prev.end:tok.start].strip() \
                and not prev.norm.endswith("'s"):
            runs[-1].append(tok)
        else:
            runs.append([tok])
        prev_index = i
    out = []
    for run in runs:
        if seg.is_sentence_initial(run[0]) and len(run) == 1 and run[0].norm.removesuffix("'s") not in traps():
            continue                      # "The", "But"; a known trap name ("Shell said…") stays
        out.append(run)
    return out


@lru_cache(maxsize=1)
def _entity_index() -> dict[str, list[Entity]]:
    """Entities by the first word of each English name, lower-cased."""
    index: dict[str, list[Entity]] = {}
    for entity in entities():
        for name in entity.en:
            words = tokenize(normalize(name))
            if words and entity not in index.setdefault(words[0].norm, []):
                index[words[0].norm].append(entity)
    return index


@lru_cache(maxsize=1)
def _names_index() -> dict[str, tuple[tuple[str, Entity], ...]]:
    """``_entity_index`` with each entity's names spelled out, (name, entity) in the same order: a
    segment tests the names in one loop, not one ``any`` per entity."""
    return {key: tuple((name, e) for e in listed for name in e.en) for key, listed in _entity_index().items()}


def _entity_matches(seg: AnalyzedSegment) -> list[tuple[Entity, re.Match]]:
    """Known entities in the English, longest first, overlapping shorter ones dropped
    ("United Nations Security Council" is one name, not also "United Nations"); found once per
    segment for the three checks that ask."""
    return seg.memo("entity_matches", lambda: _find_entities(seg))


def _find_entities(seg: AnalyzedSegment) -> list[tuple[Entity, re.Match]]:
    index = _names_index()
    # a name is a literal: a quick substring test spares most regex searches. The entities with a
    # name in the English, each where its first key lists it (a key lists all of an entity's names)
    src = seg.src
    candidates: dict[int, Entity] = {}
    for key in dict.fromkeys(tok.norm.removesuffix("'s") for tok in seg.src_tokens):    # (each word once)
        for name, entity in index.get(key, ()):
            if name in src:
                candidates.setdefault(id(entity), entity)
    found = [(e, m) for e in candidates.values() for m in [e.pattern.search(src)] if m]
    found.sort(key=lambda em: em[1].start() - em[1].end())
    kept: list[tuple[Entity, re.Match]] = []
    for entity, match in found:
        if not any(match.start() < m.end() and m.start() < match.end() for _, m in kept):
            kept.append((entity, match))
    return kept


def known_name_spans(seg: AnalyzedSegment) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for _, m in _entity_matches(seg)]


@check("entity.missing", category="entity", doc=Doc(
    why="News names have fixed Arabic forms; when none appears, the name was dropped or replaced by a generic noun "
        "and the attribution is lost.",
    flagged=("The Associated Press said the storm had killed at least four people.",
             "قالت وكالة الأنباء إن العاصفة أودت بحياة أربعة أشخاص على الأقل."),
    passed=("The Associated Press said the storm had killed at least four people.",
            "قالت وكالة أسوشيتد برس إن العاصفة أودت بحياة أربعة أشخاص على الأقل.")))
def entity_missing(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A known name (agency, paper, institution, person, place) has no accepted Arabic form."""
    # (found once per pair: omission.clause_words asks again for the names missing from a short pair)
    yield from seg.memo("entity.missing.findings", lambda: list(_missing_entities(seg)))


def _missing_entities(seg: AnalyzedSegment) -> Iterator[Finding]:
    if not seg.tgt.strip():
        return
    for entity, match in _entity_matches(seg):
        name = match.group()
        if " " not in name and match.start() in seg.src_sentence_starts and \
                (name.lower() in _COMMON or seg.document.lower_case(name)):
            continue                                    # a common word that starts the sentence
        if _ar_has(seg, entity.ar, entity.kind, name) or \
                (entity.kind == "person" and _translit_hits(seg, name.split()[-1])):
            continue
        if _words_transliterated(seg, name, entity.kind):
            continue
        if _spelled_in_document(seg, name):
            continue                                    # the article's own spelling of it
        if _translated_name(seg, name):
            continue                                    # rendered by meaning: جريدة جنوب الصين الصباحية
        if name.isupper() and (spelled_letters(seg, name) or zipf(name.lower(), "en") >= 4.0):
            continue                                    # CDC → سي دي سي; DATE/TIME is no name
        acronym = name.replace(".", "").isupper()
        tgt_span = _dangling_head(seg, entity.kind)
        yield Finding("major",
                      f"The name '{name}' is not in the Arabic (expected e.g. '{' '.join(entity.ar[0])}').",
                      src_span=Span(match.start(), match.end()), tgt_span=tgt_span,
                      # an acronym is often spelled out in a way no list foresees (NBA → الاتحاد الوطني لكرة السلة)
                      # (an Arabic much shorter than the English: the name may have gone with a whole clause)
                      suggestion=" ".join(entity.ar[0]),
                      confidence=0.5 if acronym else 0.45 if seg.lost_a_clause else 0.75)


def _words_transliterated(seg: AnalyzedSegment, name: str, kind: str) -> bool:
    """Whether the Arabic transliterates the name word by word: one word of a person's name is
    enough (the surname alone is usual), but every word of a place or an institution that is no
    English word must be there (Hong Kong is not هونغ alone, nor San Francisco سان alone); an
    agency's or paper's name of several words is never excused so."""
    words = [w for w in name.split() if w[0].isupper() and w.lower() != "the"]
    if kind in ("agency", "media") and " " in name:
        return False
    adjective = len(words) == 1 and _adjective_in_english(seg, name)
    # (beside Italian, الإيطالية renders the adjective, not Italy; nor does a word that translates
    # another English word of the pair, ثانوي "secondary", render Tunisia)
    found = [{k for k in _translit_hits(seg, w, every_reading=True)
              if not (adjective and seg.tgt_bare[k][-1].endswith(_NISBA_ENDINGS))
              and not _translates_other(seg, k, *words)} for w in words]
    if kind == "person" or len(words) < 2:
        return any(found)
    foreign = [hits for w, hits in zip(words, found) if not all_lemmas(w.lower())]
    # each foreign word by an Arabic word of its own (كونغ alone is not Hong Kong)
    return any(found) and all(foreign) and len(set().union(*foreign)) >= len(foreign)


@lru_cache(maxsize=1)
def letter_names() -> dict[str, tuple[str, ...]]:
    return {row["letter"]: tuple(norm(f) for f in row["names"]) for row in table("letters.tsv")}


def spelled_letters(seg: AnalyzedSegment, acronym: str) -> bool:
    """An acronym written as the Arabic names of its letters (CDC → سي دي سي)."""
    names = letter_names()
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not letters or any(c not in names for c in letters):
        return False
    words = [t.norm for t in seg.tgt_words]
    for k in range(len(words) - len(letters) + 1):
        if all(any(ar_bare(words[k + i])[-1] == f or words[k + i] == f for f in names[c]) for i, c in enumerate(letters)):
            return True
    return False


_COMMON = frozenset({"apple", "amazon", "shell", "target", "gap", "visa", "oracle", "meta", "x", "may", "china"})


def _dangling_head(seg: AnalyzedSegment, kind: str) -> Optional[Span]:
    """The generic head noun ("وكالة", "صحيفة") left where the name should be, with the next word."""
    heads = _heads().get(kind, ())
    for k, bare in enumerate(seg.tgt_bare):
        if any(b in heads for b in bare):
            last = seg.tgt_words[min(k + 1, len(seg.tgt_words) - 1)]
            return Span(seg.tgt_words[k].start, last.end)
    return None


_DEMONYM = re.compile(r"(?:ese|ian|an|ish|ic|i)$")

# A capitalized English word this frequent (Zipf, wordfreq) is also a common word: Gates, Chase, Shell.
COMMON_WORD = 2.5


@check("entity.common_noun", category="entity", doc=Doc(
    why="Names that are also English words (Musk, Gates, Shell) are translated as the word by weak MT, and the "
        "person or company disappears from the story.",
    flagged=("Elon Musk said Tesla would cut prices.", "قال إيلون المسك إن تسلا ستخفض الأسعار."),
    passed=("Elon Musk said Tesla would cut prices.", "قال إيلون ماسك إن تسلا ستخفض الأسعار.")))
def entity_common_noun(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A name translated as the common word it resembles (Musk → المسك, Gates → البوابات)."""
    if not seg.tgt.strip():
        return
    trap_table = traps()
    known = known_name_spans(seg)
    seen: set[str] = set()
    for run in _src_names(seg):
        for tok in run:
            name = name_key(seg.src[tok.start:tok.end])
            if name in seen or name.lower() in titles():
                continue
            seen.add(name)
            if name in trap_table:
                yield from _trap_flags(seg, tok, name, trap_table[name])
            elif not any(s <= tok.start < e for s, e in known) and _looks_translated(seg, run, tok, name):
                yield Finding("major", f"The name '{name}' is neither transliterated nor kept in Latin script: "
                                       "it was probably translated as the common word or dropped.",
                              src_span=Span(tok.start, tok.start + len(name)), suggestion=name, confidence=0.6)


def _looks_translated(seg: AnalyzedSegment, run: list, tok, name: str) -> bool:
    """A capitalized common word in a person's or club's name whose other part survived in the
    Arabic: "Faith Kipyegon" → "الإيمان كيبييغون", "Crystal Palace" → "كريستال القصر". Names made of
    translatable words only (Foreign Ministry) are translated on purpose and left alone."""
    if zipf(name.lower(), "en") < COMMON_WORD or len(name) < 3 or not name[1:].islower() or len(run) < 2:
        return False
    if _DEMONYM.search(name) or seg.src[run[0].start:run[0].end] == "The" or seg.is_sentence_initial(tok):
        return False                      # Chinese, Syrian, Arabic; "The Journal": translated on purpose
    if seg.src[:run[0].start].rstrip().lower().endswith(("the", "of")):
        return False                      # "the Senate", "Bank of England": institutions are translated
    if _translit_hits(seg, name, lenient=True, every_reading=True):
        return False
    words = [seg.src[t.start:t.end] for t in run]
    if sum(zipf(w.lower(), "en") >= COMMON_WORD for w in words) >= 2:
        return False                      # Lunar New Year, Wuhan Municipal Health Commission: translated on purpose
    others = [seg.src[t.start:t.end] for t in run if t is not tok]
    return any(_translit_hits(seg, other) for other in others if other.lower() not in titles())


def _trap_flags(seg: AnalyzedSegment, tok, name: str, trap) -> Iterator[Finding]:
    trap_forms, correct_forms = trap
    count_src = len(re.findall(rf"\b{re.escape(name)}\b", seg.src))
    proper, common = [], []
    skeleton = en_skeleton(name)
    for k, tok_ar in enumerate(seg.tgt_words):
        bare = seg.tgt_bare[k]
        if any(b in correct_forms for b in bare) or tok_ar.norm == name.lower():
            proper.append(k)
        elif any(b in trap_forms for b in bare):
            common.append(k)
        elif skeletons_match(skeleton, ar_skeleton(bare[-1])) and not has_article(tok_ar.norm):
            proper.append(k)
    if not common or len(proper) >= count_src:
        return
    word = seg.tgt_words[common[0]]
    yield Finding("major",
                  f"The name '{name}' was translated as the common word '{seg.tgt[word.start:word.end]}'.",
                  src_span=Span(tok.start, tok.start + len(name)), tgt_span=Span(word.start, word.end),
                  suggestion=correct_forms[0] if correct_forms else name, confidence=0.85)


# A capitalized word rarer than this (Zipf, wordfreq) is a proper name, not a common word.
PROPER_NAME = 3.0
FUNCTION_WORD = 5.5          # "A", "The", "In" starting a sentence are not part of a name


@check("entity.dropped", category="entity", doc=Doc(
    why="A multi-word name of which no word survives was dropped or translated word by word; readers lose who the "
        "story is about.",
    flagged=("Chimamanda Ngozi Adichie spoke at the festival in Lagos.", "تحدثت الكاتبة في المهرجان في لاغوس."),
    passed=("Chimamanda Ngozi Adichie spoke at the festival in Lagos.",
            "تحدثت تشيماماندا نغوزي أديتشي في المهرجان في لاغوس.")))
def name_dropped(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A name of several words (Chimamanda Ngozi Adichie, Porto Alegre) of which no word is
    transliterated or kept in the Arabic: dropped, or translated word by word."""
    # (found once per pair: omission.clause_words asks again for the names missing from a short pair)
    yield from seg.memo("entity.dropped.findings", lambda: list(_dropped_names(seg)))


def _dropped_names(seg: AnalyzedSegment) -> Iterator[Finding]:
    if not seg.tgt.strip() or seg.lost_a_clause:
        return                                          # a lost clause: omission reports it
    known = known_name_spans(seg)
    title_words = titles()
    for run in _src_names(seg):
        words = [t for t in run if seg.src[t.start:t.end].lower().removesuffix("'s").removesuffix("’s") not in title_words
                 and zipf(t.norm, "en") < FUNCTION_WORD]
        if len(words) < 2 or any(s <= words[0].start < e for s, e in known):
            continue
        if all(seg.src[t.start:t.end].replace("’s", "").replace("'s", "").isupper() for t in words):
            continue                                    # acronyms (RCGP RSC) are spelled out in Arabic
        names = [name_key(seg.src[t.start:t.end]) for t in words]
        if sum(zipf(n.lower(), "en") < PROPER_NAME for n in names) < 2:
            continue                                    # "Space Force", "Rain Over Basra": translated on purpose
        if any(_translit_hits(seg, n, lenient=True) for n in names) or _translit_hits(seg, "".join(names)):
            continue
        span = Span(words[0].start, words[-1].end)
        text = span.slice(seg.src)
        yield Finding("major", f"The name '{text}' is neither transliterated nor kept in the Arabic.",
                      src_span=span, suggestion=text, confidence=0.6)
    yield from _single_names_dropped(seg)


def _single_names_dropped(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A one-word name (by the document's evidence) that nothing in the Arabic renders: neither
    transliterated, nor kept, nor translated (FreeDict, months). A rare English word capitalised in
    this very sentence is the strongest case; a common word, or a capital seen only elsewhere in the
    document, is weaker."""
    for tok in unrendered_names(seg):
        name = name_key(seg.src[tok.start:tok.end])
        rare = zipf(name.lower(), "en") < RARE_NAME
        here = not seg.is_sentence_initial(tok)
        yield Finding("major", f"The name '{name}' has no counterpart in the Arabic: dropped or replaced.",
                      src_span=Span(tok.start, tok.start + len(name)), suggestion=name,
                      confidence=0.7 if rare and here else 0.55 if rare else 0.4)


@check("entity.translated", category="entity", doc=Doc(
    why="Company and place names are transliterated in Arabic news; translated word by word (Wall Street → شارع "
        "الجدار) they name nothing a reader can find.",
    flagged=("Wall Street closed higher after the jobs report.", "أغلق شارع الجدار على ارتفاع بعد تقرير الوظائف."),
    passed=("Wall Street closed higher after the jobs report.", "أغلقت وول ستريت على ارتفاع بعد تقرير الوظائف.")))
def name_translated(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A company or institution name translated word by word (General Motors → المحركات العامة),
    from the capitalized rows of ``terms.tsv``."""
    yield from misrendered(seg, names=True)


# ---- document evidence: single names, their renderings --------------------------------------------

# English words rarer than this (Zipf, wordfreq) are names nobody translates; a capitalised word
# more common than this may be a translated institution word ("Union", "Central"), so a missing
# counterpart is weaker evidence.
RARE_NAME = 3.5
COMMON_NAME = 4.0


def _name_tokens(seg: AnalyzedSegment, known_too: bool = False) -> list:
    """English single words that are names on the document's evidence (capitalised inside a
    sentence here or elsewhere in the article, never in lower case), not titles, acronyms or
    function words, nor (unless ``known_too``) words of known entities (entity.missing's)."""
    return seg.memo(f"entity.name_tokens.{known_too}", lambda: _find_name_tokens(seg, known_too))


def _find_name_tokens(seg: AnalyzedSegment, known_too: bool) -> list:
    known = [] if known_too else known_name_spans(seg)
    doc = seg.document
    out = []
    for _, tok in seg.src_capitalized():
        text = name_key(seg.src[tok.start:tok.end])
        low = text.lower()
        if low in month_names()["en"]:
            if not seg.is_sentence_initial(tok) and not any(s <= tok.start < e for s, e in known):
                out.append(tok)           # a month inside a sentence, even where "march" is a verb too
            continue
        if len(text) < 2 or not text.isalpha() or not text[1:].islower() or low in titles() \
                or zipf(low, "en") >= FUNCTION_WORD or any(s <= tok.start < e for s, e in known):
            continue                      # acronyms and coined terms (HCoV, CoVs) are no names
        if doc.is_name(seg, tok):
            out.append(tok)
    return out


def _strict_hits(seg: AnalyzedSegment, name: str) -> list[int]:
    """Arabic word indices that transliterate ``name`` by the strict matcher (or keep it in Latin
    script); two adjacent Arabic words count when only together they do (a split name)."""
    return list(_each_strict_hit(seg, name))


def _has_strict_hit(seg: AnalyzedSegment, name: str) -> bool:
    """``bool(_strict_hits(seg, name))``, reading the Arabic only up to the first hit."""
    return next(_each_strict_hit(seg, name), None) is not None


def _each_strict_hit(seg: AnalyzedSegment, name: str) -> Iterator[int]:
    skeletons = en_skeletons(name)
    low = name.lower()
    for k, tok in enumerate(seg.tgt_words):
        forms = seg.tgt_bare[k]
        if tok.norm.removesuffix("'s") == low or any(names_match(skeletons, f) for f in forms):
            yield k
        elif k + 1 < len(seg.tgt_words) and not tok.norm.isascii():
            # فلاي بي for Flybe: the first word as written too (its ف is no proclitic here)
            joined = [form + seg.tgt_bare[k + 1][0] for form in dict.fromkeys(forms)]
            if any(len(ar_skeleton(j)) >= 3 and names_match(skeletons, j) for j in joined):
                yield k


# A word glued to a name (الدكتورغاري) is this frequent (Zipf) on its own; the token holding both is
# rarer than GLUED_TOKEN. A glued piece must keep GLUED_PART letters and two consonant classes.
GLUED_WORD, GLUED_TOKEN, GLUED_PART = 3.0, 2.5, 3


def _glued_hit(seg: AnalyzedSegment, name: str) -> bool:
    """Whether an Arabic token is the name written without a space before or after a common word
    (الدكتورغاري: الدكتور + غاري): the name is there, and spacing.joined reports the missing space."""
    skeletons = en_skeletons(name)
    for tok in seg.tgt_words:
        word = tok.norm
        if len(word) < 2 * GLUED_PART or word.isascii() or zipf(word) >= GLUED_TOKEN:
            continue
        for cut in range(GLUED_PART, len(word) - GLUED_PART + 1):
            for part, other in ((word[cut:], word[:cut]), (word[:cut], word[cut:])):
                if zipf(other) >= GLUED_WORD and len(ar_skeleton(part)) >= 2 and names_match(skeletons, part):
                    return True
    return False


def _rendered(seg: AnalyzedSegment, tok) -> bool:
    """Whether the Arabic has a counterpart of the English word: kept in Latin, transliterated,
    a month's name, or a FreeDict translation (a place's adjective included)."""
    name = name_key(seg.src[tok.start:tok.end])
    if _has_strict_hit(seg, name) or _spelled_in_document(seg, name) or _glued_hit(seg, name):
        return True
    low = name.lower()
    month = month_names()["en"].get(low)
    if month is not None and any(month_names()["ar"].get(b) == month for bare in seg.tgt_bare for b in bare):
        return True
    meanings = _meanings(low)
    if any(m in _glossed(seg) for m in meanings):
        return True
    lex = bilingual()
    if lex is not None and month is None:   # a month's FreeDict entry carries other words (كانون الأول → أول)
        for base in meanings:
            stems = lex.ar_stems(base)
            if stems and any(_translated_by(seg, k, stems) for k in range(len(seg.tgt_bare))):
                return True
    return False


def _glossed(seg: AnalyzedSegment) -> frozenset[str]:
    """The English words that the Arabic words of the pair gloss by their morphological analysis
    (BAMA: الهنود → indians, الصباحية → morning), singular and, for a demonym, its country too.
    BAMA's alone: FreeDict's Arabic→English also lists transliterated names (الي → Ellie)."""
    return frozenset(_glossers(seg))


def _glossers(seg: AnalyzedSegment) -> dict[str, tuple[str, ...]]:
    """Each English gloss of ``_glossed`` with the Arabic words that gloss it."""
    def compute() -> dict[str, tuple[str, ...]]:
        analyzer = bama.lexicon()
        if analyzer is None:
            return {}
        out: dict[str, list[str]] = {}
        for tok in seg.tgt_words:
            for gloss in analyzer.glosses(norm(tok.norm)):
                for form in {gloss, gloss.removesuffix("s")}:
                    for key in (form, *_countries(form)):
                        out.setdefault(key, []).append(tok.norm)
        return {key: tuple(words) for key, words in out.items()}
    return seg.memo("entity.glossed", compute)


def _translated_name(seg: AnalyzedSegment, name: str) -> bool:
    """A name rendered by meaning, not by sound: at least half of its words are glossed by Arabic
    words of the pair (South China Morning Post → جريدة جنوب الصين الصباحية, India → الهنود), each
    by a word that is not its transliteration (BAMA glosses هونج as Hong: Hong Kong is said by sound),
    and every word that is no English word among them (South Korea is not الجنوبية alone)."""
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("the", "of", "and", "for", "in")]
    glossers = _glossers(seg)
    meant = [any(not any(names_match(en_skeletons(w), form) for form in ar_bare(ar)) for ar in glossers.get(w, ()))
             for w in words]
    return bool(words) and 2 * sum(meant) >= len(words) and all(m or all_lemmas(w) for w, m in zip(words, meant))


def _translated_by(seg: AnalyzedSegment, k: int, stems: frozenset[str]) -> bool:
    """Whether the Arabic word ``k`` (or the place its nisba adjective names) has one of these
    dictionary stems."""
    return not _cores_of(seg.tgt_bare[k]).isdisjoint(stems)


@lru_cache(maxsize=100_000)
def _cores_of(bare: tuple[str, ...]) -> frozenset[str]:
    """The dictionary cores of an Arabic word's forms and of the places their nisba names (once per
    word: every English word of the pair asks)."""
    return frozenset(core for b in bare for core in (ar_core(b), ar_core(nisba_root(b))))


# A part of a compound this long that is an English word (Zipf) can carry the compound's meaning.
COMPOUND_PART, COMPOUND_PART_ZIPF = 5, 3.0
_DEMONYM_BASES = (("ean", "e"), ("ian", "ia"), ("ian", "a"), ("ian", ""), ("an", "a"), ("an", ""), ("ese", "a"),
                  ("ese", ""), ("ish", ""), ("i", ""))


def _countries(low: str) -> list[str]:
    """The countries a demonym may name (Singaporean → Singapore, Canadian → Canada, Canadia, …)."""
    return [low[:-len(end)] + base for end, base in _DEMONYM_BASES if low.endswith(end) and len(low) - len(end) >= 3]


def _meanings(low: str) -> list[str]:
    """The English words whose rendering renders ``low``: itself, the country of a demonym
    (Singaporean → Singapore, Canadian → Canada), and the English words a compound ends or starts
    with (Biosafety → safety, Sinophobia → phobia, Betacoronavirus → virus)."""
    out = [low, *_countries(low)]
    for cut in range(3, len(low) - 2):
        for part in (low[cut:], low[:cut]):
            if len(part) >= COMPOUND_PART and zipf(part, "en") >= COMPOUND_PART_ZIPF:
                out.append(part)
    return list(dict.fromkeys(out))


def unrendered_names(seg: AnalyzedSegment) -> list:
    """English names (by the document's evidence) with no counterpart in the Arabic. A capitalised
    common word (Control, Table, Chinese) or a word the dictionary translates (Registry, Diploma) is
    left out, a month excepted: such words are translated, and a dictionary cannot know every
    rendering of them."""
    lex = bilingual()

    def is_candidate(low: str) -> bool:
        if low in month_names()["en"]:
            return True
        if low.endswith(taxon_suffixes()):
            return False                  # Coronaviridae, Nidovirales: a taxon, rendered by meaning
        if len(low) >= DERIVED_LENGTH and low.endswith(derived_suffixes()):
            return False                  # Sinophobia, Interoperable: a derived term, rendered by meaning
        if lex is None:
            return zipf(low, "en") < PROPER_NAME
        # a word the dictionary translates is a common word, unless it gives the name itself
        # (Indonesia إندونيسيا, Wuhan ووهان); a frequent word it does not know is left alone too
        if lex.en_to_ar(low):
            return _dictionary_says_its_name(low)
        return zipf(low, "en") < COMMON_NAME or not all_lemmas(low)   # Queensland, Johnson: no English word

    def find() -> list:
        return [tok for tok in _name_tokens(seg)
                if is_candidate(name_key(seg.src[tok.start:tok.end]).lower())
                and not _in_compound(seg, tok) and not _genus(seg, tok) and not _rendered(seg, tok)
                and not _meant_at_its_place(seg, tok)]
    return seg.memo("entity.unrendered", find)


def _meant_at_its_place(seg: AnalyzedSegment, tok) -> bool:
    """A capitalised term that modifies the next English word, rendered by meaning as the Arabic
    word that follows that word's rendering (Hazmat suits → بدلة واقية): that Arabic word renders
    no other English word, is a word of meaning (a dictionary glosses it by meaning, none by its
    sound), and the document never renders the term by its sound elsewhere (a name would be:
    Toyota cars → سيارات تويوتا; nor a word that glosses another English word of the pair: the
    خلال of "during")."""
    words = seg.src_words
    k = next(i for i, t in enumerate(words) if t is tok)
    if k + 1 >= len(words) or seg.src[tok.end:words[k + 1].start] != " ":
        return False
    head = seg.src[words[k + 1].start:words[k + 1].end]
    if not head.isalpha() or not head.islower():
        return False                      # the term modifies a common noun that follows it
    links = seg.word_links
    at = next((link.tgt for link in links if link.src == k + 1 and link.kind in ("dictionary", "same")), None)
    if at is None or at + 1 >= len(seg.tgt_words) or any(link.tgt == at + 1 for link in links):
        return False
    forms = seg.tgt_bare[at + 1]
    if seg.tgt_words[at + 1].norm.isascii() or not any(_glosses_by_sound(f)[1] for f in forms) \
            or any(_named_by_sound(f) is not None for f in forms) or _says_english_word(seg, forms):
        return False
    name = name_key(seg.src[tok.start:tok.end])
    return not any(_has_strict_hit(other, name) for other in seg.document.segments
                   if other is not seg and name in other.src)


def _says_english_word(seg: AnalyzedSegment, forms: tuple[str, ...]) -> bool:
    """Whether a dictionary (FreeDict, BAMA) glosses an Arabic word by an English word of the pair."""
    lex, analyzer = bilingual(), bama.lexicon()
    english = seg.src_lemma_set
    return any(gloss in english for f in forms
               for glosses in (lex.ar_to_en(f) if lex is not None else (), analyzer.glosses(f) if analyzer else ())
               for gloss in glosses)


def _dictionary_says_its_name(low: str) -> bool:
    """Whether FreeDict renders the English word by its own sound (Cleveland كليفيلند): a name."""
    lex = bilingual()
    skeletons = en_skeletons(low)
    return lex is not None and any(names_match(skeletons, w) for r in lex.en_to_ar(low) for w in r.split())


_LATIN_ENDINGS = ("is", "us", "um", "ae", "i", "a", "e", "ens")


def _genus(seg: AnalyzedSegment, tok) -> bool:
    """The genus of a binomial name (Clostridium difficile, Rhinolophus affinis): followed by a
    lower-case Latin epithet that is no English word, here or anywhere in the document (a genus
    named alone, "Rhinolophus bat", is still one). A taxon, rendered by meaning as often as
    transliterated (المطثية العسيرة, خفافيش حدوة الحصان)."""
    k = next(i for i, t in enumerate(seg.src_words) if t is tok)
    return _binomial(seg, k) or name_key(seg.src[tok.start:tok.end]) in _genera(seg)


def _genera(seg: AnalyzedSegment) -> frozenset[str]:
    """The genera the document's binomial names start with, those Latin in form themselves
    (Rhinolophus, not Wuhan of "Wuhan pneumonia")."""
    def compute() -> frozenset[str]:
        return frozenset(name_key(s.src[t.start:t.end]) for s in seg.document.segments
                         for k, t in s.src_capitalized() if t.norm.endswith(_LATIN_ENDINGS) and _binomial(s, k))
    return seg.document.memo("entity.genera", compute)


def _binomial(seg: AnalyzedSegment, k: int) -> bool:
    """Whether the English word ``k`` is followed by a lower-case Latin epithet (a binomial name)."""
    words = seg.src_words
    if k + 1 >= len(words) or seg.src[words[k].end:words[k + 1].start] != " ":
        return False
    epithet = seg.src[words[k + 1].start:words[k + 1].end]
    return epithet.isalpha() and epithet.islower() and len(epithet) >= 4 and \
        (epithet.endswith("ae") or epithet.endswith(_LATIN_ENDINGS) and not all_lemmas(epithet))


def _in_compound(seg: AnalyzedSegment, tok) -> bool:
    """Part of a hyphenated code (SARSr-Rh-BatCoV), or a word common enough to be translated inside
    a capitalised run (Cambridge AICE Diploma, HR Ops, Virology and Biotechnology; "University of
    X" is no run: X is the name)."""
    if seg.src[tok.start - 1:tok.start] == "-" or seg.src[tok.end:tok.end + 1] == "-" and not _hyphen_word(seg, tok.end):
        return True                         # (but Wikimedia-funded is the name and an English word)
    word = tok.norm.removesuffix("'s")
    english = bool(all_lemmas(word))
    if zipf(word, "en") < PROPER_NAME or word in month_names()["en"] or not english and _dictionary_says_its_name(word):
        return False                        # (Cleveland University Hospitals: no English word, said by sound)
    words = seg.src_words
    k = next(i for i, t in enumerate(words) if t is tok)
    for step in (-1, 1):
        i = k + step
        if 0 <= i < len(words) and words[i].norm in ("and", "&", "amp"):
            i += step                       # "Virology and Biotechnology": one name across "and"
        if 0 <= i < len(words) and seg.src[words[i].start].isupper() \
                and not (seg.is_sentence_initial(words[i]) and zipf(words[i].norm, "en") >= FUNCTION_WORD) \
                and (english or not _said_by_sound(seg, words[i])):
            return True                     # (not "As Robyn …"; not Russell Zimmerman, but Appalachian Ridge)
    return False


def _hyphen_word(seg: AnalyzedSegment, end: int) -> bool:
    """Whether the hyphen at ``end`` leads to a lower-case English word (-funded, -based, -led)."""
    rest = re.match(r"-([a-z]+)\b", seg.src[end:])
    return rest is not None and bool(all_lemmas(rest.group(1)))


def _said_by_sound(seg: AnalyzedSegment, tok) -> bool:
    """A capitalised word (not an acronym: AICE is kept as it is) that the Arabic transliterates."""
    text = name_key(seg.src[tok.start:tok.end])
    return text[1:].islower() and _has_strict_hit(seg, text)


def _translates_other(seg: AnalyzedSegment, k: int, *names: str) -> bool:
    """Whether the Arabic word ``k`` is a dictionary translation of an English word of the pair
    other than ``names``."""
    lex = bilingual()
    low = {name.lower() for name in names}
    return lex is not None and any(_translated_by(seg, k, lex.ar_stems(form))
                                   for forms in seg.src_lemmas for form in forms if form not in low)


# An Arabic word this frequent (Zipf) is a word of the language, not a transliteration (كل, حين).
COMMON_ARABIC = 4.0


def _spelled_in_document(seg: AnalyzedSegment, name: str) -> bool:
    """Whether the rest of the article shows an Arabic word of this pair spelling ``name`` (its
    house spelling: Shenzhen → شنجن wherever Shenzhen occurs): a rare Arabic word, no dictionary
    word (الولاية travels with California too), that travels with the name, and that no other name
    of the pair transliterates (Tedros's تيدروس says nothing of
    Adhanom)."""
    lex = bilingual()
    words = [w.lower() for w in name.split()]
    spelled = {j for w in words for j in seg.document.rendered_in(seg, w)
               if zipf(seg.tgt_bare[j][-1]) < COMMON_ARABIC and not (lex and lex.ar_to_en(seg.tgt_words[j].norm))}
    if not spelled:
        return False
    others = {seg.src[t.start:t.end] for _, t in seg.src_capitalized()} - set(name.split())
    claimed = {j for other in others for j in _strict_hits(seg, name_key(other))}
    return bool(spelled - claimed)


def renderings(seg: AnalyzedSegment) -> list[tuple[str, tuple[str, ...]]]:
    """(English name, Arabic forms) for each name of the segment that an Arabic word transliterates
    exactly (equal skeletons; not a common Arabic word, nor one that translates another English word
    of the pair: حيواني is "animal", not Wuhan): the word's forms with and without
    proclitics and article (``وماسك``: ``وماسك``, ``ماسك``), so that two spellings are the same
    when their forms meet. Asked once for the document's table and once for the pair's own check."""
    return seg.memo("entity.renderings", lambda: _find_renderings(seg))


def _find_renderings(seg: AnalyzedSegment) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for tok in _name_tokens(seg, known_too=True):
        name = name_key(seg.src[tok.start:tok.end])
        skeletons = set(en_skeletons(name))
        for k, word in enumerate(seg.tgt_words):
            if word.norm.isascii():
                continue
            forms = tuple(f for f in seg.tgt_bare[k] if ar_skeleton(f) in skeletons and len(f) >= 3)
            if forms and zipf(forms[-1]) < COMMON_ARABIC and not _translates_other(seg, k, name):
                out.append((name, forms))
    return out


_LONG_VOWELS = re.compile("[اويىءأإآئؤة]")


def _variants(a: str, b: str) -> bool:
    """Two spellings of one transliteration: the same consonants, letter for letter of the same
    class, long vowels aside (ماسك/مسك, هونغ/هونج), not two words (صين/صناعي)."""
    ca, cb = _LONG_VOWELS.sub("", a), _LONG_VOWELS.sub("", b)
    return len(ca) == len(cb) and ar_skeleton(a) == ar_skeleton(b)


@check("entity.inconsistent", category="entity", doc=Doc(
    why="One person or place spelled two ways in one article reads as two people, and breaks search; a house "
        "style keeps one spelling.",
    context=(("Elon Musk runs Tesla.", "يدير إيلون ماسك شركة تسلا."),
             ("Musk said the plant would reopen.", "قال ماسك إن المصنع سيعاد فتحه.")),
    flagged=("Investors asked Musk about the delay.", "سأل المستثمرون مسك عن التأخير."),
    passed=("Investors asked Musk about the delay.", "سأل المستثمرون ماسك عن التأخير.")))
def name_inconsistent(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A name spelled in this pair otherwise than the document spells it elsewhere (Musk → ماسك in
    eight pairs, مسك in one). Pairs of one document are read together (``Segment.doc``)."""
    table = seg.document.renderings
    seen: set[str] = set()
    for name, forms in renderings(seg):
        counts = table.get(name)
        if not counts or name in seen:
            continue
        best, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        mine = max(counts[f] for f in forms)
        form = forms[-1]
        if best in forms or n < 2 or n < 2 * mine or nisba_root(form) == nisba_root(best) \
                or not _variants(form, best):
            continue    # the usual spelling, no clear usual one, an inflection (صيني, صينيين), or another word
        seen.add(name)
        where = next((t for t, b in zip(seg.tgt_words, seg.tgt_bare) if form in b), None)
        src = next((t for t in seg.src_words if name_key(seg.src[t.start:t.end]) == name),
                   None)
        yield Finding("minor", f"'{name}' is written '{form}' here but '{best}' {n} times elsewhere in the document.",
                      src_span=Span(src.start, src.start + len(name)) if src else None,
                      tgt_span=Span(where.start, where.end) if where else None, suggestion=best, confidence=0.6)


# ---- a name the English does not have ------------------------------------------------------------

# An Arabic word this frequent (Zipf) or shorter than NAME_LETTERS is no name a translator could
# have brought in (لويس, the common Louis, stays: 4.8).
ADDED_MAX_ZIPF, NAME_LETTERS = 5.0, 4
# A word no dictionary knows that Arabic text writes this often (Zipf) is a foreign name, not a typo.
SEEN_NAME = 2.0


@check("entity.added", category="entity", doc=Doc(
    why="A person's name in the Arabic that no English word of the article gives is a name swapped for another or "
        "invented: the story is attributed to the wrong person.",
    flagged=("The minister praised the report on Monday.", "أشاد الوزير ميلر بالتقرير يوم الاثنين."),
    passed=("The minister praised the report on Monday.", "أشاد الوزير بالتقرير يوم الاثنين.")))
def name_added(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An Arabic word that the dictionaries gloss only by its own sound (ميلر → Miller, سميث → Smith),
    that no English word of the document sounds like, and that the document's Arabic writes nowhere
    else: a name swapped for another (هونج كونج → مارتن كونج) or brought in."""
    if not seg.tgt.strip():
        return
    translated: Optional[set[int]] = None
    counts: Optional[tuple[Counter[str], Counter[str]]] = None
    for k, tok in enumerate(seg.tgt_words):
        forms = _name_forms(tok.norm)
        if not forms:
            continue
        # the document's word counts (built once per document) come first: a word it writes in
        # other pairs is never looked up in the dictionaries, in any of them
        if counts is None:
            counts = seg.document.arabic_words[0], _holding(seg)
        if counts[0][forms[-1]] > counts[1][forms[-1]]:
            continue                    # the article's Arabic writes it elsewhere too: its own name
        if _glosses_by_sound(forms[0])[1] or any(_letter_name(f) for f in forms):
            continue                    # a word by meaning as written (بدائل, not دائل: Dale), or دبليو
        name = next((n for f in forms for n in [_named_by_sound(f)] if n is not None), None)
        if name is None:
            continue
        if translated is None:
            # a word the aligner links by its meaning (dictionary) or form (number, same) is no name
            # (the pair's word links are built only now: most words a name's sound excuses, the
            # document's other pairs write too)
            translated = {link.tgt for link in seg.word_links if link.kind not in ("name", "position")}
        if k in translated:
            continue
        bare = list(seg.tgt_bare[k])     # (with its short forms: لوول is ل + وول, Wall)
        if any(_english_says(seg, f) for f in bare) or _translates_other(seg, k) or _known_form(seg, bare):
            continue
        if _half_of_a_name(seg, k):
            continue                    # a name written in two words (Qingming تشينغ مينغ)
        named = f" '{name.title()}'" if name else ""
        yield Finding("major", f"'{seg.tgt[tok.start:tok.end]}' reads as a name{named} that the English "
                               "does not have: a name swapped or added.",
                      tgt_span=Span(tok.start, tok.end), confidence=0.6)


@lru_cache(maxsize=100_000)
def _name_forms(word: str) -> tuple[str, ...]:
    """The forms without proclitics (ar_bare, as seg.tgt_bare) of an Arabic word that may be a name
    brought in, () for a word that cannot: Latin, with the article, every form too short, or too common
    (a pure function of the word: asked once per word per process)."""
    if word.isascii() or has_article(word):
        return ()
    forms = tuple(f for f in ar_bare(word) if len(f) >= NAME_LETTERS)
    return forms if forms and zipf(forms[-1]) < ADDED_MAX_ZIPF else ()


def _holding(seg: AnalyzedSegment) -> Counter[str]:
    """For each form without proclitics, how many Arabic words of the pair have it (counted once per
    pair, not once per word asked about)."""
    return seg.memo("entity.holding", lambda: Counter(form for bare in seg.tgt_bare for form in set(bare)))


def _half_of_a_name(seg: AnalyzedSegment, k: int) -> bool:
    """Whether the Arabic word ``k`` joined to the word before or after it sounds exactly like an
    English word of the pair (Qingming: تشينغ مينغ)."""
    pair = _pair_skeletons(seg)[0]
    bare = seg.tgt_bare
    joined = ([bare[k - 1][-1] + bare[k][-1]] if k else []) + ([bare[k][-1] + bare[k + 1][-1]] if k + 1 < len(bare) else [])
    return any(sk in pair for word in joined for sk in ar_forms(word))


@lru_cache(maxsize=100_000)
def _named_by_sound(word: str) -> Optional[str]:
    """The English name an Arabic word is, when a gloss the dictionaries give it (FreeDict, then
    BAMA) has its skeleton and none is an English word that does not: ميلر → miller; not رايت
    (Wright, but also "see") nor ألين (Allen, but also "softer"). "" for a word that neither
    dictionary nor hunspell-ar knows, but Arabic text writes, and that is no inflection of a word
    they gloss (معمليًا of معملي): a name they do not list (إيفانز)."""
    said, meant = _glosses_by_sound(word)
    if meant:
        return None
    if said:
        return min(said)
    if bilingual() is not None and bama.lexicon() is not None and not in_hunspell(word) \
            and zipf(word) >= SEEN_NAME and not any(_glosses_by_sound(stem)[1] for stem in frequent_stems(word)):
        return ""
    return None


@lru_cache(maxsize=100_000)
def _glosses_by_sound(word: str) -> tuple[tuple[str, ...], bool]:
    """The dictionaries' glosses of an Arabic word that sound like it, from the same first class
    (Miller for ميلر), and
    whether one is an English word that has not (a gloss by meaning). A gloss that is no English
    word is another name (جاكسون: Jackson and Ajax)."""
    lex = bilingual()
    analyzer = bama.lexicon()
    said: list[str] = []
    forms = ar_forms(word)
    for glosses in (lex.ar_to_en(word) if lex is not None else frozenset(),
                    analyzer.glosses(word) if analyzer is not None else frozenset()):
        for gloss in sorted(glosses):
            if len(gloss) >= NAME_LETTERS and gloss.isalpha() and sounds_like(gloss, word, forms):
                lemmas = all_lemmas(gloss)
                if lemmas and "NOUN" not in lemmas:
                    return tuple(said), True    # a loanword adjective (لوغاريتمي, logarithmic): no name
                said.append(gloss)
            elif all_lemmas(gloss):
                return tuple(said), True
    return tuple(said), False


# Endings an Arabic loanword adds to the English word it renders (بروتوكولات for protocols).
_LOAN_ENDINGS = ("يات", "ات", "ية", "ي", "ه")


def sounds_like(gloss: str, word: str, forms: tuple[str, ...]) -> bool:
    """Whether an English gloss is the Arabic word's sound, from the same first class (not Peevers
    for تفيرس)."""
    if not any(en_skeleton(gloss[:4])[:1] == f[:1] for f in forms):
        return False                    # (a quick look at its first letters: most glosses are words by meaning)
    skeletons = en_skeletons(gloss)
    return names_match(skeletons, word) and any(sk[:1] == f[:1] for sk in skeletons for f in forms)


def _known_form(seg: AnalyzedSegment, forms: list[str]) -> bool:
    """A word of the accepted Arabic form of a known name of the pair (the AP → أسوشيتد برس)."""
    return any(f in words or strip_article(f) in words
               for entity, _ in _entity_matches(seg) for words in entity.ar for f in forms)


def _letter_name(word: str) -> bool:
    """An Arabic name of a Latin letter (دبليو, إكس), part of a spelled acronym, or of a unit
    (فهرنهايت for °F)."""
    return any(word in names for names in letter_names().values()) or word in _unit_names()


@lru_cache(maxsize=1)
def _unit_names() -> frozenset[str]:
    return frozenset(norm(a) for row in table("units.tsv") for a in row["ar"])


def _english_says(seg: AnalyzedSegment, word: str) -> bool:
    """Whether an English word of the pair, or a name of the document, sounds like the Arabic word:
    the same consonant classes, a loanword's ending aside (بروتوكولات, protocols), or a word of the
    pair starting with it or holding it (dehydrogenase); a name of the pair also with one class more
    or fewer inside (College كوليدج) or as the start of it (Penn, ولاية بنسلفانيا). Never one class
    for another (Martin's مارتن is not "maintain"), nor a common word elsewhere in the article (a
    skeleton drops the vowels: Garcia's غارسيا is "grace" and "course"), nor a name elsewhere in the
    article but by its own classes (a long article has Meerjady for مارتن, Guangzhou for جونسون)."""
    names = _document_skeletons(seg)[0]
    own, shorter, starts = _pair_name_skeletons(seg)
    pair, initials = _pair_skeletons(seg)
    forms = ar_forms(word)
    if any(sk[:1] in initials for sk in forms):
        return True                     # an acronym spelled out (HDAC هيستون ديسيتيليز)
    if any(sk in pair or sk in names or sk in shorter or any(d in own for d in _deletions(sk))
           or any(sk[:n] in starts for n in range(2, len(sk))) for sk in forms):
        return True
    stems = [word[:-len(e)] for e in _LOAN_ENDINGS if word.endswith(e)]
    if any(sk in pair or sk in names for stem in stems for sk in ar_forms(stem) if len(sk) >= 3):
        return True
    # (four classes, or three before a loanword's ending)
    parts = {sk for sk in forms if len(sk) >= 4} | {sk for stem in stems for sk in ar_forms(stem) if len(sk) >= 3}
    return any(en.startswith(sk) or len(sk) >= 4 and sk in en for en in pair for sk in parts)


# An acronym of letters joined by ampersands (S&P, AT&T; "&amp;" as some corpora write it).
_AMPERSAND_ACRONYM = re.compile(r"\b[A-Z]+(?:&(?:amp;)?[A-Z]+)+\b")


def _pair_skeletons(seg: AnalyzedSegment) -> tuple[frozenset[str], frozenset[str]]:
    """The skeletons (``_skeleton_forms``) of the pair's English words, and the first class of
    each of its acronyms (HDAC: H)."""
    def compute() -> tuple[frozenset[str], frozenset[str]]:
        words = frozenset(f for t in seg.src_words for w in re.findall(r"[a-z]{3,}", t.norm.removesuffix("'s"))
                          for sk in en_skeletons(w) for f in _skeleton_forms(sk))
        acronyms = [a for t in seg.src_words for a in [seg.src[t.start:t.end]] if len(a) >= 2 and a.isalpha() and a.isupper()]
        acronyms += re.findall("[A-Z]", "".join(_AMPERSAND_ACRONYM.findall(seg.src)))
        return words, frozenset(en_skeleton(a[0])[:1] for a in acronyms)
    return seg.memo("entity.pair_skeletons", compute)


def _skeleton_forms(sk: str) -> set[str]:
    """A skeleton, and without a silent initial h or final s (Hughes هيوز, Illinois إلينوي)."""
    return {sk} | ({x for x in (sk[1:] if sk[0] == "H" else "", sk[:-1] if sk[-1] == "S" else "") if x}
                   if len(sk) > 2 else set())


def _deletions(skeleton: str) -> list[str]:
    """The skeleton with one class dropped, neither the first nor from fewer than four."""
    return [skeleton[:i] + skeleton[i + 1:] for i in range(1, len(skeleton))] if len(skeleton) >= 4 else []


def _document_skeletons(seg: AnalyzedSegment) -> tuple[frozenset[str], ...]:
    """``_name_skeletons`` of the document's segments."""
    return seg.document.memo("entity.english_skeletons", lambda: _name_skeletons(seg.document.segments))


def _pair_name_skeletons(seg: AnalyzedSegment) -> tuple[frozenset[str], ...]:
    """``_name_skeletons`` of the pair alone."""
    return seg.memo("entity.name_skeletons", lambda: _name_skeletons([seg]))


def _name_skeletons(segments: list[AnalyzedSegment]) -> tuple[frozenset[str], ...]:
    """The skeletons (``_skeleton_forms``) of the segments' names (a word Capitalised inside a
    sentence, or an acronym: NASA ناسا); those with one class dropped (``_deletions``); and those
    of the names that start with a consonant (Penn, not Italy: a skeleton drops a word's first vowel)."""
    words: dict[str, bool] = {}
    for s in segments:
        for t in s.src_words:
            text = s.src[t.start:t.end]
            if text[:1].isupper() and (text.isupper() or not s.is_sentence_initial(t)):
                for w in re.findall(r"[a-z]{3,}", t.norm.removesuffix("'s")):
                    words[w] = words.get(w, False) or text[1:].islower()
    names: set[str] = set()
    shorter: set[str] = set()
    starts: set[str] = set()
    for w, capitalised in words.items():
        for sk in en_skeletons(w):
            forms = _skeleton_forms(sk)
            names |= forms
            if capitalised:
                shorter.update(d for f in forms for d in _deletions(f))
                if w[0] not in "aeiouy" and len(sk) >= 2:
                    starts.add(sk)
    return frozenset(names), frozenset(shorter), frozenset(starts)
