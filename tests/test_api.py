"""The library API does what the commands do: ``mtkit.score`` and ``mtkit.gate`` take the same
inputs as ``mtkit score``/``mtkit gate`` and give the same result objects, call after call."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import mtkit
from mtkit.cli import main
from mtkit.errors import InputError

DATA = Path(__file__).parent / "data"
REF, SYS_A, SYS_B = (str(DATA / "score" / n) for n in ("ref.ar.txt", "sys-a.ar.txt", "sys-b.ar.txt"))


def test_score_equals_the_command_and_can_be_called_twice():
    first = mtkit.score(REF, [SYS_A, SYS_B], n_samples=100)
    again = mtkit.score([REF], [SYS_A, SYS_B], n_samples=100)
    assert callable(mtkit.score) and first.to_dict() == again.to_dict()
    cli = CliRunner().invoke(main, ["score", "--ref", REF, SYS_A, SYS_B, "-f", "json", "--paired-n", "100"])
    assert json.loads(cli.output) == json.loads(json.dumps(first.to_dict()))


def test_score_reads_columns_and_rejects_missing_inputs(tmp_path):
    table = tmp_path / "t.jsonl"
    table.write_text("".join(json.dumps({"en": "x", "ar": "مرحبا", "mt": "أهلا"}) + "\n" for _ in range(3)),
                     encoding="utf-8")
    result = mtkit.score(str(table), [], column=["mt"], significance="none")
    assert [s.name for s in result.systems] == ["mt"] and result.comparisons == []
    with pytest.raises(InputError, match="give at least one system"):
        mtkit.score(REF, [])
    with pytest.raises(InputError, match="give a reference"):
        mtkit.score([], [SYS_A])


def test_gate_equals_the_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    audit = str(DATA / "gate" / "audit-flagged.json")
    result = mtkit.gate(audit_json=audit, overrides={"max_flags": ["major=0"]})
    assert callable(mtkit.gate) and not result.passed
    assert [r.name for r in result.rules] == ["max_flags.major"]
    cli = CliRunner().invoke(main, ["gate", "--audit-json", audit, "--max-flags", "major=0", "-f", "json"])
    assert cli.exit_code == 1 and json.loads(cli.output) == json.loads(json.dumps(result.to_dict()))
    with pytest.raises(InputError, match="no gate rules"):
        mtkit.gate(audit_json=audit)
    with pytest.raises(InputError, match="give one input"):
        mtkit.gate(overrides={"max_flags": ["major=0"]})
