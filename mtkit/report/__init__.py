"""Output writers, one module per format. A writer takes a result object (``Alignment``,
``AuditResult``, ``ScoreResult``, ``GateResult``) and a text stream; formats register themselves
with :func:`writer`, and each writer dispatches on the result type it knows."""
from __future__ import annotations

import importlib
from typing import Callable, TextIO

_WRITERS: dict[str, Callable] = {}
_MODULES = ("json_writer", "text", "tsv", "html", "markdown", "csv_writer", "junit", "github")


def writer(name: str):
    def register(func: Callable) -> Callable:
        _WRITERS[name] = func
        return func
    return register


def _load() -> None:
    for module in _MODULES:
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{module}":
                raise


def formats() -> list[str]:
    _load()
    return sorted(_WRITERS)


def write(result, fmt: str, stream: TextIO, **options) -> None:
    _load()
    _WRITERS[fmt](result, stream, **options)


def stream_options(fmt: str) -> dict:
    """How the output file must be opened for a format (CSV wants a BOM for Excel and raw newlines)."""
    if fmt == "csv":
        return {"encoding": "utf-8-sig", "newline": ""}
    return {}
