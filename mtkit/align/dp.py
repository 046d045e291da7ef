"""Bead dynamic programming, vectorized along each row and restricted to a band.

Cost of a bead = Gale-Church length cost + bead-type prior − anchor bonus (Dice overlap of the
bead's anchors). Documents longer than ``FULL_LIMIT`` units are aligned coarse-to-fine: blocks
of units are aligned first, and the full-resolution search stays near that path, so time and
memory grow linearly with the input.
"""
from __future__ import annotations

import math
from typing import Optional, Sequence

import numpy as np

from mtkit.align.features import LENGTH_RATIO, LENGTH_VARIANCE, UnitFeatures
from mtkit.model import Bead

# Bead types and their prior costs (−log of Gale-Church-like priors, relative to 1-1).
DEFAULT_BEADS = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))
PRIOR = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (1, 2): 2.3, (2, 1): 2.3, (2, 2): 4.6}
ANCHOR_WEIGHT = 6.0
FULL_LIMIT = 3000          # above this many units per side, go coarse-to-fine
INF = 1e18


def bead_types(max_bead: int) -> tuple[tuple[int, int], ...]:
    types = {(1, 0), (0, 1)}
    for a in range(1, max_bead + 1):
        for b in range(1, max_bead + 1):
            if a + b <= max(4, max_bead + 1):
                types.add((a, b))
    return tuple(sorted(types, key=lambda t: (t[0] + t[1], t)))


def prior(a: int, b: int) -> float:
    return PRIOR.get((a, b), 2.3 * (a + b - 2) + (2.2 if 0 in (a, b) else 0.0))


def length_cost(ls: np.ndarray, lt: np.ndarray) -> np.ndarray:
    """Gaussian negative log-likelihood of Gale-Church's delta."""
    mean = ls * LENGTH_RATIO
    delta = (lt - mean) / np.sqrt(LENGTH_VARIANCE * np.maximum(ls + lt / LENGTH_RATIO, 2.0) / 2)
    return 0.5 * delta * delta


class _Anchors:
    """Pairwise anchor overlaps inside the band, stored sparsely by (i, j)."""

    def __init__(self, src: Sequence[UnitFeatures], tgt: Sequence[UnitFeatures],
                 lo: np.ndarray, hi: np.ndarray):
        self.size_src = np.array([len(f.anchors) for f in src], dtype=np.float64)
        self.size_tgt = np.array([len(f.anchors) for f in tgt], dtype=np.float64)
        self.overlap: dict[tuple[int, int], int] = {}
        # invert the target anchors inside the band to avoid testing every pair
        for i, feat in enumerate(src):
            if not feat.anchors:
                continue
            for j in range(max(lo[i] - 2, 0), min(hi[i] + 2, len(tgt))):
                if tgt[j].anchors:
                    common = len(feat.anchors & tgt[j].anchors)
                    if common:
                        self.overlap[(i, j)] = common


