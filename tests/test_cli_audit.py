"""``mtkit audit`` end to end: CliRunner for most cases, a real subprocess for the main ones."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtkit.cli import main
from mtkit.model import CATEGORIES, SEVERITIES

DATA = Path(__file__).resolve().parent / "data" / "audit"
PAIRS, CLEAN = DATA / "pairs.jsonl", DATA / "clean.jsonl"
EN, AR = DATA / "doc.en.txt", DATA / "doc.ar.txt"


def audit(*args):
    return CliRunner().invoke(main, ["audit", "-q", *map(str, args)], catch_exceptions=False)


def validate(data: dict) -> None:
    """The contract's audit JSON: summary consistent with the flags, spans slicing to their texts."""
    assert data["tool"] == "mtkit"
    segments = data["segments"]
    flags = [f for s in segments for f in s["flags"]]
    summary = data["summary"]
    assert summary["segments"] == len(segments)
    assert summary["flagged_segments"] == sum(1 for s in segments if s["flags"])
    assert summary["by_severity"] == {sev: sum(f["severity"] == sev for f in flags) for sev in SEVERITIES}
    assert sum(summary["by_category"].values()) == len(flags)
    for seg in segments:
        for flag in seg["flags"]:
            assert flag["category"] in CATEGORIES and flag["severity"] in SEVERITIES
            for side, text in (("src", seg["src"]), ("tgt", seg["tgt"])):
                if flag[f"{side}_span"] is not None:
                    start, end = flag[f"{side}_span"]
                    assert 0 <= start < end <= len(text)
                    assert text[start:end] == flag[f"{side}_text"]


def assert_bad_input(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]


