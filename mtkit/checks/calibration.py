"""Confidence that means something: what share of a check's flags are real errors on real
translations, from the judged flags of ``data/calibration.tsv`` (see docs/calibration.md).

A check states how strong its evidence is as a raw score (``Finding.confidence``); the table maps
each check and raw score to the share of such flags that readers judged real. Severity then
follows from that confidence and the error's weight (the severity the check gives a real error of
its kind): critical needs a confidence of CRITICAL, major one of MAJOR; weaker evidence is reported
one step lower (critical → major), or as minor.
"""
from __future__ import annotations

from functools import lru_cache

from mtkit.data import table

CRITICAL, MAJOR = 0.5, 0.3


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], float]:
    return {(row["check"], row["raw"]): row["confidence"] for row in table("calibration.tsv")}


def calibrated(check: str, raw: float) -> float:
    """The calibrated confidence of a flag of ``check`` with raw score ``raw``: the row for this
    score; else the check's row (``*``), but no more than any row of a stronger raw score (weaker
    evidence is never trusted more than stronger evidence that was measured); else the raw score
    itself (a check never judged)."""
    table = _table()
    own = table.get((check, f"{raw:.2f}"))
    if own is not None:
        return own
    star = table.get((check, "*"))
    if star is None:
        return raw
    stronger = [c for (name, score), c in table.items() if name == check and score != "*" and float(score) >= raw]
    return min([star, *stronger])


def severity(weight: str, confidence: float) -> str:
    """The severity of a flag of this weight at this calibrated confidence."""
    if weight != "minor" and confidence < MAJOR:
        return "minor"
    if weight == "critical" and confidence < CRITICAL:
        return "major"
    return weight
