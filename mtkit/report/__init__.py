"""Output writers. A writer renders one kind of result (``Alignment``, ``AuditResult``,
``ScoreResult``, ``GateResult``…) in one format to a text stream. Modules in this package register
their writers with :func:`writer` on import; :data:`MODULES` says which module holds the writer of
each format and result type, so a command imports only the writer it uses (``mtkit align -f tsv``
does not load the HTML, score and gate writers). A new format or result type is one new module
plus its line in :data:`MODULES` (tests/test_startup.py checks that the two agree)."""
from __future__ import annotations

import importlib
from typing import IO, Callable

_WRITERS: dict[tuple[str, type], Callable] = {}

# (format, result type as "module.Class"; "builtins.object": any result) → module of this package
MODULES: dict[tuple[str, str], str] = {
    ("csv", "mtkit.model.AuditResult"): "csv_writer",
    ("csv", "mtkit.score.result.ScoreResult"): "score",
    ("github", "mtkit.gate.result.GateResult"): "gate",
    ("github", "mtkit.model.AuditResult"): "github",
    ("html", "mtkit.model.AuditResult"): "html",
    ("html", "mtkit.score.result.ScoreResult"): "compare_html",
    ("json", "builtins.object"): "json_writer",
    ("jsonl", "mtkit.model.AuditResult"): "jsonl",
    ("junit", "mtkit.gate.result.GateResult"): "gate",
    ("junit", "mtkit.model.AuditResult"): "junit",
    ("markdown", "mtkit.gate.result.GateResult"): "gate",
    ("md", "mtkit.checks.Explanation"): "explain",
    ("md", "mtkit.gate.result.GateResult"): "gate",
    ("md", "mtkit.model.AuditResult"): "markdown",
    ("md", "mtkit.score.result.ScoreResult"): "score",
    ("parquet", "mtkit.model.AuditResult"): "parquet",
    ("po", "mtkit.model.AuditResult"): "po",
    ("text", "mtkit.checks.Explanation"): "explain",
    ("text", "mtkit.gate.result.GateResult"): "gate",
    ("text", "mtkit.model.Alignment"): "text",
    ("text", "mtkit.model.AuditResult"): "text",
    ("text", "mtkit.mt.result.Translation"): "score",
    ("text", "mtkit.score.result.ScoreResult"): "score",
    ("tmx", "mtkit.model.AuditResult"): "tmx",
    ("tsv", "mtkit.model.Alignment"): "tsv",
    ("xliff", "mtkit.model.AuditResult"): "xliff",
}


def writer(fmt: str, *result_types: type):
    """Register ``func(result, stream, **options)`` for a format and result types
    (none: any result, e.g. JSON through ``to_dict()``)."""
    def register(func: Callable) -> Callable:
        for result_type in result_types or (object,):
            _WRITERS[(fmt, result_type)] = func
        return func
    return register


def type_name(kind: type) -> str:
    """A result type as :data:`MODULES` names it."""
    return f"{kind.__module__}.{kind.__qualname__}"


def formats(result_type: type) -> list[str]:
    """The formats a result of this type can be written in (no writer module is imported)."""
    names = {type_name(kind) for kind in result_type.__mro__}
    return sorted({fmt for fmt, kind in MODULES if kind in names})


def write(result, fmt: str, stream: IO[str], **options) -> None:
    for kind in type(result).__mro__:
        module = MODULES.get((fmt, type_name(kind)))
        if module is not None:
            importlib.import_module(f"{__name__}.{module}")
            _WRITERS[(fmt, kind)](result, stream, **options)
            return
    raise ValueError(f"no {fmt} output for {type(result).__name__}")


def stream_options(fmt: str) -> dict:
    """How the output file must be opened: CSV wants a BOM (Excel shows Arabic) and raw newlines."""
    if fmt == "csv":
        return {"encoding": "utf-8-sig", "newline": ""}
    return {}
