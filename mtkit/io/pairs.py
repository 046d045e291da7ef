"""Pairs files: JSON Lines, TSV, parquet, or a local Hugging Face ``datasets`` directory.
Read lazily, one pair at a time, so a file of any size streams."""
from __future__ import annotations

import json
import os
from typing import Iterator, Optional

from mtkit.errors import InputError
from mtkit.model import Segment

SRC_KEYS = ("en", "src", "source")
TGT_KEYS = ("ar", "tgt", "target")


def _pick(record: dict, keys: tuple[str, ...], path: str, line: Optional[int], where: str) -> Optional[str]:
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(f"{where}field '{key}' must be a string, not {type(value).__name__}", path, line)
        return str(value)
    return None


def _segment(record: dict, default_id: str, path: str, line: Optional[int], row: Optional[int] = None) -> Segment:
    """``line`` is the 1-based line of a text file; ``row`` the 0-based row of a dataset (no lines)."""
    where = "" if row is None else f"row {row}: "
    src, tgt = _pick(record, SRC_KEYS, path, line, where), _pick(record, TGT_KEYS, path, line, where)
    if src is None or tgt is None:
        missing, accepted = ("en", SRC_KEYS) if src is None else ("ar", TGT_KEYS)
        raise InputError(f"{where}missing field '{missing}' (also accepted: {'/'.join(accepted)})", path, line)
    seg_id = record.get("id")
    return Segment(id=default_id if seg_id is None else str(seg_id), src=src, tgt=tgt, line=line)


def _guard(func, skipped: Optional[list], *args):
    """``func(*args)``; with a ``skipped`` list a bad line (InputError) is noted there and ``None``
    returned instead of raising (``--skip-bad``)."""
    try:
        return func(*args)
    except InputError as exc:
        if skipped is None:
            raise
        skipped.append(str(exc))
        return None


def _decode(raw: bytes, path: str, number: int) -> str:
    if b"\x00" in raw:
        raise InputError("binary data (NUL byte), expected UTF-8 text", path, number)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})", path, number) from None


def _iter_text_lines(path: str, skipped: Optional[list] = None) -> Iterator[tuple[int, str]]:
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            text = _guard(_decode, skipped, raw, path, number)
            if text is None:
                continue
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text.rstrip("\r\n")


def _parse_jsonl(path: str, number: int, text: str) -> Segment:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path, number) from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with 'en' and 'ar'", path, number)
    return _segment(record, str(number - 1), path, number)


def _read_jsonl(path: str, skipped: Optional[list] = None) -> Iterator[Segment]:
    """Blank lines are skipped; a record without ``id`` gets its 0-based line number."""
    for number, text in _iter_text_lines(path, skipped):
        if not text.strip():
            continue
        segment = _guard(_parse_jsonl, skipped, path, number, text)
        if segment is not None:
            yield segment


_HEADERS = (["en", "ar"], ["src", "tgt"], ["source", "target"])


def _parse_tsv(path: str, number: int, cells: list[str], header_lines: int) -> Segment:
    if len(cells) == 2:
        record = {"en": cells[0], "ar": cells[1]}
    elif len(cells) == 3:
        record = {"id": cells[0] or None, "en": cells[1], "ar": cells[2]}
    else:
        raise InputError(f"expected 2 or 3 tab-separated columns, found {len(cells)}", path, number)
    return _segment(record, str(number - 1 - header_lines), path, number)


def _read_tsv(path: str, skipped: Optional[list] = None) -> Iterator[Segment]:
    """``en<TAB>ar`` or ``id<TAB>en<TAB>ar``, an optional header on the first non-blank line; a row
    without an id gets its 0-based line number among the data lines (the header not counted)."""
    first, header_lines = True, 0
    for number, text in _iter_text_lines(path, skipped):
        if not text.strip():
            continue
        cells = text.split("\t")
        if first:
            first = False
            if [c.strip().lower() for c in cells[-2:]] in _HEADERS:
                header_lines = number
                continue
        segment = _guard(_parse_tsv, skipped, path, number, cells, header_lines)
        if segment is not None:
            yield segment


def _check_columns(columns: list[str], path: str) -> None:
    for keys, name in ((SRC_KEYS, "en"), (TGT_KEYS, "ar")):
        if not any(key in columns for key in keys):
            raise InputError(f"no '{name}' column (also accepted: {'/'.join(keys)}; "
                             f"found: {', '.join(columns) or 'none'})", path)


def _read_parquet(path: str) -> Iterator[Segment]:
    """Row batches straight from the file: nothing cached, memory bounded by one batch."""
    import pyarrow.parquet as pq
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not parquet
        raise InputError(f"cannot read as parquet ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
    _check_columns(table.schema_arrow.names, path)
    row = 0
    for batch in table.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield _segment(record, str(row), path, None, row)
            row += 1


def _read_dataset(path: str) -> Iterator[Segment]:
    """A directory written by ``datasets``' ``save_to_disk`` (a DatasetDict: its first split)."""
    try:
        import datasets
    except ImportError:  # pragma: no cover - datasets is a dependency
        raise InputError("reading a datasets directory needs the 'datasets' package", path) from None
    try:
        loaded = datasets.load_from_disk(path)
        if isinstance(loaded, datasets.DatasetDict):
            loaded = loaded[next(iter(loaded))]
    except Exception as exc:  # datasets raises many types for a bad directory
        raise InputError(f"cannot read as a datasets directory ({type(exc).__name__}: {exc})".splitlines()[0],
                         path) from None
    _check_columns(list(loaded.column_names), path)
    for row, record in enumerate(loaded):
        yield _segment(record, str(row), path, None, row)


def read_pairs(path: str, skipped: Optional[list] = None) -> Iterator[Segment]:
    """Segments from a pairs file, in input order; the format is chosen by the file's suffix.
    With a ``skipped`` list, bad lines are noted there ("file:line: reason") and passed over."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    lower = path.lower()
    if os.path.isdir(path):
        return _read_dataset(path)
    if lower.endswith(".parquet"):
        return _read_parquet(path)
    if lower.endswith((".tsv", ".tab", ".txt")):
        return _read_tsv(path, skipped)
    return _read_jsonl(path, skipped)
