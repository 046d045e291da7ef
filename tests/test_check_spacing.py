"""spacing.*: glued, joined and split words, doubled spaces, a space before punctuation."""
from __future__ import annotations

import pytest


EN = "The ministry said the new school would open in the capital."
CORRECT = "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة."



CASES = [
    ("spacing.glued", "قالت الوزارة إن المدرسة الجديدةستفتح في العاصمة.", "الجديدةستفتح", "الجديدة ستفتح"),
    ("spacing.joined", "قالت الوزارة إن المدرسة الجديدة ستفتح فيالعاصمة.", "فيالعاصمة", "في العاصمة"),
    ("spacing.double", "قالت الوزارة إن المدرسة الجديدة ستفتح في  العاصمة.", "  ", " "),
    ("spacing.before_punctuation", "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة .", " .", "."),
]


@pytest.mark.parametrize("name, ar, text, suggestion", CASES)
def test_spacing_problem_is_minor_with_exact_target_span(only_flag, name, ar, text, suggestion):
    flag = only_flag(EN, ar, name)
    assert (flag.category, flag.check, flag.severity) == ("spacing", name, "minor")
    assert flag.tgt_span.slice(ar) == flag.tgt_text == text
    assert flag.suggestion == suggestion
    assert flag.src_span is None


def test_split_word_is_flagged(run_check):
    en, ar = "The company said profits rose.", "قالت الشر كة إن الأرباح ارتفعت."
    (flag,) = run_check(en, ar, "spacing.split")
    assert (flag.check, flag.severity) == ("spacing.split", "minor")
    assert flag.tgt_span.slice(ar) == "الشر كة" and flag.suggestion == "الشركة"


CLEAN = [
    (EN, CORRECT),
    # a transliterated name that is no Arabic word
    ("Mayor Kowalczyk opened the new Szczecin bridge on Friday.",
     "افتتح رئيس البلدية كوفالتشيك جسر شتشيتسين الجديد يوم الجمعة."),
    # long but ordinary words with clitics
    ("They will tell you about their decisions.", "وسيخبرونكم بقراراتهم."),
    # English spacing is not judged; a space before Arabic punctuation only after an Arabic letter
    ("Prices rose 5 %.", "ارتفعت الأسعار 5 %."),
]


@pytest.mark.parametrize("en, ar", CLEAN)
def test_correct_spacing_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "spacing") == []


def test_diacritics_stay_inside_words(run_check):
    """Harakat are part of a word: a split word with vowel marks is still found, and a fully
    vowelled sentence gives no flag."""
    en = "The hospital said the patient was in stable condition."
    split = run_check(en, "قال المُس تشفى إن حالة المريض مستقرة.", "spacing")
    assert [(f.check, f.tgt_text, f.suggestion) for f in split] == [("spacing.split", "المُس تشفى", "المستشفى")]
    vowelled = "قال المُسْتَشْفَى إنَّ حالةَ المريضِ مستقرةٌ."
    assert run_check(en, vowelled, "spacing") == []


HUNSPELL = pytest.mark.skipif(not __import__("pathlib").Path("/usr/share/hunspell/ar.dic").is_file(),
                              reason="hunspell-ar is not installed")
# Rare but correct words of real professional translations (TICO-19): a known stem with its
# article, nisba, dual, plural or pronoun ending is one word, not two words glued.
INFLECTED = [
    ("The genomic sequence was published.", "نُشر التسلسل الجينومي."),                       # wordfreq stem + nisba
    ("Several genomes were compared.", "قورنت عدة جينومات."),                                 # stem + plural
    ("Your consulate can help.", "يمكن أن تساعدك قنصليتك."),                                  # ة restored before a pronoun
    ("The dimer binds the receptor.", "يرتبط الديمر بالمستقبل."),                             # a loanword of the English
]
INFLECTED_HUNSPELL = [
    ("Both templates are used.", "يُستخدم القالبان."),                                        # dual
    ("The feline coronavirus is common.", "فيروس كورونا السنوري شائع."),                      # nisba
    ("Placentas were examined.", "فُحصت مشيمات."),                                            # plural of مشيمة
]
GLUED = [
    ("If it was positive, isolate.", "إذاكانت النتيجة إيجابية، اعزل نفسك.", "إذاكانت"),       # wordfreq saw إذاكان
    ("Chinese medicine is old.", "الطبالصيني قديم.", "الطبالصيني"),
    # a part rare as written, common without its conjunction, future س or article (اغسل, نركز)
    ("Wash your hands.", "فاغسليديك جيدًا.", "فاغسليديك"),
    ("We will focus on the plan.", "وسنركزعلى الخطة.", "وسنركزعلى"),
    ("Parents and officials redirect children.", "يعيد الآباء والمسؤولونتوجيه الأطفال.", "والمسؤولونتوجيه"),
    ("The chain reaction for copying.", "تفاعل البوليمراز المتسلسلللنسخ العكسي.", "المتسلسلللنسخ"),
]


@pytest.mark.parametrize("en, ar", INFLECTED)
def test_an_inflected_rare_word_is_one_word(run_check, en, ar):
    assert run_check(en, ar, "spacing.joined") == []


