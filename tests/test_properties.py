"""Property-based tests (hypothesis) over the readers, the normalizer, the checks and every writer:
arbitrary Unicode (surrogates, bidi and control characters, long tokens) and arbitrary JSON values
never raise anything but the input error, and every writer's output parses in its own format.
Examples are bounded (max_examples, deadline) so the suite stays fast."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mtkit.checks import run_checks, select
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.errors import InputError
from mtkit.io.pairs import read_pairs
from mtkit.model import SEVERITIES, AuditResult, Flag, Segment, SegmentResult, Span
from mtkit.report import write
from mtkit.report.escape import csv_cell, markdown, terminal, workflow_command, xml_text
from mtkit.text.normalize import normalize

FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

# Text as hostile input looks: any code point (lone surrogates too), plus the characters that
# matter to some medium, plus Arabic.
SPECIAL = st.sampled_from(["\n", "\r", "\r\n", "\x00", "\x01", "\x1b[31m", "\x1b]0;t\x07", "\u202e", "\u200f",
                           "::error::x", "::add-mask::", "##[error]", "=1+1", "@SUM(A1)", "-2+3", "|", "<b>",
                           "&amp;", "`", "]]>", "\ufffe", "\t", "\u2028", "%0A", "'", '"', ",", "ـ", "مرحبا"])
TEXT = st.lists(st.one_of(st.text(max_size=8), SPECIAL), max_size=8).map("".join)
ANY_TEXT = st.lists(st.one_of(st.characters(), SPECIAL), max_size=30).map("".join)  # surrogates too
JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
                          max_leaves=6)

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# ---- readers ---------------------------------------------------------------------------------

@FAST
@given(st.lists(st.dictionaries(st.sampled_from(["id", "en", "ar", "src", "tgt", "x"]), JSON_VALUE, max_size=4),
                min_size=1, max_size=4))
def test_pairs_reader_gives_segments_or_the_input_error(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("pairs") / "p.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    try:
        segments = list(read_pairs(str(path)))
    except InputError as exc:
        assert exc.path == str(path)
        return
    for seg in segments:
        for text in (seg.id, seg.src, seg.tgt):
            assert isinstance(text, str)
            text.encode("utf-8")   # no lone surrogate gets through
    assert len({seg.id for seg in segments}) == len(segments)


@FAST
@given(st.binary(max_size=200))
def test_pairs_reader_on_any_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "p.jsonl"
    path.write_bytes(data)
    for skipped in ([], None):   # with --skip-bad or without: segments or the input error, nothing else
        try:
            list(read_pairs(str(path), skipped))
        except InputError:
            pass


# ---- normalizer and checks -------------------------------------------------------------------

@FAST
@given(ANY_TEXT)
def test_normalize_keeps_an_offset_map(text):
    result = normalize(text)
    assert len(result.index) == len(result.text) + 1
    assert all(0 <= i <= len(text) for i in result.index)


CHECKS = select()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT)
def test_checks_never_raise_and_spans_fit(src, tgt):
    seg = Segment(id="1", src=src, tgt=tgt)
    flags = run_checks(AnalyzedSegment(seg, {}), CHECKS)   # time limits: tests/test_check_limits.py
    for flag in flags:
        for span, text in ((flag.src_span, src), (flag.tgt_span, tgt)):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)


# ---- writers ---------------------------------------------------------------------------------

FLAGS = st.builds(Flag, category=st.sampled_from(["idiom", "number", "entity"]), severity=st.sampled_from(SEVERITIES),
                  check=TEXT, message=TEXT, src_span=st.none() | st.just(Span(0, 1)), tgt_span=st.none(),
                  src_text=TEXT, tgt_text=TEXT, suggestion=TEXT, confidence=st.floats(0, 1))


@st.composite
def results(draw):
    segments = []
    for k in range(draw(st.integers(0, 3))):
        seg = Segment(id=draw(TEXT) + str(k), src=draw(TEXT), tgt=draw(TEXT), line=k + 1)
        segments.append(SegmentResult(seg, draw(st.lists(FLAGS, max_size=3))))
    return AuditResult(segments, src_path=draw(TEXT), tgt_path=draw(TEXT),
                       skipped=draw(st.lists(TEXT, max_size=2)))


def render(result: AuditResult, fmt: str) -> str:
    stream = io.StringIO()
    write(result, fmt, stream)
    return stream.getvalue()


@FAST
@given(results())
def test_every_writer_output_parses_in_its_format(result):
    data = json.loads(render(result, "json"))
    assert len(data["segments"]) == len(result.segments)
    lines = render(result, "jsonl").rstrip("\n").split("\n")   # only \n ends a line (not U+2028)
    assert all(json.loads(line) is not None for line in lines) and len(lines) == len(result.segments) + 1
    root = ET.fromstring(render(result, "junit").encode("utf-8"))
    assert int(root.get("tests")) == len(result.segments) + len(result.skipped)
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert len(rows) == 1 + len(result.flags) + len(result.skipped)
    for row in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "@", "\t", "\r") for cell in row)
    for line in render(result, "github").rstrip("\n").split("\n") if result.flags or result.skipped else []:
        assert line.startswith(("::error ", "::warning ", "::notice ")) and "\r" not in line
    text = render(result, "text")
    assert not CONTROL.search(text)
    assert not any(line.lstrip().startswith("::") or "##[" in line for line in text.split("\n"))
    md = render(result, "md")
    assert not re.search(r"(?<!\\)<(?!br>|details>|/details>|summary>|/summary>)", md)
    table = [line for line in md.split("\n") if line.startswith("| ") and "---" not in line]
    assert all(len(re.split(r"(?<!\\)\|", line)) - 2 in (2, 8) for line in table)
    assert "<script" not in render(result, "html").lower().replace("<script>", "").replace("<script nonce", "")


@FAST
@given(ANY_TEXT)
@example("+0")      # a number to Python, a formula's start to a spreadsheet
def test_escaping_helpers(text):
    assert "\n" not in terminal(text) and not CONTROL.search(terminal(text))
    assert not terminal(text).lstrip().startswith("::")
    shown = markdown(text).replace("<br>", "")
    assert "\n" not in shown and not re.search(r"(?<!\\)[<>|&]", shown)
    line = workflow_command("error", text, file=text, title=text)
    assert line.count("\n") == 1 and line.endswith("\n")
    ET.fromstring(f"<a b=\"{xml_text(text).replace('&', '&amp;').replace('<', '&lt;').replace(chr(34), '&quot;')}\"/>")
    cell = csv_cell(text)
    assert cell[:1] not in ("=", "+", "@", "\t", "\r") and (cell[:1] != "-" or re.fullmatch(r"-[\d.eE+-]*", cell))
    for helper in (terminal, markdown, xml_text):
        helper(text).encode("utf-8")
