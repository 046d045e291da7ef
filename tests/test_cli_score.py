"""``mtkit score`` end to end: CliRunner and a real subprocess."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sacrebleu.metrics import BLEU, CHRF, TER

from mtkit.cli import main
from mtkit.io import read_lines

DATA = Path(__file__).parent / "data" / "score"
REF, SYS_A, SYS_B = (str(DATA / n) for n in ("ref.ar.txt", "sys-a.ar.txt", "sys-b.ar.txt"))


def run(*args):
    return CliRunner().invoke(main, ["score", *args], catch_exceptions=False)


def test_json_equals_sacrebleu_to_the_printed_digit():
    result = run("--ref", REF, SYS_A, SYS_B, "-f", "json", "--paired-n", "100")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    refs = [read_lines(REF)]
    for system, path in zip(data["systems"], (SYS_A, SYS_B)):
        hyps = read_lines(path)
        for key, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
            expected = metric.corpus_score(hyps, refs)
            assert f"{system[key]['score']:.2f}" == f"{expected.score:.2f}"
            assert system[key]["signature"] == metric.get_signature().format()
    assert [s["name"] for s in data["systems"]] == ["sys-a", "sys-b"]
    assert data["ref"] == REF and data["systems"][0]["path"] == SYS_A
    assert {(c["system"], c["baseline"], c["metric"]) for c in data["comparisons"]} == \
        {("sys-b", "sys-a", m) for m in ("bleu", "chrf", "ter")}


def test_text_table_and_options_in_signatures():
    result = run("--ref", REF, SYS_A, SYS_B, "--chrf-word-order", "2", "--tokenize", "intl", "--worst", "2",
                 "--baseline", "sys-b", "--paired-n", "100")
    assert result.exit_code == 0
    out = result.output
    assert "chrF2++" in out and "nw:2" in out and "tok:intl" in out
    assert "sys-b (baseline)" in out and "worst segments of sys-a" in out
    chrfpp = CHRF(word_order=2).corpus_score(read_lines(SYS_A), [read_lines(REF)]).score
    assert f"{chrfpp:.2f}" in out


def test_md_and_csv(tmp_path):
    md = run("--ref", REF, SYS_A, SYS_B, "-f", "md", "--worst", "1", "--significance", "none")
    assert md.output.startswith("| system | BLEU | chrF2 | TER |") and "### Worst segments of sys-b" in md.output
    target = tmp_path / "scores.csv"
    result = run("--ref", REF, SYS_A, "-f", "csv", "-o", str(target), "--worst", "2")
    assert result.exit_code == 0 and result.output == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [r["metric"] for r in rows if r["row"] == "score"] == ["bleu", "chrf", "ter"]
    assert len([r for r in rows if r["row"] == "worst"]) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mtkit-")]


def test_pairs_file_with_columns():
    result = run("--ref", str(DATA / "pairs.jsonl"), "--column", "sys_a", "--column", "sys_b", "-f", "json",
                 "--paired-n", "100")
    assert result.exit_code == 0, result.output
    assert [s["name"] for s in json.loads(result.output)["systems"]] == ["sys_a", "sys_b"]


def test_alignment_is_asked_for_and_reported():
    doc = str(DATA / "sys-b.doc.ar.txt")
    bad = CliRunner().invoke(main, ["score", "--ref", REF, doc])
    assert bad.exit_code == 2 and "pass --align" in bad.output
    good = run("--ref", REF, doc, "--align", "-m", "chrf")
    assert good.exit_code == 0 and "aligned the documents first" in good.output


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    cases = [([str(DATA / "empty.ar.txt")], "lines, but the reference has 35"),
             ([str(tmp_path / "nope.txt")], "nope.txt: no such file"),
             ([str(DATA / "sys-b.doc.ar.txt")], "18 lines, but the reference has 35")]
    for args, message in cases:
        out = subprocess.run([sys.executable, "-m", "mtkit", "score", "--ref", REF, *args, "-o", str(tmp_path / "o.json")],
                             capture_output=True, text=True)
        assert out.returncode == 2 and message in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
        assert not (tmp_path / "o.json").exists()


def test_subprocess_json_without_torch():
    code = ("import sys, runpy; sys.argv = ['mtkit', 'score', '--ref', %r, %r, %r, '-f', 'json', '--paired-n', '50'];\n"
            "from mtkit.cli import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n") % (REF, SYS_A, SYS_B)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert len(data["systems"]) == 2 and data["comparisons"][0]["method"] == "paired-bs"
    plain = subprocess.run([sys.executable, "-m", "mtkit", "score", "--ref", REF, SYS_A, "-f", "json"],
                           capture_output=True, text=True, check=True)
    assert json.loads(plain.stdout)["systems"][0]["chrf"]["score"] == data["systems"][0]["chrf"]["score"]


def test_json_keeps_every_segments_chrf_when_chrf_is_not_asked():
    data = json.loads(run("--ref", REF, SYS_A, "-m", "ter", "-f", "json").output)
    chrf = CHRF()
    assert data["systems"][0]["segment_chrf"] == pytest.approx(
        [chrf.sentence_score(h, [r]).score for h, r in zip(read_lines(SYS_A), read_lines(REF))])
    text = run("--ref", REF, SYS_A, "-m", "ter")
    assert text.exit_code == 0 and "TER" in text.output
