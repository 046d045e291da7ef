"""Flags on real translations, read one by one: how many point at a real error.

    python eval/judge.py sample [--major N] [--minor N]   # print a seeded sample of today's flags to judge
    python eval/judge.py precision [--section NAME]        # precision of today's flags on the judged ones
    python eval/judge.py sample --glossary [--major N] [--seed S]
    python eval/judge.py precision --glossary               # the same for the glossary run

``--glossary`` works on the glossary run (both TICO-19 glossaries as ``--glossary``) and its
terminology.glossary flags only, judged in ``eval/data/tico19_glossary_judgments.jsonl`` (same
fields; a glossary verdict also says which ``class`` of flag it is: ``other-sense``, ``inflected``,
``inside-longer-term``, ``alternatives``, ``synonym``, ``omitted``, …).

The judgments are data, in ``eval/data/tico19_judgments.jsonl``: one line per judged flag, with its
``fingerprint`` (eval/tico19.py: pair id, check and the words it points at), the pair id, check,
severity and words at the time, a ``verdict`` (``real``: the translation has the error the flag
names, or one close enough that a reviewer would fix it there; ``false``: a false alarm) and a
one-line ``reason``. They were made by reading the English and the Arabic of each pair.

``precision`` audits the TICO-19 pairs with the current code and looks up each flag's verdict:
precision per check and per severity over the flags that have one, and how many flags have none
(new flags that nobody has read yet: their precision is unknown, and is reported as such).
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

import tico19
from results import record

JUDGMENTS = Path(__file__).parent / "data" / "tico19_judgments.jsonl"
GLOSSARY_JUDGMENTS = Path(__file__).parent / "data" / "tico19_glossary_judgments.jsonl"
SEED = 20261206


def load_judgments(glossary: bool = False) -> dict[str, dict]:
    path = GLOSSARY_JUDGMENTS if glossary else JUDGMENTS
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {r["fingerprint"]: r for r in rows}


def current_flags(glossary: bool = False) -> list[dict]:
    """Today's flags on the TICO-19 pairs; with ``glossary``, the glossary run's terminology.glossary flags."""
    segments = tico19.load_segments()
    if not glossary:
        return [tico19.flag_record(r, f) for r in tico19.audit(segments) for f in r.flags]
    return [tico19.flag_record(r, f) for r in tico19.audit(segments, glossary_terms=tico19.glossary())
            for f in r.flags if f.check == "terminology.glossary"]


def sample(major: int, minor: int, glossary: bool = False, seed: int = SEED) -> None:
    flags = current_flags(glossary)
    judged = load_judgments(glossary)
    rng = random.Random(seed)
    out = []
    for serious, n in ((True, major), (False, minor)):
        pool = [f for f in flags if (f["severity"] != "minor") == serious and f["fingerprint"] not in judged]
        out += rng.sample(pool, min(n, len(pool)))
    for f in out:
        print(json.dumps({k: f[k] for k in ("fingerprint", "id", "check", "severity", "src_text", "tgt_text",
                                            "message", "en", "ar")}, ensure_ascii=False))


def precision(section: str | None, glossary: bool = False) -> None:
    flags = current_flags(glossary)
    judged = load_judgments(glossary)
    by_check: dict[str, Counter] = defaultdict(Counter)
    by_sev: dict[str, Counter] = defaultdict(Counter)
    for f in flags:
        verdict = judged.get(f["fingerprint"], {}).get("verdict", "unjudged")
        by_check[f["check"]][verdict] += 1
        by_sev[f["severity"]][verdict] += 1
    def row(name: str, c: Counter) -> str:
        n = c["real"] + c["false"]
        p = f"{c['real'] / n:.2f}" if n else "–"
        return f"| {name} | {sum(c.values())} | {n} | {c['real']} | {p} |"
    head = "| {} | flags | judged | real | precision |\n|---|---:|---:|---:|---:|"
    lines = [head.format("check")]
    lines += [row(k, c) for k, c in sorted(by_check.items(), key=lambda kv: -sum(kv[1].values()))]
    lines += ["", head.format("severity")]
    lines += [row(k, by_sev[k]) for k in ("critical", "major", "minor") if k in by_sev]
    total = Counter()
    for c in by_sev.values():
        total.update(c)
    lines += ["", head.format("all"), row("all flags", total)]
    body = (f"mtkit at {tico19.code_version()}. {len(judged)} distinct judged flags in "
            f"`eval/data/{(GLOSSARY_JUDGMENTS if glossary else JUDGMENTS).name}`; the TICO-19 audit"
            f"{' with both glossaries raises' if glossary else ' raises'} {len(flags)}"
            f"{' terminology.glossary' if glossary else ''} flags, of which "
            f"{sum(f['fingerprint'] in judged for f in flags)} have a verdict (a flag repeated on the same words "
            "of a pair shares one). Precision is over the judged flags of each row.\n\n" + "\n".join(lines))
    print(body)
    if section:
        record(section, body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("sample", "precision"))
    parser.add_argument("--major", type=int, default=150)
    parser.add_argument("--minor", type=int, default=100)
    parser.add_argument("--section")
    parser.add_argument("--glossary", action="store_true", help="the glossary run's terminology.glossary flags")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.action == "sample":
        sample(args.major, args.minor, args.glossary, args.seed)
    else:
        precision(args.section, args.glossary)


if __name__ == "__main__":
    main()
