"""What the bead DP prices and fits, without numpy: the bead types and their priors, the weights of
the evidence, a document's own noise (:class:`Noise`) and how it is fitted from an alignment.

Both implementations of the DP read these: the vectorized one (mtkit.align.dp) and the plain-Python
one for small documents (mtkit.align.small), which must not import numpy (its import is a large
part of a short run's start-up).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mtkit.align import features
from mtkit.model import Bead

# Bead types and their prior costs (−log of Gale-Church-like priors, relative to 1-1): the
# starting point; each document's own are fitted by fitted_noise. Tuned on the dev splits of eval/data.
DEFAULT_BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))
PRIOR = {(1, 1): 0.0, (1, 0): 3.0, (0, 1): 3.0, (1, 2): 2.3, (2, 1): 2.3, (2, 2): 4.6}
ANCHOR_WEIGHT = 6.0        # cost bonus for a bead whose anchors all match (Dice = 1)
# Anchors' Dice weighs each side's items so that the two sides count alike over the document
# (side_weights): every Arabic word gives a skeleton that might be a name, and a side that keeps
# names the other abbreviates (a chain of six narrators for "Narrated Abu Huraira:") has many more
# items; unweighed, they dilute the few names both sides have. Dictionary words keep plain Dice
# (weighed too, they lose: eval/RESULTS.md, hadith13).
ANCHOR_BALANCED = True
LEXICAL_WEIGHT = 20.0      # cost bonus for a bead whose dictionary words all match (Dice = 1)
# A word pair that both dictionaries link (FreeDict's stem and a BAMA gloss, features) shares two
# keys, so a bead's dictionary Dice may reach 2; capped at 1, a bead that both link well earns no more
# than one that FreeDict alone links, and a 2-2 bead no more than half of two 1-1 beads. Anchors
# (one key each) keep the cap of 1.
LEXICAL_DICE_CAP = 2.0
# A 2-2 bead earns at least its diagonal's two 1-1 bonuses where a crossing unit pair's Dice is above
# this (dp._bonus). Chosen on the dev splits (eval/RESULTS.md, align12: 0.1-0.3 alike).
CROSSING_DICE = 0.2
RATIO_SHRINK = 100.0       # characters of prior evidence for the length ratio (see ratio)
EM_ROUNDS = 2              # re-alignments with the document's own noise (fit_noise)
FIT_SAMPLE = 400           # units of a long document's prefix that its noise is fitted on
FIT_MIN_UNITS = 8          # fewer units per side: too few to fit anything, keep the defaults
FIT_PSEUDO = 50.0          # beads of prior evidence for the bead-type frequencies
# The first pass assumes a swinging ratio: a pass with a narrow length model keeps as 1-1 only
# units whose lengths agree, and would then measure a narrow spread whatever the text.
FIRST_SPREAD = 0.25
STRUCTURE_MARGIN = 6.0     # cost (nats) each non-1-1 bead must save to break N-with-N
UNSHARED_PSEUDO = 4.0     # pairs at even odds that the unshared shares are smoothed with
UNSHARED_WEIGHT = 0.5      # scale of the fitted log odds (tuned on the dev splits: 0.25-0.75)
# A document whose ratio swings one way (the Arabic keeps chains of names or comments that the
# English shortens or drops): where at least TAIL_MIN_SHARE of its 1-1 beads have a target longer
# than TAIL_Z robust deviations above the median, a longer target's length cost is capped near
# CAP_OFFSET + log(1 / that share) nats (an outlier component of the length model), so the DP stops
# inventing merges and deletions to explain it. Chosen on the dev splits (eval/RESULTS.md, align8).
TAIL_Z = 3.0
TAIL_MIN_SHARE = 0.05
CAP_OFFSET = 3.0
# Records (mtkit.align.records): the cost of each unit of a bead's side beyond the records its
# other side holds, and (a share of it) of each record merged on both sides at once, where only one
# side shows its records (record_surplus). Chosen on the dev splits (eval/RESULTS.md, hadith14).
RECORD_WEIGHT = 4.0
BOTH_MERGED = 0.5
MERGE_SLACK = 1.0          # how much cheaper than its default a merge prior may become
INF = 1e18


@dataclass(frozen=True)
class Noise:
    """A document's translation noise: length ratio (None: the document's own, see ratio),
    Gale-Church variance per character, ``spread`` (variance of the length ratio itself, for text
    whose ratio swings from unit to unit), the bead-type priors, ``unshared`` (see unshared_cost)
    and ``cap`` (see fitted_noise)."""
    ratio: float | None = None
    variance: float = 0.0          # 0: features.LENGTH_VARIANCE
    spread: float = 0.0
    priors: tuple[tuple[tuple[int, int], float], ...] = ()
    unshared: float = 0.0          # cost of a bead whose two sides have dictionary words but share none
    cap: float = 0.0               # most a bead's length cost approaches where its target is longer (0: no cap)

    def prior(self, a: int, b: int) -> float:
        for key, value in self.priors:
            if key == (a, b):
                return value
        return prior(a, b)


def bead_types(max_bead: int) -> tuple[tuple[int, int], ...]:
    types = {(1, 0), (0, 1)}
    for a in range(1, max_bead + 1):
        for b in range(1, max_bead + 1):
            if a + b <= max(4, max_bead + 1):
                types.add((a, b))
    return tuple(sorted(types, key=lambda t: (t[0] + t[1], t)))


def prior(a: int, b: int) -> float:
    return PRIOR.get((a, b), 2.3 * (a + b - 2) + (2.2 if 0 in (a, b) else 0.0))


def ratio(total_src: float, total_tgt: float) -> float:
    """The document's own length ratio, shrunk towards LENGTH_RATIO for short documents (in log
    space), so a translator's or a domain's habit is learned without fitting a 3-line paragraph."""
    if total_src <= 0 or total_tgt <= 0:
        return features.LENGTH_RATIO
    w = min(total_src, total_tgt) / (min(total_src, total_tgt) + RATIO_SHRINK)
    return math.exp(w * math.log(total_tgt / total_src) + (1 - w) * math.log(features.LENGTH_RATIO))


def fitted_noise(ls: Sequence[float], lt: Sequence[float], doc_ratio: float, beads: Sequence[Bead],
                 unshared: float) -> Noise:
    """The document's own noise, from an alignment of it (one EM step, robust statistics), given
    the lengths of the two sides of its 1-1 beads and the fitted ``unshared`` cost:

    - ``spread``: the variance of log(target / (ratio × source)) over 1-1 beads (from the median
      absolute deviation, so wrong beads of a first pass weigh little), less what Gale-Church's
      variance already explains at those lengths; 0 for text whose ratio holds steady;
    - ``cap``: where the ratio swings one way (TAIL_MIN_SHARE or more of the 1-1 beads have a
      target more than TAIL_Z robust deviations longer than the median says), the most a longer
      target's length cost approaches: CAP_OFFSET + log(1 / that share); else 0 (Gaussian);
    - priors: bead-type frequencies, smoothed towards the defaults with FIT_PSEUDO beads. A 1-0 or
      0-1 prior never becomes cheaper than its default: a first pass that invents deletions must
      not make the next one invent more (the length evidence alone can still find them).
    """
    spread = cap = 0.0
    if len(ls) >= FIT_MIN_UNITS:
        e = [math.log((t + 1) / (doc_ratio * (s + 1))) for s, t in zip(ls, lt)]
        center = median(e)
        mad = median([abs(x - center) for x in e]) * 1.4826
        explained = median([features.LENGTH_VARIANCE / (features.LENGTH_RATIO ** 2 * max(s, 1.0)) for s in ls])
        spread = round(max(0.0, mad * mad - explained), 3)
        tail = sum(1 for x in e if x - center > TAIL_Z * mad) / len(e) if mad > 0 else 0.0
        if tail >= TAIL_MIN_SHARE:
            cap = round(CAP_OFFSET + math.log(1 / tail), 2)
    counts: dict[tuple[int, int], int] = {}
    for b in beads:
        counts[len(b.src), len(b.tgt)] = counts.get((len(b.src), len(b.tgt)), 0) + 1
    keys = sorted(set(PRIOR) | set(counts))
    base = {k: math.exp(-prior(*k)) for k in keys}
    z = sum(base.values())
    total = sum(counts.values())
    p = {k: (counts.get(k, 0) + FIT_PSEUDO * base[k] / z) / (total + FIT_PSEUDO) for k in keys}
    priors = []
    for k in keys:
        if k == (1, 1):
            continue
        value = -math.log(p[k] / p[1, 1])
        floor = prior(*k) if 0 in k else prior(*k) - MERGE_SLACK
        priors.append((k, round(max(value, floor), 2)))
    return Noise(ratio=None, variance=0.0, spread=spread, priors=tuple(priors), unshared=unshared,
                 cap=cap)


def side_weights(src_items: float, tgt_items: float) -> tuple[float, float]:
    """What one item of each side counts in a balanced channel's Dice, given each side's items
    over the document: the side with more counts ``fewer / more`` an item, the other 1, so that
    both sides weigh alike (1, 1 where they have as many, or one has none)."""
    if src_items <= 0 or tgt_items <= 0:
        return 1.0, 1.0
    if tgt_items > src_items:
        return 1.0, src_items / tgt_items
    return tgt_items / src_items, 1.0


def record_surplus(a, b, src_joins, tgt_joins):
    """A bead's a source and b target units (both > 0) against the records they hold beyond one a
    unit (records.joins summed over the bead; None: that side shows no records): each unit of one
    side beyond the records of the other counts 1 (a deletion merged into a neighbour's bead);
    where only one side shows records, each of its extra records beyond the other side's extra
    units counts BOTH_MERGED (the other side would have merged the same records: a 2-2 bead cut
    in two). Plain arithmetic, so it takes numbers or numpy arrays alike."""
    def positive(x):
        return (x + abs(x)) / 2

    out = 0.0
    if tgt_joins is not None:
        out = out + positive(a - b - tgt_joins)
        if src_joins is None:
            out = out + BOTH_MERGED * positive(tgt_joins - a + 1)
    if src_joins is not None:
        out = out + positive(b - a - src_joins)
        if tgt_joins is None:
            out = out + BOTH_MERGED * positive(src_joins - b + 1)
    return out


def unshared_cost(pos: tuple[int, int], neg: tuple[int, int]) -> float:
    """How much less likely a true pair is than a pair one unit off to share no dictionary word,
    in this document: log odds from (pairs sharing nothing, pairs where both sides have dictionary
    words) among the 1-1 beads of an alignment (``pos``) and their neighbours (``neg``), smoothed
    with UNSHARED_PSEUDO pairs at even odds. Where the dictionary links most true pairs, a pair
    that shares nothing is evidence against itself."""
    def share(counts: tuple[int, int]) -> float:
        return (float(counts[0]) + UNSHARED_PSEUDO / 2) / (float(counts[1]) + UNSHARED_PSEUDO)

    return round(max(0.0, math.log(share(neg) / share(pos))) * UNSHARED_WEIGHT, 2)


def neighbours(pos: set[tuple[int, int]], n: int, m: int) -> set[tuple[int, int]]:
    """Cells one unit off the 1-1 beads' cells (1-based prefix ends), inside the table."""
    return {(i + di, j + dj) for i, j in pos for di, dj in ((0, 1), (0, -1), (1, 0), (-1, 0))
            if 1 <= i + di <= n and 1 <= j + dj <= m} - pos


def median(values: Sequence[float]) -> float:
    """The median of finite values (as ``np.median`` gives it, without numpy.ma's NaN check)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return float(ordered[half]) if len(ordered) % 2 else float((ordered[half - 1] + ordered[half]) / 2)


def score(step_cost: float) -> float:
    """A bead's cost as a confidence in [0, 1] (1 = cheap, certain)."""
    return float(math.exp(-max(step_cost, 0.0) / 4.0))
