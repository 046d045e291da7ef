"""punctuation.placeholder: placeholders and inline tags on one side only (Xbench's tag check)."""
from __future__ import annotations

from mtkit.checks import all_checks
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Segment


def test_missing_and_extra_placeholders(run_check):
    flags = run_check("Open %s in {0} for {name}.", "افتح %s في {0}.", "punctuation.placeholder")
    assert [(f.severity, f.src_text, f.tgt_text) for f in flags] == [("major", "{name}", "")]
    extra = run_check("Hello.", "مرحبا %d.", "punctuation.placeholder")
    assert [(f.tgt_text, f.tgt_span.start) for f in extra] == [("%d", 6)]


def test_prose_percent_and_braces_are_no_placeholders(run_check):
    assert run_check("Prices rose 100% this year.", "ارتفعت الأسعار 100% هذا العام.", "punctuation.placeholder") == []
    assert run_check("He was 100% sure.", "كان متأكدًا تمامًا.", "punctuation.placeholder") == []
    assert run_check("Say {0} twice: {0} {0}.", "قل {0} مرتين: {0} {0}.", "punctuation.placeholder") == []


def test_inline_tags_compared_as_codes():
    check = all_checks()["punctuation.placeholder"]
    seg = Segment("u", "Click Save now.", "انقر حفظ الآن.", src_codes=('<g id="1">', '<x id="2">'),
                  tgt_codes=('<g id="1">',))
    flags = check.run(AnalyzedSegment(seg))
    assert [(f.severity, f.category, f.suggestion) for f in flags] == [("minor", "punctuation", '<x id="2">')]
    assert '<x id="2">' in flags[0].message and flags[0].src_span is None
