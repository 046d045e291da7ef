"""Error profiles on real text: TICO-19's professional Arabic as one system and a copy carrying the
planted errors of eval/data/tico19_planted.jsonl (eval/plant.py: one plant per host pair) as
another. The planted categories must rise, with p < 0.05 where the planted count allows; and the
time of ``score --audit`` for 2 systems on 2,000 segments beside ``score`` without it.

    python eval/profile_tico.py [--record] [--write-test-data tests/data/score/tico]
    python eval/profile_tico.py --timing-only [--record]     # only the timing, in its own "(after)" section
"""
from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import tico19
from plant import PLANTED
from results import record

import mtkit
from mtkit.io.glossary import read_glossary

TEST_PER_CATEGORY = 12      # plants per category in the small copy for tests/test_score_tico.py
TEST_CLEAN = 132            # unplanted pairs beside them


def planted_copy() -> tuple[list, list[str], dict[str, str]]:
    """The TICO-19 pairs, the Arabic with each host's plant in place, host id → category."""
    segments = tico19.load_segments()
    rows = [json.loads(line) for line in PLANTED.read_text(encoding="utf-8").splitlines() if line.strip()]
    plant = {row["host"]: row for row in rows}
    arabic = [plant[s.id]["ar"] if s.id in plant else s.tgt for s in segments]
    return segments, arabic, {host: row["category"] for host, row in plant.items()}


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(" ".join(line.split()) + "\n" for line in lines), encoding="utf-8")


def _timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def test_data(segments, arabic, category_of, out: Path) -> None:
    """A small copy for the tests: TEST_PER_CATEGORY planted pairs per category (file order) and
    TEST_CLEAN clean ones, in file order."""
    taken: Counter = Counter()
    keep, clean = [], 0
    for index, seg in enumerate(segments):
        category = category_of.get(seg.id)
        if category is not None and taken[category] < TEST_PER_CATEGORY:
            taken[category] += 1
            keep.append(index)
        elif category is None and clean < TEST_CLEAN:
            clean += 1
            keep.append(index)
    out.mkdir(parents=True, exist_ok=True)
    _write(out / "src.en.txt", [segments[i].src for i in keep])
    _write(out / "professional.ar.txt", [segments[i].tgt for i in keep])
    _write(out / "planted.ar.txt", [arabic[i] for i in keep])
    (out / "planted.tsv").write_text("line\tid\tcategory\n" + "".join(
        f"{k}\t{segments[i].id}\t{category_of[segments[i].id]}\n" for k, i in enumerate(keep, 1)
        if segments[i].id in category_of), encoding="utf-8")


def timing(segments, arabic: list[str], n: int) -> str:
    """``score`` with and without ``--audit`` on the first ``n`` segments, 2 systems, one process."""
    with tempfile.TemporaryDirectory() as tmp:
        src, pro, bad, ref = (Path(tmp) / name for name in ("src.en.txt", "professional.ar.txt", "planted.ar.txt",
                                                             "ref.ar.txt"))
        _write(src, [s.src for s in segments][:n])
        _write(pro, [s.tgt for s in segments][:n])
        _write(bad, arabic[:n])
        _write(ref, [s.tgt for s in segments][:n])
        mtkit.score(src=str(src), sys_paths=[str(pro)], audit=True, significance="none")   # warm: lexicons
        _plain, seconds_plain = _timed(lambda: mtkit.score(str(ref), [str(pro), str(bad)]))
        _audited, seconds_audit = _timed(lambda: mtkit.score(str(ref), [str(pro), str(bad)], src=str(src), audit=True))
    return "\n".join([
        f"Time for 2 systems on {n} segments, in one run (BLEU + chrF + TER with `paired-bs`, n=1000):", "",
        "| | seconds |", "|---|---:|",
        f"| `mtkit score --ref REF A B` | {seconds_plain:.1f} |",
        f"| `mtkit score --ref REF --src SRC A B --audit` (both audited + profile bootstrap) | {seconds_audit:.1f} |",
        "", "One process (`--jobs 1`) on a shared 2-core machine; numbers vary with its load."])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timing-segments", type=int, default=2000)
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--write-test-data", default=None, metavar="DIR")
    parser.add_argument("--timing-only", action="store_true",
                        help="only the 2-system timing, recorded apart (the first-look section stays as it was)")
    args = parser.parse_args()
    if args.timing_only:
        segments, arabic, _category_of = planted_copy()
        body = timing(segments, arabic, args.timing_segments)
        print(body)
        if args.record:
            record("Error profiles: time for 2 systems (after)", body)
        return
    segments, arabic, category_of = planted_copy()
    if args.write_test_data:
        test_data(segments, arabic, category_of, Path(args.write_test_data))
    counts = Counter(category_of.values())
    with tempfile.TemporaryDirectory() as tmp:
        src, pro, bad, ref, gloss = (Path(tmp) / n for n in ("src.en.txt", "professional.ar.txt", "planted.ar.txt",
                                                               "ref.ar.txt", "glossary.csv"))
        _write(src, [s.src for s in segments])
        _write(pro, [s.tgt for s in segments])
        _write(bad, arabic)
        # both TICO-19 glossaries, as eval/plant.py audits the terminology plants
        with open(gloss, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([t.en, "|".join(t.ar)] for t in tico19.glossary())
        assert len(read_glossary(str(gloss))) == len(tico19.glossary())
        result, seconds_full = _timed(lambda: mtkit.score(src=str(src), sys_paths=[str(pro), str(bad)],
                                                          audit=True, glossary=str(gloss)))
        profile = result.profile
        rows = ["| category | planted | professional | planted copy | difference [95% CI] | p |",
                "|---|---:|---:|---:|---|---:|"]
        for category in profile.categories() + ["error_score"]:
            comp = profile.comparison("planted", category)
            rows.append(f"| {category} | {counts.get(category, '')} | {comp.baseline_value:.2f} | {comp.value:.2f} | "
                        f"{comp.delta:+.2f} [{comp.ci[0]:+.2f}, {comp.ci[1]:+.2f}] | {comp.p_value:.4f} |")
    body = "\n".join([
        (f"TICO-19 ({len(segments)} pairs, {profile.systems[0].src_words} English words): the professional Arabic "
        f"(`professional`) against a copy carrying the {sum(counts.values())} errors of "
        "eval/data/tico19_planted.jsonl (`planted`, one per host pair), both audited with the two TICO-19 "
        "glossaries. Flags per 1,000 source words; paired bootstrap over segments, 1000 resamples. "
        "First look; nothing was tuned on it."), "", *rows, "",
        f"Whole-set profile (2 audits of {len(segments)} pairs + bootstrap): {seconds_full:.1f} s.", "",
        timing(segments, arabic, args.timing_segments)])
    print(body)
    if args.record:
        record("Error profiles (score --audit) on TICO-19", body)


if __name__ == "__main__":
    main()
