"""The core install, as a new user gets it: a fresh venv, ``pip install`` of this repository (no
extras), then the default path on the bundled article and every extra-needing option without its
extra. Slow (a real install from the package index, pip's cache allowed), but run by ``make test``."""
from __future__ import annotations

import json
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpora" / "musk-trump.en.txt"
AR = ROOT / "corpora" / "musk-trump.ar.txt"
HEAVY = ("torch", "transformers", "datasets", "pyarrow", "pandas", "sentencepiece", "tokenizers")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def core(tmp_path_factory) -> Path:
    """A venv with only the core installed; returns its bin directory."""
    base = tmp_path_factory.mktemp("core")
    source = base / "src"       # a copy: building in the repository would leave build/ behind
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "mtkit", source / "mtkit", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    subprocess.run([bin_dir / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check", str(source)],
                   check=True, timeout=540)
    return bin_dir


def mtkit(bin_dir: Path, *args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([bin_dir / "mtkit", *map(str, args)], check=False, capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=120)


def test_core_has_no_heavy_package(core):
    listing = subprocess.run([core / "python", "-m", "pip", "list", "--format", "json"], check=True,
                             capture_output=True, text=True).stdout
    names = {p["name"].lower() for p in json.loads(listing)}
    assert "mtkit" in names
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def test_default_path_runs_on_the_core(core, tmp_path):
    version = mtkit(core, "--version")
    assert version.returncode == 0 and version.stdout.startswith("mtkit ")
    aligned = mtkit(core, "align", EN, AR, "-f", "json")
    assert aligned.returncode == 0, aligned.stderr
    assert json.loads(aligned.stdout)["beads"]
    audited = mtkit(core, "audit", EN, AR, "-f", "json", "-o", tmp_path / "audit.json")
    assert audited.returncode == 0, audited.stderr
    assert json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))["summary"]["flagged_segments"] > 0
    html = mtkit(core, "audit", EN, AR, "-f", "html", "-o", tmp_path / "report.html")
    assert html.returncode == 0, html.stderr
    scored = mtkit(core, "score", "--ref", AR, AR, "-f", "json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["systems"][0]["chrf"]["score"] == 100.0
    gated = mtkit(core, "gate", EN, AR, "--max-flags", "critical=1000", "--junit", tmp_path / "gate.xml")
    assert gated.returncode == 0, gated.stderr
    assert (tmp_path / "gate.xml").is_file()


@pytest.mark.parametrize("extra, args", [
    ("mt", ["translate", "--model", "MODEL", EN]),
    ("mt", ["score", "--ref", AR, "--src", EN, "--model", "MODEL"]),
    ("embed", ["align", EN, AR, "--model", "MODEL"]),
    ("datasets", ["audit", "--pairs", "pairs.parquet"]),
    ("datasets", ["gate", "--pairs", "DATASET", "--max-flags", "major=1"]),
    ("ja", ["score", "--ref", AR, AR, "--tokenize", "ja-mecab"]),
    ("spm", ["score", "--ref", AR, AR, "--tokenize", "spm"]),
])
def test_missing_extras_on_the_core(core, tmp_path, extra, args):
    (tmp_path / "MODEL").mkdir()
    (tmp_path / "DATASET").mkdir()
    (tmp_path / "pairs.parquet").write_bytes(b"")
    result = mtkit(core, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and f"pip install 'mtkit[{extra}]'" in result.stderr, result.stderr
