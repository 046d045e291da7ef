"""Where the CPU of an audit on Dask goes, beside ``--jobs 2``: the checks themselves (thread CPU
inside each chunk's task, measured in the worker) apart from everything else (the workers' event
loops and (de)serialization, the driver, and for Dask the scheduler and nannies).

    python eval/dask_overhead.py [--pairs 3000] [--repeats 3]

On a shared machine the checks' own CPU time moves by ±20% from run to run for the same work
(caches, other jobs), more than Dask adds; splitting it out measures Dask's part directly.
Both modes run in this process through ``mtkit.audit.audit_segments`` (what the CLI runs), on a
2-process pool and on a 2-worker LocalCluster as ``local:2`` starts it (its start not counted),
alternating; the task functions are wrapped to time themselves (``time.thread_time``).
"""
from __future__ import annotations

import argparse
import glob
import importlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

from results import record

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset" / "devset.jsonl"
OUT = Path(tempfile.gettempdir()) / f"mtkit-dask-overhead-{os.getpid()}"


def _timed(kind: str, func, *args):
    """Run ``func``, appending (its thread CPU, the process's CPU so far) to a file per process."""
    start = time.thread_time()
    result = func(*args)
    spent = time.thread_time() - start
    times = psutil.Process().cpu_times()
    with open(OUT.parent / os.environ["MTKIT_OVERHEAD_DIR"] / f"{kind}-{os.getpid()}.txt", "a") as out:
        out.write(f"{spent} {times.user + times.system}\n")
    return result


def pool_chunk(chunk):
    return _timed("pool", importlib.import_module("mtkit.audit")._untimed, chunk)


def dask_chunk(settings, chunk):
    return _timed("dask", importlib.import_module("mtkit.dask.audit")._untimed, settings, chunk)


def _wrap_dask_worker() -> None:
    """In a Dask worker: time chunk_flags (the tasks and the plugin's warm-up call it)."""
    module = importlib.import_module("mtkit.dask.audit")
    if not hasattr(module, "_untimed"):
        module._untimed = module.chunk_flags
        module.chunk_flags = dask_chunk


def _in_tasks(kind: str) -> float:
    return sum(float(line.split()[0]) for name in glob.glob(str(OUT / f"{kind}-*.txt"))
               for line in open(name))


def _cpu(pids) -> float:
    return sum(t.user + t.system for t in (psutil.Process(p).cpu_times() for p in pids))


def one_run(mode: str, segments) -> dict:
    for name in glob.glob(str(OUT / f"{mode}-*.txt")):
        os.remove(name)
    audit = importlib.import_module("mtkit.audit")
    me = psutil.Process()
    if mode == "pool":
        before = me.cpu_times()
        start = time.perf_counter()
        out = [r.to_dict() for r in audit.audit_segments(segments, jobs=2)]
        seconds = time.perf_counter() - start
        after = me.cpu_times()
        # the pool's children, reaped: their CPU counts in this process's children's times
        children = after.children_user + after.children_system - before.children_user - before.children_system
        driver = after.user + after.system - before.user - before.system
        workers = children
    else:
        from mtkit.dask.cluster import local_cluster
        with local_cluster(2) as client:      # what `--dask local:2` starts
            client.run(importlib.import_module("dask_overhead")._wrap_dask_worker)
            pids = list(client.run(os.getpid).values())
            before, workers_before = me.cpu_times(), _cpu(pids)
            start = time.perf_counter()
            out = [r.to_dict() for r in audit.audit_segments(segments, dask=client.scheduler.address)]
            seconds = time.perf_counter() - start
            after, workers = me.cpu_times(), _cpu(pids) - workers_before
        driver = after.user + after.system - before.user - before.system    # driver + scheduler + nannies
    checks = _in_tasks(mode)
    return {"seconds": seconds, "checks": checks, "workers_rest": workers - checks, "driver": driver,
            "load": os.getloadavg()[0], "out": json.dumps(out, sort_keys=True)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["MTKIT_OVERHEAD_DIR"] = OUT.name         # the Dask workers inherit it
    from mtkit.model import Segment
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    segments = [Segment(f"p{i}", rows[i % len(rows)]["en"], rows[i % len(rows)]["ar"]) for i in range(args.pairs)]
    audit = importlib.import_module("mtkit.audit")
    audit._untimed, audit._audit_chunk = audit._audit_chunk, importlib.import_module("dask_overhead").pool_chunk
    runs: dict[str, list[dict]] = {"pool": [], "dask": []}
    for k in range(args.repeats):
        for mode in (("pool", "dask") if k % 2 == 0 else ("dask", "pool")):
            runs[mode].append(one_run(mode, segments))
            print(mode, {x: v for x, v in runs[mode][-1].items() if x != "out"}, file=sys.stderr, flush=True)
    same = len({r["out"] for rs in runs.values() for r in rs}) == 1

    def med(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[mode])

    lines = ["| run | wall s | the checks (thread CPU in the tasks), s | workers' other CPU, s | "
             "driver (+ scheduler and nannies for Dask), s | all other CPU over the checks' | load |",
             "|---|---|---|---|---|---|---|"]
    rest = {m: med(m, "workers_rest") + med(m, "driver") for m in runs}
    for mode, label in (("pool", "`--jobs 2`"), ("dask", "`--dask`, 2-worker LocalCluster")):
        lines.append(f"| {label} | {med(mode, 'seconds'):.1f} | {med(mode, 'checks'):.2f} | "
                     f"{med(mode, 'workers_rest'):.2f} | {med(mode, 'driver'):.2f} | "
                     f"{rest[mode] / med(mode, 'checks'):.1%} | "
                     f"{', '.join(format(r['load'], '.1f') for r in runs[mode])} |")
    extra = (rest["dask"] - rest["pool"]) / med("pool", "checks")
    body = (f"{args.pairs:,} news pairs (the development set repeated), medians of {args.repeats} runs per mode, "
            "alternating. The checks' CPU is the same work in both modes (its spread between runs is the "
            "machine's noise); everything else is what each way of running it adds.\n\n" + "\n".join(lines) +
            f"\n\nCPU Dask adds over `--jobs 2`, outside the checks: {extra:+.1%} of the checks' CPU. "
            f"Outputs identical in every run: {'yes' if same else 'NO'}.")
    record("Scale, measured (dask4): where Dask's CPU goes", body)
    print(body)


if __name__ == "__main__":
    main()
