"""English left in the Arabic. Names and brands kept in Latin script on purpose are fine:
words listed in ``brands.txt``, and words capitalized in the English source (proper nouns)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.lemmas import all_lemmas
from mtkit.text.lexicon import zipf

_SKIP = re.compile(r"^(?:https?|www|com|org|net)$")
# Web addresses, e-mail addresses, handles and hashtags are copied on purpose. Each pattern is
# tried only where its run of characters starts, so finding them stays linear in the text.
_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.\w+")
_HANDLE = re.compile(r"[@#]\w+")
_DOTTED = re.compile(r"(?<![\w-])[\w-]+(?:\.[\w-]+)+")
_TLD = re.compile(r"(?:com|org|net|gov|edu|int|io|ai|info|news|uk|eu)\b")


def _addresses(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of the addresses in a text."""
    spans = [m.span() for pattern in (_URL, _EMAIL, _HANDLE) for m in pattern.finditer(text)]
    for match in _DOTTED.finditer(text):
        # a domain ends at its last label that is a known top-level domain: news.bbc.co.uk
        labels = match.group().split(".")
        tld = next(((j, m) for j in range(len(labels) - 1, 0, -1) if (m := _TLD.match(labels[j]))), None)
        if tld is not None:
            end = match.start() + len(".".join(labels[:tld[0]])) + 1 + tld[1].end()
            spans.append((match.start(), end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    k = bisect_right(starts, position) - 1
    return k >= 0 and position < spans[k][1]

@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    out: set[str] = set()
    for row in table("brands.txt"):
        out.update(w.lower() for w in re.findall(r"[A-Za-z0-9]+", row["name"]))
    return frozenset(out)


# A Latin word rarer than this (Zipf, wordfreq) is a name, a term of art or an identifier
# (orf3b, tachipirina, abctools, Janssen), which translators keep on purpose; a left-over English
# word is a common one (children, research, Committee).
COMMON_ENGLISH = 3.0
RARE_ENGLISH = 2.0            # rarer still, and lower-case in the English too (chatbot): a word
# A word of a longer English name this common (Zipf) and in the dictionary is a word left over when
# it alone stays in Latin (National Health Commission → اللجنة الوطنية Health).
NAME_WORD = 4.0
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "de", "la", "le", "du", "van", "von", "&"})
_DOMAIN = re.compile(r"[A-Za-z]\.[A-Za-z]")               # News.com.au
_ESCAPES = frozenset({"gt", "lt", "amp", "quot", "apos", "nbsp"})      # &gt; copied from markup


