"""The HTML audit report: pieces for overlapping spans, escaping, self-containment, CLI."""
from __future__ import annotations

import base64
import io
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtkit.cli import main
from mtkit.model import AuditResult, Flag, Segment, SegmentResult, Span
from mtkit.report import write
from mtkit.report.html import Piece, render, split_pieces

DATA = Path(__file__).parent / "data" / "report"
# The CLI tests pin two stable checks so they test the writer, not which checks exist.
AUDIT = ["audit", "--pairs", str(DATA / "pairs.jsonl"), "--checks", "idiom,number", "--quiet", "--jobs", "1"]
VOID = {"meta", "input", "br", "img", "link", "rect"}


def load(name: str) -> AuditResult:
    result = AuditResult.from_dict(json.loads((DATA / f"{name}.audit.json").read_text(encoding="utf-8")))
    result.src_path, result.tgt_path = f"{name}.en.txt", f"{name}.ar.txt"
    return result


class Page(HTMLParser):
    """Checks that tags nest, and collects each column's text and each mark's flags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.columns: list[tuple[str, str]] = []   # (en|ar, text)
        self.marks: list[tuple[str, str]] = []     # (en|ar, data-flags)
        self.scripts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        classes = attrs.get("class", "").split()
        if tag == "div" and "col" in classes:
            self.columns.append(("ar" if "ar" in classes else "en", ""))
        if tag == "mark":
            self.marks.append((self.columns[-1][0], attrs["data-flags"]))
        if tag == "script":
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if any(t == "div" and "col" in a.get("class", "").split() for t, a in self.stack):
            side, text = self.columns[-1]
            self.columns[-1] = (side, text + data)
        if self.stack and self.stack[-1][0] == "script":
            self.scripts[-1] += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert [t for t, _ in page.stack] == [], "unclosed tags"
    return page


def test_split_pieces_overlap_nesting_and_points():
    text = "abcdefghij"
    pieces = split_pieces(text, [("f1", Span(2, 6), "minor"), ("f2", Span(4, 8), "critical"),
                                 ("f3", Span(5, 5), "major"), ("f4", None, "major")])
    assert "".join(p.text for p in pieces) == text
    assert pieces == [
        Piece("ab"), Piece("cd", ("f1",), "minor"), Piece("e", ("f1", "f2"), "critical"),
        Piece("", ("f3",), "major", point=True), Piece("f", ("f1", "f2"), "critical"),
        Piece("gh", ("f2",), "critical"), Piece("ij")]


def test_split_pieces_clips_bad_spans():
    pieces = split_pieces("abc", [("f1", Span(1, 99), "major"), ("f2", Span(2, 1), "major"),
                                  ("f3", Span(3, 3), "minor")])
    assert pieces == [Piece("a"), Piece("bc", ("f1",), "major"), Piece("", ("f3",), "minor", point=True)]
    assert split_pieces("", []) == []


def test_columns_keep_the_text_and_mark_both_sides():
    result = load("sample")
    page = parse(render(result))
    en = [t for side, t in page.columns if side == "en"]
    ar = [t for side, t in page.columns if side == "ar"]
    assert en == [s.segment.src for s in result.segments]
    assert ar == [s.segment.tgt for s in result.segments]
    # the overlapping idiom/grammar flags: a piece carries both ids, in both columns
    assert ("en", "f1 f2") in page.marks and ("ar", "f1 f2") in page.marks
    # every flag with both spans is marked in both columns, and has one card
    flag_ids = [f"f{i + 1}" for i in range(len(result.flags))]
    for fid, flag in zip(flag_ids, result.flags):
        sides = {side for side, ids in page.marks if fid in ids.split()}
        assert sides == {side for side, span in (("en", flag.src_span), ("ar", flag.tgt_span)) if span}
        cards = [a for t, a in page.tags if a.get("data-flag") == fid]
        assert len(cards) == 1 and cards[0]["data-category"] == flag.category
    # the point span (omission) is an empty mark
    assert '<mark class="hl sev-major point" data-flags="f6" tabindex="0"></mark>' in render(result)


def test_arabic_column_direction_language_and_fonts():
    html = render(load("sample"))
    page = parse(html)
    ar_cols = [a for t, a in page.tags if t == "div" and "ar" in a.get("class", "").split()]
    assert ar_cols and all(a["dir"] == "rtl" and a["lang"] == "ar" for a in ar_cols)
    assert '"Noto Naskh Arabic", "Amiri", "Segoe UI", "Geeza Pro", "Arial", sans-serif' in html
    # English left: in each row the English column comes first
    assert html.index('class="col en"') < html.index('class="col ar"')


def test_summary_counts_chart_and_filters():
    result = load("sample")
    html = render(result, title="Weekly audit")
    assert "<title>Weekly audit</title>" in html
    summary = result.summary()
    for sev, count in summary["by_severity"].items():
        assert f'<b>{count}</b><span>{sev}</span>' in html
    page = parse(html)
    assert any(t == "svg" for t, _ in page.tags)
    bars = [a for t, a in page.tags if t == "rect"]
    assert len(bars) == len(summary["by_category"])  # each category has one severity here
    cat_boxes = sorted(a["value"] for t, a in page.tags if t == "input" and a.get("class") == "f-cat")
    assert cat_boxes == sorted(summary["by_category"])
    sev_boxes = [a["value"] for t, a in page.tags if t == "input" and a.get("class") == "f-sev"]
    assert sev_boxes == ["critical", "major", "minor"]


def test_self_contained_no_network():
    html = render(load("sample"))
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_hostile_input_is_text_only():
    result = load("hostile")
    html = render(result)
    page = parse(html)
    # exactly one script element (the report's own), allowed by its CSP hash
    assert [t for t, _ in page.tags].count("script") == 1
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert "img" not in [t for t, _ in page.tags]
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert "&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=window.__pwned=6&gt;" in html  # the suggestion
    seg = result.segments[0].segment
    assert [t for _, t in page.columns] == [seg.src, seg.tgt]


def test_empty_result():
    html = render(AuditResult(segments=[SegmentResult(Segment("0", "Hello.", "مرحبا."))]))
    assert "No flags." in html
    parse(html)


def test_unknown_category_is_a_safe_class_name():
    flag = Flag(category='x" onclick="y', severity="major", check="c", message="m",
                src_span=Span(0, 1), tgt_span=Span(0, 1))
    html = render(AuditResult([SegmentResult(Segment("0", "ab", "اب"), [flag])]))
    page = parse(html)
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert 'data-category="x--onclick--y"' in html


def test_cli_html(tmp_path):
    out = tmp_path / "report.html"
    run = CliRunner().invoke(main, AUDIT + ["--format", "html", "-o", str(out)])
    assert run.exit_code == 0, run.output
    data = json.loads(CliRunner().invoke(main, AUDIT + ["--format", "json"]).output)
    assert data["summary"]["by_severity"]["critical"] > 0  # the hostile pair is flagged too
    page = parse(out.read_text(encoding="utf-8"))
    cards = [a for t, a in page.tags if "data-flag" in a]
    assert len(cards) == sum(len(s["flags"]) for s in data["segments"])
    assert [t for _, t in page.columns] == [x for s in data["segments"] for x in (s["src"], s["tgt"])]


def test_subprocess_html(tmp_path):
    out = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "mtkit", *AUDIT, "--format", "html", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    page = parse(out.read_text(encoding="utf-8"))
    hostile = next(line for line in (DATA / "pairs.jsonl").read_text(encoding="utf-8").splitlines() if "hostile" in line)
    assert [json.loads(hostile)["en"], json.loads(hostile)["ar"]] == [t for _, t in page.columns[6:8]]
    assert [t for t, _ in page.tags].count("script") == 1 and "img" not in [t for t, _ in page.tags]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "junit", "github"])
def test_registered(fmt):
    from mtkit.report import formats
    assert fmt in formats(AuditResult)
    stream = io.StringIO()
    write(load("sample"), fmt, stream)
    assert stream.getvalue()
