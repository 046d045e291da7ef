"""The bead DP of mtkit.align.dp for small documents, in plain Python.

A short audit aligns a dozen paragraphs and a few sentences inside each: there, importing numpy
and calling it on rows of a dozen cells costs more than the whole DP does in Python. This is the
same DP over the full table (the band dp uses below its FULL_LIMIT), with the same arithmetic in
the same order, so it gives the same beads and the same float scores (tests/test_align_small.py
compares the two on generated documents; eval/align_quality.py's numbers are unchanged):

- evidence as in mtkit.align.evidence: per channel (anchors; dictionary words), keys shared by
  both sides and in at most ANCHOR_MAX_SHARE of a side's units, counted once per item that has
  them; a bead's Dice coefficient over its units' items, at most the channel's cap;
- prices as in dp._Costs.price: length cost (capped for a longer target, Noise.cap), prior, Dice
  bonuses (a 2-2 bead's as dp._bonus), the unshared cost, the records' surplus; a bead that does not
  fit costs INF, added like any other price;
- rows filled as in dp._fill (bead types in order, strictly cheaper wins), then insertions as its
  scan (_insertions: min of own costs, the same 1e-9 tolerance);
- the document's noise fitted as in dp.fit_noise (params.fitted_noise), the structure rule as in
  dp.align_features.

A bead's score is the difference of the full table's cells along the path, which dp replays.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import accumulate

from mtkit.align import features, params, records
from mtkit.align.features import UnitFeatures
from mtkit.align.params import INF, Noise
from mtkit.align.records import Joins
from mtkit.model import Bead

# Largest DP tables (cells, (n + 1) × (m + 1)) aligned here rather than with numpy, measured with
# eval/align_small.py: up to SMALL_CELLS plain Python is about as fast as numpy's per-row calls
# even with numpy imported; up to FIRST_CELLS it takes less CPU than importing numpy (0.045-0.07 s)
# and numpy's DP, which a run that has not imported numpy yet would pay (80 lines a side, 6,561
# cells, is about even). Either way the beads are the same.
SMALL_CELLS = 300
FIRST_CELLS = 5000


def fits(n: int, m: int) -> bool:
    """Whether to align n × m units here (see SMALL_CELLS)."""
    cells = (n + 1) * (m + 1)
    return cells <= SMALL_CELLS or (cells <= FIRST_CELLS and "numpy" not in sys.modules)


class _Channel:
    """One kind of evidence: each unit's count of items (as prefix sums) and the shared keys of
    every unit pair (r, c) that shares any."""

    def __init__(self, src: list[list[tuple[str, ...]]], tgt: list[list[tuple[str, ...]]], weight: float,
                 cap: float = 1.0, balanced: bool = False) -> None:
        self.weight, self.cap = weight, cap
        s_count, t_count = _unit_counts(src), _unit_counts(tgt)
        cap_s = max(features.ANCHOR_MIN_CAP, features.ANCHOR_MAX_SHARE * min(len(src), params.FIT_SAMPLE))
        cap_t = max(features.ANCHOR_MIN_CAP, features.ANCHOR_MAX_SHARE * min(len(tgt), params.FIT_SAMPLE))
        common = {k for k, c in s_count.items() if c <= cap_s and 0 < t_count.get(k, 0) <= cap_t}
        frequent = {k for k, c in s_count.items() if c > cap_s} | {k for k, c in t_count.items() if c > cap_t}
        self.a_src = _prefix(_sizes(src, frequent))
        self.a_tgt = _prefix(_sizes(tgt, frequent))
        self.w_src, self.w_tgt = params.side_weights(self.a_src[-1], self.a_tgt[-1]) if balanced else (1.0, 1.0)
        s_occ, t_occ = _occurrences(src, common), _occurrences(tgt, common)
        # per source unit that shares any key, the keys it shares with target units [0, c), c = 0..m
        self.shared: list[list[int] | None] = []
        for s_keys in s_occ:
            counts = [sum(n * t_keys[k] for k, n in s_keys.items() if k in t_keys) for t_keys in t_occ] if s_keys else []
            self.shared.append(_prefix_counts(counts) if any(counts) else None)

    def rows(self, ia: int, i: int) -> list[int] | None:
        """The keys source units [ia, i) share with target units [0, c), c = 0..m (None: none)."""
        found = [row for row in self.shared[ia:i] if row is not None]
        if len(found) < 2:
            return found[0] if found else None
        return [sum(column) for column in zip(*found)]

    def common(self, ia: int, i: int, jb: int, j: int) -> int:
        """Shared keys of source units [ia, i) and target units [jb, j)."""
        row = self.rows(ia, i)
        return row[j] - row[jb] if row is not None else 0


def _unit_counts(units: list[list[tuple[str, ...]]]) -> dict[str, int]:
    """For every key, the number of units that have it."""
    count: dict[str, int] = {}
    for items in units:
        for key in {k for item in items for k in item}:
            count[key] = count.get(key, 0) + 1
    return count


def _sizes(units: list[list[tuple[str, ...]]], frequent: set[str]) -> list[int]:
    """Each unit's count of items that keep a key that is not frequent."""
    return [sum(1 for item in items if any(k not in frequent for k in item)) for items in units]


