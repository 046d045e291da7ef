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

    def describe(self) -> str:
        """``file:line: check [severity] EN «…» → AR «…»``, for the gate's lists."""
        where = f"{self.path or ''}:{self.line}" if self.line else (self.path or "")
        where += f" (segment {self.segment_id})"
        flag = self.flag
        text = f"{where}: {flag.check} [{flag.severity}]"
        if flag.src_text or flag.tgt_text:
            text += f" EN «{flag.src_text}» → AR «{flag.tgt_text}»"
        return text

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "segment": self.segment_id, **self.flag.to_dict()}


# flag rules: the flag field their key names (max_flags.major: severity; max_category.idiom: category)
FLAG_RULE_FIELD = {"max_flags": "severity", "max_flags_per_1k_words": "severity",
                   "max_category": "category", "max_category_per_1k_words": "category"}


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

    def flags_failing(self, rule: RuleResult) -> list[LocatedFlag]:
        """The flags a failed flag rule counted (waived flags are not in ``flags``)."""
        section, _, name = rule.name.partition(".")
        field_name = FLAG_RULE_FIELD.get(section)
        if rule.passed or field_name is None:
            return []
        return [f for f in self.flags
                if getattr(f.flag, field_name) == name and (rule.scope == RUN or f.path == rule.scope)]

    def failing_flags(self) -> list[LocatedFlag]:
        """Every flag that made a rule fail, once, in the order found."""
        chosen = {id(f) for rule in self.failed for f in self.flags_failing(rule)}
        return [f for f in self.flags if id(f) in chosen]

    def to_dict(self) -> dict:
        from mtkit.version import header
        return {**header(), "passed": self.passed,
                "config": self.config, "files": self.files,
                "rules": [r.to_dict() for r in self.rules],
                "failing_flags": [f.to_dict() for f in self.failing_flags()]}


def _round(value: float) -> float:
    return value if isinstance(value, int) else round(float(value), 4)
