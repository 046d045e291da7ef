"""The audit flow in-process: pairs and documents → segments → checks → AuditResult."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from mtkit import api
from mtkit.audit import audit_segments, segments_from_alignment
from mtkit.checks.calibration import calibrated, severity
from mtkit.errors import InputError
from mtkit.model import CATEGORIES, SEVERITIES, Alignment, Bead, Segment

audit_flow = importlib.import_module("mtkit.audit")   # mtkit.audit the name is the API function
DATA = Path(__file__).resolve().parent / "data" / "audit"


def validate(data: dict) -> None:
    """The contract's `mtkit audit --format json` shape, and spans that slice to their texts."""
    assert data["tool"] == "mtkit" and isinstance(data["version"], str)
    summary, segments = data["summary"], data["segments"]
    flags = [f for s in segments for f in s["flags"]]
    assert summary["segments"] == len(segments)
    assert summary["flagged_segments"] == sum(1 for s in segments if s["flags"])
    assert summary["by_severity"] == {sev: sum(f["severity"] == sev for f in flags) for sev in SEVERITIES}
    assert summary["by_category"] == {c: n for c in CATEGORIES if (n := sum(f["category"] == c for f in flags))}
    for seg in segments:
        assert isinstance(seg["id"], str)
        assert all(isinstance(i, int) for i in seg["src_units"] + seg["tgt_units"])
        for flag in seg["flags"]:
            assert flag["category"] in CATEGORIES and flag["severity"] in SEVERITIES
            assert flag["check"].startswith(flag["category"] + ".")
            for side, text in (("src", seg["src"]), ("tgt", seg["tgt"])):
                span = flag[f"{side}_span"]
                if span is None:
                    continue
                start, end = span
                assert 0 <= start < end <= len(text), (flag, text)
                assert text[start:end] == flag[f"{side}_text"]
            assert isinstance(flag["message"], str) and flag["message"]
            assert 0 <= flag["confidence"] <= 1


@pytest.fixture(scope="module")
def pairs_result():
    return api.audit(pairs=str(DATA / "pairs.jsonl"))


def test_pairs_give_one_segment_per_line_in_order_with_default_ids(pairs_result):
    data = pairs_result.to_dict()
    validate(data)
    # line 4 is blank: the next record (line 5) gets id "5", its 1-based line number
    assert [s["id"] for s in data["segments"]] == ["idiom-1", "2", "clean-1", "5", "7", "brand-1"]
    checks = {s["id"]: [f["check"] for f in s["flags"]] for s in data["segments"]}
    assert checks == {"idiom-1": ["idiom.literal"], "2": ["number.mismatch"], "clean-1": [],
                      "5": ["negation.lost"], "7": ["spacing.double"], "brand-1": []}
    # the changed number and the lost negation are critical, the idiom major, each at its check's
    # calibrated confidence (docs/calibration.md)
    severities = {s["id"]: [f["severity"] for f in s["flags"]] for s in data["segments"]}
    assert severities["5"] == [severity("critical", calibrated("negation.lost", 0.8))]
    assert data["summary"]["by_severity"] == {"critical": 2, "major": 1, "minor": 1}


def test_tsv_pairs_with_and_without_ids():
    with_ids = api.audit(pairs=str(DATA / "pairs.tsv"))
    assert [(s.segment.id, [f.check for f in s.flags]) for s in with_ids.segments] == \
        [("t1", ["idiom.literal"]), ("t2", [])]
    no_ids = api.audit(pairs=str(DATA / "pairs_noid.tsv"))
    assert [(s.segment.id, [f.check for f in s.flags]) for s in no_ids.segments] == \
        [("1", []), ("2", ["number.mismatch"])]


def test_documents_give_the_aligned_beads():
    result = api.audit(str(DATA / "doc.en.txt"), str(DATA / "doc.ar.txt"))
    data = result.to_dict()
    validate(data)
    alignment = api.align(str(DATA / "doc.en.txt"), str(DATA / "doc.ar.txt"))
    beads = [(s["src_units"], s["tgt_units"]) for s in data["segments"]]
    assert beads == [(list(b.src), list(b.tgt)) for b in alignment.beads]
    assert [s["id"] for s in data["segments"]] == [str(k) for k in range(1, len(beads) + 1)]
    for seg in data["segments"]:
        assert seg["src"] == " ".join(alignment.src_units[i] for i in seg["src_units"])
        assert seg["tgt"] == " ".join(alignment.tgt_units[j] for j in seg["tgt_units"])
    # a 2-1 bead (two English sentences, one Arabic), a 1-2 bead and a 1-0 bead are in the document
    kinds = {(len(s), len(t)) for s, t in beads}
    assert {(2, 1), (1, 2), (1, 0)} <= kinds
    by_check = {f["check"]: s for s in data["segments"] for f in s["flags"]}
    assert by_check["number.mismatch"]["src_units"] == [1, 2]
    assert by_check["idiom.literal"]["tgt_units"] == [2, 3]
    assert by_check["omission.unaligned"]["tgt_units"] == []
    assert by_check["idiom.literal"]["line"] == 3            # the Arabic paragraph's line


