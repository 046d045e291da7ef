"""eval/align_quality.py's error analysis: stretches where gold and mtkit differ, by bead type."""
from __future__ import annotations

import importlib.util
import sys

import pytest

GOLD = [((0,), (0,)), ((1, 2), (1, 2)), ((3,), ()), ((4,), (3,))]
# the 2-2 bead aligned as two 1-1 beads, and the deletion merged into its neighbour's bead
TEST = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4), (3,))]


@pytest.fixture(scope="module")
def quality(root):
    spec = importlib.util.spec_from_file_location("align_quality", root / "eval" / "align_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # its dataclasses look their module up while defined
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_stretches_cut_both_alignments_where_they_meet(quality):
    cut = quality.stretches(GOLD, TEST)
    assert [(g, t) for g, t in cut if g != t] == [
        ([((1, 2), (1, 2))], [((1,), (1,)), ((2,), (2,))]),
        ([((3,), ()), ((4,), (3,))], [((3, 4), (3,))]),
    ]
    assert cut[0] == ([((0,), (0,))], [((0,), (0,))])


def test_error_report_counts_types_and_what_fixing_each_pattern_gains(quality):
    report = quality.error_report([GOLD], [TEST])
    assert "| 2-2 | 1 | 0 | 0 |" in report                  # gold, found, predicted
    assert "| 1-1 | 2 | 1 | 3 |" in report
    assert "Wrong stretches: 2" in report
    fixed_22 = quality.score([GOLD], [[GOLD[0], GOLD[1], TEST[3]]])["f1_strict"]
    assert f"| 2-2 | 1 | 1-1 1-1 (1) | {fixed_22:.3f} |" in report
    assert "| 1-0 1-1 | 1 | 2-1 (1) | " in report
