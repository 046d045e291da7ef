"""Where systems differ (compare-mt's analyses, Neubig et al. 2019): scores bucketed by sentence
length and by word frequency, the n-grams one system matches in the reference and the other does
not, and the segments where the systems disagree most, side by side with their flags.

Length buckets count source words (so they exist without a reference). Word frequency is
wordfreq's Zipf value of the Arabic word (mtkit/text/lexicon.py) (no training data is at hand, so general-language
frequency stands in for compare-mt's training counts). Words are ``\\w+`` runs, as compare-mt
splits on whitespace after tokenization.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from mtkit.text import lexicon

if TYPE_CHECKING:
    from mtkit.model import SegmentResult
    from mtkit.score.profile import Profile
    from mtkit.score.result import SystemScore

LENGTH_EDGES = (10, 20, 30, 40)             # source words: <10, 10–19, 20–29, 30–39, 40+
ZIPF_EDGES = (2.0, 3.0, 4.0, 5.0)           # <2 (rare or unknown), 2–3, 3–4, 4–5, 5+ (very common)
NGRAM_ORDER = 4
NGRAM_TOP = 10
SMOOTHING = 1.0                              # compare-mt's alpha in (m1 + a) / (m1 + m2 + 2a)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def _labels(edges: tuple[float, ...], whole: bool = False) -> list[str]:
    """``<10, 10–19, …, 40+`` for whole numbers; ``<2, 2–3, …, 5+`` for Zipf values."""
    out = [f"<{edges[0]:g}"]
    out += [f"{a:g}–{b - 1 if whole else b:g}" for a, b in pairwise(edges)]
    return out + [f"{edges[-1]:g}+"]


def zipf(word: str) -> float:
    return lexicon.zipf(word, "ar")


@dataclass
class Bucket:
    label: str
    count: int                                  # segments (length) or reference words (frequency)
    values: dict[str, dict[str, float]]         # system → measure → value

    def to_dict(self) -> dict:
        return {"label": self.label, "count": self.count,
                "values": {s: {k: round(v, 4) for k, v in m.items()} for s, m in self.values.items()}}


@dataclass
class NgramDifference:
    """N-grams of the reference that ``system`` matches more often than ``baseline`` (and the
    reverse), ranked by compare-mt's smoothed share (m1 + a) / (m1 + m2 + 2a)."""
    system: str
    baseline: str
    system_better: list[tuple[str, int, int]]       # (n-gram, system matches, baseline matches)
    baseline_better: list[tuple[str, int, int]]

    def to_dict(self) -> dict:
        def rows(items):
            return [{"ngram": g, "system": a, "baseline": b} for g, a, b in items]
        return {"system": self.system, "baseline": self.baseline,
                "system_better": rows(self.system_better), "baseline_better": rows(self.baseline_better)}


@dataclass
class Disagreement:
    """One segment where a system and the baseline differ most (by chrF, else by error penalty)."""
    index: int                                   # 0-based segment
    system: str
    baseline: str
    gap: float
    measure: str                                 # "chrf" or "penalty"
    src: str
    ref: str
    outputs: dict[str, str]                      # system → its output
    chrf: dict[str, float] = field(default_factory=dict)
    flags: dict[str, list] = field(default_factory=dict)   # system → its Flags on this segment

    def to_dict(self) -> dict:
        return {"index": self.index, "line": self.index + 1, "system": self.system, "baseline": self.baseline,
                "gap": round(self.gap, 4), "measure": self.measure, "src": self.src, "ref": self.ref,
                "outputs": self.outputs, "chrf": {k: round(v, 4) for k, v in self.chrf.items()},
                "flags": {k: [f.to_dict() for f in v] for k, v in self.flags.items()}}


@dataclass
class Analysis:
    length: list[Bucket]
    frequency: list[Bucket]
    ngrams: list[NgramDifference]
    disagreements: list[Disagreement]

    def to_dict(self) -> dict:
        return {"length": {"by": "source words", "buckets": [b.to_dict() for b in self.length]},
                "frequency": {"by": "wordfreq Zipf of the reference word (ar)", "measure": "word F-measure",
                              "buckets": [b.to_dict() for b in self.frequency]},
                "ngrams": [n.to_dict() for n in self.ngrams],
                "disagreements": [d.to_dict() for d in self.disagreements]}


# ---- the analyses ----------------------------------------------------------------------------

def by_length(src: list[str], chrf: dict[str, list[float]], flags: dict[str, list[SegmentResult]]) -> list[Bucket]:
    """Mean segment chrF and flags per 1,000 source words, per source-length bucket."""
    from mtkit.score.profile import per_1k
    lengths = [len(line.split()) for line in src]
    members: list[list[int]] = [[] for _ in range(len(LENGTH_EDGES) + 1)]
    for index, length in enumerate(lengths):
        members[_bucket(length, LENGTH_EDGES)].append(index)
    out = []
    for label, indices in zip(_labels(LENGTH_EDGES, whole=True), members):
        values: dict[str, dict[str, float]] = {}
        for name in dict.fromkeys(list(chrf) + list(flags)):
            measures: dict[str, float] = {}
            if name in chrf and indices:
                measures["chrf"] = sum(chrf[name][i] for i in indices) / len(indices)
            if name in flags:
                count = sum(len(flags[name][i].flags) for i in indices)
                measures["flags_per_1k"] = per_1k(count, sum(lengths[i] for i in indices))
            values[name] = measures
        out.append(Bucket(label, len(indices), values))
    return out


