"""Pairs files: records with ``en``/``ar`` (or ``src``/``tgt``) and an optional ``id``, from any
table format that ``mtkit.io.tables`` reads, turned into segments one at a time."""
from __future__ import annotations

from typing import Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.tables import Record, columns, guard, read_records
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


def _segment(record: Record, path: str) -> Segment:
    where = "" if record.row is None else f"row {record.row}: "
    data, line = record.data, record.line
    src, tgt = _pick(data, SRC_KEYS, path, line, where), _pick(data, TGT_KEYS, path, line, where)
    if src is None or tgt is None:
        missing, accepted = ("en", SRC_KEYS) if src is None else ("ar", TGT_KEYS)
        raise InputError(f"{where}missing field '{missing}' (also accepted: {'/'.join(accepted)})", path, line)
    seg_id = data.get("id")
    return Segment(id=record.default_id if seg_id is None else str(seg_id), src=src, tgt=tgt, line=line)


def _check_columns(path: str) -> None:
    """A parquet file or datasets directory without the pair columns fails once, up front."""
    found = columns(path)
    if found is None:
        return
    for keys, name in ((SRC_KEYS, "en"), (TGT_KEYS, "ar")):
        if not any(key in found for key in keys):
            raise InputError(f"no '{name}' column (also accepted: {'/'.join(keys)}; "
                             f"found: {', '.join(found) or 'none'})", path)


def read_pairs(path: str, skipped: Optional[list] = None) -> Iterator[Segment]:
    """Segments from a pairs file, in input order. With a ``skipped`` list, bad lines are noted
    there ("file:line: reason") and passed over."""
    records = read_records(path, skipped)
    _check_columns(path)

    def segments() -> Iterator[Segment]:
        for record in records:
            segment = guard(_segment, skipped if record.line is not None else None, record, path)
            if segment is not None:
                yield segment
    return segments()
