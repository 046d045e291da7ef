"""Word links inside a sentence pair (mtkit.align.words) and their use on AnalyzedSegment."""
from __future__ import annotations

import pytest

from mtkit.align.words import link_words, unmatched
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Segment
from mtkit.text import dictionary
from mtkit.text.normalize import normalize
from mtkit.text.tokens import tokenize

EN = "The Ministry of Health reported 23 new cases in Egypt on Monday, said Hughes."
AR = "أعلنت وزارة الصحة يوم الاثنين عن 23 إصابة جديدة في مصر، حسبما قال هيوز."


def words(text):
    return [t for t in tokenize(normalize(text)) if t.is_word]


def test_numbers_and_names_link_without_a_dictionary(monkeypatch):
    monkeypatch.setattr(dictionary, "bilingual", lambda: None)
    src, tgt = words(EN), words(AR)
    links = {(src[x.src].norm, tgt[x.tgt].norm, x.kind) for x in link_words(src, tgt)}
    assert ("23", "23", "number") in links
    assert ("hughes", "هيوز", "name") in links


@pytest.mark.skipif(dictionary.bilingual() is None, reason="FreeDict is not installed")
def test_dictionary_links_and_unmatched_words():
    seg = AnalyzedSegment(Segment(id="1", src=EN, tgt=AR + " وأضاف أن الوضع مستقر."))
    linked = {(seg.src_words[x.src].norm, seg.tgt_words[x.tgt].norm) for x in seg.word_links}
    assert {("ministry", "وزاره"), ("health", "الصحه"), ("monday", "الاثنين")} <= linked
    assert all(len({x.src for x in seg.word_links}) == len(seg.word_links) for _ in [0])  # one-to-one
    src_left, tgt_left = seg.unmatched_words
    assert "مستقر" in [t.norm for t in tgt_left]          # the added clause is unmatched
    assert "the" not in [t.norm for t in src_left]         # function words are never "unmatched"
    # spans point into the original text
    assert all(seg.tgt[t.start:t.end] for t in tgt_left)


def test_unmatched_counts_only_content_words():
    src, tgt = words("The cat and the dog"), words("القط والكلب")
    left_src, left_tgt = unmatched(src, tgt, [])
    assert [src[i].norm for i in left_src] == ["cat", "dog"]
    assert len(left_tgt) == 2


def test_html_report_lists_word_links_as_written():
    from mtkit.report.html import word_links

    links = word_links("Hughes said 23 <b>people</b>.", "قال هيوز إن 23 شخصًا.")
    assert ("23", "23") in links and ("Hughes", "هيوز") in links
