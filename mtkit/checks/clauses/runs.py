"""Runs of unexplained words: in each stretch between punctuation marks, the run of content words
that nothing on the other side renders (:func:`lonely_runs`), bounded as a whole clause or not.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from mtkit.text.tokens import Token
from mtkit.checks.clauses.words import ar_content, en_content


_AR_PUNCT = frozenset("،,؛;:.!؟?()«»\"")
_EN_PUNCT = frozenset(",;:.!?()\"“”—–")
# English words that open a clause (a run that starts with one is bounded on its left)
EN_OPENERS = frozenset("""which who whom whose that where while whereas but because leading resulting thereby
since although though when until and or so as including especially according""".split())
# English words that open a subordinate clause, so a clause ends before them (… protein that helps …)
_EN_RELATIVE = frozenset("which who whom whose that where while whereas because since although though when until".split())
@dataclass(frozen=True)
class Run:
    first: int          # indices into the side's words
    last: int
    known: int          # content words in it, none found, that the dictionary knows
    content: int        # content words in it, none found


def between_punctuation(tokens: Sequence[Token], words: Sequence[Token], side: str) -> list[list[int]]:
    """The words (indices) of each stretch between punctuation marks (``words``: the tokens that are
    words, in their order, as AnalyzedSegment gives them)."""
    punct = _AR_PUNCT if side == "ar" else _EN_PUNCT
    stretches: list[list[int]] = [[]]
    k = 0                   # the next word: each token is it (the same object) or no word
    for tok in tokens:
        if k < len(words) and tok is words[k]:
            stretches[-1].append(k)
            k += 1
        elif tok.norm in punct:
            stretches.append([])
    return stretches


def lonely_runs(tokens: Sequence[Token], words: Sequence[Token], found: Sequence[bool], side: str,
                known: Callable[[str], bool], *, bounded: bool, tolerance: int) -> list[Run]:
    """In each stretch between punctuation marks, the run of words with the most known content
    words none of which is found, allowing ``tolerance`` found content words inside it (a common
    word matched by chance). ``bounded``: the run must open the stretch or start with a word that
    opens a clause, and close the stretch: a whole clause that nothing on the other side renders."""
    runs = []
    for ks in between_punctuation(tokens, words, side):
        best = _best_in(ks, words, found, side, known, bounded, tolerance)
        if best is not None:
            runs.append(best)
    return runs


def _best_in(ks: list[int], words: Sequence[Token], found: Sequence[bool], side: str,
             known: Callable[[str], bool], bounded: bool, tolerance: int) -> Optional[Run]:
    content = ar_content if side == "ar" else en_content
    contents = [content(words[k].norm) for k in ks]
    lone = [c and not found[k] for c, k in zip(contents, ks)]
    hit = [c and found[k] for c, k in zip(contents, ks)]
    knows = [lone[e] and known(words[k].norm) for e, k in enumerate(ks)]     # (once per word, not per run)
    # the last content word of the stretch: a whole clause ends there (function words may follow)
    end = max((e for e in range(len(ks)) if lone[e] or hit[e]), default=-1)
    best: Optional[Run] = None
    for s in range(len(ks)):
        # a clause starts where the stretch does or at a word that opens one, even a word found by
        # chance (وسط, "amid", glossed for an English word far away); any other run starts lonely
        # (whether it opens one matters to a bounded run only)
        if bounded and not (s == 0 or _opens(words[ks[s]].norm, side)) or hit[s] and not bounded:
            continue
        hits = n_known = n_content = 0
        for e in range(s, len(ks)):
            hits += hit[e]
            if hits > tolerance:
                break
            if lone[e]:
                n_content += 1
                n_known += knows[e]
                # a found word is noise only inside a run of four lone words per found one
                if (not bounded or e == end or side == "en" and e + 1 < len(ks) and words[ks[e + 1]].norm in _EN_RELATIVE) \
                        and hits * 4 <= n_content and \
                        (best is None or (n_known, n_content) > (best.known, best.content)):
                    best = Run(ks[s], ks[e], n_known, n_content)
    return best


def _opens(word: str, side: str) -> bool:
    """A word that opens a clause: a conjunction or relative word (و, ف, التي; which, and)."""
    if side == "en":
        return word in EN_OPENERS
    return word[0] in "وف" and len(word) > 3 or not ar_content(word)
