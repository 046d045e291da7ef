"""The audit on real professional translations: the 3,071 TICO-19 English→Arabic pairs.

    python eval/tico19.py [--section NAME] [--dump FILE]
    python eval/tico19.py --speed [--repeat N]

Nobody here wrote these translations, so what the audit flags on them is mostly false alarms:
this measures how often a reviewer is shown a flag (share of pairs flagged, flags per 1,000
English words, share of pairs with a major or critical flag), which checks raise them, and how many
documents would fail the example gate rules of docs/ci.md. The pairs are split by document into a
development half (tuning may look at it) and a test half (reported, not looked at while tuning);
see ``split``. ``--dump`` writes every flag as JSON Lines (the input of eval/judge.py).

The data stays where it is (``$MTKIT_TICO19``, default /work/shared/real/tico19); it is read with
translate-toolkit, as a localization team's TMX would be.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from results import record

from mtkit import api
from mtkit.io.glossary import Term
from mtkit.model import SEVERITIES, Flag, Segment, SegmentResult

DATA = Path(os.environ.get("MTKIT_TICO19", "/work/shared/real/tico19"))
SPLIT_SEED = 20261206


def load_segments() -> list[Segment]:
    """Every translation unit of the TMX, in file order, with its ``tuid`` as id and its document
    (read together: names seen elsewhere in the article)."""
    from translate.storage import tmx
    store = tmx.tmxfile.parsefile(str(DATA / "tico19.en-ar.tmx"))
    return [Segment(id=unit.getid(), src=unit.source, tgt=unit.target, doc=document(unit.getid()))
            for unit in store.units if unit.source and unit.target]


def document(segment_id: str) -> str:
    """``Wikipedia_handpicked_1:17`` → ``Wikipedia_handpicked_1``."""
    return segment_id.rsplit(":", 1)[0]


def split(segments: Sequence[Segment]) -> dict[str, str]:
    """Document → ``dev`` or ``test``: within each source (CMU, PubMed, Wikinews, …), documents in a
    seeded random order go to the two halves in turn, starting with the half that has fewer pairs."""
    sizes = Counter(document(s.id) for s in segments)
    by_source: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(sizes):
        by_source[doc.rstrip("0123456789_")].append(doc)
    rng = random.Random(SPLIT_SEED)
    halves = {"dev": 0, "test": 0}
    out = {}
    for source in sorted(by_source):
        docs = by_source[source]
        rng.shuffle(docs)
        first = min(halves, key=lambda h: (halves[h], h))
        order = [first, "test" if first == "dev" else "dev"]
        for k, doc in enumerate(docs):
            out[doc] = order[k % 2]
            halves[order[k % 2]] += sizes[doc]
    return out


def glossary() -> tuple[Term, ...]:
    """Both TICO-19 glossaries, read as ``--glossary`` reads a user's CSV (their headers name the
    columns: sourceString, targetString, pos); one English term may have entries in both."""
    from mtkit.io.glossary import read_glossary
    return tuple(term for name in ("terminology-facebook.en-ar.csv", "terminology-google.en-ar.csv")
                 for term in read_glossary(str(DATA / name)))


def audit(segments: Iterable[Segment], *, glossary_terms: Sequence[Term] = ()) -> list[SegmentResult]:
    return api.audit(segments=segments, glossary=glossary_terms).segments  # type: ignore[return-value]


def fingerprint(segment: Segment, flag: Flag) -> str:
    """A flag's identity for judgments: pair id, check and the words it points at."""
    key = json.dumps([segment.id, flag.check, flag.src_text, flag.tgt_text], ensure_ascii=False)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def flag_record(result: SegmentResult, flag: Flag) -> dict:
    seg = result.segment
    # the judgments' fingerprint (pair id, check, words), not the flag's own review fingerprint
    return {**flag.to_dict(), "fingerprint": fingerprint(seg, flag), "id": seg.id, "en": seg.src, "ar": seg.tgt}


def code_version() -> str:
    """The commit the numbers were made with (``+`` when the working tree has changes)."""
    import subprocess
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "mtkit"], cwd=root, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+" if dirty else "")


def words(segments: Iterable[Segment]) -> int:
    return sum(len(s.src.split()) for s in segments)


def gate_failures(results: Sequence[SegmentResult]) -> tuple[int, int]:
    """Documents that fail docs/ci.md's example rules when each document is one file (per-file:
    no critical flag; whole run rules applied to the document: at most 3 major flags, at most 2 major
    per 1,000 words, no idiom or number flag, at most 1 untranslated per 1,000 words)."""
    by_doc: dict[str, list[SegmentResult]] = defaultdict(list)
    for r in results:
        by_doc[document(r.segment.id)].append(r)
    failed = 0
    for doc_results in by_doc.values():
        flags = [f for r in doc_results for f in r.flags]
        n_words = words(r.segment for r in doc_results) / 1000
        sev = Counter(f.severity for f in flags)
        cat = Counter(f.category for f in flags)
        failed += (sev["critical"] > 0 or sev["major"] > 3 or sev["major"] / n_words > 2.0
                   or cat["idiom"] > 0 or cat["number"] > 0 or cat["untranslated"] / n_words > 1.0)
    return failed, len(by_doc)


def summary_row(name: str, results: Sequence[SegmentResult]) -> str:
    n = len(results)
    flags = [f for r in results for f in r.flags]
    flagged = sum(bool(r.flags) for r in results)
    serious = sum(any(f.severity != "minor" for f in r.flags) for r in results)
    failed, docs = gate_failures(results)
    per_1k = len(flags) / words(r.segment for r in results) * 1000
    return (f"| {name} | {n:,} | {flagged / n:.1%} | {serious / n:.1%} | {len(flags):,} | {per_1k:.1f} "
            f"| {failed}/{docs} |")


