"""The bundled article against its bilingual review (corpora/musk-trump.review.jsonl)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtkit import api
from mtkit.text import norm

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def seed_audit():
    return api.audit(str(CORPORA / "musk-trump.en.txt"), str(CORPORA / "musk-trump.ar.txt"))


@pytest.fixture(scope="module")
def paragraph_of_unit(seed_audit):
    """Segment id → 1-based paragraph (the Arabic file's line)."""
    return {s.segment.id: s.segment.line for s in seed_audit.segments}


def _overlaps(flag_text: str, expected: str) -> bool:
    a, b = set(norm(flag_text).split()), set(norm(expected).split())
    return bool(a & b) or norm(expected) in norm(flag_text) or norm(flag_text) in norm(expected)


def _caught(seed_audit, finding: dict) -> bool:
    for seg in seed_audit.segments:
        if seg.segment.line != finding["paragraph"]:
            continue
        for flag in seg.flags:
            if flag.category != finding["category"]:
                continue
            if _overlaps(flag.tgt_text, finding["ar"]) or (not flag.tgt_text and _overlaps(flag.src_text, finding["en"])):
                return True
    return False


def test_at_least_11_of_13_review_findings_are_caught(seed_audit):
    rows = [json.loads(line) for line in (CORPORA / "musk-trump.review.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_finding: dict[int, list[dict]] = {}
    for row in rows:
        by_finding.setdefault(row["finding"], []).append(row)
    caught = {n for n, parts in by_finding.items() if all(_caught(seed_audit, p) for p in parts)}
    assert len(by_finding) == 13
    assert len(caught) >= 11, f"caught {sorted(caught)}, missed {sorted(set(by_finding) - caught)}"


def test_facts_that_survived_are_not_flagged(seed_audit):
    protected_numbers = ["2022", "2015", "2020", "2021", "300", "7:38"]
    protected_names = ["ماسك", "ترامب", "بيلتز", "بريان هيوز", "بيل بار"]
    brands = ["SpaceX", "Tesla", "Truth Social", "Gizmodo"]
    for flag in seed_audit.flags:
        if flag.category == "number":
            assert not any(n in flag.src_text or n in flag.tgt_text for n in protected_numbers), flag
        if flag.category == "entity":
            assert not any(re.fullmatch(rf"\W*{n}\W*", flag.tgt_text) for n in protected_names), flag
        if flag.category == "untranslated":
            assert not any(b in flag.tgt_text for b in brands + ["X"]), flag
        if flag.category == "idiom":
            assert "near and dear" not in flag.src_text, flag
