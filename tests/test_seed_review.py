"""The bundled article against its bilingual review (corpora/musk-trump.review.jsonl)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from mtkit import api

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def seed_review(root):
    """eval/seed_review.py, where "caught" is defined once for this test and the evaluation."""
    spec = importlib.util.spec_from_file_location("seed_review", root / "eval" / "seed_review.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_audit():
    return api.audit(str(CORPORA / "musk-trump.en.txt"), str(CORPORA / "musk-trump.ar.txt"))


@pytest.fixture(scope="module")
def paragraph_of_unit(seed_audit):
    """Segment id → 1-based paragraph (the Arabic file's line)."""
    return {s.segment.id: s.segment.line for s in seed_audit.segments}


def test_at_least_11_of_13_review_findings_are_caught(seed_audit, seed_review):
    findings = seed_review.review_findings()
    caught = {n for n, parts in findings.items() if all(seed_review.caught(seed_audit, p) for p in parts)}
    assert len(findings) == 13
    assert len(caught) >= 11, f"caught {sorted(caught)}, missed {sorted(set(findings) - caught)}"


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
