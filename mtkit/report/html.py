"""HTML: one self-contained page a reviewer opens in a browser. The aligned article side by side
(English left, Arabic right), each flag's spans highlighted in both columns and linked to its card,
a summary with a bar chart, and filters by category and severity. Review actions: accept or reject
each flag, add a note, and export the decisions as a waivers file (``mtkit.io.waivers``'s format,
byte for byte); decisions already in the waivers file the audit read are shown.

Safety: every piece of input text goes through jinja2's autoescape; the page's own CSS and JS are
inlined (no network at view time) and a Content-Security-Policy allows only that one script (by hash),
so even a markup mistake could not run injected code."""
from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, TextIO

from markupsafe import Markup

from mtkit.model import SEVERITIES, AuditResult, Flag, Span, severity_rank
from mtkit.report import writer

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class Piece:
    """A run of text covered by the same set of flags (empty ``flags``: plain text).
    ``point`` marks an empty span (an insertion point, e.g. where something is missing)."""
    text: str
    flags: tuple[str, ...] = ()
    severity: str = ""
    point: bool = False


def css_name(value: str) -> str:
    """A value made safe to use inside a class name (categories come from input JSON too)."""
    return re.sub(r"[^a-z0-9_-]", "-", value.lower()) or "x"


def _clip(span: Span | None, length: int) -> tuple[int, int] | None:
    """A span clipped to the text; ``None`` when absent or reversed."""
    if span is None or span.end < span.start:
        return None
    start = max(0, min(span.start, length))
    return start, max(start, min(span.end, length))


def split_pieces(text: str, spans: list[tuple[str, Span | None, str]]) -> list[Piece]:
    """Cut ``text`` at every span boundary so overlapping spans become non-overlapping pieces,
    each listing every flag that covers it. ``spans`` holds (flag id, span, severity)."""
    ranges = [(fid, r, sev) for fid, span, sev in spans if (r := _clip(span, len(text))) is not None]
    cuts = sorted({0, len(text)} | {r[0] for _, r, _ in ranges} | {r[1] for _, r, _ in ranges})
    pieces: list[Piece] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        points = [(fid, sev) for fid, r, sev in ranges if r[0] == r[1] == a]
        if points:
            pieces.append(Piece("", tuple(f for f, _ in points), worst(s for _, s in points), point=True))
        if b is None:
            break
        covering = [(fid, sev) for fid, r, sev in ranges if r[0] <= a and b <= r[1] and r[0] < r[1]]
        pieces.append(Piece(text[a:b], tuple(f for f, _ in covering),
                            worst(s for _, s in covering) if covering else ""))
    return pieces


def worst(severities) -> str:
    known = [s for s in severities if s in SEVERITIES]
    return min(known, key=severity_rank) if known else "minor"


@dataclass
class FlagView:
    id: str
    flag: Flag
    cat_class: str
    sev_class: str


def _segment_views(result: AuditResult) -> list[dict]:
    views = []
    counter = 0
    for index, seg_result in enumerate(result.segments):
        seg = seg_result.segment
        flags = []
        for flag in seg_result.flags:
            counter += 1
            flags.append(FlagView(f"f{counter}", flag, css_name(flag.category), css_name(flag.severity)))
        src = split_pieces(seg.src, [(f.id, f.flag.src_span, f.flag.severity) for f in flags])
        tgt = split_pieces(seg.tgt, [(f.id, f.flag.tgt_span, f.flag.severity) for f in flags])
        views.append({"index": index, "segment": seg, "flags": flags, "src": src, "tgt": tgt,
                      "categories": sorted({f.cat_class for f in flags}),
                      "links": word_links(seg.src, seg.tgt) if flags else []})
    return views


