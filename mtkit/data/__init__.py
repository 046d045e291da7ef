"""Data files (lexicons, gazetteers, tables) shipped with mtkit, and the one loader that reads them.

Each file starts with ``#`` comment lines that say where its entries come from (its provenance),
and one ``# schema:`` line that names its columns, so every reader gets named values and every
bad row is an error naming the file and line (never a row silently dropped or forced to a default)::

    # schema: language=en|ar strength=strong|weak word
    # schema: month:int en:list ar:list note?

A column is ``name``, then optionally ``:kind`` (``text`` by default; ``int``, ``float``; ``list``
for ``|``-separated alternatives; in JSON Lines also ``bool`` and ``groups``, a list of lists),
``=a|b|c`` for the only values allowed, and ``?`` for a column that may be empty or missing (the
last columns only; a missing one reads as ``""``, ``[]`` or ``None``). Cells are separated by tabs
in ``.tsv`` files, by spaces in ``.txt`` files (the last column takes the rest of the line), and
``.jsonl`` lines are objects with those keys and no others.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from mtkit.errors import InputError

# mtkit is installed as files (mtkit.cache reads its own sources the same way): the data files are
# beside this module. Not importlib.resources, whose import and first lookup cost about 10 ms of
# a short run's start-up (issue 13) for the zip installs mtkit does not support.
_HERE = Path(__file__).parent

_SPEC = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)(?::(?P<kind>[a-z]+))?(?:=(?P<allowed>[^?\s]+))?(?P<optional>\?)?$")
_KINDS = {"text", "int", "float", "list", "bool", "groups"}
_JSON_ONLY = {"bool", "groups"}

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"
    allowed: tuple[str, ...] = ()
    optional: bool = False


def data_path(name: str) -> Path:
    return _HERE / name


def data_files() -> list[str]:
    """Every data file's name, sorted."""
    return sorted(p.name for p in _HERE.iterdir() if p.name.endswith((".tsv", ".txt", ".jsonl")))


def alternatives(cell: str) -> list[str]:
    """A cell's ``|``-separated alternatives."""
    return [part.strip() for part in cell.split("|") if part.strip()]


@lru_cache(maxsize=None)
def table(name: str) -> tuple[Row, ...]:
    """The rows of the data file ``name``, each a dict of its named columns."""
    return read_table(data_path(name), f"mtkit/data/{name}")


def read_table(path: Path, shown: Optional[str] = None) -> tuple[Row, ...]:
    """Read a data file strictly (see the module doc); ``shown`` is the name errors give."""
    where = shown or str(path)
    with path.open(encoding="utf-8") as stream:
        lines = stream.read().split("\n")
    columns = _schema(lines, where)
    if not any(line.startswith("#") and "schema:" not in line for line in lines[:40]):
        raise InputError("no provenance comment before the entries", where)
    reader = _json_row if path.name.endswith(".jsonl") else _text_row
    sep = "\t" if path.name.endswith(".tsv") else None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rows.append(reader(line, columns, sep))
        except ValueError as exc:
            raise InputError(str(exc), where, number) from None
    return tuple(rows)


def data_signature(names: Optional[list[str]] = None) -> str:
    """A short hash of the data files' bytes (all of them by default; the file hashes are
    remembered between runs, see :func:`mtkit.cache.file_digests`)."""
    from mtkit.cache import file_digests
    names = sorted(names if names is not None else data_files())
    digest = hashlib.sha256()
    for name, file_hash in zip(names, file_digests([str(data_path(name)) for name in names])):
        digest.update(name.encode() + b"\0" + file_hash + b"\0")
    return digest.hexdigest()[:12]


def _schema(lines: list[str], where: str) -> tuple[Column, ...]:
    specs = [line.split("schema:", 1)[1].split() for line in lines if line.startswith("# schema:")]
    if len(specs) != 1:
        raise InputError("needs exactly one '# schema:' line naming its columns", where)
    columns = []
    for spec in specs[0]:
        match = _SPEC.match(spec)
        if not match or (match["kind"] or "text") not in _KINDS:
            raise InputError(f"bad column '{spec}' in the schema line", where)
        columns.append(Column(match["name"], match["kind"] or "text",
                              tuple(match["allowed"].split("|")) if match["allowed"] else (),
                              bool(match["optional"])))
    if not where.endswith(".jsonl") and any(a.optional and not b.optional for a, b in zip(columns, columns[1:])):
        raise InputError("only the last columns may be optional ('?')", where)
    if where.endswith((".tsv", ".txt")) and any(c.kind in _JSON_ONLY for c in columns):
        raise InputError("bool and groups columns are for JSON Lines only", where)
    return tuple(columns)


def _text_row(line: str, columns: tuple[Column, ...], sep: Optional[str]) -> Row:
    cells = [c.strip() for c in (line.split(sep) if sep else line.split(None, len(columns) - 1))]
    if len(cells) > len(columns):
        raise ValueError(f"{len(cells)} columns, the schema has {len(columns)}")
    return {col.name: _cell(col, cells[i] if i < len(cells) else None) for i, col in enumerate(columns)}


def _cell(col: Column, cell: Optional[str]) -> Any:
    if not cell:
        if col.optional:
            return [] if col.kind == "list" else None if col.kind in ("int", "float") else ""
        raise ValueError(f"column '{col.name}' is empty or missing")
    if col.kind == "list":
        values = alternatives(cell)
        for value in values:
            _allowed(col, value)
        return values
    _allowed(col, cell)
    if col.kind in ("int", "float"):
        try:
            return int(cell) if col.kind == "int" else float(cell)
        except ValueError:
            raise ValueError(f"column '{col.name}': '{cell}' is not a number") from None
    return cell


def _allowed(col: Column, value: str) -> None:
    if col.allowed and value not in col.allowed:
        raise ValueError(f"column '{col.name}': '{value}' is not one of {', '.join(col.allowed)}")


_JSON_TYPES: dict[str, Any] = {"text": str, "int": int, "float": (int, float), "bool": bool, "list": list, "groups": list}


def _json_row(line: str, columns: tuple[Column, ...], _sep: Optional[str]) -> Row:
    import json            # JSON Lines files only: the TSV tables a short run reads do not need it
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    unknown = sorted(set(obj) - {c.name for c in columns})
    if unknown:
        raise ValueError(f"unknown key '{unknown[0]}'")
    row: Row = {}
    for col in columns:
        value = obj.get(col.name)
        if value is None or value == "" or value == []:
            if not col.optional:
                raise ValueError(f"key '{col.name}' is empty or missing")
            row[col.name] = value
            continue
        if not isinstance(value, _JSON_TYPES[col.kind]) or (col.kind == "int" and isinstance(value, bool)):
            raise ValueError(f"key '{col.name}' must be {col.kind}")
        if col.kind == "list" and not all(isinstance(v, str) for v in value) or \
                col.kind == "groups" and not all(isinstance(g, list) and g and all(isinstance(v, str) for v in g)
                                                 for g in value):
            shape = "a list of strings" if col.kind == "list" else "a list of lists of strings"
            raise ValueError(f"key '{col.name}' must be {shape}")
        for item in (value if col.kind == "list" else [value] if col.kind == "text" else []):
            _allowed(col, item)
        row[col.name] = value
    return row