def _chunk(text: str, start: int, end: int) -> str:
    """The whitespace-delimited piece of ``text`` around ``[start, end)``."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min([i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0], default=len(text))
    return text[left:right]


def _src_names(seg: AnalyzedSegment) -> frozenset[str]:
    """Words written in the English as proper nouns (capitalized mid-sentence) or acronyms."""
    names = set()
    for tok in seg.src_words:
        original = seg.src[tok.start:tok.end]
        if original[0].isupper() and not seg.is_sentence_initial(tok) or original.isupper() and len(original) > 1:
            names.add(tok.norm)
    return frozenset(names)


def _kept_on_purpose(seg: AnalyzedSegment, tok, names: frozenset[str], src_surfaces: frozenset[str]) -> bool:
    """A brand, a name or acronym of the source kept as is, an identifier, a word too rare in English
    to be a left-over one, or one letter."""
    word = tok.norm
    if word in brands() or _SKIP.match(word) or word in _ESCAPES or len(word) == 1:
        return True
    surface = seg.tgt[tok.start:tok.end]
    chunk = _chunk(seg.tgt, tok.start, tok.end)
    if any(c.isdigit() for c in chunk) or any(c.isupper() for c in surface[1:]) or _DOMAIN.search(chunk):
        return True                        # identifiers and coined names: bat-SL-CoVZX45, rhACE2, StopCovid
    if word in names:
        return not _left_from_a_name(seg, tok)
    frequency = zipf(word, "en")
    lowercase_in_source = word in src_surfaces
    return frequency < COMMON_ENGLISH and not (lowercase_in_source and frequency >= RARE_ENGLISH)


def _left_from_a_name(seg: AnalyzedSegment, tok) -> bool:
    """A common English word of a longer name (National Health Commission, Department of Children)
    alone in Latin amid Arabic: a name kept in Latin is kept whole, so this word was left over."""
    word, text = tok.norm, seg.tgt
    if not text[tok.start:tok.end][1:].islower() or zipf(word, "en") < NAME_WORD or not all_lemmas(word):
        return False                       # (an acronym is kept on purpose: ACE, NHC)
    if re.search(r"[A-Za-z0-9]\W{0,2}$", text[max(0, tok.start - 3):tok.start]) \
            or re.match(r"^\W{0,2}[A-Za-z0-9]", text[tok.end:tok.end + 3]):
        return False                       # beside other Latin words or a number: the name kept whole (Horizon 2020)
    words = seg.src_words
    for k, src in enumerate(words):
        if src.norm == word and seg.src[src.start].isupper():
            around = [words[j] for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(words)]
            if any(seg.src[w.start].isupper() and not seg.is_sentence_initial(w) for w in around):
                return True
    return False


def _beside_kept(text: str, latin: list, kept: list[bool], k: int) -> bool:
    """A word next to a name kept in Latin is part of it: TÜV Produkt und Umwelt, Bat SL-CoV-WIV1."""
    before = k > 0 and kept[k - 1] and not text[latin[k - 1].end:latin[k].start].strip()
    after = k + 1 < len(latin) and kept[k + 1] and not text[latin[k].end:latin[k + 1].start].strip(" -")
    return before or after


def _parenthesized(text: str, span: Span) -> str:
    """The whole text of the parentheses around ``span``, or "" when it is not in parentheses."""
    opening, closing = text.rfind("(", 0, span.start), text.find(")", span.end)
    if opening < 0 or closing < 0 or ")" in text[opening:span.start] or "(" in text[span.end:closing]:
        return ""
    return text[opening + 1:closing].strip()


@check("untranslated.latin", category="untranslated", doc=Doc(
    why="English words left in the Arabic were not translated; names and brands that Arabic news keeps in Latin "
        "script are fine.",
    flagged=("The government announced a new ceasefire.", "أعلنت الحكومة عن ceasefire جديد."),
    passed=("Apple released a new iPhone.", "أطلقت Apple هاتف iPhone جديدا.")))
def untranslated_latin(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Latin-script words in the Arabic that are neither names nor brands."""
    runs: list[list] = []
    addresses = _addresses(seg.tgt)
    starts = [start for start, _ in addresses]
    names = _src_names(seg)
    src_surfaces = frozenset(seg.src[t.start:t.end] for t in seg.src_words)
    latin = seg.latin_in_tgt()
    kept = [_kept_on_purpose(seg, tok, names, src_surfaces) or _inside(addresses, starts, tok.start) for tok in latin]
    for k, tok in enumerate(latin):
        if kept[k] or _beside_kept(seg.tgt, latin, kept, k):
            continue
        if runs and seg.tgt[runs[-1][-1].end:tok.start].strip() == "":
            runs[-1].append(tok)
        else:
            runs.append([tok])
    for run in runs:
        if len(run) >= 2 and sum(seg.tgt[t.start].isupper() for t in run) >= 2 or \
                all(t.norm in _FUNCTION_WORDS for t in run):
            continue                       # a title or name kept in Latin: New England Journal of Medicine
        span = Span(run[0].start, run[-1].end)
        inner = _parenthesized(seg.tgt, span)
        if inner and f"({inner})" in seg.src:
            continue                       # a gloss in parentheses, as the English gives it: (Reporter ohne Grenzen)
        text = seg.tgt[span.start:span.end]
        src_match = re.search(rf"(?i)\b{re.escape(text)}\b", seg.src)
        yield Finding("major", f"'{text}' was left in English.",
                      src_span=Span(src_match.start(), src_match.end()) if src_match else None, tgt_span=span,
                      confidence=0.8)
