"""Audit throughput: pairs per second on one core and on all cores, beside sacrebleu's sentence
chrF over the same pairs (a cheap peer computation, for a machine-independent ratio).

    python eval/audit_speed.py [--pairs N]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from results import record

from sacrebleu.metrics import CHRF

from mtkit import api
from mtkit.audit import default_jobs

DEVSET = Path(__file__).parent / "devset" / "devset.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=20_000)
    args = parser.parse_args()
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pairs.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for i in range(args.pairs):
                row = rows[i % len(rows)]
                out.write(json.dumps({"id": str(i), "en": row["en"], "ar": row["ar"]}, ensure_ascii=False) + "\n")
        api.audit(pairs=str(DEVSET), jobs=1)               # load lexicons once, as a long run would
        timings = {}
        for jobs in sorted({1, default_jobs()}):
            start = time.perf_counter()
            result = api.audit(pairs=path, jobs=jobs)
            timings[jobs] = time.perf_counter() - start
            assert len(result.segments) == args.pairs
        chrf = CHRF()
        start = time.perf_counter()
        for i in range(args.pairs):
            row = rows[i % len(rows)]
            chrf.sentence_score(row["ar"], [row["ar"]])
        chrf_seconds = time.perf_counter() - start
    one = args.pairs / timings[1]
    lines = ["| run | seconds | pairs/s | pairs/s per core |", "|---|---|---|---|"]
    for jobs, seconds in timings.items():
        rate = args.pairs / seconds
        lines.append(f"| mtkit audit, {jobs} job(s) | {seconds:.1f} | {rate:,.0f} | {rate / jobs:,.0f} |")
    chrf_rate = args.pairs / chrf_seconds
    lines.append(f"| sacrebleu sentence chrF (peer, 1 core) | {chrf_seconds:.1f} | {chrf_rate:,.0f} | {chrf_rate:,.0f} |")
    body = (f"{args.pairs:,} news sentence pairs (the development set repeated), all checks, JSON result kept in memory.\n\n"
            + "\n".join(lines)
            + f"\n\nmtkit audit on one core: {one:,.0f} pairs/s (goal ≥ 2,000); it costs "
              f"{timings[1] / chrf_seconds:.2f}× a sentence-level chrF over the same pairs."
            + (f" Scaling to {max(timings)} jobs: {timings[1] / timings[max(timings)]:.2f}×." if len(timings) > 1 else ""))
    print(body)
    record("Audit speed", body, "python eval/audit_speed.py")


if __name__ == "__main__":
    main()
