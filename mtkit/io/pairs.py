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


def _pick(record: dict, keys: tuple[str, ...]) -> Optional[str]:
    for key in keys:
        if key in record and record[key] is not None:
            return str(record[key])
    return None


def _segment(record: dict, index: int, path: str, line: Optional[int]) -> Segment:
    src, tgt = _pick(record, SRC_KEYS), _pick(record, TGT_KEYS)
    if src is None or tgt is None:
        missing = "en" if src is None else "ar"
        raise InputError(f"missing field '{missing}' (also accepted: {'/'.join(SRC_KEYS if src is None else TGT_KEYS)})", path, line)
    seg_id = record.get("id")
    return Segment(id=str(index) if seg_id is None else str(seg_id), src=src, tgt=tgt, line=line)


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


def _parse_jsonl(path: str, number: int, text: str, index: int) -> Segment:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", path, number) from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with 'en' and 'ar'", path, number)
    return _segment(record, index, path, number)


def _decode(raw: bytes, path: str, number: int) -> str:
    if b"\x00" in raw:
        raise InputError("binary data (NUL byte), expected UTF-8 text", path, number)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("invalid UTF-8", path, number) from None


def _read_jsonl(path: str, skipped: Optional[list]) -> Iterator[Segment]:
    index = 0
    for number, text in _iter_text_lines(path, skipped):
        if not text.strip():
            continue
        segment = _guard(_parse_jsonl, skipped, path, number, text, index)
        if segment is not None:
            yield segment
        index += 1


def _guard(parse, skipped: Optional[list], *args):
    """Parse one line; with a ``skipped`` list, a bad line is noted there instead of raised."""
    try:
        return parse(*args)
    except InputError as exc:
        if skipped is None:
            raise
        skipped.append(str(exc))
        return None


def _parse_tsv(path: str, number: int, text: str, index: int) -> Segment:
    cells = text.split("\t")
    if len(cells) == 2:
        record = {"en": cells[0], "ar": cells[1]}
    elif len(cells) == 3:
        record = {"id": cells[0], "en": cells[1], "ar": cells[2]}
    else:
        raise InputError(f"expected 2 or 3 tab-separated columns, found {len(cells)}", path, number)
    return _segment(record, index, path, number)


def _read_tsv(path: str, skipped: Optional[list]) -> Iterator[Segment]:
    index = 0
    for number, text in _iter_text_lines(path, skipped):
        if not text.strip():
            continue
        cells = text.split("\t")
        if number == 1 and [c.strip().lower() for c in cells[-2:]] in (["en", "ar"], ["src", "tgt"]):
            continue  # a header row
        segment = _guard(_parse_tsv, skipped, path, number, text, index)
        if segment is not None:
            yield segment
        index += 1


def _read_dataset(path: str) -> Iterator[Segment]:
    try:
        import datasets
    except ImportError:  # pragma: no cover - datasets is a dependency
        raise InputError("reading parquet/datasets needs the 'datasets' package", path) from None
    try:
        if os.path.isdir(path):
            loaded = datasets.load_from_disk(path)
            if isinstance(loaded, datasets.DatasetDict):
                loaded = loaded[next(iter(loaded))]
        else:
            loaded = datasets.Dataset.from_parquet(path)
    except Exception as exc:  # datasets raises many types for a bad file
        raise InputError(f"cannot read as a dataset ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
    for index, record in enumerate(loaded):
        yield _segment(record, index, path, None)


def read_pairs(path: str, skipped: Optional[list] = None) -> Iterator[Segment]:
    """Segments from a pairs file, in input order; the format is chosen by the file's suffix.
    With a ``skipped`` list, bad lines are noted there ("file:line: reason") and passed over."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    lower = path.lower()
    if os.path.isdir(path) or lower.endswith(".parquet"):
        return _read_dataset(path)
    if lower.endswith((".tsv", ".tab", ".txt")):
        return _read_tsv(path, skipped)
    return _read_jsonl(path, skipped)
