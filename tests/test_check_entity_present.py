"""entity.dropped on names that are there in another shape: glued to the word before them, or a
genus the document names as such. Each quiet case beside the error it must still catch."""
from __future__ import annotations

from documents import analyze_document, check_flags


def _dropped(pairs: list[tuple[str, str]], k: int = -1) -> list[str]:
    return [f.src_text for f in check_flags(analyze_document(pairs)[k], "entity.dropped")]


def test_a_name_glued_to_the_title_before_it_is_present():
    en = "The report by Dr Norman Castell was published on Monday."
    assert _dropped([(en, "نُشر تقرير الدكتورنورمان كاستيل يوم الاثنين.")]) == []
    assert _dropped([(en, "نُشر تقرير الدكتور كاستيل يوم الاثنين.")]) == ["Norman"]


def test_a_genus_the_document_names_with_its_epithet_is_a_taxon_elsewhere_too():
    binomial = ("Samples came from Myotis lucifugus colonies.", "جاءت العينات من مستعمرات الخفاش البني الصغير.")
    # (no Arabic adjective after الخفافيش: "little brown bats" would render the genus by meaning)
    alone = ("Colonies of Myotis bats roost in caves.", "تبيت مستعمرات الخفافيش في الكهوف.")
    assert _dropped([binomial, alone]) == []
    # without the binomial the word is an unknown name nothing renders
    other = ("Samples came from Myotis colonies.", "جاءت العينات من مستعمرات الخفاش.")
    assert _dropped([other, alone]) == ["Myotis"]


def test_a_term_rendered_by_meaning_after_its_noun_is_not_dropped():
    en = "Police officers wore Kevlar gloves during the march."
    assert _dropped([(en, "ارتدى ضباط الشرطة قفازات واقية خلال المسيرة.")]) == []
    # nothing at its place: خلال renders "during", not the term
    assert _dropped([(en, "ارتدى ضباط الشرطة قفازات خلال المسيرة.")]) == ["Kevlar"]
    # a name the document renders by its sound elsewhere is a name here too
    sold = ("The company sold Tamaro trucks in Kenya.", "باعت الشركة شاحنات تامارو في كينيا.")
    bought = ("Farmers bought Tamaro trucks last year.", "اشترى المزارعون شاحنات كبيرة العام الماضي.")
    assert _dropped([sold, bought]) == ["Tamaro"]


def _missing(en: str, ar: str) -> list[str]:
    return [f.src_text for f in check_flags(analyze_document([(en, ar)])[0], "entity.missing")]


def test_every_foreign_word_of_a_place_must_be_there():
    en = "We cleaned every desk in the San Francisco office."
    assert _missing(en, "نظفنا كل مكتب في مقر سان فرانسيسكو.") == []
    assert _missing(en, "نظفنا كل مكتب في مقر سان.") == ["San Francisco"]


def test_the_adjective_of_a_place_renders_the_english_adjective_not_the_place():
    en = "The Italian government closed schools as Italy reached 100 deaths."
    assert _missing(en, "أغلقت الحكومة الإيطالية المدارس حين سجلت إيطاليا 100 وفاة.") == []
    assert _missing(en, "أغلقت الحكومة الإيطالية المدارس حين سجلت 100 وفاة.") == ["Italy"]
    assert _missing("The government of Italy closed schools.", "أغلقت الحكومة الإيطالية المدارس.") == []


def _added(pairs: list[tuple[str, str]]) -> list[str]:
    return [f.tgt_text for f in check_flags(analyze_document(pairs)[-1], "entity.added")]


def test_a_surname_the_english_does_not_have_is_added():
    en = "Testing capacity was built up by the government over several years."
    assert _added([(en, "عززت الحكومة القدرة الاختبارية على مدى سنوات عدة.")]) == []
    assert _added([(en, "سميث الحكومة القدرة الاختبارية على مدى سنوات عدة.")]) == ["سميث"]
    # at the place of another name: Hong Kong's هونج swapped (كونج still renders Kong)
    en = "The patient travelled to Hong Kong from Guangzhou."
    assert _added([(en, "سافر المريض من غوانزو إلى هونج كونج.")]) == []
    assert _added([(en, "سافر المريض من غوانزو إلى مارتن كونج.")]) == ["مارتن"]
    # a name no dictionary lists, which Arabic text writes (إيفانز)
    assert _added([("The minister praised the report.", "أشاد الوزير إيفانز بالتقرير.")]) == ["إيفانز"]


