"""Where the hypotheses and references come from: line-aligned text files, or one column of a
table (JSON Lines, TSV with a header row, parquet, a local ``datasets`` directory)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Sequence

from mtkit.errors import InputError
from mtkit.io import read_lines
from mtkit.io.sources import local_table
from mtkit.io.tables import read_records

TABLE_SUFFIXES = (".jsonl", ".json", ".tsv", ".csv", ".parquet")
REF_COLUMNS = ("ref", "ar", "tgt", "target")
SRC_COLUMNS = ("src", "en", "source")
HYP_COLUMNS = ("hyp", "mt", "sys", "ar")


def system_name(path: str) -> str:
    """A system's name is its file name without suffixes: ``out/sys-a.ar.txt`` → ``sys-a``."""
    base = os.path.basename(os.path.normpath(path))
    return base.split(".")[0] or base


def unique_names(names: list[str]) -> list[str]:
    """Make names unique in order (``sys``, ``sys-2``…), so two ``out.txt`` in two folders both show.
    A made-up name never takes one that is given (``d1/sys``, ``d2/sys``, ``sys-2`` →
    ``sys``, ``sys-3``, ``sys-2``): no system can vanish behind another."""
    given = set(names)
    used: set[str] = set()
    out = []
    for name in names:
        unique, n = name, 1
        while unique in used or (unique != name and unique in given):
            n += 1
            unique = f"{name}-{n}"
        used.add(unique)
        out.append(unique)
    return out


def is_table(path: str) -> bool:
    from mtkit.io.formats import sniff
    if os.path.isdir(path) or path.lower().endswith(TABLE_SUFFIXES):
        return True
    return os.path.isfile(path) and sniff(path) in ("xliff", "tmx", "po", "parquet")


def read_text_lines(path: str) -> list[str]:
    """A line-aligned text file (strict UTF-8; a missing file is an InputError naming it)."""
    return read_lines(path)


def read_table(path: str) -> list[dict]:
    """Rows of a table file (or URL), in order (see ``mtkit.io.tables`` for the formats); a CAT
    file (XLIFF, TMX, PO) gives its units as rows with id, en and ar."""
    from mtkit.io.formats import pairs_format
    from mtkit.io.pairs import CAT_FORMATS, read_pairs
    with local_table(path) as local:
        if pairs_format(local) in CAT_FORMATS:
            return [{"id": s.id, "en": s.src, "ar": s.tgt} for s in read_pairs(local)]
        return [record.data for record in read_records(local)]


def column(rows: list[dict], name: str | None, path: str, defaults: tuple[str, ...] = ()) -> list[str]:
    """One column of a table as strings (missing values are empty strings)."""
    available = list(rows[0]) if rows else []
    if name is None:
        name = next((c for c in defaults if c in available), None)
        if name is None:
            raise InputError(f"no column {'/'.join(defaults)}; pass --column (columns: {', '.join(available)})", path)
    if rows and name not in available:
        raise InputError(f"no column {name!r} (columns: {', '.join(available)})", path)
    return ["" if row.get(name) is None else str(row[name]) for row in rows]


def read_column(path: str, name: str | None, defaults: tuple[str, ...] = ()) -> list[str]:
    """Lines of a text file, or one column of a table file."""
    if is_table(path):
        return column(read_table(path), name, path, defaults)
    with local_table(path) as local:
        return read_text_lines(local)


@dataclass
class Inputs:
    """Everything a score run reads: references, systems by name (with where each came from), and
    the source when something needs it (translating with a model, auditing)."""
    refs: list[list[str]]
    ref_paths: list[str]
    systems: dict[str, list[str]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    src: list[str] | None = None
    src_path: str | None = None


def read_source(src_path: str | None, table: str | None, why: str) -> tuple[list[str], str]:
    """The source lines: ``src_path``, or the source column of the table given as the reference."""
    if src_path is not None:
        return read_column(src_path, None, SRC_COLUMNS), src_path
    if table is None:
        raise InputError(f"{why} needs the source text: pass --src SRC (or a pairs file with an 'en' column as --ref)")
    return read_column(table, None, SRC_COLUMNS), table


def gather(ref_paths: Sequence[str], sys_paths: Sequence[str], *, columns: Sequence[str] = (),
           ref_column: str | None = None, src_path: str | None = None, models: Sequence[str] = (),
           translate_options: dict | None = None, need_src: bool = False, quiet: bool = True) -> Inputs:
    """Read the references and the systems: translations by ``models`` first (of the source), then
    ``columns`` of the table given as the reference, then the system files, in that order."""
    refs = [read_column(path, ref_column, REF_COLUMNS) for path in ref_paths]
    table = ref_paths[0] if ref_paths and is_table(ref_paths[0]) else None
    out = Inputs(refs, list(ref_paths))
    if models or need_src:
        out.src, out.src_path = read_source(src_path, table, "--model" if models else "--audit")
    if models:
        from mtkit.mt import translate
        for name, model in zip(unique_names([system_name(m.rstrip("/\\")) for m in models]), models):
            out.systems[name] = translate(out.src or [], model, quiet=quiet, **(translate_options or {})).lines
            out.paths[name] = model
    if columns:
        if table is None:
            raise InputError("--column needs a pairs/dataset file as --ref", ref_paths[0] if ref_paths else None)
        rows = read_table(table)
        for name in columns:
            if name in out.systems:
                raise InputError(f"--column {name}: a system of that name is already given", table)
            out.systems[name], out.paths[name] = column(rows, name, table), table
    names = unique_names(list(out.systems) + [system_name(p) for p in sys_paths])[len(out.systems):]
    for name, path in zip(names, sys_paths):
        out.systems[name], out.paths[name] = read_column(path, None, HYP_COLUMNS), path
    return out
