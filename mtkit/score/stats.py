"""Corpus scores from sufficient statistics computed per partition and summed.

BLEU, chrF and TER are corpus statistics: sacrebleu extracts one statistics row per segment and
sums the rows (``sum_of_lists``) before computing the score. Each partition of the test set is
scored by sacrebleu itself (``_extract_corpus_statistics`` with that partition's references
cached), the partition sums are added on the driver in order, and sacrebleu's own
``_compute_score_from_stats`` turns the total into the score. Integer statistics (BLEU, chrF,
TER with one reference) sum exactly in any grouping, so the scores equal sacrebleu's to the last
digit; TER with several references averages reference lengths into fractions, whose float sum
depends on the order, so its rows are sent back and summed one by one as sacrebleu does.

Partitions run on local processes (``jobs``) or on a Dask cluster (``dask``); the per-segment
chrF comes back with each partition. Significance tests stay on the driver.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mtkit.score.metrics import build_metrics
from mtkit.score.result import MetricScore

# Lines per partition: large enough that a task's cost dwarfs its scheduling, small enough that
# several partitions per worker balance the load and that sacrebleu's cache of the partition's
# references (BLEU's and chrF's n-grams: about 50 KB a line) keeps a worker near 650 MB.
MIN_PARTITION, MAX_PARTITION = 2_000, 10_000


@dataclass
class PartitionStats:
    """One partition's statistics: per system and metric, the sum of the rows (or the rows
    themselves where only sacrebleu's order of summing is exact), and the per-segment chrF."""
    sums: list[dict[str, list]]
    rows: list[dict[str, list]]
    chrf: list[list[float]]


def _exact_by_sum(metric: str, n_refs: int) -> bool:
    return metric != "ter" or n_refs == 1


def partition_stats(refs: Sequence[Sequence[str]], systems: Sequence[Sequence[str]],
                    metrics: Sequence[str], options: dict | None) -> PartitionStats:
    """Statistics of one partition (runs in a worker): ``refs`` and each system's lines are the
    partition's slices."""
    from sacrebleu.utils import sum_of_lists
    scorers = build_metrics(metrics, options, [list(r) for r in refs])
    sums: list[dict[str, list]] = []
    rows: list[dict[str, list]] = []
    chrf: list[list[float]] = []
    for hyps in systems:
        system_sums, system_rows, segment_chrf = {}, {}, []
        for metric, scorer in scorers.items():
            stats = scorer._extract_corpus_statistics(list(hyps), None)
            if _exact_by_sum(metric, len(refs)):
                system_sums[metric] = list(sum_of_lists(stats)) if stats else []
            else:
                system_rows[metric] = stats
            if metric == "chrf":
                segment_chrf = [float(scorer._compute_score_from_stats(s).score) for s in stats]
        sums.append(system_sums)
        rows.append(system_rows)
        chrf.append(segment_chrf)
    return PartitionStats(sums, rows, chrf)


def _add(total: list | None, values: list) -> list:
    if total is None:
        return list(values)
    for i, value in enumerate(values):
        total[i] += value
    return total


def _total(parts: Sequence[PartitionStats], system: int, metric: str) -> list:
    """sacrebleu's ``sum_of_lists`` over all rows of all partitions, in order: the same value
    (and type) it gives on the whole corpus."""
    total: list | None = None
    first_type: Any = None
    for part in parts:
        if metric in part.sums[system]:
            values = part.sums[system][metric]
            if values:
                first_type = first_type or type(values[0])
                total = _add(total, values)
        else:
            for row in part.rows[system][metric]:
                first_type = first_type or type(row[0])
                total = _add(total, row)
    if total is None:
        raise ValueError("no segments to score")
    # sum_of_lists starts from the first row's type (an int total stays int, a float one float)
    return [first_type(v) if first_type is float else v for v in total]


def partitions(n: int, workers: int, size: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` line ranges: about four per worker, within the partition size bounds."""
    if size is None:
        size = min(MAX_PARTITION, max(MIN_PARTITION, math.ceil(n / (4 * max(1, workers)))))
    return [(start, min(n, start + size)) for start in range(0, n, size)]


# The local pool's inputs, inherited by forked workers (nothing is pickled on the way in).
_inputs: tuple = ()


def _local_partition(span: tuple[int, int]) -> PartitionStats:
    refs, systems, metrics, options = _inputs
    start, end = span
    return partition_stats([r[start:end] for r in refs], [s[start:end] for s in systems], metrics, options)


def _run_local(refs, systems, metrics, options, jobs: int, size: int | None) -> list[PartitionStats]:
    import multiprocessing
    global _inputs
    spans = partitions(len(refs[0]), jobs, size)
    if jobs <= 1 or len(spans) == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [partition_stats([r[a:b] for r in refs], [s[a:b] for s in systems], metrics, options)
                for a, b in spans]
    _inputs = (refs, systems, metrics, options)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(spans))) as pool:
            return pool.map(_local_partition, spans, chunksize=1)
    finally:
        _inputs = ()


def _run_dask(refs, systems, metrics, options, address: str, size: int | None) -> list[PartitionStats]:
    from mtkit.dask.cluster import dask_client, ordered
    with dask_client(address) as client:
        workers = sum(client.nthreads().values()) or 1
        spans = partitions(len(refs[0]), workers, size)
        tasks: Iterator = (((a, b), ([r[a:b] for r in refs], [s[a:b] for s in systems], metrics, options))
                           for a, b in spans)
        return [part for _, part in ordered(client, tasks, partition_stats, "mtkit-score")]  # type: ignore[misc]


def corpus_scores(refs: Sequence[Sequence[str]], systems: dict[str, Sequence[str]], metrics: Sequence[str],
                  options: dict | None = None, *, jobs: int = 1, dask: str | None = None,
                  partition_size: int | None = None, segment_chrf: bool = True,
                  ) -> dict[str, tuple[dict[str, MetricScore], list[float]]]:
    """Per system: the requested metrics' corpus scores (sacrebleu's numbers and signatures)
    and the per-segment chrF, from partition statistics. ``segment_chrf``: compute chrF even when
    it is not among ``metrics`` (else the per-segment chrF is empty then)."""
    names = list(systems)
    computed = list(dict.fromkeys(list(metrics) + (["chrf"] if segment_chrf else [])))
    lines = [list(systems[n]) for n in names]
    ref_lists = [list(r) for r in refs]
    if dask is not None:
        parts = _run_dask(ref_lists, lines, computed, options, dask, partition_size)
    else:
        parts = _run_local(ref_lists, lines, computed, options, jobs, partition_size)
    # the signature's reference count is settled by caching references; one line suffices
    scorers = build_metrics(computed, options, [r[:1] for r in ref_lists])
    out: dict[str, tuple[dict[str, MetricScore], list[float]]] = {}
    for k, name in enumerate(names):
        scores = {}
        for metric in metrics:
            value = scorers[metric]._compute_score_from_stats(_total(parts, k, metric))
            scores[metric] = MetricScore(float(value.score), scorers[metric].get_signature().format(), value.name)
        out[name] = (scores, [c for part in parts for c in part.chrf[k]])
    return out

