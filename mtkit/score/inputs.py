"""Where the hypotheses and references come from: line-aligned text files, or one column of a
table (JSON Lines, TSV with a header row, parquet, a local ``datasets`` directory)."""
from __future__ import annotations

import json
import os
from typing import Optional

from mtkit.errors import InputError
from mtkit.io import read_lines

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


def _jsonl_rows(path: str) -> list[dict]:
    rows = []
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON ({exc.msg})", path, number) from None
        if not isinstance(record, dict):
            raise InputError("expected a JSON object per line", path, number)
        rows.append(record)
    return rows


def _tsv_rows(path: str) -> list[dict]:
    lines = [line for line in read_lines(path) if line.strip()]
    if not lines:
        return []
    header = [cell.strip() for cell in lines[0].split("\t")]
    if {"en", "ar"} <= set(header) or {"src", "tgt"} <= set(header) or "ref" in header:
        body = lines[1:]
    else:   # no header: the contract's pairs layout, en<TAB>ar or id<TAB>en<TAB>ar
        header = ["en", "ar"] if len(header) == 2 else ["id", "en", "ar"]
        body = lines
    rows = []
    for number, line in enumerate(body, start=2 if body is not lines else 1):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise InputError(f"expected {len(header)} tab-separated columns, found {len(cells)}", path, number)
        rows.append(dict(zip(header, cells)))
    return rows


def _dataset_rows(path: str) -> list[dict]:
    import datasets
    try:
        if os.path.isdir(path):
            loaded = datasets.load_from_disk(path)
            if isinstance(loaded, datasets.DatasetDict):
                loaded = loaded[next(iter(loaded))]
        else:
            loaded = datasets.Dataset.from_parquet(path)
    except Exception as exc:  # datasets raises many types for a bad file
        raise InputError(f"cannot read as a dataset ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
    return loaded.to_list()


def read_table(path: str) -> list[dict]:
    """Rows of a table file, in order."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    lower = path.lower()
    if os.path.isdir(path) or lower.endswith(".parquet"):
        return _dataset_rows(path)
    if lower.endswith(".tsv"):
        return _tsv_rows(path)
    return _jsonl_rows(path)


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
