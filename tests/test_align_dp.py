"""The bead DP (mtkit.align.dp): bead types, empty sides, coarse-to-fine, determinism."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from mtkit.align import dp, params, small
from mtkit.align.features import UnitFeatures, ar_features, en_features
from mtkit.align.flat import feature_pair

DATA = Path(__file__).resolve().parent / "data" / "align"
EN = (DATA / "verses.en.txt").read_text(encoding="utf-8").splitlines()
AR = (DATA / "verses.ar.txt").read_text(encoding="utf-8").splitlines()


def pairs(beads) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


def align(src: list[str], tgt: list[str], **kwargs):
    return dp.align_features([en_features(s) for s in src], [ar_features(t) for t in tgt], **kwargs)


def check_partition(beads, n: int, m: int) -> None:
    assert [i for b in beads for i in b.src] == list(range(n))
    assert [j for b in beads for j in b.tgt] == list(range(m))
    assert all(b.src or b.tgt for b in beads)
    assert all(0.0 <= b.score <= 1.0 for b in beads)


def test_parallel_verses_are_one_to_one():
    beads = align(EN, AR)
    check_partition(beads, len(EN), len(AR))
    assert pairs(beads) == [((i,), (i,)) for i in range(len(EN))]


def test_deleted_target_gives_one_to_zero():
    # (a deletion between verses of similar length is ambiguous by length: positions are chosen
    # where the lengths decide)
    beads = align(EN, AR[:8] + AR[9:])
    check_partition(beads, len(EN), len(AR) - 1)
    assert ((8,), ()) in pairs(beads)
    assert ((7,), (7,)) in pairs(beads) and ((9,), (8,)) in pairs(beads)


def test_deleted_source_gives_zero_to_one():
    beads = align(EN[:9] + EN[10:], AR)
    check_partition(beads, len(EN) - 1, len(AR))
    assert ((), (9,)) in pairs(beads)
    assert ((9,), (10,)) in pairs(beads)


def test_merged_units_give_two_to_one_and_one_to_two():
    src = EN[:4] + [EN[4] + " " + EN[5]] + EN[6:]            # sources 4+5 merged: 1-2
    tgt = AR[:12] + [AR[12] + " " + AR[13]] + AR[14:]        # targets 12+13 merged: 2-1
    beads = align(src, tgt)
    check_partition(beads, len(src), len(tgt))
    assert ((4,), (4, 5)) in pairs(beads)
    assert ((11, 12), (12,)) in pairs(beads)


def test_empty_sides():
    assert dp.align_features([], []) == []
    feats = [UnitFeatures(10, frozenset())] * 3
    assert pairs(dp.align_features(feats, [])) == [((0,), ()), ((1,), ()), ((2,), ())]
    assert pairs(dp.align_features([], feats[:2])) == [((), (0,)), ((), (1,))]


def test_single_units_and_larger_beads():
    one = [UnitFeatures(100, frozenset())]
    assert pairs(dp.align_features(one, [UnitFeatures(84, frozenset())])) == [((0,), (0,))]
    halves = [UnitFeatures(42, frozenset())] * 3
    beads = dp.align_features([UnitFeatures(126 / 0.84, frozenset())], halves, max_bead=3)
    assert pairs(beads) == [((0,), (0, 1, 2))]


def test_anchors_pick_the_right_pairing():
    # equal lengths everywhere: only the shared numbers can say where the deleted unit was
    src = [UnitFeatures(50, frozenset({f"n:{k}"})) for k in range(6)]
    tgt = [UnitFeatures(42, frozenset({f"n:{k}"})) for k in (0, 1, 3, 4, 5)]
    assert ((2,), ()) in pairs(dp.align_features(src, tgt))


def chain_document() -> tuple[list[UnitFeatures], list[UnitFeatures]]:
    """The case above where every target unit also keeps eight names of its own that the source
    abbreviates (a chain of narrators for "Narrated X:"), source unit 2's target deleted."""
    src = [UnitFeatures(50, frozenset({f"n:{k}"})) for k in range(6)]
    tgt = [UnitFeatures(42, frozenset({f"n:{k}"} | {f"s:c{k}x{c}" for c in range(8)})) for k in (0, 1, 3, 4, 5)]
    return src, tgt


def test_names_only_the_target_keeps_do_not_hide_the_shared_ones():
    # unweighed, a target's eight own names make every bead's anchor Dice small (2 / 10), so the
    # deleted unit merged into its neighbour loses almost nothing; weighed by the document's items
    # per side (params.side_weights), the merge costs what it costs where both sides have one name
    src, tgt = chain_document()
    assert ((2,), ()) in pairs(dp.align_features(src, tgt))