def _occurrences(units: list[list[tuple[str, ...]]], common: set[str]) -> list[dict[str, int]]:
    """Per unit, each common key's occurrences (once per item that has it)."""
    out = []
    for items in units:
        found: dict[str, int] = {}
        for item in items:
            for key in item:
                if key in common:
                    found[key] = found.get(key, 0) + 1
        out.append(found)
    return out


def _prefix(values: Sequence[float]) -> list[float]:
    """Prefix sums from 0.0, added left to right."""
    return list(accumulate(values, initial=0.0))


def _prefix_counts(values: Sequence[int]) -> list[int]:
    """Prefix sums of counts, exact integers."""
    return list(accumulate(values, initial=0))


class _Evidence:
    """The channels, and each bead's evidence terms (they do not depend on the noise: computed once
    for all of a document's EM passes)."""

    def __init__(self, channels: list[_Channel]) -> None:
        self.channels = channels
        self.lexical = channels[1] if len(channels) > 1 else None

    def of(self, ia: int, i: int, b: int, ends: Sequence[int]) -> list[tuple[tuple[float, ...], bool]]:
        """For the beads src[ia:i] ~ tgt[j - b:j], j in ``ends``: each channel's bonus (weight ×
        Dice, as dp._dice) that is not 0 (subtracting 0.0 changes no float), and whether both sides
        have dictionary words but share none (dp._unshared)."""
        shared = [ch.rows(ia, i) for ch in self.channels]
        lex = self.lexical
        two_two = i - ia == 2 and b == 2
        out = []
        for j in ends:
            jb = j - b
            bonuses = []
            for ch, row in zip(self.channels, shared):
                common = row[j] - row[jb] if row is not None else 0
                if common:          # else Dice 0, a bonus of 0.0 (a 2-2 bead's diagonal shares nothing either)
                    bonus = ch.weight * _dice(ch, ia, i, jb, j, common)
                    if two_two:
                        bonus = _two_two_bonus(ch, ia, jb, bonus)
                    if bonus:
                        bonuses.append(bonus)
            unshared = (lex is not None and lex.a_src[i] > lex.a_src[ia] and lex.a_tgt[j] > lex.a_tgt[jb]
                        and (shared[1] is None or shared[1][j] == shared[1][jb]))
            out.append((tuple(bonuses), unshared))
        return out


def _dice(ch: _Channel, ia: int, i: int, jb: int, j: int, common: float) -> float:
    """dp._dice for one bead."""
    total = ch.w_src * (ch.a_src[i] - ch.a_src[ia]) + ch.w_tgt * (ch.a_tgt[j] - ch.a_tgt[jb])
    dice = 2 * common / max(total, 1) if total > 0 else 0.0
    return min(dice, ch.cap)


