"""compare-mt's analyses of ``mtkit score --analyze`` as tables, for the score writers (text and
Markdown): one (title, header, rows) per table."""
from __future__ import annotations

from mtkit.score.buckets import Analysis

Table = tuple[str, list[str], list[list[str]]]


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def tables(analysis: Analysis, systems: list[str]) -> list[Table]:
    out: list[Table] = []
    if analysis.length:
        measures = [m for m in ("chrf", "flags_per_1k") if any(m in b.values.get(s, {}) for b in analysis.length
                                                                for s in systems)]
        header = ["source words", "segments"] + [f"{s} {m.replace('_', ' ')}" for s in systems for m in measures]
        rows = [[b.label, str(b.count)] + [_num(b.values.get(s, {}).get(m)) for s in systems for m in measures]
                for b in analysis.length]
        out.append(("By sentence length", header, rows))
    if analysis.frequency:
        header = ["word frequency (Zipf)", "reference words"] + [f"{s} F" for s in systems]
        rows = [[b.label, str(b.count)] + [_num(b.values[s]["f"]) for s in systems] for b in analysis.frequency]
        out.append(("Word F-measure by frequency", header, rows))
    for diff in analysis.ngrams:
        rows = [[g, str(a), str(b)] for g, a, b in diff.system_better]
        out.append((f"N-grams {diff.system} matches more often than {diff.baseline}",
                    ["n-gram", diff.system, diff.baseline], rows))
        rows = [[g, str(a), str(b)] for g, a, b in diff.baseline_better]
        out.append((f"N-grams {diff.baseline} matches more often than {diff.system}",
                    ["n-gram", diff.system, diff.baseline], rows))
    if analysis.disagreements:
        rows = []
        for d in analysis.disagreements:
            for name in (d.baseline, d.system):
                flags = ", ".join(f.check for f in d.flags.get(name, []))
                score = f"chrF {d.chrf[name]:.1f}" if name in d.chrf else ""
                rows.append([str(d.index + 1), name, score, d.outputs[name], flags])
        out.append(("Segments where the systems disagree most", ["line", "system", "score", "output", "flags"], rows))
    return out
