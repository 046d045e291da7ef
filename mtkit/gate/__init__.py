"""``mtkit gate``: pass/fail translations against quality thresholds, for CI.

config (where rules come from and what they may say) → measure (audit and score the inputs) →
rules (a pure function from limits and measurements to a ``GateResult``)."""
from mtkit.gate.config import GateConfig, Rules, apply_override, discover, load_config
from mtkit.gate.result import RUN, GateResult, LocatedFlag, RuleResult
from mtkit.gate.rules import Measures, evaluate, total

__all__ = ["GateConfig", "GateResult", "LocatedFlag", "Measures", "RUN", "RuleResult", "Rules",
           "apply_override", "discover", "evaluate", "load_config", "total"]