@HUNSPELL
@pytest.mark.parametrize("en, ar", INFLECTED_HUNSPELL)
def test_a_hunspell_stem_with_its_ending_is_one_word(run_check, en, ar):
    assert run_check(en, ar, "spacing.joined") == []


@pytest.mark.parametrize("en, ar, word", [g for g in GLUED if g[2]])
def test_two_words_glued_are_still_flagged(run_check, en, ar, word):
    assert [f.tgt_text for f in run_check(en, ar, "spacing.joined")] == [word]


def test_without_hunspell_the_check_still_runs(run_check, monkeypatch, tmp_path):
    from mtkit.text import spelling
    monkeypatch.setenv("MTKIT_HUNSPELL_DIR", str(tmp_path))
    spelling.hunspell_stems.cache_clear()
    try:
        assert spelling.hunspell_stems() == frozenset()
        assert [f.tgt_text for f in run_check(*GLUED[1][:2], "spacing.joined")] == ["الطبالصيني"]
    finally:
        spelling.hunspell_stems.cache_clear()


def test_hunspell_stems_are_read_from_a_dic_file(monkeypatch, tmp_path):
    from mtkit.text import spelling
    (tmp_path / "ar.dic").write_text("2\nقالب/76\nمشيمة/72\n", encoding="utf-8")
    monkeypatch.setenv("MTKIT_HUNSPELL_DIR", str(tmp_path))
    monkeypatch.setenv("MTKIT_CACHE_DIR", "")
    spelling.hunspell_stems.cache_clear()
    try:
        assert set(spelling.hunspell_stems()) == {"قالب", "مشيمه"}
        assert spelling.in_hunspell("القالبان") and spelling.in_hunspell("مشيماتها")
        assert not spelling.in_hunspell("الطبالصيني")
    finally:
        spelling.hunspell_stems.cache_clear()


def test_fi_glued_to_a_word_is_not_read_as_a_verb(run_check):
    # فيمصر could be ف + ي + مصر ("so he Egyptianizes"), but the split's right part is the stem
    assert [f.tgt_text for f in run_check("Protests in Egypt grew.", "تزايدت الاحتجاجات فيمصر.",
                                          "spacing.joined")] == ["فيمصر"]


def test_a_name_split_where_one_piece_is_nearly_the_name_and_the_other_no_word(run_check):
    en = "The European Discovery trials apply an adaptive design."
    flags = run_check(en, "تطبق تجارب ديسكف ري الأوروبية تصميمًا تكيفيًا.", "spacing.split_name")
    assert [f.tgt_text for f in flags] == ["ديسكف ري"]
    assert run_check(en, "تطبق تجارب ديسكفري الأوروبية تصميمًا تكيفيًا.", "spacing.split_name") == []
    # two Arabic words, one of them one class off the name, are two words
    assert run_check("Public Health officials spoke of the current infection.",
                     "تحدث مسؤولو الصحة العامة عن الوضع الحالي لعدوى جديدة.", "spacing.split_name") == []


def test_a_word_with_the_article_glued_after_a_name_like_start_is_flagged(run_check):
    # أوص starts like South (S-T), but the article starts a second word
    en = "Chloroquine has been recommended by South Korean health authorities."
    ar = "أوصتالسلطات الصحية الكورية الجنوبية بالكلوروكين."
    assert [(f.tgt_text, f.suggestion) for f in run_check(en, ar, "spacing.joined")] == \
        [("أوصتالسلطات", "أوصت السلطات")]


def test_two_words_that_are_a_names_only_rendering_are_the_name_split(run_check):
    # سيف and يد are words ("sword", "hand"), but nothing else renders Cepheid and the English
    # says neither
    en = "On 21 March 2020, Cepheid received approval from the FDA for a test."
    flags = run_check(en, "في 21 مارس 2020، حصلت سيف يد على إذن من إدارة الغذاء والدواء لاختبار.", "spacing.split_name")
    assert [(f.tgt_text, f.suggestion) for f in flags] == [("سيف يد", "سيفيد")]
    assert run_check(en, "في 21 مارس 2020، حصلت سيفيد على إذن من إدارة الغذاء والدواء لاختبار.",
                     "spacing.split_name") == []


@pytest.mark.parametrize("en, ar", [
    # words the English says (the drug), and a capital that is an English word (East, translated)
    ("On 2 April, Germany announced that it would purchase the drug from Japan.",
     "في 2 أبريل، أعلنت ألمانيا أنها ستشتري العقار من اليابان."),
    ("Levels of xenophobia have also risen in East Asia, with some restaurants refusing service.",
     "ارتفعت مستويات رهاب الأجانب في شرق آسيا أيضًا، إذ رفضت بعض المطاعم تقديم الخدمة."),
])
def test_two_words_the_english_says_are_no_split_name(run_check, en, ar):
    assert run_check(en, ar, "spacing.split_name") == []


def test_a_two_letter_piece_that_is_no_function_word_splits_a_word(run_check):
    en = "Broad availability of testing helped reduce the spread."
    flags = run_check(en, "وفرة الاختبارات سا عدت في الحد من الانتشار.", "spacing.split")
    assert [(f.tgt_text, f.suggestion) for f in flags] == [("سا عدت", "ساعدت")]
    # letters spelled out (CDC) are two short pieces, not a split word
    assert run_check("The CDC said so.", "قالت سي دي سي ذلك.", "spacing.split") == []
