"""Records: where a side's units open with a recurring formula, how many records each unit holds.

Some documents are collections of records whose every unit opens the same way (a hadith's
"حدثنا", a law's "Article", a transcript's speaker tag, "Narrated ..."). On such a side a unit that
holds two records shows the formula again after a sentence's end, and a bead of the alignment
cannot pair more units of the other side than it has records: two English units against one Arabic
unit that holds one record is a deletion merged into its neighbour's bead, and a single English unit
against an Arabic unit holding two records is a 2-2 bead cut in two (dp._Costs, small._Costs).

The formula is learned from the document itself (the commonest first word, where it opens at least
OPENER_SHARE of the side's units); text without one (news, verse) gives no records, and the DP
prices it as before.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate

from mtkit.text import dictionary
from mtkit.text.arabic import ar_core
from mtkit.text.normalize import norm

OPENER_SHARE = 0.8         # share of a side's units the formula must open to count as one
MIN_UNITS = 8              # fewer units: too few to learn a formula from
HEAD = 64                  # characters of a unit its first word is read from
# a word right after a sentence's end (read on the raw text: normalizing a whole document costs
# more than the DP; the marks and format characters norm drops may sit between)
_END = ".!?؟»\"”)"
_FORMAT = "\u200c-\u200f\u061c"
_AFTER_END = re.compile(f"[{_END}][{_FORMAT}]*\\s+([^\\s{_END}{_FORMAT}]\\S*)")
# joins() of a document's two sides, source first (None: that side shows no records)
Joins = tuple[Sequence[int] | None, Sequence[int] | None]


@lru_cache(maxsize=100_000)
def _key(word: str, arabic: bool) -> str:
    """A word's key, so the formula's inflections (حدثنا, وحدثني, حدثناه) count as one."""
    if arabic:
        return ar_core(word)
    return dictionary.en_key(word.lower().strip("'\"“‘(:,"))


def joins(units: Sequence[str], arabic: bool) -> list[int] | None:
    """Per unit, how many records it holds beyond its first (the formula again, right after a
    sentence's end), or None where the side's units have no recurring opening formula."""
    if len(units) < MIN_UNITS:
        return None
    # the first word only (from the unit's head: a long document of prose is rejected cheaply)
    first = Counter(_key(w[0], arabic) for w in (norm(u[:HEAD]).split(maxsplit=1) for u in units) if w)
    if not first:
        return None
    opener, count = first.most_common(1)[0]
    if not opener or count < OPENER_SHARE * len(units):
        return None
    return [sum(1 for word in _AFTER_END.findall(u) if _key(norm(word), arabic) == opener) for u in units]


def prefix_sums(joins: Joins) -> tuple[list[int] | None, list[int] | None]:
    """Each side's joins as prefix sums from 0, so the records units [k, l) hold beyond one a unit
    are ``sums[l] - sums[k]`` (a bead's in O(1))."""
    src, tgt = joins
    return (None if src is None else list(accumulate(src, initial=0)),
            None if tgt is None else list(accumulate(tgt, initial=0)))
