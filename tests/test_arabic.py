"""mtkit.text.arabic: the one home of Arabic letters, proclitics, the article and light stems."""
from __future__ import annotations

import re
from pathlib import Path

import mtkit
from mtkit.text.arabic import (ARTICLES, CONJUNCTIONS, has_article, is_letter, strip_article,
                               strip_proclitics)


def test_letters():
    assert all(is_letter(ch) for ch in "ءابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآپچگ")
    assert not any(is_letter(ch) for ch in "٣،؟" + "\u064E\u0651\u0670" + "a1 ")


def test_article_alone_or_after_one_proclitic():
    for word in ("الرئيس", "والرئيس", "بالرئيس", "للرئيس"):
        assert has_article(word) and strip_article(word) == "رئيس"
    assert not has_article("لندن") and strip_article("لندن") == "لندن"


def test_proclitics_by_parameter():
    # the word first, then the tanwin form, then one form per prefix, in the order given
    assert strip_proclitics("وستا", ("و",), min_rest=2, tanwin=True) == ["وستا", "وست", "ستا"]
    assert strip_proclitics("ولم", CONJUNCTIONS, min_rest=2) == ["ولم", "لم"]
    assert strip_proclitics("ولا", CONJUNCTIONS, min_rest=3) == ["ولا"]          # too short to strip
    assert strip_proclitics("بالعاصمة", ARTICLES, min_rest=3) == ["بالعاصمة", "عاصمة"]


def test_no_other_module_writes_the_arabic_letter_range():
    package = Path(mtkit.__file__).parent
    for path in package.rglob("*.py"):
        if path.name != "arabic.py":
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\\u0621|\\u064[Aa]", text), path


def test_clitic_forms_strip_conjunctions_future_and_article_only():
    from mtkit.text.arabic import clitic_forms
    assert "نركز" in clitic_forms("وسنركز")                 # و + future س
    assert "مسؤولون" in clitic_forms("والمسؤولون")          # و + article
    assert "النسخ" in clitic_forms("للنسخ")                 # ل + ال written لل
    assert "لمست" not in clitic_forms("للمست")              # a lone ل stays on (as often a root letter)
    assert clitic_forms("بيت") == ["بيت"]                   # the word itself, however short


def test_stem_candidates_undo_light_inflection():
    from mtkit.text.arabic import stem_candidates
    assert "جينوم" in stem_candidates("الجينومي")          # article + nisba
    assert "قالب" in stem_candidates("القالبان")            # dual
    assert "مشيمة" in stem_candidates("مشيمات")             # plural of a ة noun
    assert "قنصلية" in stem_candidates("قنصليتك")           # ة written ت before a pronoun
    assert "نشئ" in stem_candidates("سينشئون")              # future + imperfect prefix + plural
    assert "العاصمة" not in stem_candidates("فيالعاصمة")   # no imperfect prefix before the article


def test_bare_forms_strip_the_article_after_lam_only():
    from mtkit.text.arabic import ar_bare
    assert "رئيس" in ar_bare("للرئيس") and "رئيس" in ar_bare("بالرئيس")
    assert "ما" not in ar_bare("كلما")          # "whenever": كـ + لما, never ك + ل + ما
