"""mtkit.model: the one data model and its contract JSON."""
from __future__ import annotations

import json

import pytest

from mtkit import __version__
from mtkit.model import (CATEGORIES, SEVERITIES, Alignment, AuditResult, Bead, Flag, Segment,
                         SegmentResult, Span, severity_rank)


def test_span():
    span = Span(5, 9)
    assert span.slice("Elon Musk said") == "Musk"
    assert span.to_list() == [5, 9]


def test_bead_kind_and_dict():
    assert Bead((0, 1), (2,), 0.93456).kind == "2-1"
    assert Bead((), (3,)).kind == "0-1"
    assert Bead((0, 1), (2,), 0.93456).to_dict() == {"src": [0, 1], "tgt": [2], "score": 0.9346}


def test_alignment_dict_is_the_contract_shape():
    alignment = Alignment(["a", "b"], ["ا"], [Bead((0,), (0,), 1.0), Bead((1,), (), 0.0)])
    data = alignment.to_dict()
    assert data == {"tool": "mtkit", "version": __version__, "src_units": ["a", "b"], "tgt_units": ["ا"],
                    "beads": [{"src": [0], "tgt": [0], "score": 1.0}, {"src": [1], "tgt": [], "score": 0.0}]}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_severities_and_categories():
    assert [severity_rank(s) for s in SEVERITIES] == [0, 1, 2]
    assert severity_rank("critical") < severity_rank("minor")
    assert {"idiom", "entity", "number", "negation", "omission", "addition", "untranslated",
            "terminology", "spacing", "punctuation", "grammar"} == set(CATEGORIES)
    with pytest.raises(ValueError):
        severity_rank("blocker")


def make_result() -> AuditResult:
    flag = Flag(category="idiom", severity="major", check="idiom.literal", message="word for word",
                src_span=Span(41, 59), tgt_span=None, src_text="hand over fist", tgt_text="",
                suggestion="يجني أموالًا طائلة", confidence=0.876)
    minor = Flag(category="punctuation", severity="minor", check="punctuation.quotes", message="stray quotes")
    flagged = SegmentResult(Segment("8", "src text here", "نص", (7,), (7,)), [flag, minor])
    clean = SegmentResult(Segment("9", "two words", "كلمتان", (8,), (8, 9)))
    return AuditResult([flagged, clean], skipped=["pairs.jsonl:3: not valid JSON"])


def test_flag_dict_fields():
    data = make_result().segments[0].flags[0].to_dict()
    assert data == {"category": "idiom", "severity": "major", "check": "idiom.literal",
                    "src_span": [41, 59], "tgt_span": None, "src_text": "hand over fist", "tgt_text": "",
                    "message": "word for word", "suggestion": "يجني أموالًا طائلة", "confidence": 0.88,
                    "fingerprint": ""}


def test_audit_summary_and_dict():
    result = make_result()
    summary = result.summary()
    assert summary["segments"] == 2 and summary["flagged_segments"] == 1
    assert summary["by_severity"] == {"critical": 0, "major": 1, "minor": 1}
    assert summary["by_category"] == {"idiom": 1, "punctuation": 1}
    assert summary["src_words"] == 5
    data = result.to_dict()
    assert (data["tool"], data["version"]) == ("mtkit", __version__)
    assert data["segments"][1] == {"id": "9", "src": "two words", "tgt": "كلمتان", "src_units": [8],
                                   "tgt_units": [8, 9], "flags": []}
    assert data["skipped"] == ["pairs.jsonl:3: not valid JSON"]
    assert "skipped" not in AuditResult([]).to_dict()


def test_audit_json_round_trips():
    data = make_result().to_dict()
    again = AuditResult.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    # an audit without fingerprints gets them when read; with them, it reads back unchanged
    assert all(len(f.fingerprint) == 16 for f in again.flags)
    data = again.to_dict()
    assert AuditResult.from_dict(json.loads(json.dumps(data, ensure_ascii=False))).to_dict() == data
    assert again.segments[0].flags[0].src_span == Span(41, 59)
