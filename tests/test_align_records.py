"""Records (mtkit.align.records): units that open with a recurring formula, and what the DP makes of them."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from mtkit.align import dp, params, records, small
from mtkit.align.documents import align_units
from mtkit.align.features import ar_features, en_features

DATA = Path(__file__).resolve().parent / "data" / "align"
EN = (DATA / "verses.en.txt").read_text(encoding="utf-8").splitlines()
AR = (DATA / "verses.ar.txt").read_text(encoding="utf-8").splitlines()
# every Arabic unit opens with the chain's formula, inflected as hadith collections write it
OPENERS = ("حدثنا", "وحدثنا", "حدثني", "وحدثني")
HADITHS = [f"{OPENERS[k % 4]} {a} ." for k, a in enumerate(AR)]


def test_a_unit_holding_two_records_shows_the_formula_after_a_sentence_end():
    units = HADITHS[:10]
    two = HADITHS[:3] + [HADITHS[3] + " " + HADITHS[4]] + HADITHS[5:10]
    assert records.joins(units, arabic=True) == [0] * 10
    assert records.joins(two, arabic=True) == [0, 0, 0, 1, 0, 0, 0, 0, 0]


def test_the_formula_inside_a_sentence_is_not_a_record():
    # a chain repeats its formula after commas: "حدثنا قتيبة، حدثنا ليث، عن نافع"
    units = [f"حدثنا فلان، حدثنا فلان، عن نافع {a} ." for a in AR[:10]]
    assert records.joins(units, arabic=True) == [0] * 10


def test_text_without_a_recurring_opening_shows_no_records():
    assert records.joins(EN, arabic=False) is None          # verses open with many words
    assert records.joins(AR, arabic=True) is None
    assert records.joins(HADITHS[:5], arabic=True) is None    # too few units to learn from
    narrated = [f"Narrated Abu Huraira: {e}" for e in EN[:10]]
    assert records.joins(narrated, arabic=False) == [0] * 10


def test_surplus_counts_units_beyond_the_other_sides_records():
    # target shows records, source does not
    assert params.record_surplus(2, 1, None, 0) == 1       # two English units, one Arabic record
    assert params.record_surplus(2, 1, None, 1) == 0       # a merged Arabic unit: a true 2-1 bead
    assert params.record_surplus(1, 2, None, 0) == 0       # an English merge the Arabic cannot see
    assert params.record_surplus(2, 2, None, 1) == 0       # a 2-2 bead: [e1 e2][e3] ~ [a1][a2 a3]
    assert params.record_surplus(1, 1, None, 1) == params.BOTH_MERGED   # half of that 2-2 bead
    assert params.record_surplus(1, 2, 0, None) == 1       # the mirror, source showing records
    assert params.record_surplus(1, 1, 0, 0) == 0
    got = params.record_surplus(np.array([2, 2, 1]), np.array([1, 1, 1]), None, np.array([0, 1, 1]))
    assert list(got) == [1.0, 0.0, params.BOTH_MERGED]


def _with_deleted_record(k: int) -> tuple[list[str], list[str]]:
    """English unit k is a shortened variant of its neighbour whose Arabic was deleted."""
    return EN[:k] + [EN[k - 1][:len(EN[k - 1]) // 3] + "."] + EN[k:], HADITHS


def test_a_deleted_record_is_not_merged_into_its_neighbours_bead():
    en, ar = _with_deleted_record(3)
    src, tgt = [en_features(u) for u in en], [ar_features(u) for u in ar]
    joins = (records.joins(en, arabic=False), records.joins(ar, arabic=True))
    assert ((3,), ()) not in [(b.src, b.tgt) for b in dp.align_features(src, tgt)]   # merged: 2-1
    beads = [(b.src, b.tgt) for b in dp.align_features(src, tgt, joins=joins)]
    assert ((3,), ()) in beads and ((2,), (2,)) in beads
    assert ((3,), ()) in [(b.src, b.tgt) for b in align_units(en, ar)]


def test_both_dps_agree_with_records():
    for k in (2, 3, 7, 10):
        en, ar = _with_deleted_record(k)
        src = [en_features(u) for u in en]
        two = ar[:5] + [ar[5] + " " + ar[6]] + ar[7:]
        for t_units in (ar, two):
            t = [ar_features(u) for u in t_units]
            joins = (records.joins(en, arabic=False), records.joins(t_units, arabic=True))
            for keep_parallel in (False, True):
                assert (small.align(src, t, joins=joins, keep_parallel=keep_parallel)
                        == dp.align_features(src, t, joins=joins, keep_parallel=keep_parallel))


def test_prefix_sums_give_a_run_of_units_its_records_by_one_difference():
    src, tgt = records.prefix_sums(([0, 2, 1], None))
    assert src == [0, 0, 2, 3] and tgt is None
    assert src[3] - src[1] == 3                   # units 1 and 2 hold three records beyond one a unit
    assert records.prefix_sums((None, None)) == (None, None)
