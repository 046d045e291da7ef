"""Past one machine, measured on this one: ``mtkit audit --jobs 2`` beside a 2-worker Dask
LocalCluster (throughput, peak memory per worker as the input grows), and corpus scores from
per-partition statistics on 2 processes beside the sacrebleu API (same numbers, time ratio).

    python eval/scale.py audit [--sizes 25000,50000,100000] [--repeats 3]
    python eval/scale.py score [--lines 1000000] [--peer-lines 100000] [--ter-lines 20000]

Pairs are the development set's news sentences repeated (with unique ids); score lines are the
score test files' reference and system A repeated. Each run is a real ``mtkit`` subprocess (audit)
or a fresh Python process (each score measurement); memory is sampled every 0.2 s with psutil (RSS of each worker
process: the pool's children for --jobs, the Dask worker processes for --dask).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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
        self.cpu: dict[int, float] = {}       # each process's CPU seconds when last seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            procs = []
            try:
                procs = [psutil.Process(p) for p in self.pids if psutil.pid_exists(p)]
                if self.parent and psutil.pid_exists(self.parent):
                    procs += psutil.Process(self.parent).children(recursive=True)
            except psutil.Error:
                pass
            for proc in procs:
                try:
                    self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), proc.memory_info().rss)
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
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


def _cpu(pids) -> float:
    """User + system CPU seconds of the live processes ``pids``."""
    total = 0.0
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


@dataclass
class Run:
    seconds: float
    cpu: float              # every process of the run (see audit())
    peaks: list[int]        # peak RSS of each worker process
    driver_peak: int        # peak RSS of the `mtkit audit` process itself (reader and writer)
    worker_cpu: float       # the workers' CPU seconds (the pool's children, or the Dask workers)
    load: float             # the 1-minute load average at the end of the run


def run_audit(pairs: Path, out: Path, extra: list[str], worker_pids=()) -> Run:
    cmd = [sys.executable, "-m", "mtkit", "audit", "--pairs", str(pairs), "-f", "jsonl", "-q", "-o", str(out), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    workers_before = _cpu(worker_pids)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    with PeakMemory(worker_pids, None if worker_pids else proc.pid) as mem, PeakMemory([proc.pid]) as driver:
        proc.wait()
    load = os.getloadavg()[0]
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode})")
    # the driver and its waited-for pool (children); this process: the sampler, and the scheduler
    # of a LocalCluster started here; the Dask workers, which outlive the run, by their own counters
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before))
    workers = _cpu(worker_pids) - workers_before if worker_pids else sum(mem.cpu.values())
    return Run(seconds, cpu + _cpu(worker_pids) - workers_before, sorted(mem.peak.values()),
               driver.peak.get(proc.pid, 0), workers, load)


def run_dask(pairs: Path, out: Path) -> tuple[Run, float]:
    """The audit on a 2-worker LocalCluster started (and timed) before the run and closed after it,
    so that no idle cluster runs beside the --jobs runs."""
    from mtkit.dask.cluster import local_cluster
    started = time.perf_counter()
    with local_cluster(2) as client:      # what `--dask local:2` starts
        startup = time.perf_counter() - started
        pids = list(client.run(os.getpid).values())
        return run_audit(pairs, out, ["--dask", client.scheduler.address], pids), startup


def audit(sizes: list[int], repeats: int, section: str) -> None:
    lines = ["| pairs | run | seconds: median (all runs) | pairs/s | CPU s, median: all / workers | "
             "load at the end (all runs) | peak RSS per worker, MB (largest run) | peak RSS of the driver, MB | "
             "outputs identical |",
             "|---|---|---|---|---|---|---|---|---|"]
    overheads, cpu_overheads = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            pairs = Path(tmp) / f"pairs-{n}.jsonl"
            write_pairs(pairs, n)
            local_out, dask_out = Path(tmp) / "jobs.jsonl", Path(tmp) / "dask.jsonl"
            jobs: list[Run] = []
            dask: list[Run] = []
            startups: list[float] = []
            for k in range(repeats):     # interleaved, the order alternating: load drifts hit both
                for which in (("jobs", "dask") if k % 2 == 0 else ("dask", "jobs")):
                    if which == "jobs":
                        jobs.append(run_audit(pairs, local_out, ["-j", "2"]))
                    else:
                        run, startup = run_dask(pairs, dask_out)
                        dask.append(run)
                        startups.append(startup)
                    print(f"{n} {which} {(jobs if which == 'jobs' else dask)[-1]}", file=sys.stderr, flush=True)
            same = local_out.read_bytes() == dask_out.read_bytes()
            seconds = {name: statistics.median(r.seconds for r in runs) for name, runs in (("jobs", jobs), ("dask", dask))}
            cpu = {name: statistics.median(r.cpu for r in runs) for name, runs in (("jobs", jobs), ("dask", dask))}
            worker_cpu = {name: statistics.median(r.worker_cpu for r in runs) for name, runs in (("jobs", jobs), ("dask", dask))}
            overheads.append(seconds["dask"] / seconds["jobs"] - 1)
            cpu_overheads.append(cpu["dask"] / cpu["jobs"] - 1)
            for name, runs, label in (("jobs", jobs, "`--jobs 2`"),
                                      ("dask", dask, "`--dask` 2-worker LocalCluster as `local:2` starts it (started in "
                                       f"{statistics.median(startups):.1f} s, not counted)")):
                peaks = max((r.peaks for r in runs), key=lambda p: max(p, default=0))
                lines.append(f"| {n:,} | {label} | {seconds[name]:.1f} ({', '.join(f'{r.seconds:.1f}' for r in runs)}) | "
                             f"{n / seconds[name]:,.0f} | {cpu[name]:.1f} / {worker_cpu[name]:.1f} | "
                             f"{', '.join(f'{r.load:.1f}' for r in runs)} | {_mb(peaks)} | "
                             f"{_mb([max(r.driver_peak for r in runs)])} | "
                             f"{('yes' if same else 'NO') if name == 'dask' else ''} |")
    body = ("Audit throughput, `--jobs 2` and a 2-worker Dask LocalCluster on the same 2 cores, each run a "
            "real `mtkit audit --pairs … -f jsonl -o …` process (the development set's news sentences "
            f"repeated, unique ids). Each size ran {repeats} time(s) per mode, interleaved with the order "
            "alternating; the table gives the median. The machine is shared with other jobs (its load "
            "varies from minute to minute; the load column is the 1-minute load average on 2 cores): compare "
            "the two modes of one size, not sizes or days. The "
            "cluster is started before each --dask run and closed after it (no idle cluster beside the "
            "--jobs runs). CPU s: the driver with its pool, the Dask workers, and this script's process (the "
            "scheduler, and the memory sampler of both modes); workers: the pool's two processes, or the two "
            "Dask worker processes.\n\n" + "\n".join(lines) +
            "\n\nDask overhead over `--jobs 2` (median wall time): " + ", ".join(f"{o:+.0%}" for o in overheads) +
            " (goal: at most +15%); in CPU time: " + ", ".join(f"{o:+.0%}" for o in cpu_overheads) + ".")
    record(section, body)
    print(body)


CHUNK_LINES = 50_000   # the chunked sacrebleu peer's slice: its reference cache stays ~2.6 GB


def score_once(engine: str, n: int, metrics: list[str]) -> dict:
    """One scoring in this (fresh) process: sacrebleu's ``corpus_score``, sacrebleu on one process
    in slices of CHUNK_LINES (its own ``_extract_corpus_statistics`` per slice, the rows summed with
    its own ``sum_of_lists``, scored by its own ``_compute_score_from_stats``: what ``corpus_score``
    does, without caching every reference at once), or mtkit's partition statistics on 2
    processes; the seconds, CPU seconds (this process and its children), the scores, and the peak
    RSS of this process and of its largest child."""
    from sacrebleu.metrics import BLEU, CHRF, TER
    from sacrebleu.utils import sum_of_lists

    from mtkit.score.stats import corpus_scores
    ref_lines = (SCORE / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    hyp_lines = (SCORE / "sys-a.ar.txt").read_text(encoding="utf-8").splitlines()
    refs = [ref_lines[i % len(ref_lines)] for i in range(n)]
    hyps = [hyp_lines[i % len(hyp_lines)] for i in range(n)]
    classes = {"bleu": BLEU, "chrf": CHRF, "ter": TER}
    usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if engine == "sacrebleu":
        scores = {m: classes[m]().corpus_score(hyps, [refs]).score for m in metrics}
    elif engine == "sacrebleu-chunked":
        scores = {}
        for m in metrics:
            rows: list = []
            for a in range(0, n, CHUNK_LINES):
                metric = classes[m](references=[refs[a:a + CHUNK_LINES]])
                rows.append(sum_of_lists(metric._extract_corpus_statistics(hyps[a:a + CHUNK_LINES], None)))
                del metric      # one slice's cache at a time
            scores[m] = classes[m]()._compute_score_from_stats(sum_of_lists(rows)).score
    else:
        # as `mtkit score -m … --jobs 2` runs them: each segment's chrF only where chrF is asked
        got, _chrf = corpus_scores([refs], {"a": hyps}, metrics, jobs=2, segment_chrf=engine == "mtkit-chrf")["a"]
        scores = {m: got[m].score for m in metrics}
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, usage))
    return {"seconds": seconds, "cpu": cpu, "scores": scores, "load": os.getloadavg()[0],
            "rss": after[0].ru_maxrss * 1024, "child_rss": after[1].ru_maxrss * 1024}


def _score_run(engine: str, n: int, metrics: tuple[str, ...]) -> dict:
    out = subprocess.run([sys.executable, __file__, "score-once", engine, str(n), ",".join(metrics)],
                         check=True, capture_output=True, text=True).stdout
    got = json.loads(out.splitlines()[-1])
    print(engine, n, metrics, got, file=sys.stderr, flush=True)
    return got


def _cell(run: dict) -> str:
    return f"{run['seconds']:.1f} / {run['cpu']:.1f} / {run['load']:.1f}"


def score(n: int, peer_n: int, ter_n: int, section: str) -> None:
    """BLEU and chrF beside sacrebleu's API where it fits in memory (``peer_n`` lines) and beside
    sacrebleu in slices on ``n`` lines; TER beside the API on ``ter_n`` lines."""
    rows = [("| lines | metrics | sacrebleu (s wall / CPU / load) | mtkit, statistics on 2 processes "
             "(s wall / CPU / load) | ratio, wall (CPU) | identical | peak RSS, MB: sacrebleu / mtkit driver / "
             "largest mtkit worker |"),
            "|---|---|---|---|---|---|---|"]
    plan = [(peer_n, ("bleu", "chrf"), "sacrebleu"), (ter_n, ("ter",), "sacrebleu"),
            (n, ("bleu", "chrf"), "sacrebleu-chunked")]
    for lines, metrics, peer in plan:
        if not lines:
            continue
        if len(rows) > 2:        # the rows so far, recorded before the next (longer) measurement
            _record_score(rows, section)
        mine = _score_run("mtkit", lines, metrics)
        theirs = _score_run(peer, lines, metrics)
        shown = ", ".join(f"{m} {v!r}" for m, v in mine["scores"].items())
        label = "API" if peer == "sacrebleu" else f"in slices of {CHUNK_LINES:,}"
        same = theirs["scores"] == mine["scores"]
        rows.append(f"| {lines:,} | {shown} | {label}: {_cell(theirs)} | {_cell(mine)} | "
                    f"{mine['seconds'] / theirs['seconds']:.2f}× ({mine['cpu'] / theirs['cpu']:.2f}×) | "
                    f"{'yes' if same else 'NO'} | {theirs['rss'] / 2**20:,.0f} / {mine['rss'] / 2**20:,.0f} / "
                    f"{mine['child_rss'] / 2**20:,.0f} |")
    _record_score(rows, section)


def _record_score(rows: list[str], section: str) -> None:
    body = ("Corpus scores from sufficient statistics per partition, summed (`mtkit.score.stats`, what "
            "`mtkit score --jobs 2` / `--dask` run), beside sacrebleu on one process; the score test "
            "files' reference and system A repeated, each measurement in a fresh process, mtkit first. "
            "mtkit computes chrF only where it is asked (or read: JSON's `segment_chrf`, `--worst`). "
            "Goal: at most 0.6× sacrebleu's time on 2 cores. "
            "Load: the 1-minute load average at the end of the run (2 cores, shared).\n\n"
            + "\n".join(rows) + "\n\nsacrebleu's `corpus_score` caches every reference's n-grams at once "
            f"(~50 KB a line for BLEU + chrF): on 1,000,000 lines it needs ~50 GB, more than this machine has, "
            f"so its peer there is sacrebleu's own code in slices of {CHUNK_LINES:,} lines, one process "
            "(the statistics summed as `corpus_score` sums them). mtkit's workers hold one partition "
            "(at most 10,000 lines) at a time.")
    record(section, body)
    print(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("audit")
    a.add_argument("--sizes", default="25000,50000,100000")
    a.add_argument("--repeats", type=int, default=3, help="runs per mode and size, interleaved (median)")
    a.add_argument("--section", default="Scale: audit on Dask vs --jobs")
    s = sub.add_parser("score")
    s.add_argument("--lines", type=int, default=1_000_000)
    s.add_argument("--peer-lines", type=int, default=100_000, help="BLEU and chrF beside sacrebleu's API")
    s.add_argument("--ter-lines", type=int, default=20_000, help="TER beside sacrebleu's API")
    s.add_argument("--section", default="Scale: corpus scores from partition statistics")
    once = sub.add_parser("score-once")        # one measurement, run by `score` in a fresh process
    once.add_argument("engine", choices=("sacrebleu", "sacrebleu-chunked", "mtkit", "mtkit-chrf"))
    once.add_argument("lines", type=int)
    once.add_argument("metrics")
    args = parser.parse_args()
    if args.what == "audit":
        audit([int(x) for x in args.sizes.split(",")], args.repeats, args.section)
    elif args.what == "score":
        score(args.lines, args.peer_lines, args.ter_lines, args.section)
    else:
        print(json.dumps(score_once(args.engine, args.lines, args.metrics.split(","))))


if __name__ == "__main__":
    main()
