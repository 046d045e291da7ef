"""What ``mtkit score`` returns: scores with sacrebleu signatures, paired comparisons, per-segment chrF.
``to_dict`` is the contract's ``mtkit score --format json`` shape (plus a few extra fields)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from mtkit.score.buckets import Analysis
    from mtkit.score.profile import Profile

from mtkit.score.metrics import SIGNIFICANCE_LEVEL, higher_is_better


@dataclass
class MetricScore:
    score: float
    signature: str
    name: str = ""                                  # sacrebleu's name: BLEU, chrF2++, TER
    ci: Optional[tuple[float, float]] = None         # 95% bootstrap interval, when a test ran

    def to_dict(self) -> dict:
        out: dict = {"score": self.score, "signature": self.signature}
        if self.name:
            out["name"] = self.name
        if self.ci is not None:
            out["ci"] = [self.ci[0], self.ci[1]]
        return out


@dataclass
class WorstSegment:
    index: int            # 0-based segment (line, or aligned group) index
    chrf: float
    hyp: str
    refs: list[str]

    def to_dict(self) -> dict:
        return {"index": self.index, "chrf": self.chrf, "hyp": self.hyp, "refs": self.refs}


@dataclass
class SystemScore:
    name: str
    path: Optional[str]
    scores: dict[str, MetricScore]
    segment_chrf: list[float] = field(default_factory=list)
    worst: list[WorstSegment] = field(default_factory=list)
    comet_segments: list[float] = field(default_factory=list)     # with --metric comet
    comet_spans: list[list[dict]] = field(default_factory=list)   # xCOMET's error spans per segment

    def to_dict(self) -> dict:
        out: dict = {"name": self.name, "path": self.path}
        out.update({metric: s.to_dict() for metric, s in self.scores.items()})
        out["segment_chrf"] = self.segment_chrf
        if self.comet_segments:
            out["segment_comet"] = self.comet_segments
        if self.comet_spans:
            out["comet_error_spans"] = self.comet_spans
        if self.worst:
            out["worst"] = [w.to_dict() for w in self.worst]
        return out


@dataclass
class Comparison:
    system: str
    baseline: str
    metric: str
    delta: float                              # system − baseline (for TER, positive is worse)
    p_value: float
    method: str                               # paired-bs or paired-ar
    ci: Optional[tuple[float, float]] = None   # the system's 95% interval
    signature: str = ""

    @property
    def significant(self) -> bool:
        return self.p_value < SIGNIFICANCE_LEVEL

    @property
    def better(self) -> bool:
        return self.delta > 0 if higher_is_better(self.metric) else self.delta < 0

    def to_dict(self) -> dict:
        return {"system": self.system, "baseline": self.baseline, "metric": self.metric,
                "delta": self.delta, "p_value": self.p_value, "method": self.method,
                "ci": list(self.ci) if self.ci is not None else None,
                "significant": self.significant, "signature": self.signature}


@dataclass
class ScoreResult:
    metrics: list[str]
    systems: list[SystemScore]
    comparisons: list[Comparison] = field(default_factory=list)
    ref_paths: list[str] = field(default_factory=list)
    baseline: Optional[str] = None
    segments: int = 0
    alignment: Optional[dict] = None     # set when documents were aligned before scoring
    notes: list[str] = field(default_factory=list)
    profile: Optional["Profile"] = None  # error profiles, when the systems were audited (--audit)
    analysis: Optional["Analysis"] = None  # compare-mt's analyses (--analyze)

    def system(self, name: str) -> SystemScore:
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(name)

    def comparison(self, system: str, metric: str) -> Optional[Comparison]:
        for comp in self.comparisons:
            if comp.system == system and comp.metric == metric:
                return comp
        return None

    def to_dict(self) -> dict:
        from mtkit.version import header
        out: dict = {**header(),
                     "ref": self.ref_paths[0] if self.ref_paths else None, "refs": self.ref_paths,
                     "metrics": self.metrics, "baseline": self.baseline, "segments": self.segments,
                     "systems": [s.to_dict() for s in self.systems],
                     "comparisons": [c.to_dict() for c in self.comparisons]}
        if self.alignment is not None:
            out["alignment"] = self.alignment
        if self.notes:
            out["notes"] = self.notes
        if self.profile is not None:
            out["profile"] = self.profile.to_dict()
        if self.analysis is not None:
            out["analysis"] = self.analysis.to_dict()
        return out
