"""idiom.literal: English idioms rendered word for word, and the renderings that must pass."""
from __future__ import annotations

import pytest




def sliced(flag, en: str, ar: str) -> tuple[str, str]:
    return flag.src_span.slice(en), flag.tgt_span.slice(ar)


LITERAL = [
    ("The finance minister warned that lawmakers were again trying to kick the can down the road on pension reform.",
     "وحذر وزير المالية من أن المشرعين يحاولون مجددا ركل العلبة على الطريق في ما يخص إصلاح نظام التقاعد.",
     "kick the can down the road", "ركل العلبة على الطريق", "major"),
    # inflected verb, and the Arabic subject between the image words
    ("The ruling party kicked the can down the road again on Tuesday.",
     "ركل الحزب الحاكم العلبة على الطريق مجددا يوم الثلاثاء.",
     "kicked the can down the road", "ركل الحزب الحاكم العلبة على الطريق", "major"),
    ("Shipping firms have been making money hand over fist since the canal closed.",
     "تجني شركات الشحن المال بقبضة اليد منذ إغلاق القناة.",
     "hand over fist", "بقبضة اليد", "major"),
    ("Debt is the elephant in the room at this week's summit.",
     "الديون هي الفيل في الغرفة في قمة هذا الأسبوع.",
     "the elephant in the room", "الفيل في الغرفة", "major"),
    ("The coach's comments landed him in hot water with the league.",
     "أوقعته تصريحات المدرب في الماء الساخن مع الرابطة.",
     "in hot water", "الماء الساخن", "major"),
    ("The mayor bit the bullet and raised bus fares by ten cents.",
     "عض رئيس البلدية الرصاصة ورفع أجرة الحافلات عشرة سنتات.",
     "bit the bullet", "عض رئيس البلدية الرصاصة", "major"),
    # a transparent metaphor: flagged, but minor
    ("Rising rates and a weak currency created a perfect storm for importers.",
     "خلق ارتفاع أسعار الفائدة وضعف العملة عاصفة مثالية للمستوردين.",
     "perfect storm", "عاصفة مثالية", "minor"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text, severity", LITERAL)
def test_literal_idiom_is_flagged_with_exact_spans(only_flag, en, ar, src_text, tgt_text, severity):
    flag = only_flag(en, ar, "idiom.literal")
    assert (flag.category, flag.check, flag.severity) == ("idiom", "idiom.literal", severity)
    assert sliced(flag, en, ar) == (src_text, tgt_text)
    assert (flag.src_text, flag.tgt_text) == (src_text, tgt_text)
    assert flag.suggestion and src_text in flag.message
    assert 0 < flag.confidence <= 1


MEANING = [
    # the same idioms rendered by meaning
    ("The finance minister warned that lawmakers were again trying to kick the can down the road on pension reform.",
     "وحذر وزير المالية من أن المشرعين يحاولون مجددا ترحيل المشكلة في ما يخص إصلاح نظام التقاعد."),
    ("Shipping firms have been making money hand over fist since the canal closed.",
     "تجني شركات الشحن أموالا طائلة منذ إغلاق القناة."),
    ("The mayor bit the bullet and raised bus fares by ten cents.",
     "تجرع رئيس البلدية الدواء المر ورفع أجرة الحافلات عشرة سنتات."),
    ("The coach's comments landed him in hot water with the league.",
     "أوقعته تصريحات المدرب في ورطة مع الرابطة."),
    ("Rising rates and a weak currency created a perfect storm for importers.",
     "شكل ارتفاع أسعار الفائدة وضعف العملة أزمة مركبة للمستوردين."),
    # established Arabic calques of the image are correct
    ("The two delegations met over dinner to break the ice before Monday's talks.",
     "التقى الوفدان على العشاء لكسر الجليد قبل محادثات الاثنين."),
    ("Opposition leaders said the government had crossed a red line.",
     "قال قادة المعارضة إن الحكومة تجاوزت خطا أحمر."),
    ("The regulator gave the green light to the merger on Friday.",
     "أعطت الهيئة التنظيمية الضوء الأخضر لعملية الاندماج يوم الجمعة."),
    ("The talks are back to square one after the envoy resigned.",
     "عادت المحادثات إلى المربع الأول بعد استقالة المبعوث."),
    # the words used literally in the English are not the idiom
    ("Hotel guests complained that there was no hot water for three days.",
     "اشتكى نزلاء الفندق من انقطاع الماء الساخن لثلاثة أيام."),
    ("Firefighters had to break the ice on the frozen pond to reach the dog.",
     "اضطر رجال الإطفاء إلى كسر الجليد على البركة المتجمدة للوصول إلى الكلب."),
]


@pytest.mark.parametrize("en, ar", MEANING)
def test_idiom_rendered_by_meaning_or_established_calque_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "idiom.literal") == []


# An idiom whose words also read literally needs its frame (idioms.jsonl "frames"): its complement or
# its subject/verb frame. Each pair: the literal English with its faithful Arabic (quiet), then the
# figurative English rendered word for word (flagged).
FRAMED = [
    (("I see it going from the center of your chest going up to your neck",
      "أجد أنه ينتقل من وسط الصدر ويصل إلى رقبتك"),
     ("The company is up to its neck in debt.", "الشركة حتى عنقها في الديون."), "up to its neck in debt"),
    (("Wash cloth masks in hot water after each use.", "اغسل الكمامات القماشية في الماء الساخن بعد كل استخدام."),
     ("The minister is in hot water over the contract.", "الوزير في الماء الساخن بسبب العقد."), "in hot water"),
    (("Patients often report a bad taste in the mouth.", "كثيرا ما يشكو المرضى من طعم سيئ في الفم."),
     ("The scandal left a bad taste in the mouth of voters.", "تركت الفضيحة طعما سيئا في فم الناخبين."),
     "a bad taste in the mouth"),
    (("Most of the deaths were caused by heart failure.", "كانت معظم الوفيات بسبب قصور القلب."),
     ("Pupils learn the poem by heart.", "يتعلم التلاميذ القصيدة بالقلب."), "by heart"),
    (("The nurse asked him to lift a finger.", "طلبت منه الممرضة أن يرفع إصبعا."),
     ("The government did not lift a finger to help.", "لم ترفع الحكومة إصبعا للمساعدة."), "lift a finger"),
    (("I have had a pain in the neck for two days.", "أعاني من ألم في الرقبة منذ يومين."),
     ("The new rules are a pain in the neck for small firms.", "القواعد الجديدة ألم في الرقبة للشركات الصغيرة."),
     "a pain in the neck"),
]


@pytest.mark.parametrize("literal, figurative, src_text", FRAMED)
def test_an_idiom_needs_its_frame_and_the_literal_words_pass(run_check, literal, figurative, src_text):
    assert run_check(*literal, "idiom.literal") == []
    flags = run_check(*figurative, "idiom.literal")
    assert [f.src_text for f in flags] == [src_text]


def test_every_frame_holds_its_idiom():
    """A frame that could never hold the idiom's words would silence the idiom for good."""
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.checks.idiom import find_idioms
    from mtkit.data import table
    from mtkit.model import Segment
    fill = {"one's": "his", "someone": "them", "someone's": "their", "something": "the plan", "not": "not", "be": "is"}
    framed = [(entry["en"], frame) for entry in table("idioms.jsonl") for frame in entry["frames"] or []]
    assert len(framed) > 100
    for en, frame in framed:
        seg = AnalyzedSegment(Segment("t", " ".join(fill.get(w, w) for w in frame.split()), "x"))
        assert any(idiom.en == en for idiom, _, _ in find_idioms(seg)), (en, frame)


def test_no_idiom_in_the_english_means_no_flag_even_with_image_words_in_arabic(run_check):
    en = "The committee discussed the report in a small room."
    ar = "ناقشت اللجنة التقرير في غرفة صغيرة قرب الفيل."
    assert run_check(en, ar, "idiom.literal") == []


def test_two_idioms_in_one_sentence_give_two_flags_in_source_order(run_check):
    en = "Debt is the elephant in the room, and the cabinet keeps trying to kick the can down the road."
    ar = "الديون هي الفيل في الغرفة، والحكومة تواصل ركل العلبة على الطريق."
    flags = sorted(run_check(en, ar, "idiom.literal"), key=lambda f: f.src_span.start)
    assert [sliced(f, en, ar)[0] for f in flags] == ["the elephant in the room", "kick the can down the road"]
    assert [sliced(f, en, ar)[1] for f in flags] == ["الفيل في الغرفة", "ركل العلبة على الطريق"]


def test_the_cached_lexicon_holds_every_compiled_idiom_once_per_object(tmp_path, monkeypatch):
    """The idiom index is kept as a table decoded on demand (idiom._Lexicon): every lemma gives
    the same idioms, in the same order, as the compiled index, one object per idiom."""
    from mtkit.checks import idiom
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path))
    idiom.lexicon.cache_clear()
    try:
        compiled = idiom._compile_lexicon()
        lazy = idiom.lexicon()
        seen: dict[int, object] = {}
        for lemma, idioms in compiled.items():
            assert lazy.get(lemma) == idioms, lemma
            for original, decoded in zip(idioms, lazy.get(lemma)):
                assert seen.setdefault(id(original), decoded) is decoded      # shared, as in the index
        assert lazy.get("no-such-lemma") == ()
    finally:
        idiom.lexicon.cache_clear()