def test_balanced_anchors_align_the_same_in_plain_python():
    # the side weights are not whole numbers: the plain-Python DP (small) weighs and rounds alike
    src, tgt = chain_document()
    assert small.align(src, tgt) == dp.align_features(src, tgt)
    assert small.align(tgt[:4], src) == dp.align_features(tgt[:4], src)


def test_side_weights_make_both_sides_count_alike():
    assert params.side_weights(6, 45) == (1.0, 6 / 45)
    assert params.side_weights(45, 6) == (6 / 45, 1.0)
    assert params.side_weights(10, 10) == (1.0, 1.0)
    assert params.side_weights(0, 10) == (1.0, 1.0)


def test_extra_score_is_used():
    feats = [UnitFeatures(50, frozenset())] * 4
    calls = []

    def extra(i0, i1, j0, j1):
        calls.append((i0, i1, j0, j1))
        return 1.0 if (i0, i1, j0, j1) == (0, 2, 0, 2) else 0.0
    beads = dp.align_features(feats, [UnitFeatures(42, frozenset())] * 4, extra_score=extra)
    assert calls and ((0, 1), (0, 1)) in pairs(beads)


def synthetic(n: int, seed: int):
    """Random unit lengths, translated with noise, with deletions and merges."""
    rng = random.Random(seed)
    src, tgt = [], []
    for _ in range(n):
        length = rng.randint(20, 300)
        x = rng.random()
        src_unit = UnitFeatures(length, frozenset())
        tgt_unit = UnitFeatures(max(1, int(length * 0.84 * rng.uniform(0.85, 1.15))), frozenset())
        if x < 0.03:
            src.append(src_unit)
        elif x < 0.06:
            tgt.append(tgt_unit)
        elif x < 0.1 and tgt:
            tgt[-1] = UnitFeatures(tgt[-1].length + tgt_unit.length, frozenset())
            src.append(src_unit)
        else:
            src.append(src_unit)
            tgt.append(tgt_unit)
    return src, tgt


def test_coarse_to_fine_agrees_with_full_dp(monkeypatch):
    src, tgt = synthetic(1500, seed=3)
    noise = dp.Noise()        # the same noise for both: this is about the band, not the fit
    full = pairs(dp.align_features(src, tgt, noise=noise))
    monkeypatch.setattr(dp, "FULL_LIMIT", 300)
    monkeypatch.setattr(dp, "COARSE_BLOCKS", 200)
    coarse = pairs(dp.align_features(src, tgt, noise=noise))
    check_partition(dp.align_features(src, tgt), len(src), len(tgt))
    same = len(set(full) & set(coarse)) / len(full)
    assert same >= 0.99, same


def test_band_restricts_the_search():
    src, tgt = synthetic(200, seed=5)
    n, m = len(src), len(tgt)
    lo = np.maximum(np.arange(n + 1) - 30, 0)
    hi = np.minimum(np.arange(n + 1) + 30, m + 1)
    lo[0], hi[n] = 0, m + 1
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    banded = pairs(dp.align_features(src, tgt, band=(lo, hi)))
    assert banded == pairs(dp.align_features(src, tgt))


def test_deterministic():
    src, tgt = synthetic(400, seed=11)
    first = dp.align_features(src, tgt)
    assert first == dp.align_features(src, tgt)
    assert pairs(align(EN, AR[:3] + AR[4:])) == pairs(align(EN, AR[:3] + AR[4:]))


@pytest.mark.parametrize("max_bead", [2, 3, 4])
def test_bead_types(max_bead):
    types = dp.bead_types(max_bead)
    assert (1, 0) in types and (0, 1) in types and (1, 1) in types
    assert all(max(t) <= max_bead for t in types)


def test_median_is_numpys_to_the_last_bit():
    from mtkit.align.params import median as _median
    rng = np.random.default_rng(7)
    for n in (1, 2, 3, 4, 9, 10, 101, 1000):
        for _ in range(50):
            values = rng.standard_normal(n) * rng.uniform(0.001, 1000)
            assert _median(values.tolist()) == float(np.median(values))