def by_check_table(results: Sequence[SegmentResult]) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for f in r.flags:
            counts[f.check][f.severity] += 1
    lines = ["| check | " + " | ".join(SEVERITIES) + " | all |", "|---|" + "---:|" * (len(SEVERITIES) + 1)]
    for check in sorted(counts, key=lambda c: (-sum(counts[c].values()), c)):
        c = counts[check]
        lines.append(f"| {check} | " + " | ".join(str(c[s]) for s in SEVERITIES) + f" | {sum(c.values())} |")
    return "\n".join(lines)


def speed(segments: Sequence[Segment], repeat: int) -> str:
    """Pairs per second on one core for news-length pairs (15 to 40 English words), beside sacrebleu's
    sentence chrF on the same pairs (Arabic against itself: the cost, not the score, is compared).

    Each pair is audited once per pass (the caches of word-level facts must not see a pair twice);
    the process is first warmed on 200 other pairs (data files loaded, common words seen), as a long
    run would be. Times are CPU seconds of this process, so other work on a shared machine does not
    count; the best of ``repeat`` passes, each in a fresh process, is kept."""
    chosen = [s for s in segments if 15 <= len(s.src.split()) <= 40]
    others = [s for s in segments if not 15 <= len(s.src.split()) <= 40][:200]
    runs = [_speed_pass(chosen, others) for _ in range(repeat)]
    seconds, chrf_seconds = min(r[0] for r in runs), min(r[1] for r in runs)
    mean = words(chosen) / len(chosen)
    return (f"mtkit at {code_version()}. {len(chosen):,} TICO-19 pairs of 15 to 40 English words (mean {mean:.1f}), "
            f"all checks, one process, each pair once (warmed on 200 other pairs); CPU seconds, best of {repeat} "
            f"fresh processes.\n\n| run | seconds | pairs/s |\n|---|---:|---:|\n"
            f"| mtkit audit (1 core) | {seconds:.2f} | {len(chosen) / seconds:,.0f} |\n"
            f"| sacrebleu sentence chrF (1 core) | {chrf_seconds:.2f} | {len(chosen) / chrf_seconds:,.0f} |\n\n"
            f"The audit costs {seconds / chrf_seconds:.1f}× a sentence chrF (goal: ≥ 1,000 pairs/s per core).")


def _speed_pass(chosen: Sequence[Segment], others: Sequence[Segment]) -> tuple[float, float]:
    """(audit, chrF) CPU seconds over ``chosen`` in a fresh process, so no pass sees another's caches."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_timed_pass, list(chosen), list(others)).result()


def _timed_pass(chosen: list[Segment], others: list[Segment]) -> tuple[float, float]:
    from sacrebleu.metrics import CHRF
    audit(others)                            # load the data files, see some words, as a long run would
    start = time.process_time()
    audit(chosen)
    seconds = time.process_time() - start
    chrf = CHRF()
    start = time.process_time()
    for s in chosen:
        chrf.sentence_score(s.tgt, [s.tgt])
    return seconds, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--section", default="TICO-19 real translations", help="RESULTS.md section")
    parser.add_argument("--dump", help="write every flag (without glossary) as JSON Lines")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--speed", action="store_true", help="measure pairs/s instead (section 'TICO-19 audit speed')")
    parser.add_argument("--repeat", type=int, default=3, help="with --speed: passes (fresh processes); the best is kept")
    args = parser.parse_args()
    segments = load_segments()
    if args.speed:
        body = speed(segments, args.repeat)
        print(body)
        if not args.no_record:
            record("TICO-19 audit speed", body)
        return
    halves = split(segments)
    start = time.perf_counter()
    results = audit(segments)
    seconds = time.perf_counter() - start
    with_glossary = audit(segments, glossary_terms=glossary())
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for r in results:
                out.writelines(json.dumps(flag_record(r, f), ensure_ascii=False) + "\n" for f in r.flags)
    header = ("| pairs | n | pairs flagged | pairs with a major/critical flag | flags | flags per 1,000 EN words "
              "| documents failing docs/ci.md's example rules |\n|---|---:|---:|---:|---:|---:|---:|")
    rows = [summary_row("all", results)]
    for half in ("dev", "test"):
        rows.append(summary_row(half, [r for r in results if halves[document(r.segment.id)] == half]))
    rows.append(summary_row("all, with both TICO-19 glossaries as `--glossary`", with_glossary))
    dev_docs = sorted(d for d, h in halves.items() if h == "dev")
    body = (f"mtkit at {code_version()}. {len(segments):,} professional English→Arabic pairs from 31 documents "
            f"(`tico19.en-ar.tmx`, read with translate-toolkit), all checks, audited in {seconds:.1f} s. "
            "Nearly all of these translations are right, so most flags here are false alarms.\n\n"
            + header + "\n" + "\n".join(rows)
            + "\n\nFlags by check (all pairs, no glossary):\n\n" + by_check_table(results)
            + "\n\nFlags by check, glossary run, terminology only: "
            + ", ".join(f"{c} {n}" for c, n in sorted(Counter(
                f.check for r in with_glossary for f in r.flags if f.category == "terminology").items()))
            + f"\n\nDevelopment documents ({sum(halves[document(s.id)] == 'dev' for s in segments):,} pairs): "
            + ", ".join(dev_docs) + "; the others are the test half.")
    print(body)
    if not args.no_record:
        record(args.section, body)


if __name__ == "__main__":
    main()
