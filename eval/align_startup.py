"""Whole-process time of ``mtkit align`` on a 200-sentence document, beside galechurch's CLI.

The document: TICO-19's first 200 segments (/work/shared/real/tico19, CC0) as one sentence per
line on each side, with the deletions and merges of eval/align_quality.py. Each command runs
``--runs`` times as a fresh process (Python start-up, imports, reading, aligning, writing),
interleaved so that a change of load hits all alike; the median wall time and the median CPU
time (user + system, steadier on a shared machine) are reported. mtkit's bytecode is compiled
first, as an install has it, and its cache is warm (one run before the timed ones), as after a
first run. ``--before REF`` also times the code of git revision REF the same way. Goal: mtkit
within 2x galechurch.

    python eval/align_startup.py [--runs 7] [--before REF]      # records RESULTS.md
"""
from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from align_quality import SEED, corrupt, load_tico19

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent


def _once(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", metavar="REF", help="also time mtkit at this git revision")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    doc = corrupt(load_tico19()[:200], random.Random(SEED))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for side, units in (("src", doc.src), ("tgt", doc.tgt)):
            (root / side).mkdir()
            (root / side / "doc.txt").write_text("\n".join(units) + "\n", encoding="utf-8")
        (root / "out").mkdir()
        base = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        versions = {"now": ROOT}
        if args.before:
            archive = subprocess.run(["git", "-C", ROOT, "archive", args.before, "mtkit"], check=True,
                                     capture_output=True).stdout
            (root / "before").mkdir()
            subprocess.run(["tar", "-x", "-C", root / "before"], input=archive, check=True)
            versions[args.before] = root / "before"
        align = [sys.executable, "-m", "mtkit", "align", str(root / "src" / "doc.txt"),
                 str(root / "tgt" / "doc.txt"), "--presegmented", "-f", "tsv", "-o", str(root / "m.tsv")]
        runs = {"`python -c pass` (interpreter start-up alone)": ([sys.executable, "-c", "pass"], base),
                # what mtkit's align cannot go below while it parses with click and aligns with numpy
                "`python -c 'import click, numpy'` (mtkit's floor)": ([sys.executable, "-c", "import click, numpy"],
                                                                     dict(base, OPENBLAS_NUM_THREADS="1")),
                "galechurch 0.1.0 CLI": ([str(BIN / "galechurch"), "-src", str(root / "src"), "-trg",
                                          str(root / "tgt"), "-out", str(root / "out")], base)}
        for name, code in versions.items():
            compileall.compile_dir(code / "mtkit", quiet=1)
            env = dict(base, PYTHONPATH=str(code), MTKIT_CACHE_DIR=str(root / f"cache-{len(runs)}"))
            label = "`mtkit align --presegmented -f tsv`" + ("" if name == "now" else f" at {name}")
            runs[label] = (align, env)
            _once(align, env)                     # the warm cache of a second run
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, (cmd, env) in runs.items():
                times[name].append(_once(cmd, env))
    wall = {name: statistics.median(w for w, _ in v) for name, v in times.items()}
    cpu = {name: statistics.median(c for _, c in v) for name, v in times.items()}
    gale = "galechurch 0.1.0 CLI"
    rows = [f"| {name} | {wall[name]:.2f} | {wall[name] / wall[gale]:.2f} | {cpu[name]:.2f} | {cpu[name] / cpu[gale]:.2f} |"
            for name in runs]
    now = "`mtkit align --presegmented -f tsv`"
    body = (f"{len(doc.src)} EN / {len(doc.tgt)} AR lines (TICO-19's first 200 segments with deletions and "
            f"merges), median of {args.runs} fresh processes each, interleaved; mtkit's bytecode compiled and its "
            f"cache warm. Load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end (a shared "
            "machine: CPU time is the steadier number):\n\n"
            "| command | wall, s | × galechurch | CPU, s | × galechurch |\n|---|---:|---:|---:|---:|\n"
            + "\n".join(rows) +
            f"\n\nmtkit / galechurch: **{cpu[now] / cpu[gale]:.2f}x** in CPU time, {wall[now] / wall[gale]:.2f}x in "
            f"wall time (goal ≤ 2: {'met' if max(cpu[now] / cpu[gale], wall[now] / wall[gale]) <= 2 else 'NOT met'}).")
    print(body)
    if not args.no_record:
        from results import record
        record("Alignment start-up", body)


if __name__ == "__main__":
    main()
