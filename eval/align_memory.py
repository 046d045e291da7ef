"""Peak memory and time of ``mtkit align`` as a user runs it: a whole process, one unit per line.

The documents are eval/align_speed.py's (real Quran verse pairs with deletions and merges, repeated
to the size asked); ``mtkit align EN AR --presegmented -f tsv -o OUT`` runs in a fresh process per
size and its peak RSS is read from ``getrusage`` of that process alone. Target (issues 13 and 16):
under 2 GiB for 1,000,000 units per side.

    python eval/align_memory.py [--sizes 100000,200000] [--no-record]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from align_speed import long_document

ROOT = Path(__file__).resolve().parent.parent
# the child's own peak (RUSAGE_CHILDREN of a wrapper that runs only it), in KiB on Linux
WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measure(size: int, folder: Path) -> tuple[float, float, float]:
    src, tgt, _ = long_document(size)
    src, tgt = src[:size], tgt[:size]
    en, ar, out = folder / "en.txt", folder / "ar.txt", folder / "beads.tsv"
    en.write_text("\n".join(src) + "\n", encoding="utf-8")
    ar.write_text("\n".join(tgt) + "\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    peak = subprocess.run([sys.executable, "-c", WRAPPER, sys.executable, "-m", "mtkit", "align", str(en), str(ar),
                           "--presegmented", "-q", "-f", "tsv", "-o", str(out)],
                          env=env, check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    chars = sum(map(len, src)) / len(src)
    return seconds, int(peak) / 1024, chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,200000")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    rows = ["| units per side | EN characters per line | wall s | peak RSS MiB | MiB per 1,000 units |",
            "|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            seconds, mib, chars = measure(size, Path(tmp))
            rows.append(f"| {size:,} | {chars:.0f} | {seconds:.1f} | {mib:.0f} | {mib / size * 1000:.1f} |")
            print(rows[-1], flush=True)
    body = "\n".join([f"`mtkit align EN AR --presegmented -f tsv -o OUT`, a whole process per size "
                      f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end). "
                      "Target: under 2 GiB at 1,000,000 units per side.", "", *rows])
    print(body)
    if not args.no_record:
        from results import record
        record("Alignment memory, whole process", body)


if __name__ == "__main__":
    main()
