"""untranslated.latin: English left in the Arabic; names and brands in Latin script are fine."""
from __future__ import annotations

import pytest




LEFT = [
    ("The agency said the outbreak was under control.", "قالت الوكالة إن outbreak كان تحت السيطرة.", "outbreak"),
    ("The startup's chatbot was trained on public data.",
     "تم تدريب chatbot الخاص بالشركة الناشئة على بيانات عامة.", "chatbot"),
    # a run of English words is one flag
    ("The company said the video model was ready.", "قالت الشركة إن the video model جاهز.", "the video model"),
]


@pytest.mark.parametrize("en, ar, text", LEFT)
def test_english_words_left_in_arabic_are_flagged(only_flag, en, ar, text):
    flag = only_flag(en, ar, "untranslated.latin")
    assert (flag.category, flag.check, flag.severity) == ("untranslated", "untranslated.latin", "major")
    assert flag.tgt_span.slice(ar) == flag.tgt_text == text
    # the same words located in the English
    assert flag.src_span.slice(en).lower() == flag.src_text.lower() == text


KEPT = [
    ("Tesla and SpaceX shares rose after the announcement.", "ارتفعت أسهم Tesla وSpaceX بعد الإعلان."),
    ("The new phone will be sold through Amazon and Samsung stores.",
     "سيباع الهاتف الجديد عبر متاجر Amazon و Samsung."),
    ("Officials posted the statement on WhatsApp and Instagram.", "نشر المسؤولون البيان على WhatsApp وInstagram."),
    # a proper noun and an acronym kept as written in the English
    ("Reuters reported that the central bank would hold rates steady.",
     "نقلت Reuters أن البنك المركزي سيبقي أسعار الفائدة دون تغيير."),
    ("The WHO said the vaccine was safe.", "قالت WHO إن اللقاح آمن."),
    ("Prices rose sharply this week.", "ارتفعت الأسعار بشكل حاد هذا الأسبوع."),
]


@pytest.mark.parametrize("en, ar", KEPT)
def test_brands_names_and_arabic_text_are_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "untranslated.latin") == []


def test_web_address_copied_from_the_english_is_not_flagged(run_check):
    en, ar = "The report is available at www.example.org.", "التقرير متاح على www.example.org."
    assert run_check(en, ar, "untranslated.latin") == []
