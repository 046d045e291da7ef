"""Shared, generic fixtures: where the repository's files are, and running the real ``mtkit``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

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


@pytest.fixture(scope="session")
def run_check() -> Callable[..., list]:
    """The flags of one check (``"number.month"``: that check alone, as it yields them) or of a
    category (``"number"``: its checks through ``run_checks``, which drops duplicate diagnoses)
    on one English/Arabic pair."""
    from mtkit.checks import all_checks, run_checks, select
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.model import Segment

    def run(en: str, ar: str, name: str, options: dict | None = None) -> list:
        seg = AnalyzedSegment(Segment("t", en, ar), options)
        checks = all_checks()
        if name in checks:
            return checks[name].run(seg)
        return run_checks(seg, select([name]))
    return run


@pytest.fixture(scope="session")
def caught_once(run_check) -> Callable[..., Any]:
    """How a planted error is tested beside its real translation: check ``name`` (as ``run_check``
    runs it) is quiet on the original Arabic and flags the planted Arabic once; that flag."""
    def run(en: str, original: str, planted: str, name: str):
        assert run_check(en, original, name) == []
        (flag,) = run_check(en, planted, name)
        return flag
    return run


@pytest.fixture(scope="session")
def only_flag(run_check) -> Callable[..., Any]:
    """The one flag ``run_check`` gives (failing with all of them if it gives more, or none)."""
    def run(en: str, ar: str, name: str, options: dict | None = None):
        flags = run_check(en, ar, name, options)
        assert len(flags) == 1, flags
        return flags[0]
    return run
