"""The audit flow: segments (aligned beads or pairs) → analysis → checks → results.

Work goes in ordered chunks through a process pool, so any ``--jobs`` gives the same output and
memory stays flat however long the pairs file is.
"""
from __future__ import annotations

import itertools
import os
from typing import TYPE_CHECKING, Iterable, Iterator, NamedTuple, Optional, Sequence

from mtkit.checks import Check, run_checks, select
from mtkit.collector import fewer_full_collections
from mtkit.checks.document import analyze, document_chunks
from mtkit.model import Alignment, Segment, SegmentResult, with_fingerprints

if TYPE_CHECKING:
    import threading
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

CHUNK = 256


def segments_from_alignment(alignment: Alignment, line_of_tgt_unit: Optional[Sequence[int]] = None) -> list[Segment]:
    """One segment per bead, numbered from 1; ``line_of_tgt_unit`` gives each Arabic unit's
    1-based file line."""
    out = []
    for k, bead in enumerate(alignment.beads):
        line = None
        if line_of_tgt_unit is not None and bead.tgt:
            line = line_of_tgt_unit[bead.tgt[0]]
        out.append(Segment(id=str(k + 1), src=" ".join(alignment.src_units[i] for i in bead.src),
                           tgt=" ".join(alignment.tgt_units[j] for j in bead.tgt),
                           src_units=bead.src, tgt_units=bead.tgt, score=bead.score, line=line,
                           doc=""))          # the two files are one document
    return out


# The worker's state: checks are chosen once per process, not once per chunk.
_worker_checks: list[Check] = []
_worker_options: dict = {}


def _init_worker(only, disable, options, in_pool: bool = False) -> None:
    global _worker_checks, _worker_options
    if in_pool:
        from mtkit.cli.edge import reset_signals_in_worker
        reset_signals_in_worker()
    _worker_checks = select(only, disable)
    _worker_options = options


def _audit_chunk(chunk: list[Segment]) -> list[SegmentResult]:
    with fewer_full_collections():      # (the word memos make full collections costly: mtkit/collector.py)
        return [SegmentResult(seg.segment, with_fingerprints(run_checks(seg, _worker_checks), seg.segment))
                for seg in analyze(chunk, _worker_options)]


def audit_segments(segments: Iterable[Segment], *, only=None, disable=(), options: Optional[dict] = None,
                   jobs: int = 1, dask: str | None = None) -> Iterator[SegmentResult]:
    """Results in input order, streaming. ``dask``: a scheduler address (or ``local[:N]``) to
    audit the chunks on a Dask cluster instead of local processes."""
    options = options or {}
    select(only, disable)  # unknown names fail here, in the caller's process
    chunks = document_chunks(segments, CHUNK)      # a document is never cut between workers
    if dask is not None:
        from mtkit.dask.audit import AuditSettings, audit_chunks
        settings = AuditSettings(tuple(only) if only else None, tuple(disable), options)
        yield from audit_chunks(chunks, settings, dask)
        return
    first = next(chunks, [])
    second = next(chunks, None)
    chunks = itertools.chain([first], [second] if second is not None else [], chunks)
    # One chunk (a short document): starting workers would cost more than the work itself.
    if jobs <= 1 or second is None:
        _init_worker(only, disable, options)
        for chunk in chunks:
            yield from _audit_chunk(chunk)
        return
    from concurrent.futures import ProcessPoolExecutor       # only here: a short run never starts workers
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(only, disable, options, True))
    try:
        # keep a bounded number of chunks in flight, in order
        pending = []
        for chunk in chunks:
            pending.append(pool.submit(_audit_chunk, chunk))
            if len(pending) >= jobs * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
    except BaseException:   # an error, Ctrl-C, SIGTERM, or the reader stopped: stop the workers now
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers at once (shutdown alone waits for running chunks)."""
    internals = pool_internals(pool)          # (taken before shutdown, which forgets them)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in internals.processes:
        if process.is_alive():
            process.terminate()
    for process in internals.processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=1)
    # A worker ended while it was sending a chunk's results leaves the pool's manager thread reading
    # the rest for ever (this process holds the pipe's other end too), and the interpreter's exit joins
    # that thread: the process would hang after Ctrl-C. Closing that end makes the read fail at once.
    if internals.result_writer is not None:
        internals.result_writer.close()
    # and let the manager thread finish closing its wakeup pipe: on Python 3.11 the atexit hook may
    # otherwise write to it while it closes ("Exception ignored … Bad file descriptor" after
    # `mtkit audit … | head -1`)
    if internals.manager is not None:
        internals.manager.join(timeout=5)


class PoolInternals(NamedTuple):
    processes: list[BaseProcess]                 # the worker processes
    manager: Optional[threading.Thread]          # the thread that reads the workers' results
    result_writer: Optional[Connection]          # this process's end of the pipe the results come on


def pool_internals(pool: ProcessPoolExecutor) -> PoolInternals:
    """The parts of a process pool that ``_stop`` needs and that ``concurrent.futures`` does not make
    public (the one place mtkit reads private stdlib attributes). CPython 3.10-3.13 has them all;
    3.14's public ``terminate_workers`` ends the workers but neither closes the result pipe nor
    names the manager thread. Guarded: on a Python without one of them, that part reads as empty
    (``_stop`` then ends the workers and may wait), and tests/test_reliability.py fails at once."""
    results = getattr(pool, "_result_queue", None)
    return PoolInternals(processes=list((getattr(pool, "_processes", None) or {}).values()),
                         manager=getattr(pool, "_executor_manager_thread", None),
                         result_writer=getattr(results, "_writer", None))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
