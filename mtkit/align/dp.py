"""Bead dynamic programming over a band, vectorized in blocks of rows.

Cost of a bead = Gale-Church length cost (capped for a longer target where the document's ratio
swings one way, Noise.cap) + bead-type prior − anchor and dictionary bonuses (Dice
overlap of the bead's anchors, dictionary words; a 2-2 bead with evidence across its inner
boundary earns at least its diagonal's two 1-1 bonuses, _bonus) + the document's own cost of two sides that share
no dictionary word (Noise.unshared) − optional similarity bonus + the records' surplus where a side's
units open with a recurring formula (params.record_surplus). Bead costs for a block of rows are computed at once
with numpy (2-D arrays over rows × band columns); the row loop only takes minima. Documents longer
than ``FULL_LIMIT`` units are aligned coarse-to-fine: blocks of units are aligned first, and the
full-resolution search stays near that path, so time and memory grow linearly with the input.
For the whole band only back pointers are kept (one byte a cell) and the costs of the rows a bead
can reach back to; the chosen path's costs are replayed afterwards (_path_costs) with the same
arithmetic, so scores are the same floats a full cost table gives.
"""
from __future__ import annotations

import copy
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mtkit.align import features, params, records
from mtkit.align.evidence import Channel, identity_table
from mtkit.align.flat import Features, feature_pair, lengths
from mtkit.align.records import Joins
from mtkit.align.params import (  # noqa: F401 - PRIOR, DEFAULT_BEADS and prior are read as dp.* too
    DEFAULT_BEADS,
    EM_ROUNDS,
    FIRST_SPREAD,
    FIT_MIN_UNITS,
    FIT_SAMPLE,
    INF,
    PRIOR,
    STRUCTURE_MARGIN,
    Noise,
    bead_types,
    fitted_noise,
    neighbours,
    prior,
    unshared_cost,
)
from mtkit.align.params import ratio as _ratio
from mtkit.align.params import score as _score
from mtkit.model import Bead

EXTRA_WEIGHT = 6.0         # cost bonus for a bead with similarity 1 (embedding path)
FULL_LIMIT = 1000          # above this many units per side, go coarse-to-fine
COARSE_BLOCKS = 10000      # blocks per side at the coarse level (deeper levels recurse)
COARSE_FACTOR = 8          # most units in one coarse block
BAND_MARGIN = 32           # units of slack on each side of the coarse path, besides 2 blocks
CELL_BUDGET = 400_000      # band cells whose bead costs are computed at once
BLOCK_ROWS = 512           # most rows priced at once (see _fill)
TRACE_CHUNK = 1 << 16      # path cells turned into Python objects at once (see _trace)
KEEP_CELLS = 100_000       # a table this small keeps its blocks' noise-free terms across EM rounds

Extra = Callable[[int, int, int, int], float]


def length_cost(ls: np.ndarray, lt: np.ndarray, ratio: float | None = None,
                variance: float = 0.0, spread: float = 0.0) -> np.ndarray:
    """Gaussian negative log-likelihood of Gale-Church's delta; ``spread`` adds variance that
    grows with the square of the length (a ratio that itself varies from unit to unit)."""
    half_square, scaled, square, _ = length_terms(ls, lt, ratio, variance)
    return half_square / (scaled + spread * square)


