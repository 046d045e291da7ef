"""The gate uses the error profile: ``max_score.error`` (the weighted error score per 1,000 source
words) and ``max_rise`` (a category's flags per 1,000 words may not rise significantly against the
baseline), on the bundled article and its corrected translation."""
from __future__ import annotations

import json

import pytest

import mtkit
from mtkit.errors import InputError


@pytest.fixture
def here(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()          # no outer configuration applies
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_max_rise_fails_only_on_a_significant_rise(here, corpora):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    worse = mtkit.gate([en, mt], baseline=fixed, overrides={"max_rise": ["idiom=0", "error=10", "number=0"]})
    rules = {r.name: r for r in worse.rules}
    assert not rules["max_rise.idiom"].passed and rules["max_rise.idiom"].p_value < 0.05
    assert rules["max_rise.idiom"].value == pytest.approx(3.937, abs=0.001)
    assert not rules["max_rise.error"].passed
    assert rules["max_rise.number"].passed and rules["max_rise.number"].p_value == 1.0
    better = mtkit.gate([en, fixed], baseline=mt, overrides={"max_rise": ["idiom=0", "error=0"]})
    assert better.passed and all(r.value < 0 for r in better.rules)


def test_max_score_error(here, corpora):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    assert not mtkit.gate([en, mt], overrides={"max_score": ["error=20"]}).passed
    verdict = mtkit.gate([en, fixed], overrides={"max_score": ["error=20"]})
    assert verdict.passed and verdict.rules[0].value < 20 and "penalty per 1,000" in verdict.rules[0].detail


def test_config_file_and_errors(here, corpora, run_mtkit):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    (here / "mtkit.toml").write_text("[gate]\nmax_rise = {idiom = 0.0}\nmax_score = {error = 100}\n", encoding="utf-8")
    out = run_mtkit("gate", en, mt, "--baseline", fixed, "-f", "json", "-q", cwd=here)
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert [(r["name"], r["passed"]) for r in data["rules"]] == [("max_score.error", True), ("max_rise.idiom", False)]
    missing = run_mtkit("gate", en, mt, "-q", cwd=here)
    assert missing.returncode == 2 and "needs --baseline" in missing.stderr
    (here / "mtkit.toml").write_text("[gate]\nmax_rise = {idioms = 0.0}\n", encoding="utf-8")
    bad = run_mtkit("gate", en, mt, "--baseline", fixed, cwd=here)
    assert bad.returncode == 2 and "max_rise.idioms" in bad.stderr and "unknown category" in bad.stderr
    (here / "mtkit.toml").unlink()
    with pytest.raises(InputError, match="lines, but the source has 18"):
        mtkit.gate([en, mt], baseline=str(corpora / "REVIEW.md"), overrides={"max_rise": ["idiom=0"]})
