"""The plain-Python DP for small documents (mtkit/align/small.py) gives exactly what the numpy DP
(mtkit/align/dp.py) gives: the same beads with the same float scores, on real text and on
generated documents (lengths, shared and too-frequent anchors, dictionary words, equal counts for
the structure rule, documents too short to fit their noise)."""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mtkit.align import dp, small
from mtkit.align.features import UnitFeatures, ar_features, en_features
from mtkit.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "align"


def _same(src: list[UnitFeatures], tgt: list[UnitFeatures], **options) -> None:
    assert small.align(src, tgt, **options) == dp.align_features(src, tgt, **options)


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_real_text_aligns_the_same_both_ways():
    en_par, ar_par = _lines(ROOT / "corpora" / "musk-trump.en.txt"), _lines(ROOT / "corpora" / "musk-trump.ar.txt")
    cases = [
        (en_par, ar_par),                                                   # paragraphs
        (en_par[:-1], ar_par),                                              # one dropped
        ([s for p in en_par[:3] for s in split_sentences(p)], [s for p in ar_par[:3] for s in split_sentences(p)]),
        (_lines(DATA / "paragraphs" / "eight.en.txt"), _lines(DATA / "paragraphs" / "eight.ar.txt")),
        (_lines(DATA / "verses.en.txt")[:20], _lines(DATA / "verses.ar.txt")[:18]),
    ]
    for en, ar in cases:
        src, tgt = [en_features(u) for u in en], [ar_features(u) for u in ar]
        for keep_parallel in (False, True):
            _same(src, tgt, keep_parallel=keep_parallel)
        _same(src, tgt, max_bead=3)


_KEYS = st.sampled_from([f"s:k{i}" for i in range(12)] + ["n:1", "n:2", "l:x"])
_STEMS = st.sampled_from([f"stem{i}" for i in range(15)])
_EN = st.builds(UnitFeatures, st.integers(0, 240), st.frozensets(_KEYS, max_size=4),
                st.lists(st.lists(_STEMS, min_size=1, max_size=3, unique=True).map(lambda s: "|".join(sorted(s))),
                         max_size=6).map(tuple))
_AR = st.builds(UnitFeatures, st.integers(0, 240), st.frozensets(_KEYS, max_size=4),
                st.lists(_STEMS, max_size=6).map(tuple))


@settings(max_examples=60, deadline=None)
@given(st.lists(_EN, max_size=16), st.lists(_AR, max_size=16), st.booleans(), st.sampled_from([2, 3]))
def test_generated_documents_align_the_same_both_ways(src, tgt, keep_parallel, max_bead):
    _same(src, tgt, keep_parallel=keep_parallel, max_bead=max_bead)


@settings(max_examples=25, deadline=None)
@given(st.lists(_EN, min_size=1, max_size=14), st.data())
def test_equal_counts_align_the_same_both_ways(src, data):
    """Equal counts: the structure rule (N with N unless clearly worse) on both paths."""
    tgt = data.draw(st.lists(_AR, min_size=len(src), max_size=len(src)))
    _same(src, tgt, keep_parallel=True)


def test_small_tables_only():
    assert small.fits(10, 12) and small.fits(16, 16)
    assert not small.fits(182, 176)


def test_a_table_of_60_lines_is_aligned_without_numpy_while_numpy_is_not_imported(monkeypatch):
    """Up to FIRST_CELLS plain Python costs less than importing numpy to run it; once numpy is
    imported only tables up to SMALL_CELLS stay here."""
    monkeypatch.delitem(sys.modules, "numpy", raising=False)
    assert small.fits(60, 62) and not small.fits(80, 80)
    monkeypatch.setitem(sys.modules, "numpy", object())
    assert small.fits(16, 16) and not small.fits(60, 62)


def test_a_capped_length_cost_aligns_the_same_both_ways():
    """Documents whose ratio swings one way get a fitted cap on a longer target's length cost
    (params.fitted_noise): both DPs price it the same."""
    import random

    for seed in range(6):
        rng = random.Random(seed)
        n = rng.randint(10, 16)
        en = [rng.randint(40, 240) for _ in range(n)]
        ar = [round(e * (2.5 if rng.random() < 0.3 else 0.84)) for e in en]
        src = [UnitFeatures(e, frozenset({f"s:k{k}"} if k % 2 else ())) for k, e in enumerate(en)]
        tgt = [UnitFeatures(a, frozenset({f"s:k{k}"} if k % 2 else ())) for k, a in enumerate(ar)]
        keep = rng.randint(n - 2, n)
        for keep_parallel in (False, True):
            _same(src, tgt[:keep], keep_parallel=keep_parallel)


def test_a_two_two_bead_with_evidence_across_its_boundary_aligns_the_same_both_ways():
    # the 2-2 bead's diagonal and crossing pairs (dp._bonus) from the window's prefix sums and the
    # path's replay, and in plain Python (small._two_two_bonus)
    one = [UnitFeatures(100, frozenset(), (f"w{k}",)) for k in range(4)]
    other = [UnitFeatures(84, frozenset(), (f"w{k}",)) for k in range(4)]
    src = one + [UnitFeatures(150, frozenset(), ("x", "y")), UnitFeatures(100, frozenset(), ("z",))] + one
    tgt = other + [UnitFeatures(100, frozenset(), ("x",)), UnitFeatures(150, frozenset(), ("y", "z"))] + other
    beads = dp.align_features(src, tgt)
    assert ((4, 5), (4, 5)) in [(b.src, b.tgt) for b in beads]
    _same(src, tgt)
