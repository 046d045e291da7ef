"""The bundled article against its bilingual review: which of REVIEW.md's findings the audit
catches (right category, on the right words), and whether it leaves the protected facts alone.

    python eval/seed_review.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record  # noqa: E402
from test_seed_review import _caught  # noqa: E402  (one definition of "caught", shared with the test)

from mtkit import api  # noqa: E402


def main() -> None:
    corpora = ROOT / "corpora"
    result = api.audit(str(corpora / "musk-trump.en.txt"), str(corpora / "musk-trump.ar.txt"))
    rows = [json.loads(line) for line in (corpora / "musk-trump.review.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    findings: dict[int, list[dict]] = {}
    for row in rows:
        findings.setdefault(row["finding"], []).append(row)
    lines = ["| # | category | English | caught |", "|---|---|---|---|"]
    caught = 0
    for number, parts in sorted(findings.items()):
        ok = all(_caught(result, part) for part in parts)
        caught += ok
        lines.append(f"| {number} | {parts[0]['category']} | {parts[0]['en']} | {'yes' if ok else 'no'} |")
    summary = result.summary()
    body = (f"{caught} of {len(findings)} findings of `corpora/REVIEW.md` caught; the audit raised "
            f"{sum(summary['by_severity'].values())} flags in {summary['flagged_segments']} of "
            f"{summary['segments']} segments.\n\n" + "\n".join(lines))
    print(body)
    record("Seed article review", body, "python eval/seed_review.py")


if __name__ == "__main__":
    main()
