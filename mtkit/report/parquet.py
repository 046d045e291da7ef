"""``-f parquet -o DIR/``: an audit as a directory of parquet files, for audits too large for one
JSON file and for reading back with Dask, pandas or DuckDB (``dd.read_parquet("DIR/")``).

One row per segment, in input order, across ``part-00000.parquet``, ``part-00001.parquet``… of
``ROWS_PER_FILE`` rows each, with one schema: ``id``, ``src``, ``tgt``, ``src_units``,
``tgt_units``, ``line`` and ``flags`` (the segment's flags as the JSON array of the contract, so
new flag fields never change the schema). ``_summary.json`` holds what the JSON Lines output's
last line holds (parquet readers skip names starting with ``_``). The directory appears whole or
not at all: it is written beside the target under a temporary name and renamed into place
(replacing an earlier output directory)."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator

from mtkit.errors import InputError
from mtkit.model import AuditResult, Tally
from mtkit.report import writer
from mtkit.report.jsonl import closing_record

ROWS_PER_FILE = 100_000


def _schema():
    import pyarrow as pa
    return pa.schema([("id", pa.string()), ("src", pa.string()), ("tgt", pa.string()),
                      ("src_units", pa.list_(pa.int32())), ("tgt_units", pa.list_(pa.int32())),
                      ("line", pa.int64()), ("flags", pa.string())])


@contextlib.contextmanager
def atomic_directory(path: str) -> Iterator[str]:
    """A temporary directory beside ``path``, renamed to ``path`` when the block succeeds."""
    target = os.path.abspath(path)
    if os.path.exists(target) and not os.path.isdir(target):
        raise InputError("exists and is not a directory (-f parquet writes a directory)", path)
    try:
        tmp = tempfile.mkdtemp(prefix=".mtkit-", dir=os.path.dirname(target))
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path) from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if os.path.exists(target):
            old = tempfile.mkdtemp(prefix=".mtkit-old-", dir=os.path.dirname(target))
            os.replace(target, os.path.join(old, "previous"))
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_parquet(result: AuditResult, path: str, rows_per_file: int = ROWS_PER_FILE) -> None:
    """Write the audit (its segments may be a stream) as a parquet directory at ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = _schema()
    tally = Tally()
    with atomic_directory(path) as tmp:
        batch: list[dict] = []
        part = 0

        def flush() -> None:
            nonlocal part, batch
            pq.write_table(pa.Table.from_pylist(batch, schema=schema), os.path.join(tmp, f"part-{part:05d}.parquet"))
            part, batch = part + 1, []

        for seg in result.segments:
            tally.add(seg)
            data = seg.to_dict()
            batch.append({"id": data["id"], "src": data["src"], "tgt": data["tgt"],
                          "src_units": data["src_units"], "tgt_units": data["tgt_units"],
                          "line": data.get("line"), "flags": json.dumps(data["flags"], ensure_ascii=False)})
            if len(batch) >= rows_per_file:
                flush()
        if batch or part == 0:
            flush()
        with open(os.path.join(tmp, "_summary.json"), "w", encoding="utf-8") as out:
            out.write(json.dumps(closing_record(result, tally), ensure_ascii=False) + "\n")


@writer("parquet", AuditResult)
def _not_a_stream(result: AuditResult, stream, **_options) -> None:
    raise InputError("-f parquet writes a directory: give -o DIR/")
