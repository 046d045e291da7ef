"""What a gate run decided: one ``RuleResult`` per rule and scope, and the flags worth an
annotation. Writers (``mtkit/report/gate.py``) render it; ``to_dict`` is its JSON."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from mtkit.model import Flag

RUN = "run"   # the scope of a rule over the whole run (otherwise the scope is a file path)


@dataclass(frozen=True)
class RuleResult:
    name: str                 # "section.key", e.g. "max_flags.major"
    scope: str                # RUN or the Arabic file the rule was measured on
    value: float
    limit: float
    passed: bool
    op: str = "≤"             # how value is compared with limit, for people
    p_value: Optional[float] = None   # max_drop: the paired test's p-value
    detail: str = ""

    def to_dict(self) -> dict:
        out = {"name": self.name, "scope": self.scope, "value": _round(self.value),
               "limit": _round(self.limit), "passed": self.passed, "op": self.op}
        if self.p_value is not None:
            out["p_value"] = round(self.p_value, 4)
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class LocatedFlag:
    """A flag with the file and 1-based line of its Arabic text (None when unknown)."""
    path: Optional[str]
    line: Optional[int]
    segment_id: str
    flag: Flag


@dataclass
class GateResult:
    rules: list[RuleResult]
    files: list[str] = field(default_factory=list)
    flags: list[LocatedFlag] = field(default_factory=list)
    config: Optional[str] = None     # the configuration file the rules came from, if any

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.rules)

    @property
    def failed(self) -> list[RuleResult]:
        return [r for r in self.rules if not r.passed]

    def to_dict(self) -> dict:
        from mtkit import __version__
        return {"tool": "mtkit", "version": __version__, "passed": self.passed,
                "config": self.config, "files": self.files,
                "rules": [r.to_dict() for r in self.rules]}


def _round(value: float) -> float:
    return value if isinstance(value, int) else round(float(value), 4)
