"""Derived forms on both sides: English bases (mtkit.text.lemmas.derived_bases) and Arabic roots
(mtkit.text.arabic.pattern_root), the word-link evidence of the clause checks."""
from __future__ import annotations

import pytest

from mtkit.text.arabic import pattern_root
from mtkit.text.lemmas import derived_bases
from mtkit.text.normalize import norm


@pytest.mark.parametrize("word, base", [
    ("usage", "use"), ("user", "use"), ("using", "use"), ("approval", "approve"), ("approved", "approve"),
    ("treatment", "treat"), ("closely", "close"), ("organizational", "organize"), ("learners", "learn"),
    ("employee", "employ"), ("identification", "identify"), ("biological", "biology")])
def test_a_derived_word_meets_its_base(word, base):
    assert base in derived_bases(word)


@pytest.mark.parametrize("word, not_base", [
    ("several", "sever"), ("total", "tot"), ("stater", "state"), ("nation", "nate"), ("hospital", "hospit")])
def test_no_base_by_chance(word, not_base):
    # a rare word does not derive (stater, a coin), a base must be a word, and -al is read only as -ional, -ical …
    assert not_base not in derived_bases(word)


@pytest.mark.parametrize("words, root", [
    ("استخدام يستخدم المستخدمة استخدم", "خدم"),     # form X: masdar, imperfect, participle, perfect
    ("انتقل انتقاله الانتقال المنتقلة ينتقل نقل", "نقل"),   # form VIII and the bare root
    ("المرتبطة الارتباط", "ربط"), ("التوضيح", "وضح"), ("المتحدث", "حدث"), ("أنواع نوع", "نوع"),
    ("مكتوب الكاتب", "كتب"), ("إنتاج", "نتج")])
def test_derived_arabic_words_share_their_root(words, root):
    assert {pattern_root(norm(w))[0] for w in words.split()} == {root}


def test_weak_patterns_are_marked():
    # a verb form's pattern is a strong sign of its root; the noun patterns many words share are weak
    assert pattern_root(norm("استخدام")) == ("خدم", False)
    assert pattern_root(norm("نقل")) == ("نقل", False)
    assert pattern_root(norm("المعلومات"))[1] and pattern_root(norm("العلامة"))[1]
    assert pattern_root(norm("البروتوكولات")) is None
