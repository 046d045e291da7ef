"""The CSV audit report: one row per flag, the same rows as the JSON, readable by Excel."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from mtkit.cli import emit, main
from mtkit.model import AuditResult, Segment, SegmentResult
from mtkit.report import write
from mtkit.report.csv_writer import COLUMNS

DATA = Path(__file__).parent / "data" / "report"
AUDIT = ["audit", "--pairs", str(DATA / "pairs.jsonl"), "--checks", "idiom,number", "--quiet", "--jobs", "1"]


def load(name: str) -> AuditResult:
    return AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))


def json_rows(data: dict) -> list[list[str]]:
    """What the CSV must hold, built from the contract JSON."""
    def ends(span):
        return [str(span[0]), str(span[1])] if span else ["", ""]
    return [[s["id"], f["category"], f["severity"], f["check"], *ends(f["src_span"]), *ends(f["tgt_span"]),
             f["src_text"], f["tgt_text"], f["message"], f["suggestion"], str(f["confidence"]),
             str(s.get("line", "")), s["src"], s["tgt"], f["fingerprint"], "yes" if f.get("waived") else ""]
            for s in data["segments"] for f in s["flags"]]


def read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def test_rows_match_json_with_bom(tmp_path):
    for name in ("sample", "hostile"):
        result = load(name)
        out = tmp_path / f"{name}.csv"
        emit(result, "csv", str(out))  # as the CLI writes it: utf-8-sig, newline=""
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        rows = read(out)
        assert rows[0] == list(COLUMNS)
        assert rows[1:] == json_rows(json.loads(json.dumps(result.to_dict())))
    # a message with \n and \r survives unchanged
    assert "\r" in rows[1][10] and "\n" in rows[1][10]


def test_no_flags_is_header_only():
    stream = io.StringIO(newline="")
    write(AuditResult([SegmentResult(Segment("0", "a", "ب"))]), "csv", stream)
    assert list(csv.reader(io.StringIO(stream.getvalue()))) == [list(COLUMNS)]


def test_cli_and_subprocess(tmp_path):
    out = tmp_path / "audit.csv"
    run = CliRunner().invoke(main, AUDIT + ["--format", "csv", "-o", str(out)])
    assert run.exit_code == 0, run.output
    data = json.loads(CliRunner().invoke(main, AUDIT + ["--format", "json"]).output)
    assert read(out)[1:] == json_rows(data) and len(json_rows(data)) > 0
    out2 = tmp_path / "audit2.csv"
    proc = subprocess.run([sys.executable, "-m", "mtkit", *AUDIT, "--format", "csv", "-o", str(out2)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out2.read_bytes() == out.read_bytes()
