"""The error profile of ``mtkit score --audit`` as rows, for the score writers (text, Markdown,
CSV): one row per category flagged in any system, one per severity, and the error score."""
from __future__ import annotations

from mtkit.model import SEVERITIES
from mtkit.score.profile import ALPHA, ERROR_SCORE, Profile, SystemProfile, per_1k


def _value(system: SystemProfile, row: str) -> float:
    if row == ERROR_SCORE:
        return system.error_score
    counts = system.counts()
    if row in SEVERITIES:
        return per_1k(sum(counts[c][row] for c in counts), system.src_words)
    return system.category_per_1k(row)


def row_names(profile: Profile) -> list[str]:
    return profile.categories() + list(SEVERITIES) + [ERROR_SCORE]


def label(row: str) -> str:
    return {ERROR_SCORE: "error score"}.get(row, row if row not in SEVERITIES else f"all {row}")


def cell(profile: Profile, system: SystemProfile, row: str) -> str:
    """``3.94`` for the baseline; ``0.00 (-3.94, p=0.0420)*`` for the others (* when p < 0.05)."""
    text = f"{_value(system, row):.2f}"
    comp = profile.comparison(system.name, row)
    if comp is not None:
        text += f" ({comp.delta:+.2f}, p={comp.p_value:.4f}){'*' if comp.significant else ''}"
    return text


def table(profile: Profile) -> tuple[list[str], list[list[str]]]:
    header = ["flags per 1k words"] + [
        s.name + (" (baseline)" if s.name == profile.baseline and len(profile.systems) > 1 else "")
        for s in profile.systems]
    rows = [[label(row)] + [cell(profile, s, row) for s in profile.systems] for row in row_names(profile)]
    return header, rows


def notes(profile: Profile) -> list[str]:
    first = profile.systems[0]
    weights = ", ".join(f"{s}={profile.weights[s]:g}" for s in SEVERITIES)
    out = [(f"{first.src_words} source words in {len(first.segments)} segments; "
            f"error score: penalty per 1,000 source words ({weights})")]
    if profile.comparisons:
        out.append(f"paired-bs over segments ({profile.comparisons[0].n_samples} resamples): "
                   f"(difference vs {profile.baseline}, p-value); * p < {ALPHA}")
    out.append(f"signature: {profile.signature}")
    return out


def csv_rows(profile: Profile) -> list[dict]:
    """Tidy rows ``row=profile``: one per system and category/severity/error score."""
    out = []
    for system in profile.systems:
        for row in row_names(profile):
            comp = profile.comparison(system.name, row)
            out.append({"row": "profile", "system": system.name, "metric": row,
                        "score": f"{_value(system, row):.4f}",
                        "ci_low": f"{comp.ci[0]:.4f}" if comp else "", "ci_high": f"{comp.ci[1]:.4f}" if comp else "",
                        "baseline": comp.baseline if comp else "", "delta": f"{comp.delta:.4f}" if comp else "",
                        "p_value": f"{comp.p_value:.4f}" if comp else "", "method": "paired-bs" if comp else "",
                        "signature": profile.signature})
    return out
