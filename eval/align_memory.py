"""Peak memory and time of ``mtkit align`` as a user runs it: a whole process, one unit per line.

The documents are eval/align_speed.py's (real Quran verse pairs with deletions and merges, repeated
to the size asked); ``mtkit align EN AR --presegmented -f tsv -o OUT`` runs in a fresh process per
size and its peak RSS is read from ``getrusage`` of that process alone. Target (issues 13 and 16):
under 2 GiB for 1,000,000 units per side.

With ``--before REV`` the same command also runs on the code of git revision REV (extracted with
``git archive`` into a temporary directory), one size at a time, right before the current code, so
both rows of a size share the machine's load; their outputs are compared byte for byte.

    python eval/align_memory.py [--sizes 100000,200000] [--before REV [--before-max N]] [--no-record]
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from align_speed import long_document

ROOT = Path(__file__).resolve().parent.parent
# the child's own peak (RUSAGE_CHILDREN of a wrapper that runs only it), in KiB on Linux
WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def write_documents(size: int, folder: Path) -> tuple[Path, Path, float]:
    src, tgt, _ = long_document(size)
    src, tgt = src[:size], tgt[:size]
    en, ar = folder / "en.txt", folder / "ar.txt"
    en.write_text("\n".join(src) + "\n", encoding="utf-8")
    ar.write_text("\n".join(tgt) + "\n", encoding="utf-8")
    return en, ar, sum(map(len, src)) / len(src)


def measure(code: Path, en: Path, ar: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one ``mtkit align`` process running ``code``."""
    env = dict(os.environ, PYTHONPATH=str(code))
    start = time.perf_counter()
    peak = subprocess.run([sys.executable, "-c", WRAPPER, sys.executable, "-m", "mtkit", "align", str(en), str(ar),
                           "--presegmented", "-q", "-f", "tsv", "-o", str(out)],
                          env=env, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, int(peak) / 1024


def extract(rev: str, folder: Path) -> str:
    """The tree of ``rev`` under ``folder``; returns the short commit id."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(folder, filter="data")
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], check=True, capture_output=True,
                          text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,200000")
    parser.add_argument("--before", metavar="REV", help="also run the code of this git revision, side by side")
    parser.add_argument("--before-max", type=int, default=10**9, metavar="N",
                        help="run --before only on sizes up to N (the old code may need far more memory)")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    rows = ["| units per side | code | EN characters per line | wall s | peak RSS MiB | MiB per 1,000 units "
            "| output identical |", "|---:|---|---:|---:|---:|---:|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        codes = [("current", ROOT)]
        if args.before:
            (folder / "before").mkdir()
            codes.insert(0, (f"before ({extract(args.before, folder / 'before')})", folder / "before"))
        for size in (int(s) for s in args.sizes.split(",")):
            en, ar, chars = write_documents(size, folder)
            outputs = []
            for label, code in codes:
                if code != ROOT and size > args.before_max:
                    continue
                out = folder / f"beads-{len(outputs)}.tsv"
                seconds, mib = measure(code, en, ar, out)
                outputs.append(out.read_bytes())
                same = "yes" if outputs[0] == outputs[-1] else "NO"
                rows.append(f"| {size:,} | {label} | {chars:.0f} | {seconds:.1f} | {mib:.0f} | {mib / size * 1000:.1f} "
                            f"| {same if len(outputs) > 1 else ''} |")
                print(rows[-1], flush=True)
            outputs.clear()
    body = "\n".join([f"`mtkit align EN AR --presegmented -f tsv -o OUT`, a whole process per size and code "
                      f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end; the machine "
                      "is shared, so compare rows of one size, not sizes). Target: under 2 GiB at 1,000,000 units "
                      "per side.", "", *rows])
    print(body)
    if not args.no_record:
        from results import record
        record("Alignment memory, whole process", body)


if __name__ == "__main__":
    main()
