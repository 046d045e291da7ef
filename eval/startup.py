"""The core install and start-up, as a new user meets them.

1. A fresh venv; ``pip install`` of this repository with no extras (pip's cache allowed, as in
   CI): wall time, site-packages size (total, and what the install added to an empty venv),
   packages installed, and that none of the heavy packages came along.
2. In that venv, in the same run and interleaved: ``sacrebleu --version`` (the peer: another
   Python CLI of the same kind, already installed as a core dependency), ``mtkit --version``,
   and ``mtkit audit`` of the bundled article (34 sentences) with the lexicon cache cold (an empty
   cache directory each time) and warm. Median wall time of ``--repeat`` runs each, and the
   ratio to ``sacrebleu --version``.

Targets (issue 11): core under 150 MB of site-packages; the audit within 3x sacrebleu --version.
``--before REF`` also times the warm audit with the code of git revision REF (its ``mtkit``
package first on ``PYTHONPATH`` in the same venv, its own cache directory), interleaved with the
rest: a before/after pair measured under the same load.

    python eval/startup.py [--repeat 7] [--before REF] [--no-record]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import venv
from pathlib import Path

from results import record

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpora" / "musk-trump.en.txt"
AR = ROOT / "corpora" / "musk-trump.ar.txt"
HEAVY = ("torch", "transformers", "datasets", "pyarrow", "pandas", "sentencepiece", "tokenizers")


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def site_packages(env: Path) -> Path:
    return next((env / "lib").glob("python*/site-packages"))


def install_core(base: Path) -> tuple[Path, dict]:
    source = base / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "mtkit", source / "mtkit", ignore=shutil.ignore_patterns("__pycache__"))
    env = base / "venv"
    venv.create(env, with_pip=True)
    empty = size_mb(site_packages(env))
    start = time.perf_counter()
    subprocess.run([env / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", str(source)],
                   check=True)
    seconds = time.perf_counter() - start
    listing = json.loads(subprocess.run([env / "bin" / "python", "-m", "pip", "list", "--format", "json"],
                                        check=True, capture_output=True, text=True).stdout)
    names = sorted(p["name"].lower() for p in listing)
    total = size_mb(site_packages(env))
    biggest = sorted(((size_mb(p), p.name) for p in site_packages(env).iterdir() if p.is_dir()), reverse=True)[:6]
    return env / "bin", {"seconds": seconds, "total": total, "added": total - empty, "empty": empty,
                         "packages": len(names), "heavy": [n for n in names if n in HEAVY], "biggest": biggest}


def wall(argv: list, env: dict) -> tuple[float, float]:
    """Wall time and CPU time (user + system, of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--before", metavar="REF", help="also time the audit with this git revision's code")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        bin_dir, core = install_core(base)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        warm = dict(env, MTKIT_CACHE_DIR=str(base / "cache"))
        audit = [bin_dir / "mtkit", "audit", EN, AR, "-f", "json", "-o", base / "audit.json"]
        runs = {
            "sacrebleu --version": ([bin_dir / "sacrebleu", "--version"], lambda k: env),
            "mtkit --version": ([bin_dir / "mtkit", "--version"], lambda k: env),
            "mtkit audit, cold cache": (audit, lambda k: dict(env, MTKIT_CACHE_DIR=str(base / f"cold{k}"))),
            "mtkit audit, warm cache": (audit, lambda k: warm),
        }
        if args.before:
            before = base / "before"
            before.mkdir()
            archive = subprocess.run(["git", "-C", ROOT, "archive", args.before, "mtkit"], check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", before], input=archive, check=True)
            subprocess.run([bin_dir / "python", "-m", "compileall", "-q", before / "mtkit"], check=True)
            old = dict(env, PYTHONPATH=str(before), MTKIT_CACHE_DIR=str(base / "cache-before"))
            runs[f"mtkit audit, warm cache, at {args.before}"] = (audit, lambda k: old)
            wall(audit, old)
        wall(audit, warm)                                    # fills the warm cache, warms the disk
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for k in range(args.repeat):                         # interleaved: load changes hit all alike
            for name, (argv, make_env) in runs.items():
                times[name].append(wall(argv, make_env(k)))
    median = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    peer, peer_cpu = median["sacrebleu --version"], cpu["sacrebleu --version"]
    load = os.getloadavg()[0]
    lines = [
        "Core install (`pip install .` into a fresh venv, no extras, pip's cache warm):",
        "",
        "| what | measured | target |",
        "|---|---|---|",
        f"| install time | {core['seconds']:.0f} s | |",
        f"| site-packages, total | {core['total']:.0f} MB | |",
        f"| site-packages added by the install (total minus the empty venv's {core['empty']:.0f} MB of pip/setuptools) "
        f"| {core['added']:.0f} MB | under 150 MB: {'met' if core['added'] < 150 else 'NOT met'} |",
        f"| packages | {core['packages']} (heavy ones: {', '.join(core['heavy']) or 'none'}) | no torch, transformers, "
        "datasets, pyarrow, pandas |",
        "",
        "Largest: " + ", ".join(f"{name} {mb:.0f} MB" for mb, name in core["biggest"]) + ".",
        "",
        f"Start-up, in that venv, median of {args.repeat} interleaved runs each (load average {load:.1f} "
        f"on {os.cpu_count()} cores at the end: CPU time is the steadier number on a busy machine):",
        "",
        "| command | wall, median | × sacrebleu --version | CPU, median | × sacrebleu --version |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in runs:
        lines.append(f"| `{name}` | {median[name]:.3f} s | {median[name] / peer:.2f} | {cpu[name]:.3f} s "
                     f"| {cpu[name] / peer_cpu:.2f} |")
    ratio = median["mtkit audit, warm cache"] / peer
    cpu_ratio = cpu["mtkit audit, warm cache"] / peer_cpu
    lines += ["", f"Target: the audit of the bundled article within 3× `sacrebleu --version`: "
              f"{'met' if max(ratio, cpu_ratio) <= 3 else 'NOT met'} ({ratio:.2f}× in wall time, "
              f"{cpu_ratio:.2f}× in CPU time, warm cache).",
              "Cold cache: the first run after an install or an update of mtkit's data builds the compiled "
              "lexicons and writes them to the user cache directory."]
    body = "\n".join(lines)
    print(body)
    if not args.no_record:
        record("Core install and start-up", body)


if __name__ == "__main__":
    main()