def test_segments_from_alignment_joins_units_and_maps_lines():
    alignment = Alignment(["A.", "B.", "C."], ["أ.", "ب."], [Bead((0, 1), (0,), 0.5), Bead((2,), (), 0.0),
                                                           Bead((), (1,), 0.0)])
    segments = segments_from_alignment(alignment, [3, 7])
    assert [(s.id, s.src, s.tgt, s.src_units, s.tgt_units, s.line) for s in segments] == [
        ("1", "A. B.", "أ.", (0, 1), (0,), 3), ("2", "C.", "", (2,), (), None), ("3", "", "ب.", (), (1,), 7)]


def test_selection_and_disable_in_the_api(pairs_result):
    only = api.audit(pairs=str(DATA / "pairs.jsonl"), checks=["idiom"])
    assert {f.check for f in only.flags} == {"idiom.literal"}
    rest = api.audit(pairs=str(DATA / "pairs.jsonl"), disable=["spacing", "idiom.literal"])
    assert {f.check for f in rest.flags} == {f.check for f in pairs_result.flags} - {"spacing.double", "idiom.literal"}
    with pytest.raises(InputError):
        api.audit(pairs=str(DATA / "pairs.jsonl"), checks=["no-such-check"])


def test_glossary_option_reaches_the_checks():
    result = api.audit(pairs=str(DATA / "pairs.jsonl"), glossary=str(DATA / "glossary.csv"), checks=["terminology"])
    assert result.flags == []      # no glossary term in these pairs
    assert api.audit(str(DATA / "doc.en.txt"), str(DATA / "doc.ar.txt"), glossary=str(DATA / "glossary.csv"),
                     checks=["terminology.glossary"]).flags == []   # سلطة الميناء is there


def _many_segments(n: int) -> list[Segment]:
    rows = [json.loads(line) for line in (DATA / "pairs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Segment(str(k), rows[k % len(rows)].get("en") or rows[k % len(rows)]["src"],
                    rows[k % len(rows)].get("ar") or rows[k % len(rows)]["tgt"]) for k in range(n)]


def test_any_jobs_gives_identical_results_in_order(monkeypatch):
    monkeypatch.setattr(audit_flow, "CHUNK", 4)      # many chunks, several in flight
    segments = _many_segments(30)
    one = list(audit_segments(segments, jobs=1))
    two = list(audit_segments(iter(segments), jobs=2))
    assert [r.segment.id for r in two] == [str(k) for k in range(30)]
    assert [r.to_dict() for r in one] == [r.to_dict() for r in two]


def test_bad_pairs_line_stops_or_is_skipped():
    with pytest.raises(InputError) as info:
        api.audit(pairs=str(DATA / "bad_json.jsonl"))
    assert str(info.value).startswith(f"{DATA / 'bad_json.jsonl'}:2: ")
    result = api.audit(pairs=str(DATA / "skip_bad.jsonl"), skip_bad=True)
    assert [s.segment.id for s in result.segments] == ["s1", "s3", "s5"]
    assert [s.split(": ")[0] for s in result.skipped] == [f"{DATA / 'skip_bad.jsonl'}:2", f"{DATA / 'skip_bad.jsonl'}:4"]
    assert result.to_dict()["skipped"] == result.skipped


def test_missing_document_is_bad_input(tmp_path):
    with pytest.raises(InputError, match="missing.en.txt"):
        api.audit(str(tmp_path / "missing.en.txt"), str(DATA / "doc.ar.txt"))


def test_segments_and_glossary_terms_in_memory_give_the_same_result_as_files():
    """A pipeline with pairs already in memory passes Segments and glossary Terms, no files."""
    from mtkit.io import read_pairs
    from mtkit.io.glossary import Term, read_glossary
    from_files = api.audit(pairs=str(DATA / "pairs.jsonl"), glossary=str(DATA / "glossary.csv"))
    in_memory = api.audit(segments=list(read_pairs(str(DATA / "pairs.jsonl"))),
                          glossary=read_glossary(str(DATA / "glossary.csv")))
    assert [s.to_dict() for s in in_memory.segments] == [s.to_dict() for s in from_files.segments]
    term = Term("city council", ("المجلس البلدي",))
    flagged = api.audit(segments=[Segment("1", "The city council met.", "اجتمع مجلس المدينة.")], glossary=[term])
    assert [f.check for f in flagged.flags] == ["terminology.glossary"]
