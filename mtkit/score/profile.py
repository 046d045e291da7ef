"""Error profiles: every system's output audited against the source, counted per 1,000 source
words by category and severity, an MQM-style weighted error score, and a paired bootstrap over
segments against the baseline for each category (as sacrebleu's ``paired-bs`` does for BLEU).

The error score is MQM's penalty total normalized by length: each flag costs its severity's
weight (:data:`WEIGHTS`, MQM's usual minor 1 / major 5 / critical 10, configurable), and the score
is the penalty per 1,000 source words, so runs of any size compare. Lower is better.
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from mtkit.errors import InputError
from mtkit.model import CATEGORIES, SEVERITIES, Segment, SegmentResult
from mtkit.score.metrics import SIGNIFICANCE_LEVEL as ALPHA

WEIGHTS: dict[str, float] = {"critical": 10.0, "major": 5.0, "minor": 1.0}
ERROR_SCORE = "error_score"     # the name of the weighted score beside the categories in comparisons
DEFAULT_SAMPLES = 1000          # sacrebleu's paired-bs default
BATCH = 100                     # bootstrap resamples drawn at a time (memory: BATCH × segments)


def parse_weights(text: str | None) -> dict[str, float]:
    """``critical=10,major=5,minor=1`` (any subset; the rest keep their default)."""
    weights = dict(WEIGHTS)
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, _, value = part.partition("=")
        name = name.strip().lower()
        if name not in SEVERITIES:
            raise InputError(f"--weights: unknown severity {name!r} (one of: {', '.join(SEVERITIES)})")
        try:
            weights[name] = float(value)
        except ValueError:
            raise InputError(f"--weights: expected {name}=NUMBER, got {part.strip()!r}") from None
        if not np.isfinite(weights[name]) or weights[name] < 0:
            raise InputError(f"--weights: expected a number ≥ 0 for {name}, got {value.strip()!r}")
    return weights


def per_1k(count: float, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


@dataclass
class SystemProfile:
    """One system's flags, counted over the run and kept per segment (for the paired test and
    for showing where systems differ)."""
    name: str
    segments: list[SegmentResult]
    src_words: int
    weights: dict[str, float]

    def counts(self) -> dict[str, dict[str, int]]:
        """category → severity → flags (every category and severity, zeros included)."""
        table = {c: {s: 0 for s in SEVERITIES} for c in CATEGORIES}
        for seg in self.segments:
            for flag in seg.flags:
                table[flag.category][flag.severity] += 1
        return table

    def penalty(self) -> float:
        return sum(self.weights[f.severity] for seg in self.segments for f in seg.flags)

    @property
    def error_score(self) -> float:
        return per_1k(self.penalty(), self.src_words)

    def category_per_1k(self, category: str) -> float:
        return per_1k(sum(self.counts()[category].values()), self.src_words)

    def to_dict(self) -> dict:
        counts = self.counts()
        by_category = {}
        for category, severities in counts.items():
            total = sum(severities.values())
            if total:
                by_category[category] = {"count": total, "per_1k": round(per_1k(total, self.src_words), 4),
                                         "by_severity": {s: n for s, n in severities.items() if n}}
        by_severity = {}
        for severity in SEVERITIES:
            total = sum(counts[c][severity] for c in CATEGORIES)
            by_severity[severity] = {"count": total, "per_1k": round(per_1k(total, self.src_words), 4)}
        return {"name": self.name, "segments": len(self.segments), "src_words": self.src_words,
                "flags": sum(len(s.flags) for s in self.segments),
                "flagged_segments": sum(1 for s in self.segments if s.flags),
                "by_severity": by_severity, "by_category": by_category,
                "error_score": round(self.error_score, 4), "penalty": round(self.penalty(), 4)}


@dataclass
class ProfileComparison:
    """A system against the baseline on one category's flags per 1,000 words (or the error score):
    the difference (system − baseline; positive = more errors), its 95% bootstrap interval and
    the paired bootstrap p-value."""
    system: str
    baseline: str
    category: str
    baseline_value: float
    value: float
    p_value: float
    ci: tuple[float, float]
    n_samples: int

    @property
    def delta(self) -> float:
        return self.value - self.baseline_value

    @property
    def significant(self) -> bool:
        return self.p_value < ALPHA

    def to_dict(self) -> dict:
        return {"system": self.system, "baseline": self.baseline, "category": self.category,
                "baseline_value": round(self.baseline_value, 4), "value": round(self.value, 4),
                "delta": round(self.delta, 4), "ci": [round(self.ci[0], 4), round(self.ci[1], 4)],
                "p_value": round(self.p_value, 4), "significant": self.significant,
                "method": "paired-bs", "n_samples": self.n_samples}


@dataclass
class Profile:
    systems: list[SystemProfile]
    weights: dict[str, float]
    baseline: str
    comparisons: list[ProfileComparison] = field(default_factory=list)
    signature: str = ""
    src_path: str | None = None

    def system(self, name: str) -> SystemProfile:
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(name)

    def comparison(self, system: str, category: str) -> ProfileComparison | None:
        for comp in self.comparisons:
            if comp.system == system and comp.category == category:
                return comp
        return None

    def categories(self) -> list[str]:
        """The categories any system was flagged in, in the contract's order."""
        seen = {f.category for s in self.systems for seg in s.segments for f in seg.flags}
        return [c for c in CATEGORIES if c in seen]

    def to_dict(self) -> dict:
        return {"src": self.src_path, "weights": dict(self.weights), "baseline": self.baseline,
                "score": "penalty per 1,000 source words",
                "signature": self.signature,
                "systems": [s.to_dict() for s in self.systems],
                "comparisons": [c.to_dict() for c in self.comparisons]}


# ---- auditing ------------------------------------------------------------------------------

