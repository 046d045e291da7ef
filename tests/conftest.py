"""Shared, generic fixtures: where the repository's files are, and running the real ``mtkit``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpora() -> Path:
    return ROOT / "corpora"


@pytest.fixture(scope="session")
def test_data() -> Path:
    return ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def run_mtkit() -> Callable[..., subprocess.CompletedProcess]:
    """Run ``python -m mtkit ARGS`` in a real subprocess (text mode, output captured, no check)."""
    def run(*args, cwd=None, timeout: float = 120, input: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mtkit", *map(str, args)], cwd=cwd,
                              input=input, capture_output=True, text=True, encoding="utf-8",
                              timeout=timeout)
    return run
