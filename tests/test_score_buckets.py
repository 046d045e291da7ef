"""compare-mt's analyses (``mtkit score --analyze``): length and frequency buckets, n-gram
differences and the most disagreeing segments, checked against hand-counted small inputs."""
from __future__ import annotations

import json

import pytest

import mtkit
from mtkit.score.buckets import by_frequency, by_length, disagreements, ngram_differences, zipf


def test_length_buckets_average_segment_chrf():
    src = ["a " * 5, "a " * 12, "a " * 15, "a " * 45]
    buckets = by_length(src, {"x": [10.0, 20.0, 40.0, 80.0]}, {})
    assert [(b.label, b.count) for b in buckets] == [("<10", 1), ("10–19", 2), ("20–29", 0), ("30–39", 0), ("40+", 1)]
    assert buckets[1].values["x"]["chrf"] == 30.0 and "chrf" not in buckets[2].values["x"]


def test_frequency_f_measure_by_bucket():
    common, rare = "في", "زنجبيلي"
    assert zipf(common) >= 5 and zipf(rare) < 2
    buckets = by_frequency([f"{common} {rare}"], {"good": [f"{common} {rare}"], "half": [f"{common} قرقيطون"]})
    five, low = buckets[-1], buckets[0]
    assert five.count == 1 and low.count == 1
    assert five.values["half"]["f"] == 100.0 and low.values["half"]["recall"] == 0.0
    assert low.values["good"]["f"] == 100.0


def test_ngram_differences_rank_by_smoothed_share():
    refs = ["القط الأسود نائم", "القط الأسود نائم"]
    diff = ngram_differences(refs, {"a": ["القط نائم", "القط نائم"], "b": refs}, "a")[0]
    assert diff.system == "b" and diff.baseline_better == []
    assert ("القط الأسود نائم", 2, 0) in diff.system_better and ("الأسود", 2, 0) in diff.system_better
    assert all(a > b for _g, a, b in diff.system_better)


def test_disagreements_by_chrf_else_by_penalty():
    systems = {"a": ["x", "y", "z"], "b": ["x", "q", "z"]}
    chrf = {"a": [50.0, 90.0, 10.0], "b": [50.0, 20.0, 30.0]}
    found = disagreements(["s1", "s2", "s3"], ["r1", "r2", "r3"], systems, "a", chrf, {}, {}, 5)
    assert [(d.index, d.gap) for d in found] == [(1, 70.0), (2, 20.0)]
    assert found[0].outputs == {"a": "y", "b": "q"} and found[0].src == "s2"


def test_score_analyze_on_the_seed(corpora, run_mtkit):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    result = mtkit.score(fixed, [mt, fixed], src=en, audit=True, analyze=True, disagree=3, n_samples=100)
    analysis = result.analysis
    assert sum(b.count for b in analysis.length) == 18
    assert analysis.ngrams[0].baseline_better == []          # the corrected text is the reference
    assert len(analysis.disagreements) == 3 and analysis.disagreements[0].flags["musk-trump"]
    free = run_mtkit("score", "--src", en, mt, fixed, "--audit", "--analyze", "-f", "json", "-q")
    data = json.loads(free.stdout)["analysis"]
    assert data["frequency"]["buckets"] == [] and data["ngrams"] == []
    assert data["disagreements"][0]["measure"] == "penalty" and data["length"]["buckets"][0]["values"]
    text = run_mtkit("score", "--src", en, "--ref", fixed, mt, fixed, "--analyze", "-q")
    assert "word f-measure by frequency" in text.stdout and "segments where the systems disagree most" in text.stdout


@pytest.mark.parametrize("fmt", ["md"])
def test_markdown_sections(corpora, run_mtkit, fmt):
    en, mt, fixed = (str(corpora / n) for n in ("musk-trump.en.txt", "musk-trump.ar.txt", "musk-trump.corrected.ar.txt"))
    out = run_mtkit("score", "--src", en, "--ref", fixed, mt, fixed, "--analyze", "-f", fmt, "-q")
    assert "### By sentence length" in out.stdout and "### N-grams musk-trump-2 matches more often" in out.stdout