def length_terms(ls: np.ndarray, lt: np.ndarray, ratio: float | None = None,
                 variance: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """length_cost's parts that the spread does not change (kept across EM rounds):
    ½ delta², variance × mean length, (ratio × mean length)² and whether the target is longer
    than the ratio says (where a Noise's cap applies)."""
    ratio = features.LENGTH_RATIO if ratio is None else ratio
    variance = variance or features.LENGTH_VARIANCE
    # the variance is calibrated at LENGTH_RATIO; translation noise is proportional to length,
    # so at another ratio it scales with the ratio squared
    variance = variance * (ratio / features.LENGTH_RATIO) ** 2
    mean = np.maximum(ls + lt / ratio, 2.0) / 2
    diff = lt - ls * ratio
    return 0.5 * diff * diff, variance * mean, (ratio * mean) ** 2, diff > 0


@dataclass(frozen=True)
class _Terms:
    """The evidence of some beads of one type that a document's noise does not change: the
    length cost's parts (length_terms), each channel's bonus (weight × Dice; channels sharing no
    key left out), 1 where the two sides have dictionary words and share none, the similarity."""
    length: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
    bonuses: tuple[np.ndarray, ...]
    unshared: np.ndarray | None
    extra: np.ndarray | None
    surplus: np.ndarray | None = None     # units a side has beyond the other's records (_surplus)


# a bead type's entry in a block: where it fits and its terms (None for 1-0); None for 0-1
_Kept = tuple[np.ndarray, _Terms | None] | None


class _Costs:
    """Everything needed to price any bead inside the band. A document's EM rounds differ only
    in the noise (:meth:`with_noise`): the channels, and each block's noise-free terms
    (:class:`_Terms`) when the table is priced more than once (``rounds``) and is at most
    KEEP_CELLS cells, are computed once."""

    def __init__(self, src: Features, tgt: Features, lo, hi, types, extra_score: Extra | None, noise: Noise,
                 rounds: int = 1, joins: Joins = (None, None)):
        n, m = len(src), len(tgt)
        self.m, self.lo, self.hi, self.types, self.extra = m, lo, hi, types, extra_score
        # records.joins of each side as prefix sums (None: the side shows no records)
        src_sums, tgt_sums = records.prefix_sums(joins)
        self.joins = (None if src_sums is None else np.asarray(src_sums, dtype=np.float64),
                      None if tgt_sums is None else np.asarray(tgt_sums, dtype=np.float64))
        self.ls = np.concatenate([[0.0], np.cumsum(src.lengths, dtype=np.float64)])
        self.lt = np.concatenate([[0.0], np.cumsum(tgt.lengths, dtype=np.float64)])
        self._set_noise(noise)
        self.max_a = max(a for a, _ in types)
        self.max_b = max(b for _, b in types)
        # target units that a bead touching source unit r can cover (lo/hi are monotone)
        ahead = np.minimum(np.arange(n) + self.max_a, n)
        cmin = np.maximum(lo[np.arange(n)] - self.max_b, 0)
        cmax = np.minimum(hi[ahead], m)
        n_keys = len(src.vocabulary.keys)
        self.channels = [Channel(src.anchors, tgt.anchors, identity_table(n_keys), n_keys, FIT_SAMPLE,
                                 params.ANCHOR_WEIGHT, m, cmin, cmax, balanced=params.ANCHOR_BALANCED)]
        if len(src.lexical.ids) and len(tgt.lexical.ids):
            self.channels.append(Channel(src.lexical, tgt.lexical, src.vocabulary.group_table(), n_keys,
                                         FIT_SAMPLE, params.LEXICAL_WEIGHT, m, cmin, cmax, params.LEXICAL_DICE_CAP))
        keep = rounds > 1 and (n + 1) * int((hi - lo).max()) <= KEEP_CELLS
        self._kept: dict[tuple, list[_Kept]] | None = {} if keep else None

    def _set_noise(self, noise: Noise) -> None:
        self.noise = noise
        self.ratio = noise.ratio or _ratio(self.ls[-1], self.lt[-1])

    def with_noise(self, noise: Noise) -> _Costs:
        """The same table priced with another noise (the next EM round)."""
        other = copy.copy(self)
        other._set_noise(noise)
        return other

    def block(self, i0: int, i1: int, width: int) -> np.ndarray:
        """Bead costs for rows i0..i1-1 (prefix lengths) and band columns 0..width-1: an array
        (types, rows, width), INF where the bead does not fit."""
        out = np.full((len(self.types), i1 - i0, width), INF)
        key = (i0, i1, width, self.ratio, self.noise.variance)
        kept = self._kept.get(key) if self._kept is not None else None
        if kept is None:
            kept = self._block_terms(i0, i1, width)
            if self._kept is not None:
                self._kept[key] = kept
        for t, ((a, b), entry) in enumerate(zip(self.types, kept)):
            if entry is None:
                continue                                              # insertions: a scan per row
            ok, terms = entry
            if terms is None:
                out[t][ok] = self.noise.prior(a, 0)
            else:
                out[t] = np.where(ok, self._priced(terms, a, b), INF)
        return out

    def _block_terms(self, i0: int, i1: int, width: int) -> list[_Kept]:
        """Per bead type of ``block``: where it fits, and its noise-free terms (None for 1-0)."""
        rows = np.arange(i0, i1)
        lo_r = self.lo[rows][:, None]
        cols = lo_r + np.arange(width)[None, :]                      # target prefix length j
        inside = cols < np.minimum(self.hi[rows], self.m + 1)[:, None]
        jc = np.minimum(cols, self.m)
        c_lo, c_hi = int(self.lo[i0:i1].min()), int(min(self.hi[i0:i1].max(), self.m + 1))
        windows = [self._prefix_window(ch, i0, i1, c_lo, c_hi) for ch in self.channels]
        by_a: dict[tuple[int, int], np.ndarray] = {}
        out: list[_Kept] = []
        for a, b in self.types:
            if a == 0:
                out.append(None)
                continue
            ok = inside & (rows[:, None] >= a) & (cols >= b)
            if b == 0:
                out.append((ok, None))
                continue
            ia = np.maximum(rows - a, 0)[:, None]
            jb = np.maximum(jc - b, 0)
            commons: list[np.ndarray | None] = []
            for k, window in enumerate(windows):
                if window is None:
                    commons.append(None)
                    continue
                grid, r0, c0 = window
                if (k, a) not in by_a:  # shared keys of source units [i - a, i) with targets < j
                    by_a[k, a] = grid[rows - r0] - grid[np.maximum(rows - a - r0, 0)]
                strip = by_a[k, a]
                last = strip.shape[1] - 1
                commons.append(np.take_along_axis(strip, np.clip(jc - c0, 0, last), 1)
                               - np.take_along_axis(strip, np.clip(jb - c0, 0, last), 1))
            cells: list[_Cells | _Crossings | None] | None = None
            if (a, b) == (2, 2):
                cells = [None if w is None else self._crossings(ch, w, i0, i1, width)
                         for ch, w in zip(self.channels, windows)]
            extra = self._extra_block(rows, cols, ok, a, b) if self.extra is not None else None
            out.append((ok, self._terms(rows[:, None], ia, jc, jb, commons, extra, cells)))
        return out

    def price(self, i: np.ndarray, ia: np.ndarray, j: np.ndarray, jb: np.ndarray, a: int, b: int,
              commons: Sequence[np.ndarray | None], extra: np.ndarray | None,
              cells: Sequence[_Cells | None] | None = None) -> np.ndarray:
        """Cost of beads src[ia:i] ~ tgt[jb:j] of type (a, b), b > 0, elementwise (any shape), given
        each channel's shared keys (None: none shared) and, for 2-2 beads, its unit pairs' (_Cells).
        The one formula both the DP's blocks and the path's replay (:func:`_path_costs`) use, so
        both give the same floats."""
        return self._priced(self._terms(i, ia, j, jb, commons, extra, cells), a, b)

    def _terms(self, i, ia, j, jb, commons: Sequence[np.ndarray | None], extra: np.ndarray | None,
               cells: Sequence[_Cells | _Crossings | None] | None = None) -> _Terms:
        length = length_terms(self.ls[i] - self.ls[ia], self.lt[j] - self.lt[jb], self.ratio, self.noise.variance)
        cells = cells or [None] * len(self.channels)
        bonuses = tuple(_bonus(ch, i, ia, j, jb, common, cell)
                        for ch, common, cell in zip(self.channels, commons, cells) if common is not None)
        unshared = _unshared(self.channels[1], i, ia, j, jb, commons[1]) if len(self.channels) > 1 else None
        return _Terms(length, bonuses, unshared, extra, _surplus(self.joins, i, ia, j, jb))

    def _priced(self, terms: _Terms, a: int, b: int) -> np.ndarray:
        """The cost of beads of type (a, b) from their terms and the noise (length_cost's formula)."""
        noise = self.noise
        half_square, scaled, square, longer = terms.length
        c = half_square / (scaled + noise.spread * square)
        if noise.cap:       # a longer target's cost approaches the cap (params.fitted_noise)
            c = np.where(longer, c * noise.cap / (c + noise.cap), c)
        c += noise.prior(a, b)
        for bonus in terms.bonuses:
            c -= bonus
        if noise.unshared and terms.unshared is not None:
            c += noise.unshared * terms.unshared
        if terms.extra is not None:
            c -= EXTRA_WEIGHT * terms.extra
        if terms.surplus is not None:
            c += params.RECORD_WEIGHT * terms.surplus
        return c

    def path_price(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> np.ndarray:
        """``price`` of beads ending at (i, j) (1-D arrays), the shared keys counted from the
        sparse overlaps instead of a window's prefix sums (both exact integer counts)."""
        ia, jb = i - a, j - b
        commons: list[np.ndarray | None] = list(self.commons(i, j, a, b))
        cells: list[_Cells | None] | None = None
        if (a, b) == (2, 2):     # each unit pair's shared keys: (ia, jb) (ia+1, jb+1) (ia, jb+1) (ia+1, jb)
            pairs = [self.commons(ia + 1 + di, jb + 1 + dj, 1, 1) for di, dj in ((0, 0), (1, 1), (0, 1), (1, 0))]
            cells = [(d1, d2, c1, c2) for d1, d2, c1, c2 in zip(*pairs)]
        extra = None
        if self.extra is not None:
            extra = np.array([self.extra(int(x - a), int(x), int(y - b), int(y)) for x, y in zip(i, j)])
        return self.price(i, ia, j, jb, a, b, commons, extra, cells)

    def commons(self, i: np.ndarray, j: np.ndarray, a: int, b: int) -> list[np.ndarray]:
        """Each channel's shared keys of the beads of type (a, b) ending at (i, j) (1-D arrays),
        from the sparse overlaps (the same integer counts as the DP's windows)."""
        out = []
        for ch in self.channels:
            common = np.zeros(len(i))
            prefix = np.concatenate([[0.0], np.cumsum(ch.ov_n)])
            key = ch.ov_r * (self.m + 1) + ch.ov_c                     # sorted (np.unique's order)
            for r in range(a):                                        # source units i - a .. i - 1
                row = (i - a + r) * (self.m + 1)
                common += prefix[np.searchsorted(key, row + j)] - prefix[np.searchsorted(key, row + j - b)]
            out.append(common)
        return out

    def _prefix_window(self, ch: Channel, i0: int, i1: int, c_lo: int, c_hi: int):
        """2-D prefix sums of shared anchors, ``grid[i - r0, j - c0]`` = shared anchors between
        source units [r0, i) and target units [c0, j), over the window that rows i0..i1-1 can
        reach; None when no anchor is shared there."""
        r0 = max(i0 - self.max_a, 0)
        c0 = max(c_lo - self.max_b, 0)
        height, width = i1 - r0, max(c_hi - c0, 1)
        lo_k, hi_k = np.searchsorted(ch.ov_r, [r0, i1])     # ov_r is sorted
        r, c, cnt = ch.ov_r[lo_k:hi_k], ch.ov_c[lo_k:hi_k], ch.ov_n[lo_k:hi_k]
        sel = (c >= c0) & (c < c0 + width)
        if not sel.any():
            return None
        grid = np.zeros((height + 1, width + 1))
        np.add.at(grid, (r[sel] - r0 + 1, c[sel] - c0 + 1), cnt[sel])
        return grid.cumsum(0).cumsum(1), r0, c0

    def _crossings(self, ch: Channel, window, i0: int, i1: int, width: int) -> _Crossings:
        """The 2-2 beads of rows i0..i1-1 (block cells) that a crossing unit pair of a window
        (_prefix_window) can raise: found from the window's unit pairs with Dice above
        CROSSING_DICE (few), so the diagonal's Dice is computed for those beads only."""
        grid, r0, c0 = window
        h = min(grid.shape[0] - 1, len(self.ls) - 1 - r0)      # the window's units (not prefix n or m)
        w = min(grid.shape[1] - 1, self.m - c0)
        g = grid[:h + 1, :w + 1]
        common = g[1:, 1:] - g[:-1, 1:] - g[1:, :-1] + g[:-1, :-1]   # each unit pair's, from the prefix sums
        r = np.arange(r0, r0 + h)[:, None]
        c = np.arange(c0, c0 + w)[None, :]
        pair = _dice(ch, r + 1, r, c + 1, c, common)                # Dice of unit pair (r0 + x, c0 + y)
        x, y = np.nonzero(pair > params.CROSSING_DICE)
        # a crossing pair (r, c) is the pair (ia, jb + 1) of the bead at (r, c - 1), (ia + 1, jb) of (r - 1, c)
        ia = np.concatenate([x, x - 1]) + r0
        jb = np.concatenate([y - 1, y]) + c0
        fits = (ia >= r0) & (ia + 1 < r0 + h) & (jb >= c0) & (jb + 1 < c0 + w) & (ia + 2 >= i0) & (ia + 2 < i1)
        ia, jb = ia[fits], jb[fits]
        k = jb + 2 - self.lo[ia + 2]
        inside = (k >= 0) & (k < width)
        ia, jb, k = ia[inside], jb[inside], k[inside]
        return _Crossings((ia + 2 - i0, k), pair[ia - r0, jb - c0], pair[ia + 1 - r0, jb + 1 - c0])

    def _extra_block(self, rows, cols, ok, a, b) -> np.ndarray:
        out = np.zeros(ok.shape)
        assert self.extra is not None
        for r, k in zip(*np.nonzero(ok)):
            i, j = int(rows[r]), int(cols[r, k])
            out[r, k] = self.extra(i - a, i, j - b, j)
        return out


# A 2-2 bead's shared keys unit pair by unit pair: its diagonal (first with first, second with
# second) and its crossing pairs (first source with second target, second source with first target)
_Cells = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class _Crossings:
    """A block's 2-2 beads that have a crossing unit pair with Dice above CROSSING_DICE: their
    cells (block rows, columns) and the Dice of their diagonal's first and second unit pairs."""
    at: tuple[np.ndarray, np.ndarray]
    first: np.ndarray
    second: np.ndarray


def _bonus(ch: Channel, i, ia, j, jb, common: np.ndarray, cells: _Cells | _Crossings | None) -> np.ndarray:
    """A bead's bonus: weight × its Dice. A 2-2 bead whose crossing pairs share evidence (a
    boundary moved on both sides: [e1 e2][e3] ~ [a1][a2 a3] has e2 ~ a2 across it) earns at
    least what its diagonal's two 1-1 beads earn, which one bead's Dice over four units
    cannot: two 1-1 beads would collect the evidence twice. ``cells``: the unit pairs' shared
    keys (a path's beads) or a block's crossing beads (_Costs._crossings); the same floats."""
    bonus = ch.weight * _dice(ch, i, ia, j, jb, common)
    if cells is None:
        return bonus
    if isinstance(cells, _Crossings):
        diagonal = ch.weight * cells.first + ch.weight * cells.second
        bonus[cells.at] = np.maximum(bonus[cells.at], diagonal)
        return bonus
    first, second = ia + 1, jb + 1
    d1, d2, c1, c2 = cells
    crossed = np.maximum(_dice(ch, first, ia, j, second, c1), _dice(ch, i, first, second, jb, c2))
    diagonal = ch.weight * _dice(ch, first, ia, second, jb, d1) + ch.weight * _dice(ch, i, first, j, second, d2)
    return np.where(crossed > params.CROSSING_DICE, np.maximum(bonus, diagonal), bonus)


def _dice(ch: Channel, i, ia, j, jb, common: np.ndarray) -> np.ndarray:
    """The Dice coefficient of a bead's shared keys, each side's items weighed as the channel
    says (Channel.w_src, w_tgt), at most the channel's cap."""
    total = ch.w_src * (ch.a_src[i] - ch.a_src[ia]) + ch.w_tgt * (ch.a_tgt[j] - ch.a_tgt[jb])
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(total > 0, 2 * common / np.maximum(total, 1), 0.0)
    return np.minimum(dice, ch.cap)


def _surplus(joins: tuple[np.ndarray | None, np.ndarray | None], i, ia, j, jb) -> np.ndarray | None:
    """params.record_surplus of beads src[ia:i] ~ tgt[jb:j] (None: neither side shows records)."""
    src, tgt = joins
    if src is None and tgt is None:
        return None
    return np.asarray(params.record_surplus(i - ia, j - jb, None if src is None else src[i] - src[ia],
                                            None if tgt is None else tgt[j] - tgt[jb]), dtype=np.float64)


def _unshared(ch: Channel, i, ia, j, jb, common: np.ndarray | None) -> np.ndarray:
    """1 where both sides of a bead have dictionary words and share none, else 0."""
    both = (ch.a_src[i] > ch.a_src[ia]) & (ch.a_tgt[j] > ch.a_tgt[jb])
    return (both & (common == 0 if common is not None else True)).astype(np.float64)


def align_features(src: Features | Sequence, tgt: Features | Sequence, *,
                   max_bead: int = 2, band: tuple[np.ndarray, np.ndarray] | None = None,
                   extra_score: Extra | None = None, noise: Noise | None = None,
                   keep_parallel: bool = False, joins: Joins = (None, None)) -> list[Bead]:
    """Align two unit sequences. ``band`` gives, per source prefix length i (0..n), the target
    prefix range [lo, hi) to search (both monotone, lo[0] = 0, hi[n] = m + 1);
    ``extra_score(i0, i1, j0, j1)`` may add a similarity in [0, 1] for src[i0:i1] ~ tgt[j0:j1].
    Without ``noise`` the document's own is estimated (:func:`fit_noise`) from a first alignment
    and the document aligned again with it. ``joins``: each side's records (records.joins: a unit's
    records beyond its first; None where the side shows none). With ``keep_parallel``, two sides with as many units
    each stay 1-1 unless another path is cheaper by STRUCTURE_MARGIN. ``src`` and ``tgt`` are
    :class:`Features` with one vocabulary, or sequences of per-unit features (tests, small inputs)."""
    src, tgt = feature_pair(src, tgt)
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    if band is None:
        if n > FULL_LIMIT or m > FULL_LIMIT:
            band = _coarse_band(src, tgt, max_bead)
        else:
            band = (np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64))
    lo = np.clip(np.asarray(band[0], dtype=np.int64), 0, m)
    hi = np.clip(np.asarray(band[1], dtype=np.int64), lo + 1, m + 1)
    types = bead_types(max_bead)
    if noise is None and max(n, m) > FULL_LIMIT:
        noise = _sample_noise(src, tgt, max_bead, extra_score, joins)
    fitted = noise is None
    rounds = EM_ROUNDS + 1 if fitted and min(n, m) >= FIT_MIN_UNITS else 1
    costs = _Costs(src, tgt, lo, hi, types, extra_score, noise or Noise(spread=FIRST_SPREAD), rounds, joins)
    for round_ in range(rounds):
        filled = _fill(costs, n, lo, hi, types)
        if round_ == rounds - 1:
            beads = _trace(filled, costs, lo, types, n, m)
            break
        # a round that fits the noise needs the beads' shapes only: no scores replayed
        beads = _trace(filled, costs, lo, types, n, m, scored=False)
        new = fit_noise(src, tgt, beads, costs.ratio, costs)
        if new == noise:
            beads = _trace(filled, costs, lo, types, n, m)
            break
        noise = new
        costs = costs.with_noise(new)
    if keep_parallel and n == m and any(len(b.src) != 1 or len(b.tgt) != 1 for b in beads):
        # equal counts: N goes with N unless the other path is clearly better: each bead of it
        # that is not 1-1 must earn STRUCTURE_MARGIN (a merge must beat the two 1-1 beads it
        # replaces clearly, not by a hair)
        diagonal = np.arange(n + 1, dtype=np.int64)
        one = bead_types(1)
        d_costs = _Costs(src, tgt, diagonal, diagonal + 1, one, extra_score, costs.noise, joins=joins)
        d_filled = _fill(d_costs, n, diagonal, diagonal + 1, one)
        changed = sum(1 for b in beads if len(b.src) != 1 or len(b.tgt) != 1)
        if d_filled.last[0] - filled.last[m - lo[n]] < STRUCTURE_MARGIN * changed:
            return _trace(d_filled, d_costs, diagonal, one, n, m)
    return beads


def _sample_noise(src: Features, tgt: Features, max_bead: int, extra_score: Extra | None,
                  joins: Joins = (None, None)) -> Noise:
    """A long document's noise, fitted (EM) on its first FIT_SAMPLE source units and the target
    units their share of the length reaches, so the whole document is aligned once."""
    m = len(tgt)
    total_s = float(src.lengths.sum()) or 1
    size = min(FIT_SAMPLE, FULL_LIMIT)        # within one full DP, so this does not recurse
    share = float(src.lengths[:size].sum()) / total_s
    k = min(m, size, max(1, round(share * m)))
    head_s, head_t = src.head(size), tgt.head(k)
    head_joins = (None if joins[0] is None else joins[0][:size], None if joins[1] is None else joins[1][:k])
    beads = align_features(head_s, head_t, max_bead=max_bead, joins=head_joins)
    beads = beads[: int(len(beads) * 0.8)]          # the cut end of a prefix aligns poorly
    ratio = _ratio(float(src.lengths.sum()), float(tgt.lengths.sum()))
    n_head = len(head_s)
    full = (np.zeros(n_head + 1, dtype=np.int64), np.full(n_head + 1, k + 1, dtype=np.int64))
    costs = _Costs(head_s, head_t, *full, bead_types(max_bead), extra_score, Noise())
    return fit_noise(src, tgt, beads, ratio, costs)


def fit_noise(src: Features | Sequence, tgt: Features | Sequence, beads: Sequence[Bead], ratio: float,
              costs: _Costs | None = None) -> Noise:
    """The document's own noise, from an alignment of it (params.fitted_noise; ``costs`` for the
    cost of sharing no dictionary word, params.unshared_cost)."""
    ones = [b for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    ls = lengths(src)[[b.src[0] for b in ones]].tolist()
    lt = lengths(tgt)[[b.tgt[0] for b in ones]].tolist()
    unshared = _fit_unshared(costs, ones) if costs is not None and len(costs.channels) > 1 else 0.0
    return fitted_noise(ls, lt, ratio, beads, unshared)


def _fit_unshared(costs: _Costs, ones: Sequence[Bead]) -> float:
    """params.unshared_cost, counted on the 1-1 beads of an alignment and their neighbours."""
    n, m = len(costs.ls) - 1, costs.m
    pos = {(b.src[0] + 1, b.tgt[0] + 1) for b in ones}
    neg = neighbours(pos, n, m)
    if len(pos) < FIT_MIN_UNITS or not neg:
        return 0.0
    ch = costs.channels[1]

    def counts(cells: set[tuple[int, int]]) -> tuple[int, int]:
        i = np.array(sorted(cells), dtype=np.int64)
        j, i = i[:, 1], i[:, 0]
        common = costs.commons(i, j, 1, 1)[1]
        both = (ch.a_src[i] > ch.a_src[i - 1]) & (ch.a_tgt[j] > ch.a_tgt[j - 1])
        return int(np.sum(both & (common == 0))), int(np.sum(both))

    return unshared_cost(counts(pos), counts(neg))


@dataclass(frozen=True)
class _Filled:
    """What the DP keeps: every cell's back pointer (int8), the last row's costs, the insertion
    scan's offsets and the scan values a path's replay cannot derive (see _insertions). The
    costs of the other rows are dropped as soon as no bead can reach back to them."""
    back: np.ndarray                               # (n + 1, width): bead type that reached each cell
    last: np.ndarray                               # costs of row n
    offset: np.ndarray
    scanned: dict[tuple[int, int], float]


def _fill(costs: _Costs, n: int, lo: np.ndarray, hi: np.ndarray, types) -> _Filled:
    """The DP: the cost of cell (i, k) is the cheapest alignment of src[:i] with tgt[:lo[i] + k]."""
    width = int((hi - lo).max())
    depth = max(a for a, _ in types) + 1           # rows a bead can span, plus the current one
    ring = np.full((depth, width), INF)            # row i's costs live in ring[i % depth]
    back = np.full((n + 1, width), -1, dtype=np.int8)
    t_ins = types.index((0, 1))
    p_ins = costs.noise.prior(0, 1)
    offset = p_ins * np.arange(width)
    scanned: dict[tuple[int, int], float] = {}
    ring[0, 0] = 0.0
    _insertions(ring[0], back[0], int(hi[0] - lo[0]), offset, t_ins, 0, scanned)
    steps = [(t, a, b) for t, (a, b) in enumerate(types) if a > 0]
    # each bead type's candidates for a row, side by side: the cheapest, the first type on a tie
    # (argmin), is what taking them in order with a strict "cheaper" gives, in a few calls a row
    cands = np.empty((len(types), width))
    # rows per block: few enough that the anchor window (rows x the columns they reach) stays small
    chunk = max(8, min(CELL_BUDGET // width, BLOCK_ROWS))
    starts, ends = lo.tolist(), hi.tolist()
    for i0 in range(1, n + 1, chunk):
        i1 = min(i0 + chunk, n + 1)
        block = costs.block(i0, i1, width)
        for i in range(i0, i1):
            cands.fill(INF)
            for t, a, b in steps:
                if a > i:
                    continue
                d = starts[i] - b - starts[i - a]     # column k of row i comes from k + d of row i - a
                k0, k1 = max(0, -d), min(width, width - d)
                if k0 >= k1:
                    continue
                np.add(block[t, i - i0, k0:k1], ring[(i - a) % depth, k0 + d:k1 + d], out=cands[t, k0:k1])
            best = ring[i % depth]
            cands.min(axis=0, out=best)
            reached = best < INF               # INF plus a price may round above INF: never a step
            back[i] = np.where(reached, cands.argmin(axis=0), -1)
            np.copyto(best, INF, where=~reached)
            _insertions(best, back[i], ends[i] - starts[i], offset, t_ins, i, scanned)
    return _Filled(back, ring[n % depth].copy(), offset, scanned)


def _insertions(best: np.ndarray, arg: np.ndarray, valid: int, offset: np.ndarray, t_ins: int, i: int,
                scanned: dict[tuple[int, int], float]) -> None:
    """Insertions (0-1) chain along a row: best[k] = min(best[k], best[k-1] + p), as a scan.

    An inserted cell's cost is ``min(own[:k + 1]) + offset[k]`` (own = cost - offset). The replay
    of a path (_path_costs) takes that minimum to be the own cost of the chain's first cell, which
    it knows; where rounding (the 1e-9 tolerance) makes it another cell's, the minimum is kept in
    ``scanned``, so the replay gives the same floats."""
    row = best[:valid]
    own = row - offset[:valid]
    low = np.minimum.accumulate(own)
    through = low + offset[:valid]
    inserted = through < row - 1e-9      # strict: the scan reproduces best[k] itself up to rounding
    if not inserted.any():
        return
    start = np.maximum.accumulate(np.where(inserted, -1, np.arange(valid)))
    odd = inserted & ((start < 0) | (low != own[np.maximum(start, 0)]))
    for k in np.flatnonzero(odd):
        scanned[i, int(k)] = float(low[k])
    np.copyto(row, through, where=inserted)
    arg[:valid][inserted] = t_ins


def _trace(filled: _Filled, costs: _Costs, lo: np.ndarray, types, n: int, m: int, scored: bool = True) -> list[Bead]:
    """The cheapest path, from the back pointers, with each bead's score from its replayed cost
    (``scored``; else every score is 0.0: beads only a noise fit reads)."""
    if not 0 <= m - lo[n] < filled.back.shape[1] or filled.last[m - lo[n]] >= INF:
        raise RuntimeError("alignment band does not reach the end")  # cannot happen: band ends at m
    back, starts = filled.back, lo.tolist()
    size = n + m
    path_i, path_j, path_t = (np.zeros(size, dtype=np.int64) for _ in range(3))
    i, j, step = n, m, size
    while i > 0 or j > 0:
        t = int(back[i, j - starts[i]])
        step -= 1
        path_i[step], path_j[step], path_t[step] = i, j, t
        a, b = types[t]
        i, j = i - a, j - b
    path = (path_i[step:], path_j[step:], path_t[step:])
    if scored:
        steps = np.diff(_path_costs(path, filled, costs, lo, types), prepend=0.0)   # each bead's own cost
    else:
        steps = np.full(size - step, INF)           # params.score(INF) is 0.0
    beads: list[Bead] = []
    for s0 in range(0, len(steps), TRACE_CHUNK):     # Python lists of a bounded size at a time
        part = slice(s0, s0 + TRACE_CHUNK)
        for i, j, t, cost in zip(path_i[step:][part].tolist(), path_j[step:][part].tolist(),
                                 path_t[step:][part].tolist(), steps[part].tolist()):
            a, b = types[t]
            beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), _score(cost)))
    return beads


def _path_costs(path: tuple[np.ndarray, np.ndarray, np.ndarray], filled: _Filled, costs: _Costs,
                lo: np.ndarray, types) -> np.ndarray:
    """The DP cost of every cell of a path, replayed from (0, 0) with _fill's own arithmetic: a
    bead's price (_Costs.price) plus its predecessor's cost, or an insertion chain's scan value."""
    path_i, path_j, path_t = path
    prices = np.zeros(len(path_i))
    for t, (a, b) in enumerate(types):
        sel = path_t == t
        if a == 0 or not sel.any():
            continue
        prices[sel] = costs.noise.prior(a, 0) if b == 0 else costs.path_price(path_i[sel], path_j[sel], a, b)
    t_ins = types.index((0, 1))
    offset = filled.offset.tolist()
    columns = path_j - lo[path_i]
    values = np.zeros(len(path_i))
    value = chain = 0.0             # cost of cell (0, 0), and the own cost of a chain's first cell
    for s0 in range(0, len(values), TRACE_CHUNK):
        part = slice(s0, s0 + TRACE_CHUNK)
        out = []
        for i, k, t, price in zip(path_i[part].tolist(), columns[part].tolist(), path_t[part].tolist(),
                                  prices[part].tolist()):
            if t == t_ins:
                value = filled.scanned.get((i, k), chain) + offset[k]
            else:
                value = price + value
                chain = value - offset[k]
            out.append(value)
        values[part] = out
    return values


def _coarse_band(src: Features, tgt: Features, max_bead: int) -> tuple[np.ndarray, np.ndarray]:
    """Align blocks of ``k`` units, then widen that path into a band at full resolution."""
    n, m = len(src), len(tgt)
    # at most COARSE_FACTOR units a block, so the band (and the DP table) stays narrow however long
    # the document; the coarse level recurses until it fits FULL_LIMIT
    k = max(2, min(COARSE_FACTOR, math.ceil(max(n, m) / COARSE_BLOCKS)))

    width = 2 * k + BAND_MARGIN
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    bi = bj = 0                       # the coarse path's position, in blocks
    for bead in align_features(src.blocks(k), tgt.blocks(k), max_bead=2, noise=Noise()):
        i0, i1 = bi * k, min((bi + len(bead.src)) * k, n)
        j0, j1 = bj * k, min((bj + len(bead.tgt)) * k, m)
        lo[i0:i1 + 1] = np.minimum(lo[i0:i1 + 1], max(0, j0 - width))
        hi[i0:i1 + 1] = np.maximum(hi[i0:i1 + 1], min(m + 1, j1 + width + 1))
        bi, bj = bi + len(bead.src), bj + len(bead.tgt)
    lo[0], hi[n] = 0, m + 1
    lo = np.minimum.accumulate(lo[::-1])[::-1]   # monotone, connected band
    hi = np.maximum.accumulate(hi)
    return lo, hi
