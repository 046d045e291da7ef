"""Whole-process time of ``mtkit align`` on a 200-sentence document, beside galechurch's CLI.

The document: TICO-19's first 200 segments (/work/shared/real/tico19, CC0) as one sentence per
line on each side, with the deletions and merges of eval/align_quality.py. Each command runs
``--runs`` times as a fresh process (Python start-up, imports, reading, aligning, writing);
the median wall time is reported. Goal: mtkit within 2x galechurch.

    python eval/align_startup.py          # records RESULTS.md
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from align_quality import SEED, corrupt, load_tico19

BIN = Path(sys.executable).parent


def _time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    doc = corrupt(load_tico19()[:200], random.Random(SEED))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for side, units in (("src", doc.src), ("tgt", doc.tgt)):
            (root / side).mkdir()
            (root / side / "doc.txt").write_text("\n".join(units) + "\n", encoding="utf-8")
        (root / "out").mkdir()
        mtkit = [sys.executable, "-m", "mtkit", "align", str(root / "src" / "doc.txt"),
                 str(root / "tgt" / "doc.txt"), "--presegmented", "-f", "tsv", "-o", str(root / "m.tsv")]
        gale = [str(BIN / "galechurch"), "-src", str(root / "src"), "-trg", str(root / "tgt"),
                "-out", str(root / "out")]
        python = [sys.executable, "-c", "pass"]
        t_python = _time(python, args.runs)
        t_gale = _time(gale, args.runs)
        t_mtkit = _time(mtkit, args.runs)
    body = (f"{len(doc.src)} EN / {len(doc.tgt)} AR lines (TICO-19's first 200 segments with deletions and "
            f"merges), median of {args.runs} fresh processes:\n\n"
            "| command | seconds |\n|---|---|\n"
            f"| `python -c pass` (interpreter start-up alone) | {t_python:.2f} |\n"
            f"| galechurch 0.1.0 CLI | {t_gale:.2f} |\n"
            f"| `mtkit align --presegmented -f tsv` | {t_mtkit:.2f} |\n\n"
            f"mtkit / galechurch: **{t_mtkit / t_gale:.2f}x** (goal ≤ 2). On a shared 2-core machine.")
    print(body)
    if not args.no_record:
        from eval.results import record
        record("Alignment start-up", body, "python eval/align_startup.py")


if __name__ == "__main__":
    main()
