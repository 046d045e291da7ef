"""mtkit's version, written once, here: pyproject.toml reads it (``[tool.setuptools.dynamic]``), so
the installed package's metadata says the same. A constant, not a metadata lookup: importing
importlib.metadata cost about 0.05 s of every short run that writes JSON or reads the cache."""
from __future__ import annotations

VERSION = "0.1.0"


def version() -> str:
    return VERSION


def header() -> dict:
    """The first keys of every JSON result: which tool and version produced it."""
    return {"tool": "mtkit", "version": version()}