def _two_two_bonus(ch: _Channel, ia: int, jb: int, bonus: float) -> float:
    """dp._bonus of the 2-2 bead src[ia:ia + 2] ~ tgt[jb:jb + 2] whose own bonus is ``bonus``."""
    def pair(r: int, c: int) -> float:
        return _dice(ch, r, r + 1, c, c + 1, ch.common(r, r + 1, c, c + 1))

    if max(pair(ia, jb + 1), pair(ia + 1, jb)) <= params.CROSSING_DICE:   # the crossing test first:
        return bonus                                                       # it rarely passes
    return max(bonus, ch.weight * pair(ia, jb) + ch.weight * pair(ia + 1, jb + 1))


# A bead's evidence that the noise does not change (dp._Terms): ½ delta², variance × mean length,
# (ratio × mean length)², whether the target is longer than the ratio says, the bonuses, unshared,
# the records' surplus (None: neither side shows records).
_Terms = tuple[float, float, float, bool, tuple[float, ...], bool, float | None]
# per bead type of a row: the first column it reaches and its beads' terms (None: does not fit)
_Row = list[tuple[int, list[_Terms | None] | None]]


class _Costs:
    """Everything needed to price any bead (dp._Costs over the full table)."""

    def __init__(self, src: Sequence[UnitFeatures], tgt: Sequence[UnitFeatures], noise: Noise,
                 evidence: _Evidence, joins: Joins = (None, None)) -> None:
        self.m = len(tgt)
        self.joins = records.prefix_sums(joins)
        self.evidence = evidence
        self.channels = evidence.channels
        self.ls = _prefix([float(u.length) for u in src])
        self.lt = _prefix([float(u.length) for u in tgt])
        self._length_model: tuple[float | None, float] | None = None
        self.with_noise(noise)

    def with_noise(self, noise: Noise) -> None:
        """Price with another noise (the next EM round). The terms are kept while the noise's
        ratio and variance stay (a fitted noise keeps the document's own and the default)."""
        if self._length_model != (noise.ratio, noise.variance):
            self._length_model = (noise.ratio, noise.variance)
            self.ratio = noise.ratio or params.ratio(self.ls[-1], self.lt[-1])
            variance = noise.variance or features.LENGTH_VARIANCE
            self.variance = variance * (self.ratio / features.LENGTH_RATIO) ** 2
            self._rows: dict[tuple, list[_Row]] = {}
        self.noise = noise
        self.priors = {t: noise.prior(*t) for t in params.bead_types(6)}
        self.unshared = noise.unshared if len(self.channels) > 1 else 0.0

    def terms(self, i: int, a: int, b: int, ends: Sequence[int]) -> list[_Terms]:
        """The noise-free terms of the beads src[i - a:i] ~ tgt[j - b:j], j in ``ends``, b > 0."""
        ls, ratio, variance, lt = self.ls[i] - self.ls[i - a], self.ratio, self.variance, self.lt
        js, jt = self.joins
        src_joins = None if js is None else js[i] - js[i - a]
        out = []
        for j, evidence in zip(ends, self.evidence.of(i - a, i, b, ends)):
            length = lt[j] - lt[j - b]
            mean = max(ls + length / ratio, 2.0) / 2               # dp.length_terms
            scaled = ratio * mean
            diff = length - ls * ratio
            surplus = None if js is None and jt is None else float(
                params.record_surplus(a, b, src_joins, None if jt is None else jt[j] - jt[j - b]))
            out.append((0.5 * diff * diff, variance * mean, scaled * scaled, diff > 0, *evidence, surplus))
        return out

    def rows(self, n: int, lo: list[int], hi: list[int], types, width: int) -> list[_Row]:
        """Per row i and bead type of _fill, the first column k it reaches from row i - a and the
        terms of the beads ending at its columns k.. (None for 1-0 and 0-1 beads), computed once
        for all EM rounds."""
        key = (tuple(lo), tuple(hi), types)
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = []
            m = self.m
            for i in range(n + 1):
                row_lo, row_end = lo[i], min(hi[i], m + 1)
                out: _Row = []
                for a, b in types:
                    if a == 0 or a > i:
                        out.append((0, None))
                        continue
                    d = row_lo - b - lo[i - a]
                    k0, k1 = max(0, -d), min(width, width - d)
                    terms: list[_Terms | None] | None = None
                    if b > 0:           # columns where the bead fits: b <= j < row_end
                        fit0, fit1 = max(k0, b - row_lo), min(k1, row_end - row_lo)
                        terms = [None] * (fit0 - k0)
                        terms.extend(self.terms(i, a, b, range(row_lo + fit0, row_lo + fit1)))
                        terms += [None] * (k1 - k0 - len(terms))
                    out.append((k0, terms))
                found.append(out)
        return found

    def prices(self, terms: list[_Terms | None], a: int, b: int) -> list[float]:
        """dp._Costs._priced of beads of type (a, b), b > 0, from their terms: the same operations in
        the same order; INF where a bead does not fit (None)."""
        noise = self.noise
        spread, cap, prior, unshared = noise.spread, noise.cap, self.priors[a, b], self.unshared
        out = []
        for found in terms:
            if found is None:
                out.append(INF)
                continue
            half_square, scaled, square, longer, bonuses, shares_none, surplus = found
            c = half_square / (scaled + spread * square)
            if cap and longer:
                c = c * cap / (c + cap)
            c += prior
            for bonus in bonuses:
                c -= bonus
            if unshared:
                c += unshared * (1.0 if shares_none else 0.0)
            if surplus is not None:
                c += params.RECORD_WEIGHT * surplus
            out.append(c)
        return out


