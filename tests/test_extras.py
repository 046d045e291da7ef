"""Options that need an optional extra, run as if the extra were not installed: one stderr line
naming the extra (``pip install 'mtkit[NAME]'``), exit 2, never a traceback. The extras' modules
are hidden from a real ``mtkit`` subprocess by a ``sitecustomize`` import blocker (the fresh-venv
test in test_install.py checks the same on a real core install)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtkit import __version__
from mtkit.extras import EXTRAS

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpora" / "musk-trump.en.txt"
AR = ROOT / "corpora" / "musk-trump.ar.txt"

BLOCKER = """
import sys
BLOCKED = {blocked!r}
class _Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _Blocker())
"""

# (extra, arguments); {tmp} is a scratch directory holding an empty parquet file and a directory
CASES = [
    ("mt", ["translate", "--model", "{tmp}/model", EN]),
    ("mt", ["score", "--ref", AR, "--src", EN, "--model", "{tmp}/model"]),
    ("embed", ["align", EN, AR, "--model", "{tmp}/model"]),
    ("datasets", ["audit", "--pairs", "{tmp}/pairs.parquet"]),
    ("datasets", ["audit", "--pairs", "{tmp}/dataset"]),
    ("datasets", ["gate", "--pairs", "{tmp}/pairs.parquet", "--max-flags", "major=1"]),
    ("datasets", ["score", "--ref", "{tmp}/pairs.parquet", AR]),
    ("ja", ["score", "--ref", AR, AR, "--tokenize", "ja-mecab"]),
    ("ko", ["score", "--ref", AR, AR, "--tokenize", "ko-mecab"]),
    ("spm", ["score", "--ref", AR, AR, "--tokenize", "flores200"]),
]


def run_without(modules, args, tmp: Path) -> subprocess.CompletedProcess:
    (tmp / "sitecustomize.py").write_text(BLOCKER.format(blocked=set(modules)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    argv = [str(a).replace("{tmp}", str(tmp)) for a in args]
    return subprocess.run([sys.executable, "-m", "mtkit", *argv], check=False, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


@pytest.mark.parametrize("extra, args", CASES, ids=[f"{e}:{' '.join(map(str, a[:2]))}" for e, a in CASES])
def test_missing_extra_is_one_line_and_exit_2(extra, args, tmp_path):
    (tmp_path / "model").mkdir()
    (tmp_path / "dataset").mkdir()
    (tmp_path / "pairs.parquet").write_bytes(b"")
    result = run_without(EXTRAS[extra], args, tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert f"pip install 'mtkit[{extra}]'" in lines[0] and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_every_extra_is_declared_in_pyproject():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert set(EXTRAS) <= set(declared)
    # the test extra installs every other extra the suite exercises
    assert any(item.startswith("mtkit[") for item in declared["test"])


def test_version_is_the_package_metadata(run_mtkit):
    from importlib.metadata import version
    result = run_mtkit("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"mtkit {version('mtkit')}" == f"mtkit {__version__}"


def test_every_json_result_names_tool_and_version(run_mtkit, tmp_path):
    import json
    for args in (["align", EN, AR], ["audit", EN, AR], ["score", "--ref", AR, AR],
                 ["gate", EN, AR, "--max-flags", "critical=99"]):
        result = run_mtkit(*args, "--format", "json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert (data["tool"], data["version"]) == ("mtkit", __version__), args
