"""The plain-Python DP for small tables (mtkit/align/small.py) against the numpy DP (mtkit/align/dp.py).

1. Same output: every document of eval/align_quality.py (quran, hadith, news; dev and test; 60
   units a side with deletions and merges), whole and cut into windows of 6, 12 and 18 units, is
   aligned by both (sentence features and records as ``align_units`` computes them; with and
   without the structure rule); the beads, float scores included, must be equal.
2. Where each is faster: CPU time of one alignment of the first N units of the news documents, by
   each, numpy already imported (the best of 5), beside what importing numpy costs in a fresh
   interpreter (median of 5). This is what small.SMALL_CELLS and small.FIRST_CELLS were chosen from.
   Larger tables: the first N lines of eval/align_startup.py's document (TICO-19's first 200
   segments with deletions and merges, 182 EN / 176 AR lines), timed the same way (best of 3).

    python eval/align_small.py [--no-record]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import random

from align_quality import SEED, corpora, corrupt, load_tico19

from mtkit.align import dp, records, small
from mtkit.align.features import ar_features, en_features
from mtkit.align.flat import Vocabulary, from_units

WINDOWS = (6, 12, 18)
SIZES = (4, 8, 12, 16, 20, 25, 31, 40, 50)
LARGE = (60, 80, 100, 120, 150, 182)       # lines of the start-up document


def _cpu(func, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


def _import_numpy() -> float:
    """CPU seconds that ``import numpy`` adds to a fresh interpreter (median of 5 pairs)."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    costs = []
    for _ in range(5):
        pair = []
        for code in ("pass", "import numpy"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            pair.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        costs.append(pair[1] - pair[0])
    return statistics.median(costs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    checked = differ = 0
    news = []
    for name, _, splits in corpora(["quran", "hadith", "news"]):
        for doc in (d for _, docs in splits for d in docs):
            src, tgt = [en_features(u) for u in doc.src], [ar_features(u) for u in doc.tgt]
            if name == "news":
                news.append((src, tgt))
            cases = [slice(None)] + [slice(k, k + w) for w in WINDOWS for k in range(0, len(src), w)]
            for part in cases:
                s, t = src[part], tgt[part]
                joins = (records.joins(doc.src[part], arabic=False), records.joins(doc.tgt[part], arabic=True))
                for keep_parallel in (False, True):
                    checked += 1
                    if (small.align(s, t, keep_parallel=keep_parallel, joins=joins)
                            != dp.align_features(s, t, keep_parallel=keep_parallel, joins=joins)):
                        differ += 1
    rows = []
    for n in SIZES:
        py = statistics.median(_cpu(lambda: small.align(s[:n], t[:n], keep_parallel=True)) for s, t in news[:3])

        def vectorized(s, t):
            vocabulary = Vocabulary()
            dp.align_features(from_units(s[:n], vocabulary), from_units(t[:n], vocabulary), keep_parallel=True)

        npy = statistics.median(_cpu(lambda: vectorized(s, t)) for s, t in news[:3])
        rows.append(f"| {n} | {(n + 1) ** 2:,} | {py * 1000:.1f} | {npy * 1000:.1f} |")
    doc = corrupt(load_tico19()[:200], random.Random(SEED))
    src, tgt = [en_features(u) for u in doc.src], [ar_features(u) for u in doc.tgt]
    for n in LARGE:
        py = _cpu(lambda: small.align(src[:n], tgt[:n], keep_parallel=True), repeat=3)

        def vectorized_large():
            vocabulary = Vocabulary()
            dp.align_features(from_units(src[:n], vocabulary), from_units(tgt[:n], vocabulary), keep_parallel=True)

        npy = _cpu(vectorized_large, repeat=3)
        cells = (n + 1) * (min(n, len(tgt)) + 1)
        rows.append(f"| {n} (start-up document) | {cells:,} | {py * 1000:.1f} | {npy * 1000:.1f} |")
    numpy_import = _import_numpy()
    body = "\n".join([
        f"Same output: {checked:,} alignments (every document of eval/align_quality.py, 3 corpora, dev and test, "
        f"whole and in windows of {', '.join(map(str, WINDOWS))} units, with and without the structure rule): "
        f"**{differ} differ** (beads and float scores compared).",
        "",
        f"CPU time of one alignment (`keep_parallel`, the first N units of the first 3 news documents, median of "
        f"their best-of-5), numpy already imported; importing numpy in a fresh interpreter costs "
        f"**{numpy_import * 1000:.0f} ms** CPU (median of 5). Load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores. Rows marked (start-up document): the first N lines a side of eval/align_startup.py's "
        f"document (TICO-19), best of 3:",
        "",
        "| N units a side | table cells | plain Python, ms | numpy, ms |",
        "|---:|---:|---:|---:|",
        *rows,
        "",
        f"Thresholds in mtkit/align/small.py: plain Python up to {small.SMALL_CELLS} cells always, up to "
        f"{small.FIRST_CELLS} while numpy is not imported yet.",
    ])
    print(body)
    if not args.no_record:
        from results import record
        record("Small alignment tables without numpy", body, "python eval/align_small.py")


if __name__ == "__main__":
    main()