def align_features(src: Sequence[UnitFeatures], tgt: Sequence[UnitFeatures], *,
                   max_bead: int = 2, band: Optional[tuple[np.ndarray, np.ndarray]] = None,
                   extra_score=None) -> list[Bead]:
    """Align two unit sequences. ``band`` gives, per source prefix length i (0..n), the target
    prefix range [lo, hi) to search; ``extra_score(i0, i1, j0, j1)`` may add a similarity in [0, 1]."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    if band is None:
        if n > FULL_LIMIT or m > FULL_LIMIT:
            band = _coarse_band(src, tgt, max_bead)
        else:
            band = (np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64))
    lo, hi = band
    types = bead_types(max_bead)
    ls = np.concatenate([[0.0], np.cumsum([f.length for f in src], dtype=np.float64)])
    lt = np.concatenate([[0.0], np.cumsum([f.length for f in tgt], dtype=np.float64)])
    anchors = _Anchors(src, tgt, lo, hi)
    a_src = np.concatenate([[0.0], np.cumsum(anchors.size_src)])
    a_tgt = np.concatenate([[0.0], np.cumsum(anchors.size_tgt)])
    overlap_rows: dict[int, list[tuple[int, int]]] = {}
    for (i, j), c in anchors.overlap.items():
        overlap_rows.setdefault(i, []).append((j, c))

    cost = [None] * (n + 1)        # per row: array over [lo[i], hi[i])
    back = [None] * (n + 1)        # per row: index into `types`
    cost[0] = np.full(hi[0] - lo[0], INF)
    back[0] = np.full(hi[0] - lo[0], -1, dtype=np.int8)
    if lo[0] == 0:
        cost[0][0] = 0.0
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i])
        if i == 0:
            best, arg = cost[0], back[0]
        else:
            best = np.full(len(js), INF)
            arg = np.full(len(js), -1, dtype=np.int8)
        for t, (a, b) in enumerate(types):
            if a > i or a == 0:
                continue
            prev_row = i - a
            pj = js - b
            ok = (pj >= lo[prev_row]) & (pj < hi[prev_row]) & (pj >= 0)
            if not ok.any():
                continue
            prev = np.full(len(js), INF)
            prev[ok] = cost[prev_row][pj[ok] - lo[prev_row]]
            if a and b:
                bead_ls = ls[i] - ls[i - a]
                bead_lt = lt[np.clip(js, 0, m)] - lt[np.clip(js - b, 0, m)]
                c = length_cost(np.full(len(js), bead_ls), bead_lt) + prior(a, b)
                total = (a_src[i] - a_src[i - a]) + a_tgt[np.clip(js, 0, m)] - a_tgt[np.clip(js - b, 0, m)]
                common = np.zeros(len(js))
                for r in range(i - a, i):
                    for j, cnt in overlap_rows.get(r, ()):
                        # pair (r, j) lies in beads ending at column j+1 .. j+b
                        for end in range(j + 1, j + b + 1):
                            k = end - lo[i]
                            if 0 <= k < len(js):
                                common[k] += cnt
                with np.errstate(divide="ignore", invalid="ignore"):
                    dice = np.where(total > 0, 2 * common / np.maximum(total, 1), 0.0)
                c = c - ANCHOR_WEIGHT * np.minimum(dice, 1.0)
                if extra_score is not None:
                    c = c - np.array([ANCHOR_WEIGHT * extra_score(i - a, i, j - b, j) if ok[k] else 0.0
                                      for k, j in enumerate(js)])
            else:
                c = np.full(len(js), prior(a, b))
            cand = prev + c
            better = cand < best
            best = np.where(better, cand, best)
            arg = np.where(better, t, arg)
        # insertions (0-1) chain along the row: best[j] = min(best[j], best[j-1] + p), as a scan
        p = prior(0, 1)
        offset = p * np.arange(len(js))
        scanned = np.minimum.accumulate(best - offset) + offset
        inserted = scanned < best - 1e-9   # strict: the scan reproduces best[j] itself up to rounding
        arg = np.where(inserted, types.index((0, 1)), arg)
        cost[i], back[i] = np.where(inserted, scanned, best), arg
    # trace back from (n, m)
    beads: list[Bead] = []
    i, j = n, m
    if not (lo[n] <= m < hi[n]):
        raise RuntimeError("alignment band does not reach the end")  # cannot happen: band ends at m
    while i > 0 or j > 0:
        t = back[i][j - lo[i]]
        a, b = types[t]
        step = cost[i][j - lo[i]] - cost[i - a][j - b - lo[i - a]]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), _score(step)))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def _score(step_cost: float) -> float:
    """A bead's cost as a confidence in [0, 1] (1 = cheap, certain)."""
    return float(math.exp(-max(step_cost, 0.0) / 4.0))


def _coarse_band(src, tgt, max_bead):
    """Align blocks of ``k`` units, then widen that path into a band at full resolution."""
    n, m = len(src), len(tgt)
    k = max(1, math.ceil(max(n, m) / 1000))

    def blocks(feats):
        return [UnitFeatures(sum(f.length for f in feats[s:s + k]),
                             frozenset().union(*(f.anchors for f in feats[s:s + k])))
                for s in range(0, len(feats), k)]

    width = 2 * k + 8
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    bi = bj = 0                       # the coarse path's position, in blocks
    for bead in align_features(blocks(src), blocks(tgt), max_bead=2):
        i0, i1 = bi * k, min((bi + len(bead.src)) * k, n)
        j0, j1 = bj * k, min((bj + len(bead.tgt)) * k, m)
        lo[i0:i1 + 1] = np.minimum(lo[i0:i1 + 1], max(0, j0 - width))
        hi[i0:i1 + 1] = np.maximum(hi[i0:i1 + 1], min(m + 1, j1 + width + 1))
        bi, bj = bi + len(bead.src), bj + len(bead.tgt)
    lo[0], hi[n] = 0, m + 1
    lo = np.minimum.accumulate(lo[::-1])[::-1]   # monotone, connected band
    hi = np.maximum.accumulate(hi)
    return lo, hi
