"""mtkit.text.sentences: English and Arabic sentence splitting for news text."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from mtkit.data import table
from mtkit.io import read_document
from mtkit.text.sentences import sentence_spans, split_sentences

DATA = Path(__file__).resolve().parent / "data" / "text"
MARK = " ‖ "


def cases(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("marked", cases("sentences.en.txt"))
def test_english_cases(marked):
    assert split_sentences(marked.replace(MARK, " ")) == marked.split(MARK)


@pytest.mark.parametrize("marked", cases("sentences.ar.txt"))
def test_arabic_cases(marked):
    assert split_sentences(marked.replace(MARK, " ")) == marked.split(MARK)


def test_spans_point_into_the_paragraph_and_are_trimmed():
    paragraph = "  Mr. Musk spoke.   “Yes,” he said.  "
    spans = sentence_spans(paragraph)
    assert [paragraph[s:e] for s, e in spans] == ["Mr. Musk spoke.", "“Yes,” he said."]


@pytest.mark.parametrize("paragraph", ["", "   ", "No final period", "."])
def test_degenerate_paragraphs(paragraph):
    assert split_sentences(paragraph) == ([paragraph.strip()] if paragraph.strip() else [])


def test_abbreviation_file_has_provenance_and_known_marks():
    header = (Path(__file__).resolve().parent.parent / "mtkit" / "data" / "abbreviations.en.txt") \
        .read_text(encoding="utf-8").splitlines()[:3]
    assert any("Provenance" in line for line in header)
    assert {row["mark"] for row in table("abbreviations.en.txt")} == {"", "title", "numeral", "starter"}


# Sentences per paragraph of the bundled article, counted by hand. The Arabic paragraph 11 has a
# full stop where the English runs on ("…innovators,” Hughes continued, “with…"), so it has two.
EN_COUNTS = [2, 2, 1, 2, 3, 1, 3, 2, 1, 1, 1, 3, 3, 1, 3, 2, 2, 1]
AR_COUNTS = [2, 2, 1, 2, 3, 1, 3, 2, 1, 1, 2, 3, 3, 1, 3, 2, 2, 1]


@pytest.mark.parametrize("side, counts", [("en", EN_COUNTS), ("ar", AR_COUNTS)])
def test_article_paragraphs_and_sentence_counts(corpora, side, counts):
    paragraphs = read_document(str(corpora / f"musk-trump.{side}.txt"))
    assert len(paragraphs) == 18
    sentences = [split_sentences(p) for p in paragraphs]
    assert [len(s) for s in sentences] == counts
    for paragraph, parts in zip(paragraphs, sentences):
        assert " ".join(parts) == paragraph       # nothing lost or reordered


def test_article_tricky_sentences_stay_whole(corpora):
    en = [s for p in read_document(str(corpora / "musk-trump.en.txt")) for s in split_sentences(p)]
    assert "The pair have discussed immigration, technology and science, including the U.S. Space Force." in en
    assert "Update, 7:38 p.m. ET: Updated with comment from the Trump campaign." in en
    assert any(s.startswith("Elon Musk has been talking with Donald Trump “several times a month”") for s in en)


def test_one_megabyte_paragraph_splits_in_linear_time():
    paragraph = "This is a sentence about Mr. Musk and the U.S. economy. " * 18_000
    assert len(paragraph) > 1_000_000
    started = time.perf_counter()
    assert len(split_sentences(paragraph)) == 18_000
    assert time.perf_counter() - started < 5
