"""Tables of records: JSON Lines, TSV, CSV with a header, parquet, or a local Hugging Face
``datasets`` directory.

Read lazily, one record at a time, so a file of any size streams. Pairs files (``read_pairs``)
and score inputs (``mtkit.score.inputs``) are both read through here."""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.inputs import open_input
from mtkit.io.jsontext import json_of
from mtkit.extras import require

# A TSV's first line is a header when its cells are column names and one of them is known.
KNOWN_COLUMNS = frozenset({"id", "en", "ar", "src", "tgt", "source", "target", "ref", "hyp", "mt", "sys"})
_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
# Without a header, a TSV is the contract's pairs layout.
POSITIONAL = {2: ("en", "ar"), 3: ("id", "en", "ar")}


@dataclass(frozen=True)
class Record:
    data: dict
    default_id: str          # 1-based: the file line (JSONL, TSV, CSV) or the row (tables)
    line: Optional[int]      # 1-based line in a text file; None for parquet/datasets rows
    row: Optional[int] = None


def guard(func, skipped: Optional[list], *args):
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


def _text_lines(path: str, skipped: Optional[list]) -> Iterator[tuple[int, str]]:
    try:
        stream = open_input(path)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            text = guard(_decode, skipped, raw, path, number)
            if text is None:
                continue
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text.rstrip("\r\n")


def _jsonl_record(path: str, number: int, text: str) -> Record:
    data = json_of(text, path, number)
    if not isinstance(data, dict):
        raise InputError("expected a JSON object per line", path, number)
    return Record(data, str(number), number)


def _read_jsonl(path: str, skipped: Optional[list]) -> Iterator[Record]:
    """Blank lines are skipped; the default id is the 1-based line number."""
    for number, text in _text_lines(path, skipped):
        if text.strip():
            record = guard(_jsonl_record, skipped, path, number, text)
            if record is not None:
                yield record


def _tsv_record(path: str, number: int, cells: list[str], header: Optional[tuple[str, ...]]) -> Record:
    names = header or POSITIONAL.get(len(cells))
    if names is None or len(cells) != len(names):
        expected = len(header) if header else "2 or 3"
        raise InputError(f"expected {expected} tab-separated columns, found {len(cells)}", path, number)
    data: dict[str, Optional[str]] = dict(zip(names, cells))
    if data.get("id") == "":
        data["id"] = None
    return Record(data, str(number), number)


def _is_header(cells: list[str]) -> bool:
    names = [c.strip() for c in cells]
    return all(_NAME.match(n) for n in names) and any(n.lower() in KNOWN_COLUMNS for n in names)


def _read_tsv(path: str, skipped: Optional[list]) -> Iterator[Record]:
    """A header on the first non-blank line names the columns; without one, ``en<TAB>ar`` or
    ``id<TAB>en<TAB>ar``. The default id is the 1-based line number."""
    header: Optional[tuple[str, ...]] = None
    first = True
    for number, text in _text_lines(path, skipped):
        if not text.strip():
            continue
        cells = text.split("\t")
        if first:
            first = False
            if _is_header(cells):
                header = tuple(c.strip().lower() if c.strip().lower() in KNOWN_COLUMNS else c.strip() for c in cells)
                continue
        record = guard(_tsv_record, skipped, path, number, cells, header)
        if record is not None:
            yield record


def _read_parquet(path: str) -> Iterator[Record]:
    """Row batches straight from the file: nothing cached, memory bounded by one batch."""
    require("datasets", "reading a parquet file", ("pyarrow",), path)
    import pyarrow.parquet as pq
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not parquet
        raise InputError(f"cannot read as parquet ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
    row = 0
    for batch in table.iter_batches(batch_size=1024):
        for data in batch.to_pylist():
            yield Record(data, str(row + 1), None, row)
            row += 1


def _read_dataset(path: str) -> Iterator[Record]:
    """A directory written by ``datasets``' ``save_to_disk`` (a DatasetDict: its first split)."""
    require("datasets", "reading a datasets directory", path=path)
    import datasets
    try:
        loaded = datasets.load_from_disk(path)
        if isinstance(loaded, datasets.DatasetDict):
            loaded = loaded[next(iter(loaded))]
    except Exception as exc:  # datasets raises many types for a bad directory
        raise InputError(f"cannot read as a datasets directory ({type(exc).__name__}: {exc})".splitlines()[0],
                         path) from None
    for row, data in enumerate(loaded):
        yield Record(data, str(row + 1), None, row)


def _read_csv(path: str, skipped: Optional[list]) -> Iterator[Record]:
    """A CSV file whose first row names the columns (spreadsheets export one); quoted cells may
    hold commas and line breaks, so the file is read through the csv module, line by line."""
    lines = ((number, text + "\n") for number, text in _text_lines(path, skipped))
    numbers: list[int] = []

    def feed():
        for number, text in lines:
            numbers.append(number)
            yield text
    reader = csv.reader(feed())
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [c.strip().lower() if c.strip().lower() in KNOWN_COLUMNS else c.strip() for c in header]
        done = len(numbers)
        for cells in reader:
            # a quoted cell may span lines: a record is numbered by its first line, as its id and in messages
            number, done = numbers[done], len(numbers)
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                error = InputError(f"expected {len(names)} comma-separated columns, found {len(cells)}", path, number)
                if skipped is None:
                    raise error
                skipped.append(str(error))
                continue
            data: dict = dict(zip(names, cells))
            if data.get("id") == "":
                data["id"] = None
            yield Record(data, str(number), number)
    except csv.Error as exc:
        raise InputError(f"CSV: {exc}", path, numbers[-1] if numbers else None) from None


def columns(path: str) -> Optional[list[str]]:
    """The column names of a parquet file or datasets directory (None for text tables)."""
    if os.path.isdir(path):
        require("datasets", "reading a datasets directory", path=path)
        import datasets
        try:
            loaded = datasets.load_from_disk(path)
        except Exception:
            return None
        if isinstance(loaded, datasets.DatasetDict):
            loaded = loaded[next(iter(loaded))]
        return list(loaded.column_names)
    if path.lower().endswith(".parquet"):
        require("datasets", "reading a parquet file", ("pyarrow",), path)
        import pyarrow.parquet as pq
        try:
            return list(pq.ParquetFile(path).schema_arrow.names)
        except Exception:
            return None
    return None


def read_records(path: str, skipped: Optional[list] = None, fmt: Optional[str] = None) -> Iterator[Record]:
    """Records of a table file, in order; the format is found from the content (``fmt`` forces
    one of jsonl, tsv, csv, parquet, datasets). With a ``skipped`` list, bad lines are noted there
    ("file:line: reason") and passed over."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    if fmt is None:
        from mtkit.io.formats import pairs_format
        fmt = pairs_format(path)
    if fmt == "datasets":
        return _read_dataset(path)
    if fmt == "parquet":
        return _read_parquet(path)
    if fmt == "tsv":
        return _read_tsv(path, skipped)
    if fmt == "csv":
        return _read_csv(path, skipped)
    return _read_jsonl(path, skipped)