def _fill(costs: _Costs, n: int, lo: list[int], hi: list[int], types) -> tuple[list[list[float]], list[list[int]]]:
    """dp._fill, keeping every row: cell (i, k) is src[:i] with tgt[:lo[i] + k]."""
    m = costs.m
    width = max(h - low for low, h in zip(lo, hi))
    t_ins = types.index((0, 1))
    p_ins = costs.noise.prior(0, 1)
    offset = [p_ins * k for k in range(width)]
    steps = [(t, a, b) for t, (a, b) in enumerate(types) if a > 0]
    rows = costs.rows(n, lo, hi, types, width)
    table: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        best, arg = [INF] * width, [-1] * width
        if i == 0:
            best[0] = 0.0
        row_lo, row_end = lo[i], min(hi[i], m + 1)
        for t, a, b in steps:
            if a > i:
                continue
            k0, terms = rows[i][t]
            d = row_lo - b - lo[i - a]
            k1 = min(width, width - d)
            if terms is not None:
                prices = costs.prices(terms, a, b)
            else:       # a 1-0 bead (b == 0): its prior where it fits
                p = costs.priors[a, 0]
                prices = [p if row_lo + k < row_end else INF for k in range(k0, k1)]
            prev = table[i - a]
            for k, price, before in zip(range(k0, k1), prices, prev[k0 + d:k1 + d]):
                cand = price + before
                if cand < best[k]:
                    best[k], arg[k] = cand, t
        _insertions(best, arg, hi[i] - lo[i], offset, t_ins)
        table.append(best)
        back.append(arg)
    return table, back


def _insertions(row: list[float], arg: list[int], valid: int, offset: list[float], t_ins: int) -> None:
    """dp._insertions: an inserted cell costs the least own cost (cost - offset) so far + offset."""
    low = INF
    for k in range(valid):
        own = row[k] - offset[k]
        low = own if k == 0 or own < low else low
        through = low + offset[k]
        if through < row[k] - 1e-9:
            row[k], arg[k] = through, t_ins


