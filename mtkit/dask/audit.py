"""Auditing on a Dask cluster.

The command line (``mtkit audit --pairs … --dask ADDRESS``) reads the pairs on the driver, exactly
as a local run does (same ids, same ``--skip-bad``), and sends the same chunks the local process
pool would audit to the workers; results come back in input order, so the output is the local
run's, byte for byte. For people already in Dask, :func:`audit_bag` maps a Bag or DataFrame of
pairs to flags lazily.

A worker selects the checks and loads the lexicons once per process (a cache keyed by the run's
settings, warmed by a worker plugin when the worker starts), not once per task.
"""
from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtkit.model import Flag, Segment, SegmentResult


@dataclass(frozen=True)
class AuditSettings:
    """What a worker needs to audit a chunk: the chosen checks and the checks' options."""
    only: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    options: dict = field(default_factory=dict, hash=False)

    @property
    def token(self) -> str:
        return hashlib.sha1(pickle.dumps((self.only, self.disable, self.options))).hexdigest()[:16]


# Per worker process: the selected checks of each run's settings (lexicons load on first use
# and stay loaded in the process).
_checks: dict[str, list] = {}


def _checks_for(settings: AuditSettings) -> list:
    token = settings.token
    if token not in _checks:
        from mtkit.checks import select
        _checks[token] = select(settings.only, settings.disable)
    return _checks[token]


def forget(settings: AuditSettings) -> None:
    """Drop a run's selected checks from this worker (the run is over)."""
    _checks.pop(settings.token, None)


def chunk_flags(settings: AuditSettings, chunk: Sequence[Segment]) -> list[list[Flag]]:
    """The flags of each segment of a chunk (runs on a worker; the driver keeps the segments)."""
    from mtkit.checks import run_checks
    from mtkit.model import with_fingerprints
    from mtkit.checks.document import analyze
    from mtkit.collector import fewer_full_collections
    checks = _checks_for(settings)
    with fewer_full_collections():      # as the local audit's chunks (mtkit/collector.py)
        return [with_fingerprints(run_checks(seg, checks), seg.segment)
                for seg in analyze(list(chunk), settings.options)]


def warm_up(settings: AuditSettings) -> None:
    """Audit one sentence so every check's lexicons are loaded before the first real chunk."""
    chunk_flags(settings, [Segment("warm-up", "He won hands down on 3 May 2024.", "فاز بسهولة في 3 مايو 2024.")])


def audit_chunks(chunks: Iterable[list[Segment]], settings: AuditSettings, address: str) -> Iterator[SegmentResult]:
    """Results in input order; the cluster lives as long as the iteration."""
    from mtkit.dask.cluster import dask_client, ordered
    from mtkit.dask.plugin import WarmUp

    plugin = WarmUp(settings)
    with dask_client(address) as client:
        client.register_plugin(plugin, name=plugin.name)
        try:
            tasks = ((chunk, (settings, chunk)) for chunk in chunks)
            for chunk, flags in ordered(client, tasks, chunk_flags, "mtkit-audit"):
                for seg, seg_flags in zip(chunk, flags):  # type: ignore[call-overload]
                    yield SegmentResult(seg, seg_flags)
        finally:
            client.unregister_worker_plugin(plugin.name)


# ---- the Python API for Dask users -------------------------------------------------------------

def _settings(checks: Sequence[str] | None, disable: Sequence[str], glossary: str | None) -> AuditSettings:
    from mtkit.checks import select
    from mtkit.io.glossary import read_glossary
    select(checks, disable)      # unknown names fail here, before the graph runs
    return AuditSettings(tuple(checks) if checks else None, tuple(disable),
                         {"glossary": read_glossary(glossary) if glossary else ()})


def _as_segment(record: Any, position: Any) -> Segment:
    if isinstance(record, Segment):
        return record
    from mtkit.io.pairs import DOC_KEYS, SRC_KEYS, TGT_KEYS
    src = next((record[k] for k in SRC_KEYS if record.get(k) is not None), None)
    tgt = next((record[k] for k in TGT_KEYS if record.get(k) is not None), None)
    if src is None or tgt is None:
        raise ValueError(f"pair {position}: needs 'en' and 'ar' (or src/tgt) fields")
    seg_id = record.get("id")
    doc = next((str(record[k]) for k in DOC_KEYS if record.get(k) is not None), None)
    return Segment(id=str(position if seg_id is None else seg_id), src=str(src), tgt=str(tgt), doc=doc)


def _audit_records(records: Iterable[Any], settings: AuditSettings) -> list[dict]:
    segments = [_as_segment(r, r.get("id", "") if isinstance(r, dict) else "") for r in records]
    return [SegmentResult(s, f).to_dict() for s, f in zip(segments, chunk_flags(settings, segments))]


FRAME_COLUMNS = ("id", "n_flags", "flags")


def _audit_frame(frame, settings: AuditSettings):
    import pandas as pd
    segments = [_as_segment(row, index) for index, row in zip(frame.index, frame.to_dict("records"))]
    flags = chunk_flags(settings, segments)
    return pd.DataFrame({"id": pd.Series([s.id for s in segments], index=frame.index, dtype="str"),
                         "n_flags": [len(f) for f in flags],
                         "flags": pd.Series([json.dumps([x.to_dict() for x in f], ensure_ascii=False) for f in flags],
                                            index=frame.index, dtype="str")},
                        index=frame.index)


def audit_bag(pairs, *, checks: Sequence[str] | None = None, disable: Sequence[str] = (),
              glossary: str | None = None):
    """Audit a Dask collection of pairs, lazily, one task per partition.

    - a ``dask.bag.Bag`` of dicts (``en``/``ar`` or ``src``/``tgt``, optional ``id``) or of
      :class:`mtkit.model.Segment`: returns a Bag of the contract's segment objects (``id``,
      ``src``, ``tgt``, ``flags``…), in the same order;
    - a ``dask.dataframe.DataFrame`` with those columns: returns a DataFrame with the same index
      and the columns ``id`` (the ``id`` column, else the index), ``n_flags`` and ``flags`` (the
      flags as a JSON array).

    ``checks``/``disable``/``glossary`` are those of :func:`mtkit.audit`.
    """
    from mtkit.dask.cluster import require
    require()
    import dask.bag as db
    import dask.dataframe as dd
    settings = _settings(checks, disable, glossary)
    if isinstance(pairs, db.Bag):
        return pairs.map_partitions(_audit_records, settings)
    if isinstance(pairs, dd.DataFrame):
        import pandas as pd
        # text columns as pandas' string dtype: an object column's placeholder has no parquet type
        meta = pd.DataFrame({"id": pd.Series(dtype="str"), "n_flags": pd.Series(dtype="int64"),
                             "flags": pd.Series(dtype="str")})
        return pairs.map_partitions(_audit_frame, settings, meta=meta)
    raise TypeError(f"audit_bag takes a dask Bag or DataFrame, not {type(pairs).__name__}")