def word_links(src: str, tgt: str) -> list[tuple[str, str]]:
    """(English word, Arabic word) for each word link of a pair (mtkit.align.words), as written:
    shown under flagged segments, so a reviewer sees which Arabic words render which English ones."""
    from mtkit.align.words import link_words
    from mtkit.text.normalize import normalize
    from mtkit.text.tokens import tokenize

    s_words = [t for t in tokenize(normalize(src)) if t.is_word]
    t_words = [t for t in tokenize(normalize(tgt)) if t.is_word]
    return [(src[s_words[x.src].start:s_words[x.src].end], tgt[t_words[x.tgt].start:t_words[x.tgt].end])
            for x in link_words(s_words, t_words)]


def _chart(result: AuditResult) -> dict:
    """Bars by category, stacked by severity, sized for an inline SVG."""
    rows: dict[str, dict[str, int]] = {}
    for flag in result.flags:
        row = rows.setdefault(flag.category, {s: 0 for s in SEVERITIES})
        if flag.severity in row:
            row[flag.severity] += 1
    most = max((sum(r.values()) for r in rows.values()), default=0) or 1
    bar_width, label_width, row_height = 420, 130, 22
    bars = []
    for i, (category, counts) in enumerate(sorted(rows.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))):
        x: float = label_width
        parts = []
        for sev in SEVERITIES:
            width = round(bar_width * counts[sev] / most, 1)
            if width:
                parts.append({"x": x, "width": width, "severity": sev, "count": counts[sev]})
            x += width
        bars.append({"y": i * row_height, "category": category, "total": sum(counts.values()),
                     "parts": parts, "end": x})
    return {"bars": bars, "width": label_width + bar_width + 50,
            "height": max(1, len(bars)) * row_height, "row_height": row_height, "label_width": label_width}


@functools.lru_cache(maxsize=1)
def template_environment() -> jinja2.Environment:
    """The Jinja environment of the HTML pages' templates (the audit's and compare's)."""
    import jinja2               # here, not at import: every run imports this module to list formats
    return jinja2.Environment(
        loader=jinja2.PackageLoader("mtkit.report", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@functools.lru_cache(maxsize=1)
def _assets() -> tuple[Markup, Markup, str]:
    """The page's own CSS and JS (never input), and the script's SHA-256 for the CSP."""
    folder = resources.files("mtkit.report") / "templates"
    css = (folder / "report.css").read_text(encoding="utf-8")
    js = (folder / "report.js").read_text(encoding="utf-8")
    assert "</" not in css and "</" not in js, "inline assets must not close their element"
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return Markup(css), Markup(js), digest


def _category_counts(result: AuditResult) -> dict[str, int]:
    """Flags by category for the filters, waived ones too (their cards are shown, marked)."""
    counts: dict[str, int] = {}
    for flag in result.flags:
        counts[flag.category] = counts.get(flag.category, 0) + 1
    return dict(sorted(counts.items()))


def _decisions_json(result: AuditResult) -> str:
    """Every decision of the waivers file (those on flags not in this report too, so that an
    export loses none), for the page's script; autoescape makes it a safe attribute value."""
    import json
    return json.dumps([d.to_dict() for d in sorted(result.decisions, key=lambda d: d.fingerprint)],
                      ensure_ascii=False, sort_keys=True)


def render(result: AuditResult, title: str | None = None) -> str:
    css, js, script_hash = _assets()
    summary = result.summary()
    if title is None:
        name = os.path.basename(result.tgt_path) if result.tgt_path else ""
        title = f"mtkit audit: {name}" if name else "mtkit audit"
    from mtkit import __version__
    return template_environment().get_template("audit.html").render(
        title=title, result=result, summary=summary, segments=_segment_views(result),
        chart=_chart(result), severities=SEVERITIES, css_name=css_name,
        decisions={d.fingerprint: d for d in result.decisions}, decisions_json=_decisions_json(result),
        categories=_category_counts(result),
        css=css, js=js, script_hash=script_hash, version=__version__)


@writer("html", AuditResult)
def audit_html(result: AuditResult, stream: TextIO, *, title: str | None = None, **_options) -> None:
    stream.write(render(result, title))
