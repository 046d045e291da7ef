"""mtkit's version: read from the installed package's metadata (the one place it is written is
pyproject.toml). Looked up on first use only, so commands that do not print it do not pay for it."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path


@cache
def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version
    try:
        return installed_version("mtkit")
    except PackageNotFoundError:
        return _source_version()


def _source_version() -> str:
    """A source checkout run without installing: the pyproject.toml beside the package."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return "0+unknown"
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "0+unknown"


def header() -> dict:
    """The first keys of every JSON result: which tool and version produced it."""
    return {"tool": "mtkit", "version": version()}