def audit_system(src: Sequence[str], hyps: Sequence[str], *, options: dict | None = None,
                 disable: Sequence[str] = (), jobs: int = 1) -> list[SegmentResult]:
    """Each line of a system's output audited against its source line (ids are 1-based lines)."""
    from mtkit.audit import audit_segments
    segments = [Segment(id=str(k), src=s, tgt=h, line=k) for k, (s, h) in enumerate(zip(src, hyps), 1)]
    return list(audit_segments(segments, disable=disable, options=options or {}, jobs=jobs))


def build(src: Sequence[str], systems: Mapping[str, Sequence[str]], *, baseline: str | None = None,
          paths: dict[str, str] | None = None, weights: dict[str, float] | None = None,
          glossary: str | None = None, disable: Sequence[str] = (), jobs: int = 1,
          n_samples: int = 0, significance: bool = True) -> Profile:
    """Audit every system against ``src`` and compare each with the baseline (default: the first)."""
    from mtkit.io.glossary import read_glossary
    paths = paths or {}
    for name, hyps in systems.items():
        if len(hyps) != len(src):
            raise InputError(f"{len(hyps)} lines, but the source has {len(src)} (the audit pairs line N "
                             "of the source with line N of each system)", paths.get(name, name))
    names = list(systems)
    if baseline is not None and baseline not in systems:
        raise InputError(f"--baseline {baseline!r} is not one of the systems ({', '.join(names)})")
    options = {"glossary": read_glossary(glossary) if glossary else ()}
    audited = {name: audit_system(src, systems[name], options=options, disable=disable, jobs=jobs) for name in names}
    return assemble([len(line.split()) for line in src], audited, baseline=baseline, weights=weights,
                    n_samples=n_samples, significance=significance)


def assemble(src_words: Sequence[int], audited: Mapping[str, list[SegmentResult]], *, baseline: str | None = None,
             weights: dict[str, float] | None = None, n_samples: int = 0, significance: bool = True) -> Profile:
    """The profile of systems already audited: row k of every system is the same source text, of
    ``src_words[k]`` words (a line, or a block of an audit JSON's segments: mtkit.gate.rise)."""
    weights = dict(weights or WEIGHTS)
    names = list(audited)
    baseline = baseline if baseline is not None else names[0]
    order = [baseline] + [n for n in names if n != baseline]
    words = int(sum(src_words))
    profiles = [SystemProfile(name, audited[name], words, weights) for name in order]
    from mtkit import __version__
    signature = (f"mtkit:{__version__}|weights:" + ",".join(f"{s}={weights[s]:g}" for s in SEVERITIES)
                 + f"|words:whitespace|test:paired-bs|n:{n_samples or DEFAULT_SAMPLES}")
    result = Profile(profiles, weights, baseline, signature=signature)
    if significance and len(profiles) > 1:
        per_row = np.array(src_words, dtype=np.float64)
        for other in profiles[1:]:
            result.comparisons.extend(compare(profiles[0], other, per_row, result.categories(), n_samples))
    return result


# ---- the paired bootstrap ------------------------------------------------------------------

def _matrix(profile: SystemProfile, categories: list[str]) -> np.ndarray:
    """segments × (categories + error score): flags per segment, and the weighted penalty."""
    column = {c: k for k, c in enumerate(categories)}
    out = np.zeros((len(profile.segments), len(categories) + 1), dtype=np.float64)
    for row, seg in enumerate(profile.segments):
        for flag in seg.flags:
            out[row, column[flag.category]] += 1
            out[row, -1] += profile.weights[flag.severity]
    return out


def bootstrap_seed() -> int | None:
    """sacrebleu's seed (``SACREBLEU_SEED``, default 12345), so runs repeat exactly."""
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    return None if seed.lower() == "none" else int(seed)


def compare(base: SystemProfile, other: SystemProfile, src_words: np.ndarray, categories: list[str],
            n_samples: int = 0) -> list[ProfileComparison]:
    """Paired bootstrap over segments: the same resampled segments for both systems; a rate is
    flags per 1,000 source words of the resample. The p-value is sacrebleu's for ``paired-bs``
    (the sampled absolute differences, centred, against the observed one); the interval is the
    95% percentile interval of the sampled differences. An observed difference of exactly zero
    has p = 1."""
    n = len(src_words)
    samples = n_samples or DEFAULT_SAMPLES
    a, b = _matrix(base, categories), _matrix(other, categories)
    rng = np.random.default_rng(bootstrap_seed())
    deltas = []
    for start in range(0, samples, BATCH):
        idx = rng.choice(n, size=(min(BATCH, samples - start), n), replace=True)
        words = src_words[idx].sum(axis=1)
        words[words == 0] = 1.0
        # per-sample totals through a weight matrix: counts of each segment in each resample
        weight = np.stack([np.bincount(row, minlength=n) for row in idx]).astype(np.float64)
        deltas.append(1000.0 * (weight @ (b - a)) / words[:, None])
    sampled = np.concatenate(deltas)          # samples × (categories + 1)
    total_words = max(float(src_words.sum()), 1.0)
    base_rates = 1000.0 * a.sum(axis=0) / total_words
    rates = 1000.0 * b.sum(axis=0) / total_words
    out = []
    for k, category in enumerate(categories + [ERROR_SCORE]):
        observed = rates[k] - base_rates[k]
        if observed == 0:
            p_value = 1.0
        else:
            spread = np.abs(sampled[:, k])
            p_value = (int(np.sum(spread - spread.mean() > abs(observed))) + 1) / (samples + 1)
        low, high = np.percentile(sampled[:, k], [2.5, 97.5])
        out.append(ProfileComparison(other.name, base.name, category, float(base_rates[k]), float(rates[k]),
                                     float(p_value), (float(low), float(high)), samples))
    return out
