"""Terms: the news-domain list (``terms.tsv``: renderings that are wrong in news) and a user's
glossary (``--glossary``), both matched on English lemmas and Arabic stems."""
from __future__ import annotations

from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment, en_lemmas
from mtkit.checks.lexicons import en_capitals, en_words, find_en_term, misrendered
from mtkit.text.dictionary import bilingual, english_of
from mtkit.text.normalize import norm

_WEAK_LETTERS = str.maketrans("", "", "اويىءأإآؤئة")


def _skeleton(word: str) -> str:
    """A word's consonants without its long vowels and hamza seats: عرض and أعراض share عرض."""
    return word.translate(_WEAK_LETTERS)


def _broken_plural(seg: AnalyzedSegment, term) -> bool:
    """Whether a one-word glossary rendering (عَرَض "symptom") is there as its broken plural
    (الأعراض "symptoms"): an Arabic word with the same consonants whose morphological glosses
    include the English term. The consonants alone would take عالم ("world") for علم ("flag")."""
    wanted = {_skeleton(norm(ar)) for ar in term.ar if len(norm(ar).split()) == 1}
    wanted.discard("")
    if not wanted:
        return False
    english = en_lemmas(term.en)
    for k, forms in enumerate(seg.tgt_bare):
        if any(_skeleton(form) in wanted for form in forms) and \
                any(english & en_lemmas(gloss) for gloss in english_of(seg.tgt_words[k].norm, bilingual())):
            return True
    return False


@check("terminology.domain", category="terminology", doc=Doc(
    why="Some renderings are right in general and wrong in news: the attorney general is النائب العام or وزير "
        "العدل, not a 'general lawyer' (المحامي العام).",
    flagged=("The attorney general opened an inquiry into the contract.", "فتح المحامي العام تحقيقا في العقد."),
    passed=("The attorney general opened an inquiry into the contract.", "فتح النائب العام تحقيقا في العقد.")))
def domain_term(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A news term rendered with a word that is wrong in that sense (attorney general → المدعي العام)."""
    yield from misrendered(seg, names=False)


@check("terminology.glossary", category="terminology", doc=Doc(
    why="A team's glossary (--glossary) fixes how its terms are rendered; a term rendered otherwise breaks "
        "consistency across documents.",
    flagged=("The ceasefire took effect at midnight.", "بدأت الهدنة عند منتصف الليل."),
    passed=("The ceasefire took effect at midnight.", "بدأ وقف إطلاق النار عند منتصف الليل."),
    glossary=(('ceasefire', 'وقف إطلاق النار'),)))
def glossary_term(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A glossary term whose required Arabic rendering is missing."""
    for term in seg.options.get("glossary", ()):
        src_span = find_en_term(seg, en_words(term.en), en_capitals(term.en))
        if src_span is None or not seg.tgt.strip():
            continue
        if any(seg.find_tgt_phrase(norm(ar).split()) for ar in term.ar) or _broken_plural(seg, term):
            continue
        src_text = seg.src[src_span.start:src_span.end]
        note = f" ({term.note})." if term.note else "."
        yield Finding("major", f"Glossary: '{src_text}' must be rendered as '{term.ar[0]}'{note}",
                      src_span=src_span, suggestion=term.ar[0], confidence=0.85)
