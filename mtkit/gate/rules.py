"""Rules over measurements: a pure function from limits and numbers to pass/fail, so the
engine is tested without running an audit or a metric."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from mtkit.gate.config import ERROR, GateConfig, Rules
from mtkit.gate.result import RUN, GateResult, LocatedFlag, RuleResult
from mtkit.score.metrics import SIGNIFICANCE_LEVEL as ALPHA   # max_drop fails only when p < ALPHA
from mtkit.score.metrics import higher_is_better


@dataclass
class Measures:
    """What the rules look at, for one file or for the whole run."""
    scope: str
    by_severity: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    src_words: int = 0
    scores: dict[str, float] = field(default_factory=dict)             # metric -> system score
    baseline: dict[str, tuple[float, float]] = field(default_factory=dict)  # metric -> (baseline score, p)
    error_score: float = 0.0                                         # penalty per 1,000 source words
    rise: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # category -> (baseline, system, p)


def drop(metric: str, score: float, baseline: float) -> float:
    """How much worse the system is than the baseline (positive = worse; TER is lower-better)."""
    return baseline - score if higher_is_better(metric) else score - baseline


def _count(count: int, name: str) -> str:
    return f"{count} {name} flag{'' if count == 1 else 's'}"


def _per_1k(count: int, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


def _rule(section: str, name: str, limit: float, m: Measures) -> RuleResult:
    key = f"{section}.{name}"
    value: float
    if section == "max_flags":
        value = m.by_severity.get(name, 0)
        return RuleResult(key, m.scope, value, limit, value <= limit, "≤", detail=_count(value, name))
    if section == "max_category":
        value = m.by_category.get(name, 0)
        return RuleResult(key, m.scope, value, limit, value <= limit, "≤", detail=_count(value, name))
    if section in ("max_flags_per_1k_words", "max_category_per_1k_words"):
        counts = m.by_severity if section == "max_flags_per_1k_words" else m.by_category
        count = counts.get(name, 0)
        value = round(_per_1k(count, m.src_words), 4)
        return RuleResult(key, m.scope, value, limit, value <= limit, "≤",
                          detail=f"{_count(count, name)} in {m.src_words} source words")
    if section == "max_score" and name == ERROR:
        score = round(m.error_score, 4)
        return RuleResult(key, m.scope, score, limit, score <= limit, "≤",
                          detail=f"penalty per 1,000 source words ({m.src_words} words)")
    if section == "max_rise":
        base, mine, p_value = m.rise[name]
        rise = round(mine - base, 4)
        significant = p_value < ALPHA
        what = "error score" if name == ERROR else f"{name} flags per 1,000 source words"
        return RuleResult(key, m.scope, rise, limit, not (rise > limit and significant), "≤", p_value=p_value,
                          detail=f"{what}: baseline {base:.2f}, system {mine:.2f}, p = {p_value:.4f} "
                                 f"({'significant' if significant else 'not significant'} at {ALPHA})")
    if section in ("min_score", "max_score"):
        value = m.scores[name]
        passed = value >= limit if section == "min_score" else value <= limit
        return RuleResult(key, m.scope, value, limit, passed, "≥" if section == "min_score" else "≤")
    if section == "max_drop":
        base, p_value = m.baseline[name]
        value = round(drop(name, m.scores[name], base), 4)
        significant = p_value < ALPHA
        passed = not (value > limit and significant)
        why = "significant" if significant else "not significant"
        return RuleResult(key, m.scope, value, limit, passed, "≤", p_value=p_value,
                          detail=f"baseline {base:.2f}, p = {p_value:.4f} ({why} at {ALPHA})")
    raise KeyError(section)  # pragma: no cover - sections are validated when loaded


def apply(rules: Rules, measures: Measures) -> list[RuleResult]:
    return [_rule(section, name, limit, measures) for section, name, limit in rules.items()]


def evaluate(config: GateConfig, files: list[Measures], run: Measures,
             flags: Iterable[LocatedFlag] = ()) -> GateResult:
    """Per-file rules on each file, then whole-run rules on the run."""
    results: list[RuleResult] = []
    for measures in files:
        results.extend(apply(config.per_file, measures))
    results.extend(apply(config.run, run))
    return GateResult(rules=results, files=[m.scope for m in files],
                      flags=list(flags), config=config.source)


def total(scope: str, parts: list[Measures]) -> Measures:
    """Counts of several files added up (scores are not additive: the caller measures those)."""
    out = Measures(scope=scope)
    penalty = sum(part.error_score * part.src_words / 1000.0 for part in parts)
    for part in parts:
        out.src_words += part.src_words
        for table, target in ((part.by_severity, out.by_severity), (part.by_category, out.by_category)):
            for key, count in table.items():
                target[key] = target.get(key, 0) + count
    out.error_score = 1000.0 * penalty / out.src_words if out.src_words else 0.0
    return out


__all__ = ["ALPHA", "Measures", "RUN", "apply", "drop", "evaluate", "total"]
