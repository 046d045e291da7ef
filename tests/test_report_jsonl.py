"""JSON Lines output: one segment a line as it is audited, the summary last; streams."""
from __future__ import annotations

import json
import types
from pathlib import Path

from click.testing import CliRunner

from mtkit import api
from mtkit.cli import main

PAIRS = Path(__file__).parent / "data" / "audit" / "pairs.jsonl"


def test_stream_mode_returns_an_iterator_not_a_list():
    result = api.audit(pairs=str(PAIRS), stream=True)
    assert isinstance(result.segments, types.GeneratorType) or not isinstance(result.segments, list)


def test_jsonl_lines_equal_the_json_segments_and_summary():
    runner = CliRunner()
    whole = json.loads(runner.invoke(main, ["audit", "--pairs", str(PAIRS), "-f", "json", "-j", "1"]).output)
    lines = runner.invoke(main, ["audit", "--pairs", str(PAIRS), "-f", "jsonl", "-j", "2"]).output.splitlines()
    assert [json.loads(line) for line in lines[:-1]] == whole["segments"]
    last = json.loads(lines[-1])
    assert last["summary"] == whole["summary"] and last["tool"] == "mtkit"


def test_jsonl_fail_on_sees_the_streamed_flags(tmp_path):
    runner = CliRunner()
    out = tmp_path / "audit.jsonl"
    code = runner.invoke(main, ["audit", "--pairs", str(PAIRS), "-f", "jsonl", "-o", str(out), "--fail-on", "minor"]).exit_code
    summary = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])["summary"]
    assert code == (1 if sum(summary["by_severity"].values()) else 0)


def test_a_streamed_audit_keeps_flags_only_when_write_waivers_needs_them():
    # a 1,000,000-pair audit kept every flag in the driver (400+ MB) for a --write-waivers nobody asked for
    from mtkit.cli.audit import _Seen
    from mtkit.model import SEVERITIES
    results = list(api.audit(pairs=str(PAIRS)).segments)
    assert any(r.flags for r in results)
    kept, dropped = _Seen(iter(results), keep_flags=True), _Seen(iter(results), keep_flags=False)
    assert list(kept) == results and list(dropped) == results
    assert len(kept.flags) == sum(len(r.flags) for r in results) and dropped.flags == []
    assert kept.rank == dropped.rank < len(SEVERITIES)   # the worst severity is seen either way
