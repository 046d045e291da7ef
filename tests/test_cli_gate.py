"""``mtkit gate`` end to end: exit codes 0/1/2, config sources and overrides, inputs, JUnit parsed
with junitparser, Markdown, GitHub annotations. Most runs read hand-built audit JSON (so they do
not depend on the audit's exact behaviour); a few run the real audit and the real scorer."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from junitparser import JUnitXml

from mtkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "gate"
CORPUS = ROOT / "corpora"


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    """A copy of the gate test data in its own repository (so no outer config applies)."""
    target = tmp_path / "repo"
    shutil.copytree(DATA, target)
    (target / ".git").mkdir()
    monkeypatch.chdir(target)
    return target


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "mtkit", "gate", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def invoke(*args: str):
    return CliRunner().invoke(main, ["gate", *args], catch_exceptions=False)


# ---- exit codes through a real subprocess ---------------------------------------------------

def test_pass_exits_0(work):
    proc = run("--audit-json", "audit-clean.json", "--config", "configs/lenient.toml", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("mtkit gate: PASSED (5 of 5 rules passed)")
    assert proc.stderr == ""


def test_fail_exits_1_and_writes_junit_markdown_github(work):
    (work / "out").mkdir()
    proc = run("--audit-json", "audit-flagged.json", "--config", "configs/strict.toml",
               "--junit", "out/gate.xml", "--markdown", "out/gate.md", "--github", cwd=work)
    assert proc.returncode == 1, proc.stderr
    verdict, _, annotations = proc.stdout.partition("::")
    assert verdict.startswith("mtkit gate: FAILED (2 of 4 rules failed)")
    assert "max_flags.critical" in verdict and "FAIL" in verdict
    # JUnit: one testcase per rule, the failing ones with a failure
    xml = JUnitXml.fromfile(str(work / "out" / "gate.xml"))
    cases = {(case.classname, case.name): case for suite in xml for case in suite}
    assert len(cases) == 4
    failed = sorted(name for (_cls, name), case in cases.items() if not case.is_passed)
    assert failed == ["max_category.idiom", "max_flags.critical"]
    assert "2 (limit ≤ 0)" in cases[("mtkit.gate.run", "max_flags.critical")].result[0].message
    # Markdown for a job summary
    markdown = (work / "out" / "gate.md").read_text(encoding="utf-8")
    assert markdown.startswith("### ❌ mtkit gate: FAILED")
    assert "| `max_category.idiom` | run | 1 | ≤ 0 | ❌ **fail** |" in markdown
    # GitHub: the failing rules, then the critical (error) and major (warning) flags on doc.ar.txt lines
    commands = ("::" + annotations).splitlines()
    assert sum(c.startswith("::error title=mtkit gate") for c in commands) == 2
    number = "::error file=doc.ar.txt,line=2,title=mtkit critical number.mismatch::The number 4.5 became 5.4."
    assert number in "\n".join(commands)
    assert any(c.startswith("::error file=doc.ar.txt,line=3,") for c in commands)
    assert any(c.startswith("::warning file=doc.ar.txt,line=1,title=mtkit major idiom.literal") for c in commands)
    assert not any("entity" in c for c in commands)   # minor flags are not annotated


@pytest.mark.parametrize("config, key", [
    ("unknown-key.toml", "gate.max_flag_count"),
    ("bad-value.toml", "gate.max_flags.major"),
    ("bad-severity.toml", "gate.max_flags.blocker"),
    ("negative.toml", "gate.max_flags_per_1k_words.major"),
    ("bad-syntax.toml", "invalid TOML"),
])
def test_bad_configuration_exits_2_naming_the_key(work, config, key):
    proc = run("--audit-json", "audit-flagged.json", "--config", f"configs/{config}",
               "--junit", "gate.xml", "-o", "verdict.txt", cwd=work)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"mtkit: error: configs/{config}:") and key in lines[0]
    assert not (work / "gate.xml").exists() and not (work / "verdict.txt").exists()


def test_bad_override_exits_2_naming_the_option(work):
    proc = run("--audit-json", "audit-clean.json", "--max-flags", "severe=1", cwd=work)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("mtkit: error: --max-flags severe: unknown severity 'severe' "
                                   "(one of: critical, major, minor)")


@pytest.mark.parametrize("args, words", [
    (["--audit-json", "audit-clean.json"], "no gate rules"),
    (["--audit-json", "audit-bad-severity.json", "--max-flags", "major=1"],
     "audit-bad-severity.json: segment 0: unknown severity"),
    (["--audit-json", "audit-truncated.json", "--max-flags", "major=1"], "audit-truncated.json:2: not valid JSON"),
    (["--audit-json", "nothing.json", "--max-flags", "major=1"], "nothing.json: no such file"),
    (["--audit-json", "audit-clean.json", "--config", "configs/no-gate-table.toml"], "no [gate]"),
    (["--audit-json", "audit-clean.json", "--min-score", "chrf=50"], "min_score.chrf needs --ref"),
    (["--audit-json", "audit-clean.json", "--min-score", "chrf=50", "--ref", "score/ref.ar.txt"],
     "--audit-json needs --system"),
    (["--audit-json", "audit-clean.json", "--max-drop", "chrf=1", "--ref", "score/ref.ar.txt",
      "--system", "score/bad.ar.txt"], "max_drop.chrf needs --baseline"),
    (["doc.en.txt", "doc.ar.txt", "--min-score", "chrf=50", "--ref", "score/ref.ar.txt"],
     "18 reference lines but 4 lines in doc.ar.txt"),
    (["doc.en.txt", "--max-flags", "major=1"], "expected two documents"),
    ([], "give one input"),
    (["doc.en.txt", "doc.ar.txt", "--pairs", "x.jsonl", "--max-flags", "major=1"], "give one input"),
    (["--src-dir", "en", "--max-flags", "major=1"], "go together"),
    (["--audit-json", "audit-clean.json", "--max-flags", "major=1", "--junit", "no/such/dir/gate.xml"],
     "no/such/dir/gate.xml: cannot write: no such directory"),
])
def test_bad_input_exits_2(work, args, words):
    proc = run(*args, cwd=work)
    assert proc.returncode == 2, proc.stdout
    assert words in proc.stderr and "Traceback" not in proc.stderr


# ---- configuration sources and overrides (in process) ---------------------------------------

def test_overrides_turn_a_failure_into_a_pass(work):
    result = invoke("--audit-json", "audit-flagged.json", "--config", "configs/strict.toml",
                    "--max-flags", "critical=2", "--max-category", "idiom=1")
    assert result.exit_code == 0, result.output


def test_mtkit_toml_is_found(work):
    shutil.copy(work / "configs" / "strict.toml", work / "mtkit.toml")
    result = invoke("--audit-json", "audit-flagged.json", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["config"] == "mtkit.toml" and data["passed"] is False
    assert {(r["name"], r["passed"]) for r in data["rules"]} == {
        ("max_flags.critical", False), ("max_flags.major", True),
        ("max_flags_per_1k_words.major", True), ("max_category.idiom", False)}


def test_pyproject_is_found_from_a_subdirectory(work, monkeypatch):
    shutil.copy(work / "configs" / "pyproject.toml", work / "pyproject.toml")
    monkeypatch.chdir(work / "score")
    result = invoke("--audit-json", "../audit-flagged.json", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["config"] == str(work / "pyproject.toml")   # outside the current directory: absolute
    rules = {(r["name"], r["scope"]): r for r in data["rules"]}
    # per-file rules are scoped to the Arabic file the audit names; run rules to "run"
    assert rules[("max_category.number", "doc.ar.txt")]["value"] == 1
    assert rules[("max_flags.critical", "run")]["value"] == 2


def test_output_file_is_written(work):
    result = invoke("--audit-json", "audit-clean.json", "--max-flags", "critical=0", "-o", "verdict.txt")
    assert result.exit_code == 0 and result.output == ""
    assert (work / "verdict.txt").read_text(encoding="utf-8").startswith("mtkit gate: PASSED")


# ---- scores and baselines (the real scorer) -------------------------------------------------

def test_score_rules_pass_and_fail(work):
    args = ["--audit-json", "audit-clean.json", "--ref", "score/ref.ar.txt", "--baseline", "score/baseline.ar.txt"]
    near = run(*args, "--system", "score/near.ar.txt", "--max-drop", "chrf=0.1", "-f", "json", cwd=work)
    assert near.returncode == 0, near.stderr
    rule = json.loads(near.stdout)["rules"][0]
    # the system is worse than the baseline by more than the limit, but not significantly
    assert rule["name"] == "max_drop.chrf" and rule["value"] > 0.1 and rule["p_value"] >= 0.05 and rule["passed"]
    bad = run(*args, "--system", "score/bad.ar.txt", "--config", "configs/drop.toml",
              "--min-score", "chrf=60", "--max-score", "ter=90", "-f", "json", cwd=work)
    assert bad.returncode == 1, bad.stderr
    rules = {r["name"]: r for r in json.loads(bad.stdout)["rules"]}
    assert not rules["max_drop.chrf"]["passed"] and rules["max_drop.chrf"]["p_value"] < 0.05
    assert not rules["min_score.chrf"]["passed"] and rules["max_score.ter"]["passed"]


def test_document_pair_is_the_system_by_default(work):
    shutil.copy(work / "score" / "bad.ar.txt", work / "mt.ar.txt")
    proc = run("doc.en.txt", "mt.ar.txt", "--ref", "score/ref.ar.txt", "--config", "configs/scores.toml",
               "-f", "json", cwd=work)
    assert proc.returncode == 0, proc.stderr
    scores = {r["name"]: r["value"] for r in json.loads(proc.stdout)["rules"]}
    import sacrebleu
    hyp = (work / "mt.ar.txt").read_text(encoding="utf-8").splitlines()
    ref = (work / "score" / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    assert scores["min_score.chrf"] == pytest.approx(sacrebleu.corpus_chrf(hyp, [ref]).score, abs=1e-4)
    assert scores["max_score.ter"] == pytest.approx(sacrebleu.corpus_ter(hyp, [ref]).score, abs=1e-4)


def test_directories_with_reference_directory(work):
    for side, name in (("en", "doc.en.txt"), ("ar", "doc.ar.txt")):
        (work / side).mkdir()
    (work / "refs").mkdir()
    ref = (work / "score" / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    for stem, lines in (("one", ref[:9]), ("two", ref[9:])):
        (work / "en" / f"{stem}.en.txt").write_text("\n".join(["English."] * len(lines)) + "\n", encoding="utf-8")
        (work / "ar" / f"{stem}.ar.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (work / "refs" / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("--src-dir", "en", "--tgt-dir", "ar", "--ref", "refs", "--min-score", "per_file.chrf=99",
               "--min-score", "bleu=99", "--junit", "gate.xml", cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    xml = JUnitXml.fromfile(str(work / "gate.xml"))
    suites = {suite.name: [case.name for case in suite] for suite in xml}
    assert suites == {"mtkit gate: ar/one.ar.txt": ["min_score.chrf"],
                      "mtkit gate: ar/two.ar.txt": ["min_score.chrf"],
                      "mtkit gate: run": ["min_score.bleu"]}
    (work / "ar" / "three.ar.txt").write_text("زائد\n", encoding="utf-8")
    orphan = run("--src-dir", "en", "--tgt-dir", "ar", "--min-score", "chrf=1", "--ref", "refs", cwd=work)
    assert orphan.returncode == 2 and "ar/three.ar.txt: no English file in en matches it" in orphan.stderr


# ---- the real audit ------------------------------------------------------------------------

def test_end_to_end_on_the_reference_corpus(tmp_path):
    from mtkit import api
    en, ar = str(CORPUS / "musk-trump.en.txt"), str(CORPUS / "musk-trump.ar.txt")
    summary = api.audit(en, ar).summary()
    (tmp_path / ".git").mkdir()
    proc = run(en, ar, "--max-flags", "critical=0", "--max-flags", f"major={summary['by_severity']['major']}",
               "--max-flags-per-1k", "minor=1000", "-f", "json", "--junit", "gate.xml", cwd=tmp_path)
    data = json.loads(proc.stdout)
    rules = {r["name"]: r for r in data["rules"]}
    assert rules["max_flags.major"]["value"] == summary["by_severity"]["major"]
    assert rules["max_flags.major"]["passed"]
    assert rules["max_flags.critical"]["value"] == summary["by_severity"]["critical"]
    assert proc.returncode == (0 if summary["by_severity"]["critical"] == 0 else 1)
    assert len([case for suite in JUnitXml.fromfile(str(tmp_path / "gate.xml")) for case in suite]) == 3
    if summary["by_severity"]["major"]:
        tighter = run(en, ar, "--max-flags", f"major={summary['by_severity']['major'] - 1}", "--github", cwd=tmp_path)
        assert tighter.returncode == 1
        assert f"::warning file={ar},line=" in tighter.stdout


def test_pairs_file(work):
    en = (work / "doc.en.txt").read_text(encoding="utf-8").splitlines()
    ar = (work / "doc.ar.txt").read_text(encoding="utf-8").splitlines()
    with open(work / "pairs.jsonl", "w", encoding="utf-8") as stream:
        for i, (e, a) in enumerate(zip(en, ar)):
            stream.write(json.dumps({"id": f"p{i}", "en": e, "ar": a}, ensure_ascii=False) + "\n")
    (work / "ref4.txt").write_text("\n".join(ar) + "\n", encoding="utf-8")
    result = invoke("--pairs", "pairs.jsonl", "--ref", "ref4.txt", "--min-score", "chrf=99.9",
                    "--max-flags", "critical=100", "-f", "json")
    assert result.exit_code == 0, result.output
    rules = {r["name"]: r for r in json.loads(result.output)["rules"]}
    assert rules["min_score.chrf"]["value"] == 100.0


# ---- adoption: .pre-commit-hooks.yaml (docs/ci.md: test_ci_docs.py) ----------------------------------------

def test_pre_commit_hook_runs_the_gate(work):
    import shlex
    import yaml
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "mtkit-gate")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    entry = shlex.split(hook["entry"])
    assert entry == ["mtkit", "gate"]
    shutil.copy(work / "configs" / "strict.toml", work / "mtkit.toml")
    # what pre-commit runs: the entry plus the user's args, in the repository root
    failing = run("--audit-json", "audit-flagged.json", cwd=work)
    passing = run("--audit-json", "audit-clean.json", cwd=work)
    assert (failing.returncode, passing.returncode) == (1, 0)


# ---- inputs: file matching and annotation lines ---------------------------------------------

@pytest.mark.parametrize("path, key", [
    ("guide/intro.md", os.path.join("guide", "intro.md")),
    ("report.en.txt", "report.txt"),
    ("report.ar.txt", "report.txt"),
    ("en.txt", "en.txt"),          # a tag only counts as a suffix part
    ("news.AR.md", "news.md"),
])
def test_match_key(path, key):
    from mtkit.gate.inputs import match_key
    assert match_key(path) == key


def test_line_finder_goes_forward_for_repeated_text(tmp_path):
    from mtkit.gate.measure import LineFinder
    path = tmp_path / "doc.ar.txt"
    path.write_text("نعم.\nجملة  أولى طويلة.\nنعم.\n\nأخيرة.\n", encoding="utf-8")
    finder = LineFinder(str(path))
    assert finder.find("جملة أولى طويلة.") == 2          # whitespace differences do not matter
    assert finder.find("نعم.") == 3                      # the next occurrence after the last hit
    assert finder.find("غير موجود", "أخيرة") == 5        # falls back to the next text
    assert LineFinder(str(tmp_path / "missing.txt")).find("نعم") is None
