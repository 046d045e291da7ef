"""Alignment speed and memory on long documents built from real sentences.

The 3,000 Quran verse pairs of eval/data are repeated (runs of 20-200 consecutive verses from
random places, fixed seed) until each side has ``--units`` units, with the same deletions and
merges as eval/align_quality.py, so the long document is realistic, not a diagonal of copies.
mtkit's ``align_units`` (features + coarse-to-fine DP) is timed on it; peak memory is the
process's peak RSS (``resource.getrusage``) and the peak of Python/numpy allocations during the
alignment (``tracemalloc``, a second run). galechurch runs full DP in one block, capped at 50M
cells, so it is compared side by side on the sizes it accepts.

    python eval/align_speed.py                  # 100,000 units per side; records RESULTS.md
"""
from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc


from align_quality import SEED, corrupt, load_pairs, score

from mtkit.align.documents import align_units


def long_document(units: int, seed: int = SEED):
    pairs = load_pairs()
    rng = random.Random(seed)
    src: list[str] = []
    tgt: list[str] = []
    gold = []
    while len(src) < units or len(tgt) < units:
        start = rng.randrange(len(pairs) - 200)
        doc = corrupt(pairs[start:start + rng.randint(20, 200)], rng)
        gold.extend((tuple(len(src) + i for i in s), tuple(len(tgt) + j for j in t)) for s, t in doc.gold)
        src.extend(doc.src)
        tgt.extend(doc.tgt)
    return src, tgt, gold


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # KiB on Linux


def time_mtkit(src, tgt):
    start = time.perf_counter()
    beads = [(b.src, b.tgt) for b in align_units(src, tgt)]
    return beads, time.perf_counter() - start


def time_galechurch(src, tgt):
    import galechurch
    start = time.perf_counter()
    try:
        block = galechurch.align(src, tgt)
    except ValueError as exc:
        return None, str(exc).split(";")[0]
    beads = [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
             for b in block.beads]
    return beads, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--compare", default="1000,3000,6000", help="sizes for the side-by-side run")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    src, tgt, gold = long_document(args.units)
    src, tgt = src[:args.units], tgt[:args.units]
    rss_before = peak_rss_mib()
    beads, seconds = time_mtkit(src, tgt)
    rss_after = peak_rss_mib()
    tracemalloc.start()
    align_units(src, tgt)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _, gc_message = time_galechurch(src, tgt)
    lines = [f"mtkit `align_units` on {len(src):,} EN × {len(tgt):,} AR units: **{seconds:.1f} s**, "
             f"peak RSS of the process {rss_after:.0f} MiB (before aligning: {rss_before:.0f} MiB), "
             f"tracemalloc peak during the alignment {traced_peak / 2**20:.0f} MiB. "
             f"Goal: < 60 s and < 2 GiB.",
             "", f"galechurch 0.1.0 on the same input: {gc_message}.", "",
             "Side by side on prefixes of the same document (the gold is cut off at the prefix, so F1 "
             "is approximate near the end):", "",
             "| units per side | mtkit s | galechurch s | mtkit / galechurch | mtkit strict F1 | galechurch strict F1 |",
             "|---|---|---|---|---|---|"]
    for size in (int(x) for x in args.compare.split(",") if x):
        s, t = src[:size], tgt[:size]
        g = [(a, b) for a, b in gold if all(i < size for i in a) and all(j < size for j in b)]
        ours, our_s = time_mtkit(s, t)
        theirs, their_s = time_galechurch(s, t)
        if theirs is None:
            lines.append(f"| {size:,} | {our_s:.2f} | {their_s} | | {score([g], [ours])['f1_strict']:.3f} | |")
            continue
        lines.append(f"| {size:,} | {our_s:.2f} | {their_s:.2f} | {our_s / their_s:.1f} | "
                     f"{score([g], [ours])['f1_strict']:.3f} | {score([g], [theirs])['f1_strict']:.3f} |")
        print(lines[-1], flush=True)
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        from results import record
        record("Alignment speed", body, "python eval/align_speed.py")


if __name__ == "__main__":
    main()
