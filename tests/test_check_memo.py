"""checks.memo.Memo: what a segment's or a document's checks share is computed once per object."""
from __future__ import annotations

from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.document import DocumentContext
from mtkit.model import Segment


def test_a_value_is_computed_once_per_object_and_key():
    seg = AnalyzedSegment(Segment(id="1", src="Ten people.", tgt="عشرة أشخاص."))
    doc = DocumentContext([seg])
    calls: list[str] = []

    def compute(name: str):
        return lambda: calls.append(name) or len(calls)

    for owner in (seg, doc):                  # the same key on two objects: each computes its own
        assert owner.memo("numbers", compute("numbers")) == owner.memo("numbers", compute("again"))
    assert seg.memo("other", compute("other")) == 3
    assert calls == ["numbers", "numbers", "other"]