def test_em_rounds_reusing_a_small_tables_terms_give_the_same_floats(monkeypatch):
    """A small table prices its noise-free terms once for all EM rounds (dp.KEEP_CELLS): the
    beads and float scores are those of pricing every round afresh, on real text with deletions."""
    src, tgt = EN, [t for k, t in enumerate(AR) if k % 9 != 4]
    kept = align(src, tgt)
    reused = [(b.src, b.tgt, b.score) for b in kept]
    monkeypatch.setattr(dp, "KEEP_CELLS", 0)
    assert reused == [(b.src, b.tgt, b.score) for b in align(src, tgt)]
    assert any(not b.tgt for b in kept)      # the deletions were found, with fitted noise


def test_only_the_returned_rounds_beads_are_scored(monkeypatch):
    """The EM rounds that only fit the noise trace their path without replaying its costs; the
    beads returned (last round, or a round whose fit changed nothing) carry every replayed score,
    the same floats as tracing every round with scores."""
    src, tgt = EN, [t for k, t in enumerate(AR) if k % 9 != 4]
    scored_calls: list[bool] = []
    trace = dp._trace

    def spy(*args, scored=True):
        scored_calls.append(scored)
        return trace(*args, scored=scored)

    monkeypatch.setattr(dp, "_trace", spy)
    beads = align(src, tgt)
    assert scored_calls[-1] is True and scored_calls.count(True) == 1 and False in scored_calls
    monkeypatch.setattr(dp, "_trace", lambda *args, scored=True: trace(*args))   # every round scored
    assert [(b.src, b.tgt, b.score) for b in beads] == [(b.src, b.tgt, b.score) for b in align(src, tgt)]
    assert all(b.score > 0 for b in beads)


def _moved_boundary(crossing: tuple[str, ...]) -> tuple[list[UnitFeatures], list[UnitFeatures]]:
    """Eight parallel pairs, each with a word of its own, around [e1 e2][e3] ~ [a1][a2 a3]: the
    English says x y | z, the Arabic x | ``crossing`` z, lengths that fit a 2-2 bead somewhat better."""
    def pairs(word: str) -> tuple[list[UnitFeatures], list[UnitFeatures]]:
        return ([UnitFeatures(100, frozenset(), (f"{word}{k}",)) for k in range(4)],
                [UnitFeatures(84, frozenset(), (f"{word}{k}",)) for k in range(4)])

    (s0, t0), (s1, t1) = pairs("w"), pairs("v")
    src = s0 + [UnitFeatures(150, frozenset(), ("x", "y")), UnitFeatures(100, frozenset(), ("z",))] + s1
    tgt = t0 + [UnitFeatures(100, frozenset(), ("x",)), UnitFeatures(150, frozenset(), (*crossing, "z"))] + t1
    return src, tgt


def test_a_boundary_moved_on_both_sides_is_one_two_two_bead():
    # two 1-1 beads would each earn a bonus for x and z; the 2-2 bead earns as much, and y ~ y
    # across the boundary says the boundary moved
    src, tgt = _moved_boundary(("y",))
    assert ((4, 5), (4, 5)) in pairs(dp.align_features(src, tgt))


def test_without_evidence_across_the_boundary_two_pairs_stay_one_to_one():
    src, tgt = _moved_boundary(("q",))
    assert all(len(b.src) == 1 and len(b.tgt) == 1 for b in dp.align_features(src, tgt))


def test_block_two_two_costs_are_the_path_replays_floats():
    # the block finds its 2-2 beads with a crossing pair from the window's unit pairs (_crossings),
    # the path's replay from each unit pair's shared keys: the same floats, in any block and band
    rng = random.Random(7)
    words = [f"w{k}" for k in range(12)]

    def unit(length: int) -> UnitFeatures:
        return UnitFeatures(length, frozenset({f"n:{rng.randint(0, 9)}"}), tuple(rng.sample(words, 3)))

    src = [unit(rng.randint(40, 200)) for _ in range(30)]
    tgt = [unit(rng.randint(40, 200)) for _ in range(28)]
    s, t = feature_pair(src, tgt)
    n, m = len(s), len(t)
    types = params.bead_types(2)
    t22 = types.index((2, 2))
    lo = np.maximum(np.arange(n + 1) - 6, 0)
    for band in ((np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)),
                 (lo, np.minimum(lo + 13, m + 1))):
        costs = dp._Costs(s, t, *band, types, None, params.Noise())
        width = int((band[1] - band[0]).max())
        for i0, i1 in ((1, n + 1), (5, 12), (20, n + 1)):
            block = costs.block(i0, i1, width)[t22]
            r, k = np.nonzero(block < params.INF)
            i = r + i0
            j = band[0][i] + k
            assert len(i) and list(block[r, k]) == list(costs.path_price(i, j, 2, 2))
