"""Evidence the two sides share inside the DP's band: for one kind of evidence (anchors, or
dictionary words), the sparse counts of keys shared by source unit r and target unit c, and each
unit's count of items, priced by the DP as a Dice coefficient over a bead's units.

Everything is computed on the flat arrays of :mod:`mtkit.align.flat`, a chunk of units at a time,
so the work and the memory grow linearly with the document.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from mtkit.align import features
from mtkit.align.flat import Items, distinct
from mtkit.align.params import side_weights

CHUNK = 4096               # units expanded at once (bounds the temporary arrays)

# (offsets, key ids) of each item id: groups for dictionary words, one key each for anchors
Table = tuple[np.ndarray, np.ndarray]
Occurrences = tuple[np.ndarray, np.ndarray, np.ndarray]


def identity_table(n_keys: int) -> Table:
    return np.arange(n_keys + 1, dtype=np.int64), np.arange(n_keys, dtype=np.int32)


def _expand(table: Table, item_ids: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner, key) for every key of every item."""
    offsets, keys = table
    counts = np.diff(offsets)[item_ids]
    total = int(counts.sum())
    starts = np.repeat(offsets[item_ids], counts)
    position = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(owners, counts), keys[starts + position]


def _chunks(items: Items) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(unit of each item, item ids) for the items of CHUNK units at a time."""
    for u0 in range(0, len(items), CHUNK):
        u1 = min(u0 + CHUNK, len(items))
        lo, hi = int(items.offsets[u0]), int(items.offsets[u1])
        owners = np.repeat(np.arange(u0, u1, dtype=np.int64), np.diff(items.offsets[u0:u1 + 1]))
        yield owners, items.ids[lo:hi]


def _unit_counts(items: Items, table: Table, n_keys: int) -> np.ndarray:
    """For every key, the number of units that have it."""
    count = np.zeros(n_keys, dtype=np.int64)
    if n_keys == 0:
        return count
    for owners, ids in _chunks(items):
        units, keys = _expand(table, ids, owners)
        pairs = distinct(units * n_keys + keys)
        count += np.bincount(pairs % n_keys, minlength=n_keys)
    return count


def _sub_table(table: Table, keep: np.ndarray) -> Table:
    """The table with only the keys where ``keep`` is true."""
    offsets, keys = table
    kept = keep[keys]
    group = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    counts = np.bincount(group[kept], minlength=len(offsets) - 1)
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64), keys[kept]


def _occurrences(items: Items, table: Table, common: np.ndarray, frequent: np.ndarray) -> Occurrences:
    """(unit, key) of each common key occurrence (a key once per item that has it), and each
    unit's count of items that keep a key that is not frequent."""
    offsets, keys = table
    group = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    keeps = np.bincount(group, weights=~frequent[keys], minlength=len(offsets) - 1) > 0
    sizes = np.zeros(len(items), dtype=np.float64)
    common_table = _sub_table(table, common)
    units, found = [], []
    for owners, ids in _chunks(items):
        sizes += np.bincount(owners, weights=keeps[ids], minlength=len(items))
        u, k = _expand(common_table, ids, owners)
        units.append(u)
        found.append(k.astype(np.int64))
    if not units:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), sizes
    return np.concatenate(units), np.concatenate(found), sizes


def occurrences(src: Items, tgt: Items, table: Table, n_keys: int, cap_units: int) -> tuple[Occurrences, Occurrences]:
    """Key occurrences on each side, keeping only keys that occur on both sides and are not too
    frequent to tell units apart (in more than ANCHOR_MAX_SHARE of ``cap_units`` units)."""
    s_count, t_count = _unit_counts(src, table, n_keys), _unit_counts(tgt, table, n_keys)
    # the share is of a document of at most cap_units units: in a long one, a key met in
    # thousands of units tells nearby units apart no better, and would cost a join that grows
    # with its square inside the band
    cap_s = max(features.ANCHOR_MIN_CAP, features.ANCHOR_MAX_SHARE * min(len(src), cap_units))
    cap_t = max(features.ANCHOR_MIN_CAP, features.ANCHOR_MAX_SHARE * min(len(tgt), cap_units))
    common = (s_count > 0) & (s_count <= cap_s) & (t_count > 0) & (t_count <= cap_t)
    frequent = (s_count > cap_s) | (t_count > cap_t)
    return _occurrences(src, table, common, frequent), _occurrences(tgt, table, common, frequent)


def overlaps(src_occ: Occurrences, tgt_occ: Occurrences, m: int, cmin: np.ndarray, cmax: np.ndarray):
    """Sparse (r, c, count) of shared keys between source unit r and target unit c, only for
    c in [cmin[r], cmax[r]) (the band), found with sorted keys instead of testing every pair."""
    s_unit, s_key, _ = src_occ
    t_unit, t_key, _ = tgt_occ
    empty = np.zeros(0, dtype=np.int64)
    if len(s_unit) == 0 or len(t_unit) == 0:
        return empty, empty, np.zeros(0)
    keys = np.sort(t_key * (m + 1) + t_unit)
    start = np.searchsorted(keys, s_key * (m + 1) + cmin[s_unit])
    stop = np.searchsorted(keys, s_key * (m + 1) + np.maximum(cmax[s_unit], cmin[s_unit]))
    sizes = stop - start
    total = int(sizes.sum())
    if total == 0:
        return empty, empty, np.zeros(0)
    rows = np.repeat(s_unit, sizes)
    # positions start[k], start[k]+1, ..., stop[k]-1 for every occurrence k, flattened
    offsets = np.arange(total) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    cols = keys[np.repeat(start, sizes) + offsets] % (m + 1)
    pair, count = np.unique(rows * (m + 1) + cols, return_counts=True)
    return pair // (m + 1), pair % (m + 1), count.astype(np.float64)


class Channel:
    """One kind of evidence as sparse overlaps inside the band: ``a_src``/``a_tgt`` are prefix
    sums of the units' item counts, ``ov_r, ov_c, ov_n`` the shared keys (sorted by r), ``cap`` the
    most a bead's Dice counts, ``w_src``/``w_tgt`` what an item of each side counts in it (1, or
    params.side_weights where ``balanced``)."""

    def __init__(self, src: Items, tgt: Items, table: Table, n_keys: int, cap_units: int, weight: float,
                 m: int, cmin: np.ndarray, cmax: np.ndarray, cap: float = 1.0, balanced: bool = False) -> None:
        src_occ, tgt_occ = occurrences(src, tgt, table, n_keys, cap_units)
        self.weight, self.cap = weight, cap
        self.a_src = np.concatenate([[0.0], np.cumsum(src_occ[2])])
        self.a_tgt = np.concatenate([[0.0], np.cumsum(tgt_occ[2])])
        self.w_src, self.w_tgt = side_weights(float(self.a_src[-1]), float(self.a_tgt[-1])) if balanced else (1.0, 1.0)
        self.ov_r, self.ov_c, self.ov_n = overlaps(src_occ, tgt_occ, m, cmin, cmax)
