"""A document's unit features as flat arrays, so a million units cost a few bytes each.

Evidence strings (anchors, dictionary stems) are interned to integer ids in a :class:`Vocabulary`
shared by the two sides of one alignment. A unit's evidence is a run of *items*; an item is a
group of keys that counts once (an English word and all the Arabic stems the dictionary gives it;
an anchor is a group of one key). Groups are interned too, so a word met a thousand times is
stored as a thousand group ids, not a thousand tuples of stems. Both levels are CSR: an offsets
array and an ids array.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

EMPTY = np.zeros(0, dtype=np.int32)
BLOCK_CHUNK = 4096         # blocks united at once (bounds the temporary arrays)


class Vocabulary:
    """Keys and groups of keys as dense ids, in first-seen order (ids only ever compare equal,
    so their order changes no result)."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.groups: dict[str, int] = {}
        self._group_offsets = array("q", [0])
        self._group_keys = array("i")

    def key(self, text: str) -> int:
        return self.keys.setdefault(text, len(self.keys))

    def group(self, joined: str) -> int:
        """The id of a group written as its keys joined with "|"."""
        gid = self.groups.get(joined)
        if gid is None:
            gid = self.groups[joined] = len(self.groups)
            self._group_keys.extend(self.key(k) for k in joined.split("|"))
            self._group_offsets.append(len(self._group_keys))
        return gid

    def group_table(self) -> tuple[np.ndarray, np.ndarray]:
        """(offsets, key ids) of every group so far."""
        return (np.frombuffer(self._group_offsets, dtype=np.int64).copy(),
                np.frombuffer(self._group_keys, dtype=np.int32).copy())


@dataclass(frozen=True)
class Items:
    """Per unit, its items: ``ids[offsets[u]:offsets[u + 1]]``. Ids are keys (anchors) or groups
    (dictionary words, see :class:`Vocabulary`)."""
    offsets: np.ndarray     # int64, units + 1
    ids: np.ndarray         # int32

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def head(self, n: int) -> Items:
        return Items(self.offsets[:n + 1], self.ids[:self.offsets[n]])


@dataclass(frozen=True)
class Features:
    """Everything the aligner knows about a document's units: ``lengths`` (characters),
    ``anchors`` (key ids, a set per unit) and ``lexical`` (group ids, one per dictionary word),
    with the ``vocabulary`` they are ids in."""
    lengths: np.ndarray          # float64
    anchors: Items
    lexical: Items
    vocabulary: Vocabulary

    def __len__(self) -> int:
        return len(self.lengths)

    def head(self, n: int) -> Features:
        """The first ``n`` units (views, nothing copied)."""
        return Features(self.lengths[:n], self.anchors.head(n), self.lexical.head(n), self.vocabulary)

    def blocks(self, k: int) -> Features:
        """Blocks of ``k`` consecutive units as units: lengths summed, anchors united, no
        dictionary words (the coarse level of the DP)."""
        n = len(self)
        starts = np.arange(0, n, k)
        lengths = np.add.reduceat(self.lengths, starts) if n else self.lengths[:0]
        size = len(self.vocabulary.keys) + 1
        counts: list[np.ndarray] = [EMPTY]
        ids: list[np.ndarray] = [EMPTY]
        for u0 in range(0, n, k * BLOCK_CHUNK):         # a bounded number of units at a time
            u1 = min(u0 + k * BLOCK_CHUNK, n)
            lo, hi = self.anchors.offsets[u0], self.anchors.offsets[u1]
            unit = np.repeat(np.arange(u0, u1), np.diff(self.anchors.offsets[u0:u1 + 1]))
            pairs = distinct((unit // k - u0 // k) * size + self.anchors.ids[lo:hi])
            counts.append(np.bincount(pairs // size, minlength=-(-(u1 - u0) // k)))
            ids.append((pairs % size).astype(np.int32))
        offsets = np.concatenate([[0], np.cumsum(np.concatenate(counts))]).astype(np.int64)
        lexical = Items(np.zeros(len(starts) + 1, dtype=np.int64), EMPTY)
        return Features(lengths, Items(offsets, np.concatenate(ids).astype(np.int32)), lexical, self.vocabulary)


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values (np.unique without its hash table, slow on large int64 keys)."""
    values = np.sort(values)
    return values[np.concatenate([[True], values[1:] != values[:-1]])] if len(values) else values


def from_units(units: Iterable, vocabulary: Vocabulary | None = None) -> Features:
    """Features of per-unit objects (anything with ``length``, ``anchors`` and ``lexical``, as
    :class:`mtkit.align.features.UnitFeatures`), in one pass: the objects are not kept."""
    vocab = vocabulary or Vocabulary()
    lengths = array("d")
    anchors, lexical = _Builder(), _Builder()
    for unit in units:
        lengths.append(unit.length)
        anchors.add(vocab.key(a) for a in sorted(unit.anchors))
        lexical.add(vocab.group(item) for item in unit.lexical)
    return Features(np.frombuffer(lengths, dtype=np.float64).copy(), anchors.items(), lexical.items(), vocab)


def feature_pair(src: Features | Sequence, tgt: Features | Sequence) -> tuple[Features, Features]:
    """Both sides as Features in one vocabulary (per-unit objects are converted)."""
    if isinstance(src, Features) and isinstance(tgt, Features):
        return src, tgt
    if isinstance(src, Features) or isinstance(tgt, Features):
        raise TypeError("give both sides as Features (one vocabulary), or neither")
    vocabulary = Vocabulary()
    return from_units(src, vocabulary), from_units(tgt, vocabulary)


def lengths(units: Features | Sequence) -> np.ndarray:
    """The units' lengths as float64, from features or per-unit objects."""
    if isinstance(units, Features):
        return units.lengths
    return np.array([u.length for u in units], dtype=np.float64)


class _Builder:
    """Items grown a unit at a time (compact ``array``s, not lists of Python ints)."""

    def __init__(self) -> None:
        self.offsets, self.ids = array("q", [0]), array("i")

    def add(self, run: Iterable[int]) -> None:
        self.ids.extend(run)
        self.offsets.append(len(self.ids))

    def items(self) -> Items:
        return Items(np.frombuffer(self.offsets, dtype=np.int64).copy(), np.frombuffer(self.ids, dtype=np.int32).copy())
