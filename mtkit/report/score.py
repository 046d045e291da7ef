"""Writers for ``ScoreResult`` (text table, Markdown, CSV; JSON is the generic ``to_dict``)
and for ``Translation`` (text: the translated lines)."""
from __future__ import annotations

import csv
from typing import TextIO

from mtkit.mt.result import Translation
from mtkit.report import analysis as analysis_tables
from mtkit.report import profile as profile_rows
from mtkit.report import writer
from mtkit.report.escape import csv_row, markdown, markdown_code_block, single_line, terminal
from mtkit.score.metrics import SIGNIFICANCE_LEVEL
from mtkit.score.result import ScoreResult, SystemScore


def _label(result: ScoreResult, metric: str) -> str:
    names = [s.scores[metric].name for s in result.systems if metric in s.scores and s.scores[metric].name]
    return names[0] if names else metric


def _cell(result: ScoreResult, system: SystemScore, metric: str) -> str:
    score = system.scores[metric]
    text = f"{score.score:.2f}"
    if score.ci is not None:
        text += f" ±{(score.ci[1] - score.ci[0]) / 2:.2f}"
    comp = result.comparison(system.name, metric)
    if comp is not None:
        text += f" (p={comp.p_value:.4f}){'*' if comp.significant else ''}"
    return text


def _rows(result: ScoreResult) -> tuple[list[str], list[list[str]]]:
    header = ["system"] + [_label(result, m) for m in result.metrics]
    rows = []
    for system in result.systems:
        name = system.name + (" (baseline)" if system.name == result.baseline and len(result.systems) > 1 else "")
        rows.append([name] + [_cell(result, system, m) for m in result.metrics])
    return header, rows


def _signatures(result: ScoreResult) -> list[str]:
    lines = []
    first = result.systems[0]
    for metric in result.metrics:
        lines.append(f"{_label(result, metric)}: {first.scores[metric].signature}")
    methods = {c.method: c.signature for c in result.comparisons}
    for method in methods:
        lines.append(f"{method}: p-values vs {result.baseline}; ±: half the 95% interval; * p < {SIGNIFICANCE_LEVEL}")
    return lines


def _text_table(header: list[str], rows: list[list[str]], stream: TextIO) -> None:
    header, rows = [terminal(h) for h in header], [[terminal(cell) for cell in row] for row in rows]
    widths = [max(len(r[k]) for r in [header] + rows) for k in range(len(header))]
    for row in [header] + rows:
        stream.write("  ".join(cell.ljust(w) if k == 0 else cell.rjust(w)
                               for k, (cell, w) in enumerate(zip(row, widths))).rstrip() + "\n")


@writer("text", ScoreResult)
def score_text(result: ScoreResult, stream: TextIO, **_options) -> None:
    if result.metrics:
        _text_table(*_rows(result), stream)
        stream.write(f"\n{result.segments} segments, {len(result.ref_paths) or 1} reference(s)\n")
        for line in _signatures(result):
            stream.write(terminal(line) + "\n")
    for note in result.notes:
        stream.write(f"note: {terminal(note)}\n")
    if result.profile is not None:
        stream.write("\nerror profile (audit of each system against the source)\n" if result.metrics else "")
        _text_table(*profile_rows.table(result.profile), stream)
        for line in profile_rows.notes(result.profile):
            stream.write(terminal(line) + "\n")
    if result.analysis is not None:
        for title, header, rows in analysis_tables.tables(result.analysis, [s.name for s in result.systems]):
            stream.write(f"\n{terminal(title.lower())}\n")
            _text_table(header, rows, stream) if rows else stream.write("  (none)\n")
    for system in result.systems:
        if system.worst:
            stream.write(f"\nworst segments of {terminal(system.name)} (chrF):\n")
            for w in system.worst:
                stream.write(f"  [{w.index}] {w.chrf:6.2f}\n    SYS: {terminal(w.hyp)}\n")
                for ref in w.refs:
                    stream.write(f"    REF: {terminal(ref)}\n")


def _md(text: str) -> str:
    return markdown(text, breaks=False)


def _md_table(header: list[str], rows: list[list[str]], stream: TextIO) -> None:
    stream.write("| " + " | ".join(_md(c) for c in header) + " |\n|"
                 + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|\n")
    for row in rows:
        stream.write("| " + " | ".join(_md(c) for c in row) + " |\n")


@writer("md", ScoreResult)
def score_md(result: ScoreResult, stream: TextIO, **_options) -> None:
    if result.metrics:
        _md_table(*_rows(result), stream)
        stream.write(f"\n{result.segments} segments.\n\n" + markdown_code_block("\n".join(_signatures(result))))
    for note in result.notes:
        stream.write(f"\n> {_md(note)}\n")
    if result.profile is not None:
        stream.write("\n### Error profile\n\n")
        _md_table(*profile_rows.table(result.profile), stream)
        stream.write("\n" + "".join(f"- {_md(line)}\n" for line in profile_rows.notes(result.profile)))
    if result.analysis is not None:
        for title, header, rows in analysis_tables.tables(result.analysis, [s.name for s in result.systems]):
            stream.write(f"\n### {_md(title)}\n\n")
            _md_table(header, rows, stream) if rows else stream.write("(none)\n")
    for system in result.systems:
        if system.worst:
            stream.write(f"\n### Worst segments of {_md(system.name)}\n\n"
                         "| # | chrF | system | reference |\n|---:|---:|---|---|\n")
            for w in system.worst:
                stream.write(f"| {w.index} | {w.chrf:.2f} | {_md(w.hyp)} | {_md(' / '.join(w.refs))} |\n")


CSV_COLUMNS = ["row", "system", "path", "metric", "score", "ci_low", "ci_high", "baseline", "delta",
               "p_value", "method", "signature", "segment", "hyp", "ref"]


@writer("csv", ScoreResult)
def score_csv(result: ScoreResult, stream: TextIO, **_options) -> None:
    """Tidy rows: ``row=score`` per system and metric, ``row=worst`` per worst segment."""
    out = csv.DictWriter(stream, CSV_COLUMNS)
    out.writeheader()
    for system in result.systems:
        for metric in result.metrics:
            score = system.scores[metric]
            comp = result.comparison(system.name, metric)
            out.writerow(_csv({"row": "score", "system": system.name, "path": system.path or "", "metric": metric,
                          "score": f"{score.score:.4f}",
                          "ci_low": f"{score.ci[0]:.4f}" if score.ci else "",
                          "ci_high": f"{score.ci[1]:.4f}" if score.ci else "",
                          "baseline": comp.baseline if comp else "",
                          "delta": f"{comp.delta:.4f}" if comp else "",
                          "p_value": f"{comp.p_value:.4f}" if comp else "",
                          "method": comp.method if comp else "", "signature": score.signature}))
    if result.profile is not None:
        for row in profile_rows.csv_rows(result.profile):
            out.writerow(_csv({**row, "path": result.system(row["system"]).path or ""}))
    for system in result.systems:
        for w in system.worst:
            out.writerow(_csv({"row": "worst", "system": system.name, "path": system.path or "", "metric": "chrf",
                               "score": f"{w.chrf:.4f}", "segment": w.index, "hyp": w.hyp, "ref": " / ".join(w.refs)}))


def _csv(row: dict) -> dict:
    return dict(zip(row, csv_row(row.values())))


@writer("text", Translation)
def translation_text(result: Translation, stream: TextIO, **_options) -> None:
    for line in result.lines:   # one output line per input line, whatever the model wrote
        stream.write(single_line(line) + "\n")