def _trace(table: list[list[float]], back: list[list[int]], lo: list[int], types, n: int, m: int) -> list[Bead]:
    if table[n][m - lo[n]] >= INF:
        raise RuntimeError("alignment band does not reach the end")   # cannot happen: the band ends at m
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        t = back[i][j - lo[i]]
        path.append((i, j, t))
        a, b = types[t]
        i, j = i - a, j - b
    beads, before = [], 0.0
    for i, j, t in reversed(path):
        value = table[i][j - lo[i]]
        a, b = types[t]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), params.score(value - before)))
        before = value
    return beads


def align(src: Sequence[UnitFeatures], tgt: Sequence[UnitFeatures], *, max_bead: int = 2,
          keep_parallel: bool = False, joins: Joins = (None, None)) -> list[Bead]:
    """dp.align_features for a small document (see :func:`fits`), from per-unit features and each
    side's records (records.joins)."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    channels = [_Channel([[(a,) for a in sorted(u.anchors)] for u in src],
                         [[(a,) for a in sorted(u.anchors)] for u in tgt], params.ANCHOR_WEIGHT,
                         balanced=params.ANCHOR_BALANCED)]
    src_lex = [[tuple(item.split("|")) for item in u.lexical] for u in src]
    tgt_lex = [[tuple(item.split("|")) for item in u.lexical] for u in tgt]
    if any(src_lex) and any(tgt_lex):
        channels.append(_Channel(src_lex, tgt_lex, params.LEXICAL_WEIGHT, params.LEXICAL_DICE_CAP))
    evidence = _Evidence(channels)
    lo, hi = [0] * (n + 1), [m + 1] * (n + 1)
    types = params.bead_types(max_bead)
    noise = None
    rounds = params.EM_ROUNDS + 1 if min(n, m) >= params.FIT_MIN_UNITS else 1
    costs = _Costs(src, tgt, Noise(spread=params.FIRST_SPREAD), evidence, joins)
    for round_ in range(rounds):
        if noise is not None:
            costs.with_noise(noise)
        table, back = _fill(costs, n, lo, hi, types)
        beads = _trace(table, back, lo, types, n, m)
        if round_ == rounds - 1:       # the last round's fit would go unused
            break
        new = _fit_noise(src, tgt, beads, costs)
        if new == noise:
            break
        noise = new
    if keep_parallel and n == m and any(len(b.src) != 1 or len(b.tgt) != 1 for b in beads):
        diagonal = list(range(n + 1))
        one = params.bead_types(1)
        d_table, d_back = _fill(costs, n, diagonal, [k + 1 for k in diagonal], one)
        changed = sum(1 for b in beads if len(b.src) != 1 or len(b.tgt) != 1)
        if d_table[n][0] - table[n][m] < params.STRUCTURE_MARGIN * changed:
            return _trace(d_table, d_back, diagonal, one, n, m)
    return beads


def _fit_noise(src: Sequence[UnitFeatures], tgt: Sequence[UnitFeatures], beads: list[Bead], costs: _Costs) -> Noise:
    """dp.fit_noise."""
    ones = [b for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    ls = [float(src[b.src[0]].length) for b in ones]
    lt = [float(tgt[b.tgt[0]].length) for b in ones]
    unshared = 0.0
    if len(costs.channels) > 1:
        pos = {(b.src[0] + 1, b.tgt[0] + 1) for b in ones}
        neg = params.neighbours(pos, len(src), len(tgt))
        if len(pos) >= params.FIT_MIN_UNITS and neg:
            ch = costs.channels[1]

            def counts(cells: set[tuple[int, int]]) -> tuple[int, int]:
                both = [(i, j) for i, j in cells if ch.a_src[i] > ch.a_src[i - 1] and ch.a_tgt[j] > ch.a_tgt[j - 1]]
                return sum(1 for i, j in both if ch.common(i - 1, i, j - 1, j) == 0), len(both)

            unshared = params.unshared_cost(counts(pos), counts(neg))
    return params.fitted_noise(ls, lt, costs.ratio, beads, unshared)
