"""Output writers. A writer renders one kind of result (``Alignment``, ``AuditResult``,
``ScoreResult``, ``GateResult``…) in one format to a text stream. Modules in this package register
their writers with :func:`writer` on import; every module here is imported on first use, so a new
format or result type is one new module."""
from __future__ import annotations

import importlib
import pkgutil
from typing import IO, Callable

_WRITERS: dict[tuple[str, type], Callable] = {}
_loaded = False


def writer(fmt: str, *result_types: type):
    """Register ``func(result, stream, **options)`` for a format and result types
    (none: any result, e.g. JSON through ``to_dict()``)."""
    def register(func: Callable) -> Callable:
        for result_type in result_types or (object,):
            _WRITERS[(fmt, result_type)] = func
        return func
    return register


def _load() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def formats(result_type: type) -> list[str]:
    _load()
    return sorted({fmt for fmt, kind in _WRITERS if kind is object or issubclass(result_type, kind)})


def write(result, fmt: str, stream: IO[str], **options) -> None:
    _load()
    for kind in type(result).__mro__:
        if (fmt, kind) in _WRITERS:
            _WRITERS[(fmt, kind)](result, stream, **options)
            return
    raise ValueError(f"no {fmt} output for {type(result).__name__}")


def stream_options(fmt: str) -> dict:
    """How the output file must be opened: CSV wants a BOM (Excel shows Arabic) and raw newlines."""
    if fmt == "csv":
        return {"encoding": "utf-8-sig", "newline": ""}
    return {}
