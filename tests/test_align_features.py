"""Unit features for the aligner (mtkit.align.features): length, cross-script anchors, dictionary keys."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtkit.align.features import ar_features, en_features
from mtkit.text import bama, dictionary
from mtkit.text.normalize import norm

DATA = Path(__file__).resolve().parent / "data" / "align"


def test_numbers_match_across_scripts():
    en = en_features("Tesla sold 1,200 cars in 2024.")
    ar = ar_features("باعت تسلا ١٢٠٠ سيارة في عام ٢٠٢٤.")
    assert {"n:1200", "n:2024"} <= en.anchors & ar.anchors


def test_latin_words_kept_in_arabic_match():
    en = en_features("He posted on X about SpaceX.")
    ar = ar_features("نشر على منصة X عن SpaceX.")
    assert "l:spacex" in en.anchors & ar.anchors


def test_names_match_by_consonant_skeleton():
    en = en_features("Musk met Trump.")
    ar = ar_features("التقى ماسك بترامب.")
    shared = en.anchors & ar.anchors
    assert any(a.startswith("s:") for a in shared)


def test_length_is_normalized_characters():
    text = "الْحَمْدُ لِلَّهِ"                      # diacritics do not count
    assert ar_features(text).length == len(norm(text)) == len("الحمد لله")
    assert en_features("Hello, World").length == 12


def test_features_are_deterministic_and_hashable():
    line = (DATA / "verses.ar.txt").read_text(encoding="utf-8").splitlines()[0]
    assert ar_features(line) == ar_features(line)
    assert hash(ar_features(line)) == hash(ar_features(line))


def test_empty_unit():
    assert en_features("").length == 0 and not en_features("").anchors
    assert ar_features("   ").anchors == frozenset()


def test_names_ending_in_ta_marbuta_match_english_spellings():
    # narrator chains: the English drops the final ة/ه that the skeleton reads as h
    pairs = [("Abu Huraira reported", "عَنْ أَبِي هُرَيْرَةَ"), ("Qatada narrated", "حَدَّثَنَا قَتَادَةُ"),
             ("He entered Mecca.", "دَخَلَ مَكَّةَ"), ("Safiyya said", "قَالَتْ صَفِيَّةُ")]
    for en, ar in pairs:
        assert any(a.startswith("s:") for a in en_features(en).anchors & ar_features(ar).anchors), en


def test_a_final_h_is_kept_as_well():
    # the skeleton with the final letter stays: a name whose h is sounded still matches
    assert "s:TLH" in ar_features("قال طلحة").anchors & en_features("Talha said").anchors
    assert "s:BRHM" in ar_features("إبراهيم").anchors


def _keys(items: tuple[str, ...]) -> set[str]:
    return {key for item in items for key in item.split("|")}


def test_inflected_words_link_through_the_arabic_glosses():
    # FreeDict renders "said" as قيل and "heard" as مسموع; the text's قال and سمعت are linked by
    # BAMA's English glosses of the Arabic words (Arabic → English), where its tables are installed
    if dictionary.bilingual() is None or bama.lexicon() is None:
        pytest.skip("FreeDict or BAMA's tables are not installed")
    en, ar = en_features("He said that he heard it."), ar_features("قَالَ سَمِعْتُ ذَلِكَ")
    shared = _keys(en.lexical) & _keys(ar.lexical)
    assert {"g:said", "g:heard"} <= shared
    assert not shared - {k for k in shared if k.startswith("g:")}      # FreeDict alone links neither


def test_function_words_are_no_gloss_keys():
    if dictionary.bilingual() is None or bama.lexicon() is None:
        pytest.skip("FreeDict or BAMA's tables are not installed")
    assert not any(k in _keys(en_features("He was with them").lexical) for k in ("g:he", "g:was", "g:with"))
