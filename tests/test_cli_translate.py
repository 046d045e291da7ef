"""``mtkit translate`` and ``mtkit score --model`` end to end with a tiny random MarianMT."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtkit.cli import main
from test_mt import build_marian

DATA = Path(__file__).parent / "data" / "score"
SRC, REF6 = str(DATA / "src.en.txt"), str(DATA / "ref6.ar.txt")
FAST = ["--beams", "1", "--max-length", "6", "--device", "cpu"]


@pytest.fixture(scope="session")
def marian() -> str:
    return str(build_marian())


def test_translate_text_and_json(marian, tmp_path):
    out = tmp_path / "out.ar.txt"
    result = CliRunner().invoke(main, ["translate", "--model", marian, SRC, "-o", str(out), *FAST])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(Path(SRC).read_text(encoding="utf-8").splitlines()) and all(lines)
    js = CliRunner().invoke(main, ["translate", "--model", marian, SRC, "-f", "json", "--batch-size", "2", *FAST])
    data = json.loads(js.output)
    assert data["tgt_lang"] == "ar" and [line["tgt"] for line in data["lines"]] == lines


def test_translate_subprocess_and_errors(marian, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "mtkit", "translate", "--model", marian, SRC, "-q", *FAST],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and len(ok.stdout.splitlines()) == 6
    for model, message in ((str(tmp_path / "missing"), "no such model directory"),
                           (str(build_marian("de")), "translates into 'de', not 'ar'")):
        bad = subprocess.run([sys.executable, "-m", "mtkit", "translate", "--model", model, SRC, *FAST],
                             capture_output=True, text=True)
        assert bad.returncode == 2 and message in bad.stderr
        assert len(bad.stderr.strip().splitlines()) == 1


def test_score_translates_with_each_model_then_scores(marian, tmp_path):
    other = tmp_path / "other-model"
    other.symlink_to(marian, target_is_directory=True)
    result = CliRunner().invoke(main, ["score", "--src", SRC, "--ref", REF6, "--model", marian, "--model", str(other),
                                       REF6, "-f", "json", "--paired-n", "50", *FAST])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = [s["name"] for s in data["systems"]]
    assert names[1] == "other-model" and names[2] == "ref6" and len(names) == 3
    assert data["systems"][2]["chrf"]["score"] == 100.0
    assert data["systems"][0]["chrf"]["score"] == data["systems"][1]["chrf"]["score"]   # same weights
    assert len(data["comparisons"]) == 6
    sub = subprocess.run([sys.executable, "-m", "mtkit", "score", "--src", SRC, "--ref", REF6, "--model", marian,
                          "-m", "chrf", *FAST], capture_output=True, text=True)
    assert sub.returncode == 0 and "chrF2" in sub.stdout
