"""The bundled article against its bilingual review: which of REVIEW.md's findings the audit
catches (right category, on the right words), and whether it leaves the protected facts alone.

    python eval/seed_review.py

``caught`` is the one definition of "caught"; tests/test_seed_review.py loads it from this file.
"""
from __future__ import annotations

import json
from pathlib import Path

from mtkit import api
from mtkit.model import AuditResult
from mtkit.text import norm

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def review_findings() -> dict[int, list[dict]]:
    """The review's findings by number (a finding may have several parts, all to be caught)."""
    rows = [json.loads(line) for line in (CORPORA / "musk-trump.review.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    findings: dict[int, list[dict]] = {}
    for row in rows:
        findings.setdefault(row["finding"], []).append(row)
    return findings


def overlaps(flag_text: str, expected: str) -> bool:
    a, b = set(norm(flag_text).split()), set(norm(expected).split())
    return bool(a & b) or norm(expected) in norm(flag_text) or norm(flag_text) in norm(expected)


def caught(result: AuditResult, finding: dict) -> bool:
    """A flag of the finding's category in its paragraph, on its Arabic words (or on its English
    words when the flag has no Arabic side)."""
    for seg in result.segments:
        if seg.segment.line != finding["paragraph"]:
            continue
        for flag in seg.flags:
            if flag.category != finding["category"]:
                continue
            if overlaps(flag.tgt_text, finding["ar"]) or (not flag.tgt_text and overlaps(flag.src_text, finding["en"])):
                return True
    return False


def main() -> None:
    from results import record     # (eval/ is on the path when this runs as a script)
    result = api.audit(str(CORPORA / "musk-trump.en.txt"), str(CORPORA / "musk-trump.ar.txt"))
    findings = review_findings()
    lines = ["| # | category | English | caught |", "|---|---|---|---|"]
    count = 0
    for number, parts in sorted(findings.items()):
        ok = all(caught(result, part) for part in parts)
        count += ok
        lines.append(f"| {number} | {parts[0]['category']} | {parts[0]['en']} | {'yes' if ok else 'no'} |")
    summary = result.summary()
    body = (f"{count} of {len(findings)} findings of `corpora/REVIEW.md` caught; the audit raised "
            f"{sum(summary['by_severity'].values())} flags in {summary['flagged_segments']} of "
            f"{summary['segments']} segments.\n\n" + "\n".join(lines))
    print(body)
    record("Seed article review", body, "python eval/seed_review.py")


if __name__ == "__main__":
    main()
