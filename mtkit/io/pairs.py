"""Pairs files: one file holding both sides. CAT files (XLIFF, TMX, PO) through their readers;
records with ``en``/``ar`` (or ``src``/``tgt``…) and an optional ``id`` from any table format that
``mtkit.io.tables`` reads. Turned into segments one at a time."""
from __future__ import annotations

import importlib
import os
import re
from collections import Counter
from typing import Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.tables import Record, columns, guard, read_records
from mtkit.model import Segment

SRC_KEYS = ("en", "src", "source", "english")
TGT_KEYS = ("ar", "tgt", "target", "arabic")
DOC_KEYS = ("doc", "document")     # optional: pairs of one document are read together (names)
CAT_FORMATS = ("xliff", "tmx", "po")
# JSON can spell a lone surrogate (\ud800), which no UTF-8 output can carry.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str, key: str, path: str, line: Optional[int], where: str) -> str:
    found = _SURROGATE.search(value)
    if found:
        raise InputError(f"{where}field '{key}' holds a lone surrogate (U+{ord(found.group()):04X}), "
                         "which is not text", path, line)
    return value


def _pick(record: dict, keys: tuple[str, ...], path: str, line: Optional[int], where: str) -> Optional[str]:
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(f"{where}field '{key}' must be a string, not {type(value).__name__}", path, line)
        return _text(str(value), key, path, line, where)
    return None


def _id(data: dict, default: str, path: str, line: Optional[int], where: str) -> str:
    value = data.get("id")
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}field 'id' must be a string or an integer, not {type(value).__name__}",
                         path, line)
    return _text(str(value), "id", path, line, where)


def _segment(record: Record, path: str, names: Optional[tuple[str, ...]] = None) -> Segment:
    where = "" if record.row is None else f"row {record.row + 1}: "
    data, line = record.data, record.line
    if names:
        data = _renamed(data, names, path, line)
    src, tgt = _pick(data, SRC_KEYS, path, line, where), _pick(data, TGT_KEYS, path, line, where)
    if src is None or tgt is None:
        missing, accepted = ("en", SRC_KEYS) if src is None else ("ar", TGT_KEYS)
        raise InputError(f"{where}missing field '{missing}' (also accepted: {'/'.join(accepted)})", path, line)
    doc = _pick(data, DOC_KEYS, path, line, where)
    return Segment(id=_id(data, record.default_id, path, line, where), src=src, tgt=tgt, line=line, doc=doc)


def parse_columns(text: Optional[str]) -> Optional[tuple[str, ...]]:
    """``--columns EN,AR[,ID]``: the names of the source, target and (optional) id columns."""
    if text is None:
        return None
    names = tuple(n.strip() for n in text.split(","))
    if len(names) not in (2, 3) or not all(names):
        raise InputError(f"--columns: expected EN,AR or EN,AR,ID column names, not '{text}'")
    return names


def _renamed(data: dict, names: tuple[str, ...], path: str, line: Optional[int]) -> dict:
    missing = [n for n in names if n not in data]
    if missing:
        raise InputError(f"--columns: no column '{missing[0]}' (columns: {', '.join(map(str, data))})", path, line)
    out = {"en": data[names[0]], "ar": data[names[1]]}
    out["id"] = data[names[2]] if len(names) == 3 else data.get("id")
    return out


def _check_columns(path: str) -> None:
    """A parquet file or datasets directory without the pair columns fails once, up front."""
    found = columns(path)
    if found is None:
        return
    for keys, name in ((SRC_KEYS, "en"), (TGT_KEYS, "ar")):
        if not any(key in found for key in keys):
            raise InputError(f"no '{name}' column (also accepted: {'/'.join(keys)}; "
                             f"found: {', '.join(found) or 'none'})", path)


def _translated_units(fmt: str, path: str, untranslated: Optional[Counter[str]]) -> Iterator[Segment]:
    """The segments of a CAT file (XLIFF, PO, TMX: each module's ``load`` and ``units``), read
    lazily as a table's lines are."""
    reader = importlib.import_module(f"mtkit.io.{fmt}")
    for _unit, segment in reader.units(reader.load(path), path, untranslated=untranslated):
        yield segment


def read_pairs(path: str, skipped: Optional[list] = None, *, fmt: Optional[str] = None,
               columns: Optional[tuple[str, ...]] = None,
               untranslated: Optional[Counter[str]] = None) -> Iterator[Segment]:
    """Segments from a pairs file, in input order; the format is found from the content unless
    ``fmt`` forces one, ``columns`` names a table's source, target (and id) columns. With a
    ``skipped`` list, bad lines are noted there ("file:line: reason") and passed over. Ids must be
    unique: a repeated id is a bad line (results, waivers and annotations are keyed by it). The
    units of a CAT file with no translation are passed over, counted in ``untranslated[path]``."""
    from mtkit.io.formats import pairs_format
    if not os.path.exists(path):
        raise InputError("no such file", path)
    fmt = pairs_format(path, fmt)
    if fmt in CAT_FORMATS:
        return _translated_units(fmt, path, untranslated)
    records = read_records(path, skipped, fmt)
    if columns is None:
        _check_columns(path)

    def segments() -> Iterator[Segment]:
        first_seen: dict[str, int] = {}   # id -> its line (or row): ~100 bytes per pair
        for record in records:
            segment = guard(_unique_segment, skipped, record, path, first_seen, columns)
            if segment is not None:
                yield segment
    return segments()


def _unique_segment(record: Record, path: str, first_seen: dict[str, int],
                    columns: Optional[tuple[str, ...]] = None) -> Segment:
    segment = _segment(record, path, columns)
    if segment.id in first_seen:
        kind, prefix = ("line", "") if record.row is None else ("row", f"row {record.row + 1}: ")
        raise InputError(f"{prefix}duplicate id '{segment.id}' (first used on {kind} {first_seen[segment.id]})",
                         path, record.line)
    first_seen[segment.id] = record.line if record.row is None else record.row + 1  # type: ignore[assignment]
    return segment