def test_pairs_json_validates_and_keeps_ids():
    result = audit("--pairs", PAIRS, "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    assert [s["id"] for s in data["segments"]] == ["idiom-1", "2", "clean-1", "5", "7", "brand-1"]
    assert data["summary"]["flagged_segments"] == 4


def test_tsv_pairs():
    data = json.loads(audit("--pairs", DATA / "pairs.tsv", "-f", "json", "-j", "1").stdout)
    assert [s["id"] for s in data["segments"]] == ["t1", "t2"]


def test_documents_give_aligned_beads():
    result = audit(EN, AR, "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    assert [(s["src_units"], s["tgt_units"]) for s in data["segments"]][:3] == [([0], [0]), ([1, 2], [1]), ([3], [2, 3])]
    assert data["src_path"] == str(EN) and data["tgt_path"] == str(AR)


def test_jobs_1_and_2_are_byte_identical(tmp_path):
    # 300 pairs: two chunks of work (CHUNK = 256) through the pool
    lines = [line for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    big = tmp_path / "big.jsonl"
    records = [dict(json.loads(lines[k % len(lines)]), id=f"p{k}") for k in range(300)]   # ids are unique
    big.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    one = audit("--pairs", big, "-f", "json", "-j", "1")
    two = audit("--pairs", big, "-f", "json", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout_bytes == two.stdout_bytes
    assert json.loads(one.stdout)["summary"]["segments"] == 300


def test_checks_and_disable_select_rules():
    only = json.loads(audit("--pairs", PAIRS, "--checks", "idiom", "-f", "json", "-j", "1").stdout)
    assert {f["check"] for s in only["segments"] for f in s["flags"]} == {"idiom.literal"}
    several = json.loads(audit("--pairs", PAIRS, "--checks", "idiom,number", "--checks", "spacing.double",
                               "-f", "json", "-j", "1").stdout)
    assert set(several["summary"]["by_category"]) == {"idiom", "number", "spacing"}
    rest = json.loads(audit("--pairs", PAIRS, "--disable", "spacing", "-f", "json", "-j", "1").stdout)
    assert "spacing" not in rest["summary"]["by_category"] and "idiom" in rest["summary"]["by_category"]


@pytest.mark.parametrize("option", ["--checks", "--disable"])
def test_unknown_check_name_is_exit_2(option):
    assert_bad_input(audit("--pairs", PAIRS, option, "idoim", "-j", "1"), option, "idoim")


def test_list_checks():
    result = audit("--list-checks")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert "idiom.literal" in names and "spacing.double" in names and names == sorted(names)
    assert all(line.split()[1] in CATEGORIES for line in result.stdout.splitlines() if line.strip())


def test_fail_on_severity():
    assert audit("--pairs", PAIRS, "--fail-on", "major", "-j", "1").exit_code == 1      # critical and major flags
    assert audit("--pairs", CLEAN, "--fail-on", "major", "-j", "1").exit_code == 0      # one minor flag only
    assert audit("--pairs", CLEAN, "--fail-on", "minor", "-j", "1").exit_code == 1
    assert audit("--pairs", CLEAN, "-j", "1").exit_code == 0                            # no --fail-on: never 1


@pytest.mark.parametrize("fmt", ["text", "json", "html", "md", "csv", "junit", "github"])
def test_every_format_runs_and_writes_atomically(fmt, tmp_path):
    out = tmp_path / f"audit.{fmt}"
    result = audit("--pairs", PAIRS, "-f", fmt, "-o", out, "-j", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8-sig")
    assert "ركل العلبة على الطريق" in text or fmt == "junit" and "idiom" in text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]       # no temporary file left


def test_text_output_lists_flags_and_summary():
    out = audit("--pairs", PAIRS, "-j", "1").stdout
    assert "idiom.literal" in out and "kick the can down the road" in out
    assert "4 of 6 segments flagged" in out


def test_error_leaves_no_output_file(tmp_path):
    out = tmp_path / "audit.json"
    assert_bad_input(audit("--pairs", DATA / "bad_json.jsonl", "-f", "json", "-o", out, "-j", "1"))
    assert list(tmp_path.iterdir()) == []
    out.write_text("old", encoding="utf-8")
    audit("--pairs", DATA / "missing_field.jsonl", "-f", "json", "-o", out, "-j", "1")
    assert out.read_text(encoding="utf-8") == "old"          # an earlier output is not clobbered


@pytest.mark.parametrize("name, line, words", [("bad_json.jsonl", 2, "not valid JSON"),
                                               ("missing_field.jsonl", 3, "missing field 'ar'"),
                                               ("invalid_utf8.jsonl", 2, "invalid UTF-8")])
def test_bad_pairs_line_is_exit_2_naming_file_and_line(name, line, words):
    assert_bad_input(audit("--pairs", DATA / name, "-j", "1"), f"{DATA / name}:{line}:", words)


def test_skip_bad_goes_on_and_lists_skipped_lines():
    path = DATA / "skip_bad.jsonl"
    result = audit("--pairs", path, "--skip-bad", "-f", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validate(data)
    assert [s["id"] for s in data["segments"]] == ["s1", "s3", "s5"]
    assert [s.split(": ")[0] for s in data["skipped"]] == [f"{path}:2", f"{path}:4"]
    text = audit("--pairs", path, "--skip-bad", "-j", "1").stdout
    assert f"{path}:2" in text and f"{path}:4" in text


def test_missing_files_and_usage_errors(tmp_path):
    assert_bad_input(audit(tmp_path / "none.en.txt", AR, "-j", "1"), "none.en.txt")
    assert_bad_input(audit("--pairs", tmp_path / "none.jsonl", "-j", "1"), "none.jsonl")
    assert audit(EN).exit_code == 2                          # AR missing
    assert audit(EN, AR, "--pairs", PAIRS).exit_code == 2    # both inputs


# --- a real process, for the main cases -------------------------------------------------------

def test_subprocess_json_fail_on_and_output_file(run_mtkit, tmp_path):
    out = tmp_path / "audit.json"
    proc = run_mtkit("audit", "--pairs", PAIRS, "-f", "json", "-o", out, "-j", "2", "--fail-on", "major")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    # the changed number and the lost negation are critical at their calibrated confidence
    assert data["summary"]["by_severity"]["critical"] == 2
    in_process = audit("--pairs", PAIRS, "-f", "json", "-j", "1").stdout
    assert json.loads(in_process) == data


def test_subprocess_documents_text(run_mtkit):
    proc = run_mtkit("audit", EN, AR, "-j", "1")
    assert proc.returncode == 0, proc.stderr
    assert "hand over fist" in proc.stdout and "segments flagged" in proc.stdout


def test_subprocess_bad_input_is_one_line_exit_2(run_mtkit, tmp_path):
    bad = tmp_path / "bad.jsonl"
    shutil.copy(DATA / "bad_json.jsonl", bad)
    proc = run_mtkit("audit", "--pairs", bad, "-f", "json", "-o", tmp_path / "out.json")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and f"{bad}:2:" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "out.json").exists()
    proc = run_mtkit("audit", "--pairs", PAIRS, "--checks", "nonsense")
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
