"""Paired significance tests through sacrebleu's own ``significance`` module (not reimplemented):
paired bootstrap resampling (``paired-bs``) and paired approximate randomization (``paired-ar``),
each with a 95% bootstrap confidence interval per system."""
from __future__ import annotations

from typing import Any, Sequence

from mtkit.score.result import Comparison

METHODS = {"paired-bs": "bs", "paired-ar": "ar"}
CONFIDENCE_SAMPLES = 1000   # bootstrap resamples for the intervals of the AR test (sacrebleu's default)


def paired_test(method: str, named_systems: Sequence[tuple[str, Sequence[str]]], metrics: dict,
                n_samples: int = 0) -> tuple[list[Comparison], dict[str, dict[str, tuple[float, float]]]]:
    """Compare every system with the first one (the baseline).

    ``metrics`` maps mtkit's metric key to a sacrebleu metric whose references are cached.
    Returns the comparisons and each system's 95% interval per metric.
    """
    from sacrebleu.significance import PairedTest
    if method not in METHODS:
        raise ValueError(f"unknown significance test {method!r} (known: {', '.join(METHODS)})")
    test = PairedTest(list(named_systems), metrics, references=None, test_type=METHODS[method],
                      n_samples=n_samples, n_ar_confidence=CONFIDENCE_SAMPLES)
    signatures, results = test()
    # PairedTest keys its results by sacrebleu's score names (BLEU, chrF2, TER), in metric order
    score_names = [key for key in results if key != "System"]
    names: list[str] = [str(name) for name in results["System"]]
    baseline = names[0]
    comparisons: list[Comparison] = []
    intervals: dict[str, dict[str, tuple[float, float]]] = {name: {} for name in names}
    for metric, score_name in zip(metrics, score_names):
        column: list[Any] = list(results[score_name])
        signature = signatures[score_name].format()
        for name, result in zip(names, column):
            if result.mean is not None and result.ci is not None:
                intervals[name][metric] = (float(result.mean - result.ci), float(result.mean + result.ci))
        for name, result in zip(names[1:], column[1:]):
            comparisons.append(Comparison(
                system=name, baseline=baseline, metric=metric,
                delta=float(result.score - column[0].score), p_value=float(result.p_value),
                method=method, ci=intervals[name].get(metric), signature=signature))
    return comparisons, intervals
