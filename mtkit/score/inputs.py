"""Where the hypotheses and references come from: line-aligned text files, or one column of a
table (JSON Lines, TSV with a header row, parquet, a local ``datasets`` directory)."""
from __future__ import annotations

import os
from typing import Optional

from mtkit.errors import InputError
from mtkit.io import read_lines
from mtkit.io.tables import read_records

TABLE_SUFFIXES = (".jsonl", ".json", ".tsv", ".parquet")
REF_COLUMNS = ("ref", "ar", "tgt", "target")
SRC_COLUMNS = ("src", "en", "source")
HYP_COLUMNS = ("hyp", "mt", "sys", "ar")


def system_name(path: str) -> str:
    """A system's name is its file name without suffixes: ``out/sys-a.ar.txt`` → ``sys-a``."""
    base = os.path.basename(os.path.normpath(path))
    return base.split(".")[0] or base


def unique_names(names: list[str]) -> list[str]:
    """Make names unique in order (``sys``, ``sys-2``…), so two ``out.txt`` in two folders both show."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}-{seen[name]}")
    return out


def is_table(path: str) -> bool:
    return os.path.isdir(path) or path.lower().endswith(TABLE_SUFFIXES)


def read_text_lines(path: str) -> list[str]:
    """A line-aligned text file (strict UTF-8; a missing file is an InputError naming it)."""
    return read_lines(path)


def read_table(path: str) -> list[dict]:
    """Rows of a table file, in order (see ``mtkit.io.tables`` for the formats)."""
    return [record.data for record in read_records(path)]


def column(rows: list[dict], name: Optional[str], path: str, defaults: tuple[str, ...] = ()) -> list[str]:
    """One column of a table as strings (missing values are empty strings)."""
    available = list(rows[0]) if rows else []
    if name is None:
        name = next((c for c in defaults if c in available), None)
        if name is None:
            raise InputError(f"no column {'/'.join(defaults)}; pass --column (columns: {', '.join(available)})", path)
    if rows and name not in available:
        raise InputError(f"no column {name!r} (columns: {', '.join(available)})", path)
    return ["" if row.get(name) is None else str(row[name]) for row in rows]


def read_column(path: str, name: Optional[str], defaults: tuple[str, ...] = ()) -> list[str]:
    """Lines of a text file, or one column of a table file."""
    if is_table(path):
        return column(read_table(path), name, path, defaults)
    return read_text_lines(path)
