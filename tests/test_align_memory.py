"""Alignment memory grows by a bounded number of bytes per unit (issues 13 and 16: a million
units per side under 2 GiB). Measured with tracemalloc (numpy's buffers included), not timing."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

from mtkit.align import dp
from mtkit.align.documents import align_units

DATA = Path(__file__).resolve().parent / "data" / "align"
EN = (DATA / "verses.en.txt").read_text(encoding="utf-8").splitlines()
AR = (DATA / "verses.ar.txt").read_text(encoding="utf-8").splitlines()
# bytes per unit per side the alignment may add: flat features (~150 per side), the DP's back
# pointers (one byte per band cell) and the result's Bead objects (~290); the per-unit objects
# and float64 cost table this replaced took ~5,800
PER_UNIT = 1500


def _peak(units: int) -> int:
    reps = units // len(EN) + 1
    src, tgt = (EN * reps)[:units], (AR * reps)[:units]
    del tgt[units // 3]                                  # a deletion, so the path is not all 1-1
    tracemalloc.start()
    try:
        beads = align_units(src, tgt)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(len(b.src) for b in beads) == units
    return peak


def test_memory_per_unit_is_bounded(monkeypatch):
    # a small full-DP limit, so documents of thousands of units take the coarse-to-fine path of
    # a million-unit one and the fixed cost of the coarsest full DP does not hide the slope
    monkeypatch.setattr(dp, "FULL_LIMIT", 200)
    align_units(EN, AR)                                  # dictionary and caches loaded first
    small, large = _peak(1000), _peak(3000)
    assert (large - small) / 2000 < PER_UNIT
