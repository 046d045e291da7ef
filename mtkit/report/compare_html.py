"""HTML for ``mtkit score -f html``: one self-contained page comparing systems: the score table with
significance, the error profile drawn per category and system, the length and frequency buckets as
charts, the n-gram differences, and the segments where systems disagree most with their flags
highlighted (Arabic right to left).

Charts are inline SVG drawn here (bars only: nothing to fetch). Every piece of input text goes
through jinja2's autoescape; the page has no script at all and its Content-Security-Policy allows
none."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TextIO

from markupsafe import Markup

from mtkit.report import writer
from mtkit.model import Span
from mtkit.report.html import template_environment, css_name, split_pieces, worst
from mtkit.score.profile import ERROR_SCORE
from mtkit.score.result import ScoreResult

PALETTE = 6          # system colours in the CSS (sys-0 … sys-5), reused in turn


@dataclass
class Bar:
    x: float
    y: float
    width: float
    value: float
    system: int


def grouped_bars(groups: list[tuple[str, list[float | None]]], *, width: int = 420, label: int = 150,
                 bar: int = 10, gap: int = 8) -> dict:
    """Horizontal bars: one group per label, one bar per system, scaled to the largest value."""
    most = max((v for _label, values in groups for v in values if v is not None), default=0.0) or 1.0
    rows, y = [], 0
    for name, values in groups:
        bars = [Bar(label, y + k * bar, round(width * v / most, 1), v, k)
                for k, v in enumerate(values) if v is not None]
        rows.append({"label": name, "y": y, "height": bar * len(values), "bars": bars})
        y += bar * len(values) + gap
    return {"rows": rows, "width": label + width + 70, "height": max(y, 1), "label": label, "bar": bar}


def _score_rows(result: ScoreResult) -> list[dict]:
    rows = []
    for system in result.systems:
        cells = []
        for metric in result.metrics:
            score = system.scores[metric]
            comp = result.comparison(system.name, metric)
            cells.append({"score": score.score, "ci": score.ci, "comp": comp})
        rows.append({"name": system.name, "baseline": system.name == result.baseline, "cells": cells})
    return rows


def _labels(result: ScoreResult) -> list[str]:
    out = []
    for metric in result.metrics:
        names = [s.scores[metric].name for s in result.systems if s.scores[metric].name]
        out.append(names[0] if names else metric)
    return out


def _profile(result: ScoreResult) -> dict | None:
    profile = result.profile
    if profile is None:
        return None
    categories = profile.categories()
    rows = []
    for row in categories + [ERROR_SCORE]:
        cells = []
        for system in profile.systems:
            value = system.error_score if row == ERROR_SCORE else system.category_per_1k(row)
            cells.append({"value": value, "comp": profile.comparison(system.name, row)})
        rows.append({"name": "error score" if row == ERROR_SCORE else row, "cells": cells})
    chart = grouped_bars([(c, [s.category_per_1k(c) for s in profile.systems]) for c in categories])
    return {"profile": profile, "rows": rows, "chart": chart}


def _buckets(result: ScoreResult) -> list[dict]:
    analysis = result.analysis
    if analysis is None:
        return []
    names = [s.name for s in result.systems]
    charts = []
    for measure, title in (("chrf", "Mean segment chrF by source length (words)"),
                           ("flags_per_1k", "Flags per 1,000 source words by source length (words)")):
        groups = [(f"{b.label} ({b.count})", [b.values.get(n, {}).get(measure) for n in names])
                  for b in analysis.length]
        if any(v is not None for _l, values in groups for v in values):
            charts.append({"title": title, "chart": grouped_bars(groups)})
    if analysis.frequency:
        groups = [(f"{b.label} ({b.count})", [b.values[n]["f"] for n in names]) for b in analysis.frequency]
        charts.append({"title": "Word F-measure by frequency of the reference word (wordfreq Zipf)",
                       "chart": grouped_bars(groups)})
    return charts


@dataclass
class Cut:
    """A run of an output's text with the mtkit flags and the xCOMET error spans covering it."""
    text: str
    flags: tuple[str, ...]        # mtkit flag ids
    severity: str                 # the worst of those flags
    spans: tuple[str, ...]        # xCOMET span ids
    span_severity: str            # the worst of those spans
    point: bool = False


