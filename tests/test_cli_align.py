"""``mtkit align`` end to end: CliRunner and a real subprocess."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtkit import __version__
from mtkit.cli import main

DATA = Path(__file__).resolve().parent / "data" / "io"
ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpora" / "musk-trump.en.txt"
AR = ROOT / "corpora" / "musk-trump.ar.txt"


def align(*args):
    return CliRunner().invoke(main, ["align", *map(str, args)], catch_exceptions=False)


def check_contract(data: dict) -> None:
    """The contract's JSON: unit lists, beads in order, every unit in exactly one bead (and, as
    in every JSON result, the tool and version that produced it)."""
    assert set(data) == {"tool", "version", "src_units", "tgt_units", "beads"}
    assert data["tool"] == "mtkit" and data["version"] == __version__
    assert all(isinstance(u, str) for u in data["src_units"] + data["tgt_units"])
    for side, units in (("src", data["src_units"]), ("tgt", data["tgt_units"])):
        indices = [i for bead in data["beads"] for i in bead[side]]
        assert indices == list(range(len(units)))       # in order, each exactly once
    for bead in data["beads"]:
        assert set(bead) == {"src", "tgt", "score"}
        assert bead["src"] or bead["tgt"]
        assert isinstance(bead["score"], (int, float))
        assert all(b - a == 1 for side in ("src", "tgt") for a, b in zip(bead[side], bead[side][1:]))


@pytest.fixture(scope="module")
def article_json() -> dict:
    result = align(EN, AR, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_sentence_alignment_of_the_article(article_json):
    check_contract(article_json)
    assert len(article_json["src_units"]) == 34 and len(article_json["tgt_units"]) == 35
    one_to_one = sum(len(b["src"]) == 1 and len(b["tgt"]) == 1 for b in article_json["beads"])
    assert one_to_one >= 30
    # paragraph 11: one English sentence, two Arabic ones
    bead = next(b for b in article_json["beads"] if article_json["src_units"][b["src"][0]].startswith("“But it has"))
    assert len(bead["tgt"]) == 2


def test_paragraph_level_aligns_the_18_paragraphs_one_to_one():
    result = align(EN, AR, "--level", "paragraph", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert [(b["src"], b["tgt"]) for b in data["beads"]] == [([i], [i]) for i in range(18)]
    assert all(0 < b["score"] <= 1 for b in data["beads"])


def test_presegmented_uses_lines_with_blank_lines_as_units():
    result = align(DATA / "preseg.en.txt", DATA / "preseg.ar.txt", "--presegmented", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert data["src_units"] == ["Musk met Trump.", "", "Biden lost.", "Peltz spoke."]
    assert data["tgt_units"] == ["التقى ماسك بترامب.", "", "خسر بايدن.", "تحدث بيلتز."]
    for i in (0, 2, 3):
        assert {"src": [i], "tgt": [i]} in [{"src": b["src"], "tgt": b["tgt"]} for b in data["beads"]]


def test_text_format_is_the_default(article_json):
    result = align(EN, AR)
    assert result.exit_code == 0
    assert "34 English and 35 Arabic units in" in result.stdout
    assert article_json["src_units"][0][:20] in result.stdout


def test_tsv_format(article_json):
    result = align(EN, AR, "--format", "tsv")
    assert result.exit_code == 0
    rows = result.stdout.rstrip("\n").split("\n")
    assert rows[0] == "src_ids\ttgt_ids\tscore\tsrc\ttgt"
    assert len(rows) == 1 + len(article_json["beads"])
    assert all(len(row.split("\t")) == 5 for row in rows)
    assert rows[1].split("\t")[:2] == ["0", "0"]


def test_output_file_is_written_atomically(tmp_path, article_json):
    out = tmp_path / "align.json"
    result = align(EN, AR, "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == article_json
    assert os.listdir(tmp_path) == ["align.json"]


@pytest.mark.parametrize("empty", ["empty.txt", "blank_lines.txt"])
def test_empty_side_gives_insertions_or_deletions(empty):
    result = align(DATA / empty, AR, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert data["src_units"] == [] and len(data["tgt_units"]) == 35
    assert all(b["src"] == [] for b in data["beads"])
    result = align(EN, DATA / empty, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert data["tgt_units"] == [] and all(b["tgt"] == [] for b in data["beads"])


def test_both_sides_empty():
    result = align(DATA / "empty.txt", DATA / "blank_lines.txt", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"tool": "mtkit", "version": __version__,
                                         "src_units": [], "tgt_units": [], "beads": []}


def test_presegmented_blank_only_file_keeps_its_blank_units():
    result = align(DATA / "blank_lines.txt", DATA / "empty.txt", "--presegmented", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert data["src_units"] == ["", "   ", "\t", ""] and data["tgt_units"] == []


BAD = [
    ("invalid_utf8.en.txt", ":3: invalid UTF-8"),
    ("binary.bin", ":3: binary"),
    ("utf16.en.txt", ":1: UTF-16"),
    ("missing.en.txt", ": no such file"),
]


@pytest.mark.parametrize("name, where", BAD)
@pytest.mark.parametrize("side", ["en", "ar"])
def test_bad_input_is_one_stderr_line_exit_2_and_no_output(tmp_path, name, where, side):
    bad, out = DATA / name, tmp_path / "out.json"
    args = (bad, AR) if side == "en" else (EN, bad)
    result = align(*args, "--format", "json", "-o", out)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and f"{bad}{where}" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert os.listdir(tmp_path) == []


def test_directory_argument_is_exit_2(tmp_path):
    result = align(tmp_path, AR)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"mtkit: error: {tmp_path}: is a directory, not a text file"]


def test_unwritable_output_is_exit_2(tmp_path):
    out = tmp_path / "no" / "dir" / "out.json"
    result = align(EN, AR, "-o", out)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and str(out) in result.stderr


def test_one_megabyte_single_line(tmp_path):
    big = tmp_path / "big.en.txt"
    big.write_text(("Musk talked with Trump about the U.S. economy. " * 22_000).strip() + "\n", encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    result = align(big, AR, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    check_contract(data)
    assert len(data["src_units"]) == 22_000


def test_bom_crlf_input_is_read(tmp_path):
    result = align(DATA / "bom_crlf.en.txt", DATA / "bom_crlf.en.txt", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["src_units"][0] == "First paragraph." and not data["src_units"][0].startswith("\ufeff")
    assert len(data["src_units"]) == 4


# The main cases again through a real process: the installed entry point, real stdout/stderr.

def test_subprocess_json(run_mtkit, article_json):
    proc = run_mtkit("align", EN, AR, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == article_json


def test_subprocess_paragraphs_tsv_to_file(run_mtkit, tmp_path):
    out = tmp_path / "p.tsv"
    proc = run_mtkit("align", EN, AR, "--level", "paragraph", "--format", "tsv", "-o", out)
    assert proc.returncode == 0 and proc.stdout == ""
    rows = out.read_text(encoding="utf-8").splitlines()
    assert [r.split("\t")[:2] for r in rows[1:]] == [[str(i), str(i)] for i in range(18)]


def test_subprocess_presegmented_and_empty(run_mtkit):
    proc = run_mtkit("align", DATA / "preseg.en.txt", DATA / "empty.txt", "--presegmented", "--format", "json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    check_contract(data)
    assert len(data["src_units"]) == 4 and data["tgt_units"] == []


@pytest.mark.parametrize("name, where", BAD)
def test_subprocess_bad_input(run_mtkit, tmp_path, name, where):
    bad, out = DATA / name, tmp_path / "out.json"
    proc = run_mtkit("align", EN, bad, "-o", out)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [proc.stderr.strip()] and f"{bad}{where}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists() and os.listdir(tmp_path) == []


def test_subprocess_one_megabyte_line(run_mtkit, tmp_path):
    big = tmp_path / "big.ar.txt"
    big.write_text("كلمة " * 200_000 + "\n", encoding="utf-8")
    proc = run_mtkit("align", EN, big, "--format", "json", "-o", tmp_path / "out.json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    check_contract(data)
    assert len(data["tgt_units"]) == 1
