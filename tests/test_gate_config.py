"""Gate configuration: sources, keys, values, overrides. Every bad key is an InputError naming it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mtkit.errors import InputError
from mtkit.gate.config import apply_override, discover, load_config, load_file

DATA = Path(__file__).parent / "data" / "gate"
CONFIGS = DATA / "configs"


def test_strict_config_reads_every_section():
    config = load_file(str(CONFIGS / "strict.toml"))
    assert config.run.limits == {"max_flags": {"critical": 0, "major": 3},
                                 "max_flags_per_1k_words": {"major": 50.0},
                                 "max_category": {"idiom": 0}}
    assert isinstance(config.run.limits["max_flags"]["major"], int)
    assert not config.per_file.limits
    assert config.source.endswith("strict.toml")


def test_per_file_table_is_separate_from_run_rules():
    config = load_file(str(CONFIGS / "lenient.toml"))
    assert config.per_file.limits == {"max_flags": {"critical": 2}}
    assert config.run.limits["max_category"] == {"idiom": 1, "negation": 1}


def test_items_are_in_a_stable_order():
    config = load_file(str(CONFIGS / "strict.toml"))
    assert [(s, n) for s, n, _ in config.run.items()] == [
        ("max_flags", "critical"), ("max_flags", "major"),
        ("max_flags_per_1k_words", "major"), ("max_category", "idiom")]


def test_pyproject_uses_tool_mtkit_gate():
    config = load_file(str(CONFIGS / "pyproject.toml"))
    assert config.run.limits == {"max_flags": {"critical": 0}}
    assert config.per_file.limits == {"max_category": {"number": 0}}


@pytest.mark.parametrize("name, key, line, words", [
    ("unknown-key.toml", "gate.max_flag_count", 3, "unknown key"),
    ("bad-value.toml", "gate.max_flags.major", 2, "expected a number"),
    ("bad-severity.toml", "gate.max_flags.blocker", 2, "unknown severity"),
    ("bad-category.toml", "gate.max_category.idioms", 2, "unknown category"),
    ("negative.toml", "gate.max_flags_per_1k_words.major", 2, "≥ 0"),
    ("fractional.toml", "gate.max_flags.major", 2, "whole number"),
    ("bad-metric.toml", "gate.min_score.meteor", 2, "unknown metric"),
])
def test_bad_configuration_names_the_key_and_line(name, key, line, words):
    with pytest.raises(InputError) as caught:
        load_file(str(CONFIGS / name))
    error = caught.value
    assert key in error.message and words in error.message
    assert error.path.endswith(name) and error.line == line


def test_toml_syntax_error_gives_the_line():
    with pytest.raises(InputError) as caught:
        load_file(str(CONFIGS / "bad-syntax.toml"))
    assert "invalid TOML" in caught.value.message and caught.value.line == 2


@pytest.mark.parametrize("name, words", [("no-gate-table.toml", "no [gate]"), ("missing.toml", "no such file")])
def test_file_without_rules(name, words):
    with pytest.raises(InputError, match=r"no") as caught:
        load_file(str(CONFIGS / name))
    assert words in caught.value.message


@pytest.mark.parametrize("toml, words", [
    ("[gate]\nmax_flags = 3\n", "expected a table of severity = limit"),
    ("[gate]\nmax_flags = {major = true}\n", "expected a number"),
    ("[gate]\nmin_score = {chrf = 150}\n", "0–100 scale"),
    ("[gate]\nmax_score = {ter = nan}\n", "≥ 0"),
    ("[gate.per_file]\nper_file = {major = 1}\n", "gate.per_file.per_file: unknown key"),
    ("gate = 3\n", "expected a table"),
])
def test_bad_values(tmp_path, toml, words):
    path = tmp_path / "mtkit.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_file(str(path))
    assert words in caught.value.message


def test_ter_may_exceed_100():
    path = CONFIGS.parent / "configs" / "scores.toml"
    assert load_file(str(path)).run.limits["max_score"] == {"ter": 90.0}


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_mtkit_toml_comes_before_pyproject(tmp_path):
    root = _project(tmp_path, {"mtkit.toml": "[gate]\nmax_flags = {major = 1}\n",
                               "pyproject.toml": "[tool.mtkit.gate]\nmax_flags = {major = 9}\n"})
    assert load_config(start=str(root)).run.limits == {"max_flags": {"major": 1}}


def test_pyproject_used_when_mtkit_toml_has_no_gate(tmp_path):
    root = _project(tmp_path, {"mtkit.toml": "[audit]\njobs = 2\n",
                               "pyproject.toml": "[tool.mtkit.gate]\nmax_flags = {major = 9}\n"})
    assert discover(str(root)) == str(root / "pyproject.toml")


def test_discovery_walks_up_to_the_repository_root(tmp_path):
    root = _project(tmp_path / "repo", {"pyproject.toml": "[tool.mtkit.gate]\nmax_flags = {minor = 4}\n",
                                        "docs/ar/readme.txt": "x\n"})
    assert discover(str(root / "docs" / "ar")) == str(root / "pyproject.toml")
    # a configuration above the repository root does not apply
    shutil.copy(CONFIGS / "strict.toml", tmp_path / "mtkit.toml")
    other = _project(tmp_path / "other", {})
    assert discover(str(other)) is None
    assert load_config(start=str(other)).empty()


def test_explicit_config_wins(tmp_path):
    root = _project(tmp_path, {"mtkit.toml": "[gate]\nmax_flags = {major = 1}\n"})
    config = load_config(str(CONFIGS / "strict.toml"), start=str(root))
    assert config.run.limits["max_flags"] == {"critical": 0, "major": 3}


def test_overrides_replace_and_add():
    config = load_file(str(CONFIGS / "strict.toml"))
    apply_override(config, "--max-flags", "max_flags", "major=5")
    apply_override(config, "--min-score", "min_score", "chrf=50.5")
    apply_override(config, "--max-category", "max_category", "per_file.number=0")
    assert config.run.limits["max_flags"] == {"critical": 0, "major": 5}
    assert config.run.limits["min_score"] == {"chrf": 50.5}
    assert config.per_file.limits == {"max_category": {"number": 0}}


@pytest.mark.parametrize("option, section, assignment, words", [
    ("--max-flags", "max_flags", "major", "expected SEVERITY=LIMIT"),
    ("--max-flags", "max_flags", "major=", "expected SEVERITY=LIMIT"),
    ("--max-flags", "max_flags", "major=lots", "--max-flags major: expected a number"),
    ("--max-flags", "max_flags", "huge=1", "--max-flags huge: unknown severity"),
    ("--min-score", "min_score", "chrf=-3", "--min-score chrf: expected a number ≥ 0"),
    ("--max-drop", "max_drop", "per_file.comet=1", "--max-drop per_file.comet: unknown metric"),
])
def test_bad_overrides_name_the_option(option, section, assignment, words):
    config = load_file(str(CONFIGS / "strict.toml"))
    with pytest.raises(InputError) as caught:
        apply_override(config, option, section, assignment)
    assert words in caught.value.message
