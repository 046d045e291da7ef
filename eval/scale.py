"""Past one machine, measured on this one: ``mtkit audit --jobs 2`` beside a 2-worker Dask
LocalCluster (throughput, peak memory per worker as the input grows), and corpus scores from
per-partition statistics on 2 processes beside the sacrebleu API (same numbers, time ratio).

    python eval/scale.py audit [--sizes 25000,50000,100000]
    python eval/scale.py score [--lines 1000000] [--ter-lines 50000]

Pairs are the development set's news sentences repeated (with unique ids); score lines are the
score test files' reference and system A repeated. Each run is a real ``mtkit`` subprocess (audit)
or an in-process call (score); memory is sampled every 0.2 s with psutil (RSS of each worker
process: the pool's children for --jobs, the Dask worker processes for --dask).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from results import record

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset" / "devset.jsonl"
SCORE = ROOT / "tests" / "data" / "score"


class PeakMemory:
    """Samples the RSS of processes (given, or the children of one) and keeps each one's peak."""

    def __init__(self, pids=(), parent: int | None = None):
        self.pids, self.parent = list(pids), parent
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            procs = [psutil.Process(p) for p in self.pids if psutil.pid_exists(p)]
            if self.parent and psutil.pid_exists(self.parent):
                procs += psutil.Process(self.parent).children(recursive=True)
            for proc in procs:
                try:
                    self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), proc.memory_info().rss)
                except psutil.Error:
                    pass
            time.sleep(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _mb(values) -> str:
    return ", ".join(f"{v / 2**20:.0f}" for v in values)


def write_pairs(path: Path, n: int) -> None:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            out.write(json.dumps({"id": f"p{i}", "en": row["en"], "ar": row["ar"]}, ensure_ascii=False) + "\n")


def run_audit(pairs: Path, out: Path, extra: list[str], worker_pids=()) -> tuple[float, list[int]]:
    cmd = [sys.executable, "-m", "mtkit", "audit", "--pairs", str(pairs), "-f", "jsonl", "-q", "-o", str(out), *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    with PeakMemory(worker_pids, None if worker_pids else proc.pid) as mem:
        proc.wait()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode})")
    return seconds, sorted(mem.peak.values())


def audit(sizes: list[int]) -> None:
    from distributed import Client, LocalCluster
    lines = ["| pairs | run | seconds | pairs/s | peak RSS per worker (MB) | outputs identical |",
             "|---|---|---|---|---|---|"]
    overheads = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            pairs = Path(tmp) / f"pairs-{n}.jsonl"
            write_pairs(pairs, n)
            local_out, dask_out = Path(tmp) / "jobs.jsonl", Path(tmp) / "dask.jsonl"
            jobs_s, jobs_mem = run_audit(pairs, local_out, ["-j", "2"])
            started = time.perf_counter()
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
                startup = time.perf_counter() - started
                pids = list(client.run(os.getpid).values())
                dask_s, dask_mem = run_audit(pairs, dask_out, ["--dask", cluster.scheduler_address], pids)
            same = local_out.read_bytes() == dask_out.read_bytes()
            overheads.append(dask_s / jobs_s - 1)
            # the --jobs run's children: the pool's worker processes
            lines.append(f"| {n:,} | `--jobs 2` | {jobs_s:.1f} | {n / jobs_s:,.0f} | {_mb(jobs_mem)} | |")
            lines.append(f"| {n:,} | `--dask` 2-worker LocalCluster (started in {startup:.1f} s, not counted) | "
                         f"{dask_s:.1f} | {n / dask_s:,.0f} | {_mb(dask_mem)} | {'yes' if same else 'NO'} |")
    body = ("Audit throughput, `--jobs 2` and a 2-worker Dask LocalCluster on the same 2 cores, each run a "
            "real `mtkit audit --pairs … -f jsonl -o …` process (the development set's news sentences "
            "repeated, unique ids). The machine is shared with other jobs: compare the two runs of one "
            "size, not sizes or days.\n\n" + "\n".join(lines) +
            "\n\nDask overhead over `--jobs 2`: " + ", ".join(f"{o:+.0%}" for o in overheads) +
            " (goal: at most +15%).")
    record("Scale: audit on Dask vs --jobs", body)
    print(body)


def score(n: int, ter_n: int) -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER

    from mtkit.score.stats import corpus_scores
    ref_lines = (SCORE / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    hyp_lines = (SCORE / "sys-a.ar.txt").read_text(encoding="utf-8").splitlines()
    rows = [("| lines | metrics | sacrebleu API, 1 process (s) | mtkit, statistics on 2 processes (s) | ratio "
             "| identical | peak RSS: sacrebleu process / largest mtkit worker (MB) |"),
            "|---|---|---|---|---|---|---|"]
    for lines, metrics in ((n, ("bleu", "chrf")), (ter_n, ("ter",))):
        refs = [ref_lines[i % len(ref_lines)] for i in range(lines)]
        hyps = [hyp_lines[i % len(hyp_lines)] for i in range(lines)]
        classes = {"bleu": BLEU, "chrf": CHRF, "ter": TER}
        start = time.perf_counter()
        expected = {m: classes[m]().corpus_score(hyps, [refs]) for m in metrics}
        sacre_s = time.perf_counter() - start
        start = time.perf_counter()
        sacre_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        got, _chrf = corpus_scores([refs], {"a": hyps}, metrics, jobs=2)["a"]
        mtkit_s = time.perf_counter() - start
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        same = all(got[m].score == expected[m].score for m in metrics)
        shown = ", ".join(f"{expected[m].name} {expected[m].score!r}" for m in metrics)
        rows.append(f"| {lines:,} | {shown} | {sacre_s:.1f} | {mtkit_s:.1f} | {mtkit_s / sacre_s:.2f}× | "
                    f"{'yes' if same else 'NO'} | {sacre_rss:,.0f} / {worker_rss:,.0f} |")
    body = ("Corpus scores from sufficient statistics per partition, summed (`mtkit.score.stats`, what "
            "`mtkit score --jobs 2` / `--dask` run), beside sacrebleu's own `corpus_score` on one process; "
            "the score test files' reference and system A repeated. mtkit also returns every segment's "
            "chrF. Goal: at most 0.6× sacrebleu's time on 2 cores. Peak RSS is each process's lifetime peak (the "
            "sacrebleu process also holds the test set; runs in order, so a later row's sacrebleu peak is at "
            "least the earlier one's).\n\n" + "\n".join(rows))
    record("Scale: corpus scores from partition statistics", body)
    print(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("audit")
    a.add_argument("--sizes", default="25000,50000,100000")
    s = sub.add_parser("score")
    s.add_argument("--lines", type=int, default=1_000_000)
    s.add_argument("--ter-lines", type=int, default=50_000)
    args = parser.parse_args()
    if args.what == "audit":
        audit([int(x) for x in args.sizes.split(",")])
    else:
        score(args.lines, args.ter_lines)


if __name__ == "__main__":
    main()