def by_frequency(refs: list[str], systems: dict[str, list[str]]) -> list[Bucket]:
    """compare-mt's word F-measure by frequency bucket: a reference word is matched when the
    output has it in the same segment (clipped counts); precision buckets the output's words."""
    size = len(ZIPF_EDGES) + 1
    ref_total = [0] * size
    ref_words = [words(line) for line in refs]
    for tokens in ref_words:
        for w in tokens:
            ref_total[_bucket(zipf(w), ZIPF_EDGES)] += 1
    values: dict[str, list[dict[str, float]]] = {}
    for name, hyps in systems.items():
        matched_ref, matched_hyp, hyp_total = [0] * size, [0] * size, [0] * size
        for ref_tokens, hyp in zip(ref_words, hyps):
            ref_counts, hyp_counts = Counter(ref_tokens), Counter(words(hyp))
            for w, n in ref_counts.items():
                matched_ref[_bucket(zipf(w), ZIPF_EDGES)] += min(n, hyp_counts.get(w, 0))
            for w, n in hyp_counts.items():
                b = _bucket(zipf(w), ZIPF_EDGES)
                hyp_total[b] += n
                matched_hyp[b] += min(n, ref_counts.get(w, 0))
        rows = []
        for b in range(size):
            recall = matched_ref[b] / ref_total[b] if ref_total[b] else 0.0
            precision = matched_hyp[b] / hyp_total[b] if hyp_total[b] else 0.0
            f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            rows.append({"f": 100 * f, "precision": 100 * precision, "recall": 100 * recall})
        values[name] = rows
    return [Bucket(label, ref_total[b], {name: values[name][b] for name in systems})
            for b, label in enumerate(_labels(ZIPF_EDGES))]


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _matches(refs: list[str], hyps: list[str], order: int) -> Counter:
    """Reference n-grams (1..order) matched by the output, clipped per segment, over the corpus."""
    total: Counter = Counter()
    for ref, hyp in zip(refs, hyps):
        ref_tokens, hyp_tokens = words(ref), words(hyp)
        for n in range(1, order + 1):
            ref_grams, hyp_grams = _ngrams(ref_tokens, n), _ngrams(hyp_tokens, n)
            for gram, count in ref_grams.items():
                hit = min(count, hyp_grams.get(gram, 0))
                if hit:
                    total[gram] += hit
    return total


def ngram_differences(refs: list[str], systems: dict[str, list[str]], baseline: str,
                      order: int = NGRAM_ORDER, top: int = NGRAM_TOP) -> list[NgramDifference]:
    base = _matches(refs, systems[baseline], order)
    out = []
    for name, hyps in systems.items():
        if name == baseline:
            continue
        mine = _matches(refs, hyps, order)
        grams = sorted(set(base) | set(mine))
        share = {g: (mine[g] + SMOOTHING) / (mine[g] + base[g] + 2 * SMOOTHING) for g in grams}
        better = sorted((g for g in grams if mine[g] > base[g]), key=lambda g: (-share[g], -mine[g], g))[:top]
        worse = sorted((g for g in grams if base[g] > mine[g]), key=lambda g: (share[g], -base[g], g))[:top]
        out.append(NgramDifference(name, baseline, [(g, mine[g], base[g]) for g in better],
                                   [(g, mine[g], base[g]) for g in worse]))
    return out


def disagreements(src: list[str], refs: list[str], systems: dict[str, list[str]], baseline: str,
                  chrf: dict[str, list[float]], flags: dict[str, list[SegmentResult]],
                  weights: dict[str, float], top: int) -> list[Disagreement]:
    """The ``top`` segments per system where it and the baseline differ most."""
    out = []
    for name in systems:
        if name == baseline:
            continue
        if chrf:
            gaps = [abs(a - b) for a, b in zip(chrf[name], chrf[baseline])]
            measure = "chrf"
        else:
            def penalty(seg):
                return sum(weights[f.severity] for f in seg.flags)
            gaps = [abs(penalty(a) - penalty(b)) for a, b in zip(flags[name], flags[baseline])]
            measure = "penalty"
        order = sorted(range(len(gaps)), key=lambda i: (-gaps[i], i))[:top]
        for i in order:
            if gaps[i] <= 0:
                break
            pair = (baseline, name)
            out.append(Disagreement(
                i, name, baseline, gaps[i], measure, src[i] if src else "", refs[i] if refs else "",
                {s: systems[s][i] for s in pair},
                {s: chrf[s][i] for s in pair} if chrf else {},
                {s: list(flags[s][i].flags) for s in pair} if flags else {}))
    return out


def analyze(src: list[str] | None, refs: list[str] | None, systems: dict[str, list[str]], baseline: str,
            scores: list[SystemScore], profile: Profile | None, top: int = 5) -> Analysis:
    """All analyses that the inputs allow: frequency and n-grams need a reference; the length
    buckets need the source or a reference; flags come from the profile."""
    chrf = {s.name: s.segment_chrf for s in scores if s.segment_chrf}
    flags = {p.name: p.segments for p in (profile.systems if profile else [])}
    length_basis = src if src else (refs or [])
    weights = profile.weights if profile else {}
    return Analysis(
        length=by_length(length_basis, chrf, flags) if length_basis else [],
        frequency=by_frequency(refs, systems) if refs else [],
        ngrams=ngram_differences(refs, systems, baseline) if refs else [],
        disagreements=disagreements(src or [], refs or [], systems, baseline, chrf, flags, weights, top))
