"""Deterministic cost of `eval/tico19.py --speed`'s timed pass: its cProfile function calls, GC off.

Times on this shared machine swing ±15%; call counts do not, so speed work compares them between revisions
(run from each revision's root with PYTHONPATH set to it). Usage: python eval/audit_calls.py OUT.prof
"""
import cProfile
import gc
import pstats
import sys

import tico19


def main() -> None:
    segments = tico19.load_segments()
    timed = [s for s in segments if 15 <= len(s.src.split()) <= 40]
    warm = [s for s in segments if not 15 <= len(s.src.split()) <= 40][:200]
    tico19.audit(warm)
    gc.disable()
    profile = cProfile.Profile()
    profile.enable()
    tico19.audit(timed)
    profile.disable()
    profile.dump_stats(sys.argv[1])
    stats = pstats.Stats(sys.argv[1])
    print(f"{stats.total_calls:,} calls ({stats.prim_calls:,} primitive)")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