def xcomet_spans(result: ScoreResult, name: str, index: int, text: str) -> list[dict]:
    """xCOMET's error spans on one segment of one system (``--metric comet`` with an xCOMET model),
    as character offsets into the output; spans that do not fit the text are left out."""
    system = next((s for s in result.systems if s.name == name), None)
    if system is None or index >= len(system.comet_spans):
        return []
    out = []
    for span in system.comet_spans[index] or []:
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        severity = str(span.get("severity", "minor"))
        confidence = span.get("confidence")
        out.append({"span": Span(start, end), "text": text[start:end],
                    "severity": severity, "sev": css_name(severity),
                    "confidence": float(confidence) if isinstance(confidence, (int, float)) else None})
    return out


def _cuts(text: str, flags: list[dict], spans: list[dict]) -> list[Cut]:
    """The output cut at every flag and span boundary (one split, so the two kinds nest cleanly)."""
    severity = {f["id"]: f["flag"].severity for f in flags} | {s["id"]: s["severity"] for s in spans}
    pieces = split_pieces(text, [(f["id"], f["flag"].tgt_span, f["flag"].severity) for f in flags]
                          + [(s["id"], s["span"], s["severity"]) for s in spans])
    is_span = {s["id"] for s in spans}
    out = []
    for piece in pieces:
        mine = tuple(i for i in piece.flags if i not in is_span)
        theirs = tuple(i for i in piece.flags if i in is_span)
        out.append(Cut(piece.text, mine, worst(severity[i] for i in mine) if mine else "",
                       theirs, worst(severity[i] for i in theirs) if theirs else "", piece.point))
    return out


def _disagreements(result: ScoreResult) -> list[dict]:
    if result.analysis is None:
        return []
    views, counter, spans_seen = [], 0, 0
    for d in result.analysis.disagreements:
        outputs = []
        for name in (d.baseline, d.system):
            flags = []
            for flag in d.flags.get(name, []):
                counter += 1
                flags.append({"id": f"d{counter}", "flag": flag, "cat": css_name(flag.category),
                              "sev": css_name(flag.severity)})
            spans = xcomet_spans(result, name, d.index, d.outputs[name])
            for span in spans:
                spans_seen += 1
                span["id"] = f"x{spans_seen}"
            outputs.append({"name": name, "pieces": _cuts(d.outputs[name], flags, spans), "flags": flags,
                            "spans": spans, "chrf": d.chrf.get(name)})
        views.append({"d": d, "outputs": outputs})
    return views


@functools.lru_cache(maxsize=1)
def _css() -> Markup:
    css = (resources.files("mtkit.report") / "templates" / "compare.css").read_text(encoding="utf-8")
    assert "</" not in css, "inline CSS must not close its element"
    return Markup(css)


def render(result: ScoreResult, title: str | None = None) -> str:
    from mtkit import __version__
    names = [s.name for s in result.systems]
    return template_environment().get_template("compare.html").render(
        title=title or "mtkit score: " + " vs ".join(names), result=result, names=names,
        colours={n: k % PALETTE for k, n in enumerate(names)}, labels=_labels(result),
        score_rows=_score_rows(result), profile=_profile(result), buckets=_buckets(result),
        ngrams=result.analysis.ngrams if result.analysis else [], disagreements=_disagreements(result),
        xcomet=any(s.comet_spans for s in result.systems),
        css=_css(), css_name=css_name, version=__version__)


@writer("html", ScoreResult)
def score_html(result: ScoreResult, stream: TextIO, *, title: str | None = None, **_options) -> None:
    stream.write(render(result, title))
