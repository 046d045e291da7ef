"""Time ``mtkit score`` against sacrebleu's own Python API on the same large files, and time the
paired significance tests for 3 systems.

Files: the 35 test sentences (tests/data/score) repeated to ``--lines`` lines, with deterministic
word drops and swaps per system so every line differs. Both sides read the files from disk.
    python eval/bench_score.py --lines 100000 --sig-lines 2000 --record
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from mtkit.io import read_lines

ROOT = Path(__file__).resolve().parents[1]

BASE = read_lines(str(ROOT / "tests" / "data" / "score" / "ref.ar.txt"))


def perturb(line: str, rng: random.Random, drop: float, swap: float) -> str:
    words = [w for w in line.split() if rng.random() > drop]
    for i in range(len(words) - 1):
        if rng.random() < swap:
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def make_files(folder: Path, lines: int, systems: int) -> tuple[str, list[str]]:
    rng = random.Random(13)
    ref = [BASE[i % len(BASE)] for i in range(lines)]
    ref_path = folder / "ref.ar.txt"
    ref_path.write_text("\n".join(ref) + "\n", encoding="utf-8")
    paths = []
    for k in range(systems):
        path = folder / f"sys-{chr(97 + k)}.ar.txt"
        path.write_text("\n".join(perturb(r, rng, 0.1 + 0.05 * k, 0.05) for r in ref) + "\n", encoding="utf-8")
        paths.append(str(path))
    return str(ref_path), paths


def sacrebleu_api(ref_path: str, sys_path: str) -> dict[str, float]:
    from sacrebleu.metrics import BLEU, CHRF, TER
    refs, hyps = [read_lines(ref_path)], read_lines(sys_path)
    return {name: metric.corpus_score(hyps, refs).score
            for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER()))}


def mtkit_score(ref_path: str, sys_path: str) -> dict[str, float]:
    from mtkit.score import score
    result = score(ref_path, [sys_path], significance=None)
    return {name: s.score for name, s in result.systems[0].scores.items()}


def timed(func, *args):
    start = time.perf_counter()
    value = func(*args)
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--sig-lines", type=int, default=2000)
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--record", action="store_true", help="Write the numbers to eval/RESULTS.md.")
    args = parser.parse_args()
    import mtkit.score  # noqa: F401  (imports outside the timings)
    import sacrebleu.metrics  # noqa: F401
    with tempfile.TemporaryDirectory() as tmp:
        ref, (sys_a,) = make_files(Path(tmp), args.lines, 1)
        t_sb, sb = timed(sacrebleu_api, ref, sys_a)
        t_mt, mt = timed(mtkit_score, ref, sys_a)
        assert sb == mt, (sb, mt)   # the same numbers, or the timing means nothing
    with tempfile.TemporaryDirectory() as tmp:
        from mtkit.score import score
        ref, paths = make_files(Path(tmp), args.sig_lines, 3)
        t_plain, _ = timed(lambda: score(ref, paths, significance=None))
        t_bs, _ = timed(lambda: score(ref, paths, significance="paired-bs", n_samples=args.samples))
        t_ar, _ = timed(lambda: score(ref, paths, significance="paired-ar", n_samples=args.samples))
    ratio = t_mt / t_sb
    body = f"""Score one system, BLEU + chrF + TER, {args.lines:,} lines (files read from disk on both sides;
mtkit also computes per-segment chrF). Same numbers on both sides:
BLEU {mt['bleu']:.2f}, chrF {mt['chrf']:.2f}, TER {mt['ter']:.2f}.

| | seconds |
|---|---:|
| sacrebleu API (`BLEU()`, `CHRF()`, `TER()` `.corpus_score`) | {t_sb:.1f} |
| `mtkit.score.score` | {t_mt:.1f} |
| ratio mtkit / sacrebleu (goal ≤ 1.2) | {ratio:.2f} |

Significance, 3 systems (2 comparisons with the baseline), {args.sig_lines:,} lines, BLEU + chrF + TER, {args.samples} samples:

| | seconds |
|---|---:|
| scores only | {t_plain:.1f} |
| with paired bootstrap (`paired-bs`, n={args.samples}) | {t_bs:.1f} |
| with paired approximate randomization (`paired-ar`, n={args.samples}, CIs from 1000 bootstrap resamples) | {t_ar:.1f} |

On a shared 2-core machine; numbers vary with its load."""
    print(body)
    if args.record:
        from results import record
        record("score speed", body, "python eval/bench_score.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