def test_a_name_the_article_gives_or_a_loanword_is_not_added():
    # a name the document's English gives elsewhere, or one its Arabic writes elsewhere, is the article's own
    assert _added([("Mr Smith leads the team.", "يقود السيد سميث الفريق."),
                   ("He said the tests worked.", "قال سميث إن الاختبارات نجحت.")]) == []
    assert _added([("The new virus spread.", "انتشر فيروس كورونا الجديد."),
                   ("The virus reached Europe.", "وصل فيروس كورونا إلى أوروبا.")]) == []
    # a common word elsewhere in the article does not excuse a name: "reports" is no Roberts
    assert _added([("The reports were published.", "نشرت التقارير."),
                   ("The minister praised the work.", "أشاد الوزير روبرتس بالعمل.")]) == ["روبرتس"]
    # a loanword of a word of the pair, an expanded acronym, a unit, the full name of an abbreviation
    assert _added([("Elevated lactate dehydrogenase may help.", "قد يساعد ارتفاع الإنزيم النازع لهيدروجين اللاكتات.")]) == []
    assert _added([("A measure in pandemic dynamics is the delay.", "من المقاييس في ديناميات الجائحة التأخير.")]) == []
    assert _added([("Treatments include HDAC inhibitors.", "تشمل العلاجات مثبطات هيستون ديسيتيليز.")]) == []
    assert _added([("Samples were heated at 98 °C (208 °F).", "سخنت العينات عند 98 درجة مئوية (208 درجة فهرنهايت).")]) == []
    assert _added([("Maciej Boni of Penn State University said so.", "قال ماسيج بوني من جامعة ولاية بنسلفانيا ذلك.")]) == []


def test_a_word_that_translates_another_english_word_does_not_stand_for_a_place():
    en = "Imported cases with occasional secondary spread have been reported in Tunisia."
    assert _missing(en, "أُبلغ في تونس عن حالات وافدة مع انتقال ثانوي نادر.") == []
    # ثانوي renders "secondary", although its consonants read as Tunisia's
    assert _missing(en, "أُبلغ عن حالات وافدة مع انتقال ثانوي نادر.") == ["Tunisia"]


def test_each_foreign_word_of_a_place_needs_an_arabic_word_of_its_own():
    en = "In Hong Kong, authorities require a bracelet for all travellers."
    assert _missing(en, "في هونغ كونغ، تطلب السلطات سوارًا لجميع المسافرين.") == []
    # كونغ reads as Kong and, one class off, as Hong: it is one word, not two
    assert _missing(en, "في كونغ، تطلب السلطات سوارًا لجميع المسافرين.") == ["Hong Kong"]


def test_a_place_is_rendered_by_meaning_only_when_its_foreign_words_are():
    en = "An app tracks people in South Korea."
    assert _missing(en, "يتتبع تطبيق الأشخاص في كوريا الجنوبية.") == []
    assert _missing(en, "يتتبع تطبيق الأشخاص في الجنوبية.") == ["South Korea"]


def test_a_name_elsewhere_in_the_article_excuses_a_word_only_by_its_own_sound():
    elsewhere = ("Officials met Meerjady Flora on Monday.", "التقى المسؤولون ميرجادي فلورا يوم الاثنين.")
    said = ("The minister said transport would stop.", "قال الوزير مارتن إن النقل سيتوقف.")
    assert _added([elsewhere, said]) == ["مارتن"]
    assert _added([elsewhere, ("Ms Flora said transport would stop.", "قالت السيدة فلورا إن النقل سيتوقف.")]) == []


def test_a_loanword_adjective_an_acronym_or_a_name_in_two_words_is_not_added():
    assert _added([("It gave a 3.5 log reduction.", "أعطى انخفاضًا لوغاريتميًا بمقدار 3.5.")]) == []
    assert _added([("The S&amp;P 500 fell.", "انخفض مؤشر ستاندرد آند بورز 500.")]) == []
    assert _added([("It coincided with Qingming Festival.", "تزامن ذلك مع مهرجان تشينغ مينغ.")]) == []


def test_a_name_glued_to_any_particle_or_proclitic_is_there_and_spacing_reports_the_glue(run_check):
    en, ar = "The talks between Egypt and Sudan resumed.", "استؤنفت المحادثات بينمصر والسودان."
    assert run_check(en, ar, "entity") == []
    assert [f.tgt_text for f in run_check(en, ar, "spacing.joined")] == ["بينمصر"]
