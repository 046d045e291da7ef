"""English left in the Arabic. Names and brands kept in Latin script on purpose are fine:
words listed in ``brands.txt``, and words capitalized in the English source (proper nouns)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.data import table
from mtkit.model import Span

_SKIP = re.compile(r"^(?:https?|www|com|org|net)$")
# web addresses, e-mail addresses, handles and hashtags are copied on purpose
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|io|ai|info|news|uk|eu)\b|[@#]\w+")


@lru_cache(maxsize=1)
def brands() -> frozenset[str]:
    out: set[str] = set()
    for row in table("brands.txt"):
        out.update(w.lower() for w in re.findall(r"[A-Za-z0-9]+", row["name"]))
    return frozenset(out)


def _kept_on_purpose(seg: AnalyzedSegment, word: str) -> bool:
    if word in brands() or _SKIP.match(word):
        return True
    # a proper noun or acronym in the source, kept as is
    for tok in seg.src_words:
        if tok.norm == word:
            original = seg.src[tok.start:tok.end]
            if original[0].isupper() and not seg.is_sentence_initial(tok):
                return True
            if original.isupper() and len(original) > 1:
                return True
    return len(word) == 1


@check("untranslated.latin", category="untranslated", doc=Doc(
    why="English words left in the Arabic were not translated; names and brands that Arabic news keeps in Latin "
        "script are fine.",
    flagged=("The government announced a new ceasefire.", "أعلنت الحكومة عن ceasefire جديد."),
    passed=("Apple released a new iPhone.", "أطلقت Apple هاتف iPhone جديدا.")))
def untranslated_latin(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Latin-script words in the Arabic that are neither names nor brands."""
    runs: list[list] = []
    addresses = [m.span() for m in _ADDRESS.finditer(seg.tgt)]
    for tok in seg.latin_in_tgt():
        if _kept_on_purpose(seg, tok.norm) or any(s <= tok.start < e for s, e in addresses):
            continue
        if runs and seg.tgt[runs[-1][-1].end:tok.start].strip() == "":
            runs[-1].append(tok)
        else:
            runs.append([tok])
    for run in runs:
        span = Span(run[0].start, run[-1].end)
        text = seg.tgt[span.start:span.end]
        src_match = re.search(rf"(?i)\b{re.escape(text)}\b", seg.src)
        yield Finding("major", f"'{text}' was left in English.",
                      src_span=Span(src_match.start(), src_match.end()) if src_match else None, tgt_span=span,
                      confidence=0.8)
