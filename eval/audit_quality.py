"""Precision and recall of `mtkit audit` per category on the labeled development set.

    python eval/audit_quality.py [eval/devset/devset.jsonl | eval/heldout/heldout.jsonl |
                                  eval/final/final.jsonl] [--verbose]

The development set is what the checks were tuned on. The held-out set was written separately;
its first measurement is kept in RESULTS.md, but its errors were read afterwards, so later numbers
on it are optimistic. The final set was written separately again and measured once, at the end.

A label is caught when a flag of the same category in the same pair points at overlapping words
(the Arabic words, or the English ones when the label has no Arabic side). A flag is correct when
it catches a label of its category in its pair. Writes the table to eval/RESULTS.md.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from results import record

from mtkit import api
from mtkit.model import CATEGORIES
from mtkit.text import norm


def overlap(a: str, b: str) -> bool:
    a, b = norm(a).strip(), norm(b).strip()
    if not a or not b:
        return False
    return a in b or b in a or bool(set(a.split()) & set(b.split()))


def matches(flag: dict, label: dict) -> bool:
    if flag["category"] != label["category"]:
        return False
    if label.get("ar"):
        return overlap(flag["tgt_text"], label["ar"]) or (not flag["tgt_text"] and overlap(flag["src_text"], label["en"]))
    return overlap(flag["src_text"], label["en"]) or not flag["src_text"]


def evaluate(path: str) -> tuple[dict, dict, float, int]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    start = time.perf_counter()
    result = api.audit(pairs=path)
    seconds = time.perf_counter() - start
    by_id = {s.segment.id: s for s in result.segments}
    tp_flags, all_flags, caught, labels = Counter(), Counter(), Counter(), Counter()
    misses, false_alarms = [], []
    for row in rows:
        flags = [f.to_dict() for f in by_id[row["id"]].flags]
        for label in row["labels"]:
            labels[label["category"]] += 1
            if any(matches(f, label) for f in flags):
                caught[label["category"]] += 1
            else:
                misses.append((row["id"], label["category"], label.get("en", ""), label.get("ar", "")))
        for flag in flags:
            all_flags[flag["category"]] += 1
            if any(matches(flag, label) for label in row["labels"]):
                tp_flags[flag["category"]] += 1
            else:
                false_alarms.append((row["id"], flag["check"], flag["src_text"], flag["tgt_text"]))
    table = {}
    for cat in CATEGORIES:
        if labels[cat] or all_flags[cat]:
            table[cat] = (tp_flags[cat], all_flags[cat], caught[cat], labels[cat])
    totals = (sum(tp_flags.values()), sum(all_flags.values()), sum(caught.values()), sum(labels.values()))
    return table, {"misses": misses, "false_alarms": false_alarms, "totals": totals}, seconds, len(rows)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else str(Path(__file__).parent / "devset" / "devset.jsonl")
    table, details, seconds, n = evaluate(path)
    lines = ["| category | precision | recall | flags (correct/all) | labels (caught/all) |", "|---|---|---|---|---|"]
    for cat, (tp, flags, hit, labels) in table.items():
        lines.append(f"| {cat} | {ratio(tp, flags)} | {ratio(hit, labels)} | {tp}/{flags} | {hit}/{labels} |")
    tp, flags, hit, labels = details["totals"]
    lines.append(f"| **overall** | **{ratio(tp, flags)}** | **{ratio(hit, labels)}** | {tp}/{flags} | {hit}/{labels} |")
    body = (f"{n} pairs from `{Path(path).name}` ({sum(1 for _ in details['misses'])} labels missed, "
            f"{len(details['false_alarms'])} false alarms), audited in {seconds:.1f} s.\n\n" + "\n".join(lines))
    print(body)
    if "--verbose" in sys.argv:
        for miss in details["misses"]:
            print("MISS", *miss)
        for alarm in details["false_alarms"]:
            print("FALSE", *alarm)
    sections = {"heldout": "Audit quality (held-out set, after reading its errors)",
                "final": "Audit quality (final set, after reading its errors)"}
    kind = next((k for k in sections if k in Path(path).name), None)
    section = sections.get(kind, "Audit quality (development set)")
    command = "python eval/audit_quality.py" + (f" {path}" if kind else "")
    record(section, body, command)


if __name__ == "__main__":
    main()
