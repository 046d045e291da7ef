"""addition.clause and omission.clause_words: a clause that nothing on the other side renders, by
FreeDict evidence. The pairs are real TICO-19 translations (CC0) with a clause added to or deleted
from the Arabic as eval/plant.py does (the originals are professional translations), and one
written for the tests."""
from __future__ import annotations

import pytest

from mtkit.text.dictionary import bilingual

from documents import analyze_document, check_flags

pytestmark = pytest.mark.skipif(bilingual() is None, reason="FreeDict (dict-freedict-eng-ara) not installed")

ADDED = [
    ("The hospital opened a new ward for children on Monday.",
     "افتتح المستشفى جناحًا جديدًا للأطفال يوم الاثنين.",
     "افتتح المستشفى جناحًا جديدًا للأطفال يوم الاثنين، وهو ما أثار جدلًا واسعًا بين الخبراء.",
     "وهو ما أثار جدلًا واسعًا بين الخبراء"),
    ("This is supported by the copious unique open reading frames and protein functions encoded towards the 3′ "
     "end of the genome.",
     "هذا مدعوم بقوالب القراءة المفتوحة الوفيرة الفريدة ووظائف البروتين المشفَّرة بالقرب من نهاية 3′ للجينوم.",
     "هذا مدعوم بقوالب القراءة المفتوحة الوفيرة الفريدة ووظائف البروتين المشفَّرة بالقرب من نهاية 3′ للجينوم، "
     "مما دفع الوزارة إلى فتح تحقيق عاجل.",
     "مما دفع الوزارة إلى فتح تحقيق عاجل"),
]
DROPPED = [
    ("Lack of access to technology or good internet connectivity is an obstacle to continued learning, especially "
     "for students from disadvantaged families.",
     "يعد عدم الوصول إلى التكنولوجيا أو الاتصال الجيد بالإنترنت عقبة أمام التعليم المستمر، خاصة للطلاب من الأسر "
     "المحرومة.",
     "يعد عدم الوصول إلى التكنولوجيا أو الاتصال الجيد بالإنترنت عقبة أمام التعليم المستمر.",
     "especially for students from disadvantaged families"),
    ("Our long-time remote colleagues know that it can be an adjustment, and wanted to offer you some advice:",
     "يعلم زملاؤنا الذين يعملون عن بُعد منذ أجل طويل بأنه قد يكون تعديلًا، وقد رغبوا في تقديم بعض النصائح إليكم:",
     "يعلم زملاؤنا الذين يعملون عن بُعد منذ أجل طويل بأنه قد يكون تعديلًا:",
     "and wanted to offer you some advice"),
]


@pytest.mark.parametrize("en, original, planted, words", ADDED)
def test_an_added_clause_is_flagged_on_its_own_words(run_check, en, original, planted, words):
    (flag,) = run_check(en, planted, "addition.clause")
    assert flag.tgt_text == words and flag.src_span is None
    assert run_check(en, original, "addition.clause") == []


@pytest.mark.parametrize("en, original, planted, words", DROPPED)
def test_a_dropped_clause_is_flagged_on_the_english_words(run_check, en, original, planted, words):
    (flag,) = run_check(en, planted, "omission.clause_words")
    # on the deleted words (a word of them may be glossed by chance by another Arabic word)
    assert words.startswith(flag.src_text) and len(flag.src_text) > len(words) / 2 and flag.tgt_span is None
    assert run_check(en, original, "omission.clause_words") == []


@pytest.mark.parametrize("en, ar", [
    # explicitation: a title, عامًا after an age, a repeated subject
    ("Smith, 45, said the vaccine was safe.", "قالت السيدة سميث، البالغة من العمر 45 عامًا، إن اللقاح آمن."),
    # an acronym written out in full (a real TICO-19 pair)
    ("WHO chief Tedros Adhanom Ghebreyesus explained that CO stands for corona, VI for virus, D for disease, and 19 "
     "for when the outbreak was first identified: 31 December 2019.",
     "أوضح المدير العام لمنظمة الصحة العالمية، تيدروس أدهانوم جيبريسوس، أن كو اختصار لكلمة كورونا، وفي اختصار "
     "لفيروس ود اختصار لداء و19 تشير إلى عام اكتشاف التفشي لأول مرة: 31 ديسمبر 2019."),
])
def test_explicitation_is_no_added_clause(run_check, en, ar):
    assert run_check(en, ar, "addition") == []


def test_the_clause_checks_are_silent_without_the_dictionaries(run_check, monkeypatch):
    from mtkit.checks.clauses import added, dropped
    monkeypatch.setattr(added, "bilingual", lambda: None)
    monkeypatch.setattr(dropped, "bilingual", lambda: None)
    en, _, planted, _ = DROPPED[0]
    assert run_check(en, planted, "omission.clause_words") == []
    en, _, planted, _ = ADDED[0]
    assert run_check(en, planted, "addition.clause") == []


def test_a_clause_added_after_a_paraphrase_at_a_place_rendered_word_for_word_is_an_addition(run_check):
    # "dead-end hosts" is paraphrased (hosts that do not transmit), but the clause stands after SARS-CoV,
    # whose transliteration (سارس-كوف) renders it: nothing of the English is left at its place
    assert run_check("All of these appear to be dead-end hosts of SARS-CoV.",
                     "يبدو أن كل هؤلاء هم مضيفون لا ينقلون سارس-كوف.", "addition.clause") == []
    flags = run_check("All of these appear to be dead-end hosts of SARS-CoV.",
                      "يبدو أن كل هؤلاء هم مضيفون لا ينقلون سارس-كوف، وهو ما أثار جدلًا واسعًا بين الخبراء.",
                      "addition.clause")
    assert [f.tgt_text for f in flags] == ["وهو ما أثار جدلًا واسعًا بين الخبراء"]


# Written for these tests: a short clause whose words the dictionaries know, where the words around
# it are rendered side by side on the other side (no room for it there: clauses.rules.excess).
NO_ROOM = [
    ("addition.clause", "The minister opened the new school in the village.",
     "افتتح الوزير المدرسة الجديدة في القرية، كما ذكرت وكالة الأنباء.",
     "افتتح الوزير المدرسة الجديدة في القرية.", "كما ذكرت وكالة الأنباء"),
    ("omission.clause_words", "Heavy rain flooded the streets of the city, and the schools closed.",
     "أغرقت الأمطار الغزيرة شوارع المدينة.", "أغرقت الأمطار الغزيرة شوارع المدينة، وأغلقت المدارس.",
     "and the schools closed"),
    ("omission.clause_words", "The workers built a small house near the lake, while their children played football.",
     "بنى العمال منزلا صغيرا قرب البحيرة.", "بنى العمال منزلا صغيرا قرب البحيرة، بينما لعب أطفالهم كرة القدم.",
     "while their children played football"),
]


@pytest.mark.parametrize("check, en, planted, original, words", NO_ROOM)
def test_a_short_clause_with_no_room_on_the_other_side_is_flagged(run_check, check, en, planted, original, words):
    (flag,) = run_check(en, planted, check)
    assert (flag.tgt_text if check == "addition.clause" else flag.src_text) == words
    assert run_check(en, original, check) == []


def test_a_word_rendered_once_explains_one_word_only(run_check):
    # حاد renders "acute"; FreeDict gives it for "severe" too, but it cannot render both: the
    # dropped clause's "severe" is no longer found by chance, and the clause is flagged
    en = "The patient had acute pain in his chest, and a severe fever at night."
    (flag,) = run_check(en, "عانى المريض من ألم حاد في صدره.", "omission.clause_words")
    assert "fever at night" in flag.src_text and "and a severe fever at night".endswith(flag.src_text)
    assert run_check(en, "عانى المريض من ألم حاد في صدره، ومن حمى شديدة في الليل.", "omission.clause_words") == []


def test_evidence_links_each_word_to_its_own_counterpart():
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.checks.clauses.evidence import evidence, seen_en
    from mtkit.model import Segment
    seg = AnalyzedSegment(Segment("t", "When masks are not available, people can wear homemade masks.",
                                  "عندما لا تتوفر الأقنعة، يمكن للناس ارتداء."))
    words = [t.norm for t in seg.src_words]
    first, second = words.index("masks"), len(words) - 1 - words[::-1].index("masks")
    ev = evidence(seg, bilingual())
    # one الأقنعة renders one "masks": the other has no counterpart, although the dictionary knows it
    assert ev.found_en[first] and not ev.found_en[second] and seen_en(seg, bilingual())[second]
    assert [seg.tgt_words[j].norm for j in ev.en_links[first]] == ["الاقنعه"]


# Real TICO-19 pairs (CC0) that the clause checks used to flag: a paraphrase or a term the dictionaries
# miss, whose English words sit unexplained in its place (biohazard bag → كيس الوقاية من المخاطر
# البيولوجية; a number, 20, anchored inside the run), each beside the same pair with a clause really
# added to or deleted from the Arabic. The error is still flagged, on its own words; the paraphrase is not.
PARAPHRASED = [
    ("addition.clause",
     "SARS-CoV and MERS-CoV can survive in vitro for 48 hours in a dry environment and up to 5 days under 20 °C and "
     "40%-50% humidity.",
     "يستطيع سارس-كوف وميرس-كوف البقاء على قيد الحياة في المختبر لمدة 48 ساعة في بيئة جافة وحتى 5 أيام في درجة "
     "حرارة تحت 20 درجة مئوية ورطوبة تتراوح بين 40% و50%.",
     ("50%.", "50%، مما دفع الوزارة إلى فتح تحقيق عاجل."), "مما دفع الوزارة إلى فتح تحقيق عاجل"),
    ("addition.clause",
     "Gloves and other disposable items should be disposed of in a biohazard bag, and contaminated surfaces should "
     "be cleaned and disinfected afterwards.For commercial shipping, including cruise ships and other passenger "
     "vessels, hazard controls include postponing travel when sick, and self-isolating and informing the onboard "
     "medical center immediately if one develops a fever or other symptoms while on board.",
     "يجب التخلص من القفازات والأغراض الأخرى التي يمكن التخلص منها في كيس الوقاية من المخاطر البيولوجية، ويجب "
     "تنظيف الأسطح الملوثة وتعقيمها بعد ذلك. بالنسبة للشحن التجاري، بما في ذلك السفن السياحية وسفن الركاب الأخرى، "
     "تتضمن ضوابط التحكم في المخاطر تأجيل السفر عند المرض، والعزل الذاتي وإبلاغ المركز الطبي الموجود على متن "
     "الطائرة على الفور إذا أصيب أحد الأشخاص بالحمى أو غيرها من الأعراض في أثناء وجوده على متن الطائرة.",
     ("تأجيل السفر عند المرض", "تأجيل السفر عند المرض، وهو ما أثار جدلًا واسعًا بين الخبراء"),
     "وهو ما أثار جدلًا واسعًا بين الخبراء"),
    ("omission.clause_words",
     "The experts underscored that every individual has the right to health, including people with disabilities, "
     "belonging to minority groups, older people, internally displaced people, the homeless, those living in "
     "extremely poor conditions, people in detention, as well as refugees and other unspecified groups in need of "
     "government support.",
     "أكد الخبراء أن لكل فرد الحق في التمتع بالصحة، بمن فيهم الأشخاص ذوو الإعاقة، والمنتمون إلى الأقليات، وكبار "
     "السن، والمشردون داخليًا، وعديمو المأوى، والذين يعيشون في ظروف سيئة للغاية، والمحتجزون، وكذلك اللاجئون "
     "وغيرهم من الفئات غير المحددة التي تحتاج إلى دعم حكومي.",
     ("، وكذلك اللاجئون وغيرهم من الفئات غير المحددة التي تحتاج إلى دعم حكومي", ""),
     "as well as refugees and other unspecified groups in need of government support"),
]


@pytest.mark.parametrize("check, en, ar, edit, words", PARAPHRASED)
def test_a_paraphrase_in_its_place_is_quiet_and_a_real_clause_beside_it_is_not(caught_once, check, en, ar, edit,
                                                                                words):
    flag = caught_once(en, ar, ar.replace(*edit), check)
    assert (flag.tgt_text if check == "addition.clause" else flag.src_text) == words



# Seventh round. Real TICO-19 pairs (CC0) with a clause added to or deleted from the Arabic as
# eval/plant.py does: (check, English, the original Arabic, the planted Arabic, the words flagged).
SEVENTH = [
    # a concise translation holds an added clause too: the English is rendered in full, so four words
    # nothing renders outweigh the pair's length (clauses.rules.ADDED_STRONG)
    ("addition.clause", "and you said this is a pressure in your chest", "وقلت إن هذا ضغط في صدرك",
     "وقلت إن هذا ضغط في صدرك، وقد تكررت هذه الحالة في عدة مدن", "وقد تكررت هذه الحالة في عدة مدن"),
    # an acronym that FreeDict renders (ID → الهوية) leaves no room for a clause written out
    ("addition.clause", "Users are asked to enter their name and ID number.",
     "يُطلب من المستخدمين إدخال الاسم ورقم الهوية.",
     "يُطلب من المستخدمين إدخال الاسم ورقم الهوية، وذلك بعد أسابيع من المفاوضات الصعبة.",
     "وذلك بعد أسابيع من المفاوضات الصعبة"),
    # CPR, spelled سي بي آر, matched كبير ("big") by sound: chance, not an anchor inside the clause
    ("addition.clause",
     "Some medical procedures such as intubation and cardiopulmonary resuscitation (CPR) may cause respiratory "
     "secretions to be aerosolised and thus result in airborne spread.",
     "قد تتسبب بعض الإجراءات الطبية كالتنبيب والإنعاش القلبي الرئوي (سي بي آر) في إطلاق إفرازات الجهاز التنفسي "
     "على هيئة رذاذ، ومن ثم ينتشر الفيروس عن طريق الهواء.",
     "قد تتسبب بعض الإجراءات الطبية كالتنبيب والإنعاش القلبي الرئوي (سي بي آر) في إطلاق إفرازات الجهاز التنفسي "
     "على هيئة رذاذ، ومن ثم ينتشر الفيروس عن طريق الهواء، رغم اعتراض عدد كبير من الأطباء.",
     "رغم اعتراض عدد كبير من الأطباء"),
    # an English clause ends before a relative word ("… protein that helps …")
    ("omission.clause_words",
     "In the case of SARS-CoV-2, such research focuses on the S-spike protein that helps the virus intrude the "
     "ACE2 enzyme receptor.",
     "في حالة سارس كوف-2، يركز هذا البحث على بروتين سبايك إس الذي يساعد الفيروس على اقتحام مستقبلات إنزيم إيه "
     "سي إي2.",
     "في حالة سارس كوف-2 الذي يساعد الفيروس على اقتحام مستقبلات إنزيم إيه سي إي2.",
     "such research focuses on the S-spike protein"),
    # a pair of normal length that lacks a clause: four known words with no room at its place
    # (clauses.rules.DROPPED_STRONG)
    ("omission.clause_words",
     "Since then, more knowledge was accumulated through extensive studies on HCoV-229E and HCoV-OC43, both of "
     "which cause self-limiting symptoms.",
     "تم جمع الكثير من المعلومات منذ ذلك الحين عن طريق دراسات مكثفة أجريت على فيروس كورونا البشري-229E وفيروس "
     "كورونا البشري-OC43، اللذين تُشفى أعراضهما تلقائيًّا.",
     "تم جمع الكثير من المعلومات منذ ذلك الحين عن طريق دراسات مكثفة أجريت على فيروس كورونا البشري-229E وفيروس "
     "كورونا البشري-OC43.",
     "both of which cause self-limiting symptoms"),
]


@pytest.mark.parametrize("check, en, original, planted, words", SEVENTH)
def test_seventh_round_catches_beside_their_quiet_originals(run_check, check, en, original, planted, words):
    (flag,) = run_check(en, planted, check)
    assert (flag.tgt_text if check == "addition.clause" else flag.src_text) == words
    assert run_check(en, original, check) == []


# Real TICO-19 pairs (CC0) the clause checks flagged in the sixth round, both false: an acronym written out
# (NIOSH, five capitals: five words, here beside "approved" → المعتمد) and "web-based" → عبر الإنترنت, whose
# الإنترنت repeats the "internet" rendered earlier (a repeat may render a word of its own: room). Each is
# quiet; beside each, the same pair with a clause really added or deleted is flagged on its words.
SIXTH_FALSE = [
    ("addition.clause",
     "In the United States, NIOSH-approved N95 filtering facepiece respirators or better must be used in the "
     "context of a comprehensive, written respiratory protection program that includes fit-testing, training, and "
     "medical exams.",
     "وفي الولايات المتحدة، يجب استخدام أجهزة التنفس ذات قناع الوجه المزود بمرشح من النوع N95، المعتمد من المعهد "
     "الوطني للسلامة والصحة المهنية، أو أجهزة أفضل، في سياق برنامج حماية الجهاز التنفسي المكتوب الشامل، والذي "
     "يتضمن اختبار التركيب والملاءمة، والتدريب، والفحوصات الطبية.",
     ("والفحوصات الطبية.", "والفحوصات الطبية، وقد استمر الاجتماع حتى ساعة متأخرة من الليل."),
     "وقد استمر الاجتماع حتى ساعة متأخرة من الليل"),
    ("omission.clause_words",
     "Some artists have explored ways to continue to produce and share work over the internet as an alternative "
     "to traditional live performance, such as live streaming concerts or creating web-based \"festivals\" for "
     "artists to perform, distribute, and publicize their work.",
     "اكتشف بعض الفنانين طرقًا لمواصلة إنتاج العمل ومشاركته عبر الإنترنت كبديل للأداء المباشر التقليدي، مثل "
     "حفلات البث المباشر أو إنشاء \"احتفالات\" عبر الإنترنت للفنانين لأداء أعمالهم وتوزيعها ونشرها.",
     ("اكتشف بعض الفنانين طرقًا لمواصلة إنتاج العمل ومشاركته عبر الإنترنت كبديل للأداء المباشر التقليدي، ", ""),
     "Some artists have explored ways to continue to produce and share work over the internet as an alternative "
     "to traditional live performance"),
]


@pytest.mark.parametrize("check, en, ar, edit, words", SIXTH_FALSE)
def test_last_rounds_false_clause_flags_are_quiet_and_a_real_clause_beside_them_is_not(caught_once, check, en, ar,
                                                                                        edit, words):
    flag = caught_once(en, ar, ar.replace(*edit), check)
    # (the dropped clause's "internet" is rendered by the kept الإنترنت of "web-based": the flag stops before it)
    flagged = flag.tgt_text if check == "addition.clause" else flag.src_text
    assert words.startswith(flagged) and len(flagged) > len(words) / 2


# Ninth round (clause9): evidence through derived forms and roots (mtkit.text.lemmas.derived_bases,
# mtkit.text.arabic.pattern_root) and acronyms shown rendered (clauses.evidence.shown_in_full). Real TICO-19 pairs (CC0).
# A clause added beside SARS-CoV → سارس كوف (a transliterated acronym, no room for an expansion), and one
# beside PEEP and "ventilator-associated" → المرتبطة (ربط: "associate" found through its root): flagged,
# the originals quiet (both missed before: the acronyms were read as written out).
NINTH = [
    ("Presumably, the intermediate animal hosts of SARS-CoV-2 should be among the wildlife species sold and killed "
     "at the Huanan Seafood Wholesale Market, with which many of the initial cases of COVID-19 were associated, "
     "indicative of a probable animal-to-human transmission event.",
     "يُفترض أن تكون الحيوانات المضيفة الوسيطة لسارس كوف-2 من بين أنواع الحيوانات البرية التي بيعت وقُتلت في سوق "
     "ووهان للمأكولات البحرية، التي ارتبطت بها العديد من حالات الإصابة الأولية بكوفيد-19، مما يشير إلى احتمالية "
     "حدوث انتقال من حيوان إلى إنسان.",
     ("للمأكولات البحرية، ", "للمأكولات البحرية، في حين رفض المتحدث الرسمي التعليق على ذلك، "),
     "في حين رفض المتحدث الرسمي التعليق"),
    ("Ventilators capable of pressure control modes and high PEEP are needed to maximise oxygen delivery while "
     "minimising the risk of ventilator-associated lung injury and pneumothorax.",
     "يلزم أن تمتاز أجهزة التنفس بأوضاع تحكم في الضغط وضغط زفيري انتهائي إيجابي مرتفع لزيادة توصيل الأكسجين إلى "
     "أقصى حد مع تقليل مخاطر إصابة الرئة المرتبطة بجهاز التنفس والاسترواح الصدري إلى أدنى درجة.",
     ("إلى أدنى درجة.", "إلى أدنى درجة، وسط مخاوف متزايدة من ارتفاع التكاليف."),
     "وسط مخاوف متزايدة من ارتفاع التكاليف"),
]


@pytest.mark.parametrize("en, ar, edit, words", NINTH)
def test_ninth_round_catches_beside_their_quiet_originals(caught_once, en, ar, edit, words):
    flag = caught_once(en, ar, ar.replace(*edit), "addition.clause")
    assert flag.tgt_text == words


def test_derived_and_root_forms_are_found_and_a_paraphrase_with_them_is_quiet(run_check):
    """"transmitted" is rendered by انتقل and انتقاله (root نقل of FreeDict's نقل); the Arabic's
    "وكذلك مهما كانت طريقة انتقاله" paraphrases "whether and how … is transmitted": quiet, although
    SARS-CoV-2 → سارس كوف-2 is now read as rendered (no acronym written out to excuse a run)."""
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.checks.clauses.evidence import seen_en
    from mtkit.model import Segment
    en = ("However, whether and how SARS-CoV-2 is transmitted to humans through pangolins and other mammals remain "
          "to be clarified in future investigations.")
    ar = ("ومع ذلك، سواء انتقل سارس كوف-2 إلى الإنسان أم لا، وكذلك مهما كانت طريقة انتقاله، من خلال حيوانات آكل "
          "النمل الحرشفي وغيره من الثدييات يظل انتقاله موضوعًا يحتاج إلى التوضيح في الأبحاث المستقبلية.")
    seg = AnalyzedSegment(Segment("t", en, ar))
    seen = seen_en(seg, bilingual())
    assert [seen[i] for i, t in enumerate(seg.src_words) if t.norm == "transmitted"] == [True]
    assert run_check(en, ar, "addition.clause") == []


def test_a_dropped_clause_in_a_reordered_sentence_is_flagged(caught_once):
    """The Arabic puts the English's last clause first, so the anchors around the dropped words cross: the
    place to look for their rendering is then the whole Arabic (clauses.rules.excess), where nothing renders them.
    A real TICO-19 pair (CC0); the original is quiet."""
    en = ("Emergency symptoms include difficulty breathing, persistent chest pain or pressure, confusion, difficulty "
          "waking, and bluish face or lips; immediate medical attention is advised if these symptoms are present.")
    ar = ("يُنصح بالعناية الطبية الفورية إذا ظهرت أعراض طوارئ تتمثل في صعوبة التنفس، أو ألم أو ضغط مستمر في منطقة "
          "الصدر، أو اضطراب، أو صعوبة في الاستيقاظ، أو ازرقاق الوجه أو الشفتين.")
    flag = caught_once(en, ar, ar.replace("، أو ألم أو ضغط مستمر في منطقة الصدر", ""), "omission.clause_words")
    assert flag.src_text == "persistent chest pain or pressure"


def test_a_clause_far_from_an_acronym_written_out_elsewhere_needs_no_extra_words(run_check):
    # "seven HCoVs" is written out (فيروسات كورونا البشرية السبعة) in its place; a clause added at the
    # other end of the sentence, with words over at its place, is no expansion of it
    en = ("In this review, we present an overview of the existing knowledge about the seven HCoVs, with a focus on "
          "the history of their discovery as well as their zoonotic origins and interspecies transmission.")
    original = ("في هذا الاستعراض، نقدم لمحة عامة عن المعلومات المتوفرة حول فيروسات كورونا البشرية السبعة، مع التركيز "
                "على تاريخ اكتشافها وكذلك أصولها الحيوانية والانتقال بين الأنواع.")
    planted = original.replace("الاستعراض، ", "الاستعراض، وذلك بعد أسابيع من المفاوضات الصعبة، ")
    assert run_check(en, original, "addition.clause") == []
    assert [f.tgt_text for f in run_check(en, planted, "addition.clause")] == ["وذلك بعد أسابيع من المفاوضات الصعبة"]


def test_an_unexplained_word_beside_a_moved_phrase_is_no_room_for_a_dropped_clause(caught_once):
    """The Arabic puts the English's head ("Acute cardiac injury was found") last: نوبات sits at the dropped
    clause's place but beside قلبية, whose English partner has an unexplained neighbour ("injury") far from
    it, so it renders that and leaves no room for the clause (clauses.dropped._homeless). A real TICO-19 pair (CC0)
    with its last clause reworded so that it needs no document context; the original is quiet."""
    en = ("Acute cardiac injury was found in 12% of infected people admitted in hospital in Wuhan, China, and is more "
          "frequent in older patients.")
    original = ("12% من الأشخاص المصابين الذين دخلوا المستشفى في ووهان بالصين عانوا من نوبات قلبية حادة، وشاعت أكثر "
                "لدى المرضى المسنين.")
    flag = caught_once(en, original, original.replace("، وشاعت أكثر لدى المرضى المسنين", ""), "omission.clause_words")
    assert flag.src_text == "and is more frequent in older patients"


def test_an_arabic_word_rendering_an_english_grammar_word_is_no_room_for_a_dropped_clause(caught_once):
    """بسبب renders "Because (of)", an English grammar word no link joins: it used to count as room for the
    dropped "of this mission and your role in it" (clauses.evidence.renders_grammar). A real TICO-19 pair (CC0) and
    the same pair with the clause deleted as eval/plant.py deletes it."""
    en = ("Because of the importance of this mission and your role in it, we will be making some significant "
          "adjustments to how we work together, starting this coming week.")
    original = ("بسبب الأهمية التي تتسم بها هذه المهمة ودوركم فيها، سنُجري تعديلات كبيرة في كيفية عملنا معًا بداية "
                "من الأسبوع المقبل.")
    flag = caught_once(en, original, original.replace(" التي تتسم بها هذه المهمة ودوركم فيها", ""), "omission.clause_words")
    assert flag.src_text == "of this mission and your role"


def test_a_dropped_clause_of_three_unlinked_known_words_is_flagged_whatever_the_length(caught_once, monkeypatch):
    """The length-free rule (clauses.rules.DROPPED_STRONG) reads the words no link reaches: "older" and "years"
    are found by a chance gloss or root elsewhere in the pair, but nothing links them (the length rules
    are turned off here, so only it can flag). A real TICO-19 pair (CC0) with its last clause deleted."""
    from mtkit.checks.clauses import dropped
    from mtkit.checks.clauses.rules import Rule
    monkeypatch.setattr(dropped, "DROPPED", tuple(Rule(**{**vars(r), "delta": -99.0}) for r in dropped.DROPPED))
    en = ("Severe cases are most common in older adults (those older than 60 years, and especially those older "
          "than 80 years).")
    original = "تكثر الحالات الحرجة بين كبار السن (مَن تزيد أعمارهم عن 60 عامًا، وخاصة مَن تزيد أعمارهم عن 80 عامًا)."
    flag = caught_once(en, original, "تكثر الحالات الحرجة بين كبار السن (مَن تزيد أعمارهم عن 60 عامًا).", "omission.clause_words")
    assert flag.src_text == "and especially those older than 80 years"


def test_a_pair_long_for_its_concise_document_may_hold_an_added_clause():
    """A translator who writes concise Arabic (the document's other pairs) leaves a pair with a clause
    added long for that document though not for the language pair (DocumentContext.length_ratio); alone,
    the pair is too short for the clause rule. Real TICO-19 pairs (CC0), the last with a planted clause."""
    context = [
        ("Direct physical contact with a probable or confirmed case;", "الاتصال الجسدي المباشر مع حالة محتملة أو مؤكدة؛"),
        ("At least 24 countries have established digital surveillance of their citizens.",
         "أنشأت 24 دولة على الأقل مراقبة رقمية لمواطنيها."),
        ("In Hong Kong, authorities are requiring a bracelet and an app for all travellers.",
         "في هونغ كونغ، تطلب السلطات ارتداء سوار وتنزيل تطبيق لجميع المسافرين."),
        ("In Singapore, individuals have to report their locations with photographic proof.",
         "في سنغافورة، يتعين على الأفراد الإبلاغ عن مواقعهم بدليل فوتوغرافي."),
    ]
    en = ("Human rights organizations have criticized some of these measures, asking the governments not to use the "
          "pandemic as a cover to introduce invasive digital surveillance.")
    original = ("انتقدت منظمات حقوق الإنسان بعض هذه الإجراءات، وطالبت الحكومات بعدم استخدام الجائحة كغطاء لإدخال "
                "المراقبة الرقمية الاجتياحية.")
    planted = original.replace("الإجراءات، ", "الإجراءات، في حين رفض المتحدث الرسمي التعليق على ذلك، ")

    def flags(ar: str, document: bool) -> list[str]:
        pairs = (context if document else []) + [(en, ar)]
        return [f.tgt_text for f in check_flags(analyze_document(pairs)[-1], "addition.clause")]
    assert flags(planted, document=True) == ["في حين رفض المتحدث الرسمي التعليق"]
    assert flags(planted, document=False) == []
    assert flags(original, document=True) == []


def test_the_documents_length_ratio_leaves_the_pair_out_and_leans_on_the_prior():
    from mtkit.checks.document import analyze
    from mtkit.model import Segment
    pairs = [("a" * 100, "ب" * 60), ("a" * 100, "ب" * 80), ("a" * 50, "ب" * 200)]
    segs = analyze_document(pairs)
    # the third pair's own length is left out: the others' ratio is 140/200
    assert segs[2].document.length_ratio(segs[2], 0.9, 0) == 0.7
    # drawn toward the prior as if by 200 more English characters at 0.9: (140 + 180) / 400
    assert segs[2].document.length_ratio(segs[2], 0.9, 200) == 0.8
    # a pair alone says nothing: the prior
    (alone,) = analyze([Segment("x", "a" * 100, "ب" * 10)])
    assert alone.document.length_ratio(alone, 0.9, 1000) == 0.9


def test_one_rule_says_an_arabic_word_transliterates_an_acronym():
    from mtkit.checks.clauses.evidence import sounds_out_acronym
    from mtkit.checks.document import analyze
    from mtkit.model import Segment
    from mtkit.text.translit import en_skeleton
    seg = analyze([Segment(id="1", src="SARS and IEDCR", tgt="سارس و ذكور")])[0]
    lex = bilingual()
    # سارس: BAMA reads it as س + ارس ("will anchor"), FreeDict does not know it: a transliteration
    assert sounds_out_acronym(seg, 0, "sars", en_skeleton("sars"), lex)
    # ذكور "males" sounds like IEDCR by chance
    assert not sounds_out_acronym(seg, 2, "iedcr", en_skeleton("iedcr"), lex)
    assert not sounds_out_acronym(seg, 0, "sars", "", lex)            # an acronym read letter by letter


# A real TICO-19 pair (CC0) whose Arabic says "large" once, for the first of its two; the plant deletes the
# clause holding the second (eval/plant.py's dev3 set).
TWO_LARGE = ("The CDC has recommended the use of cloth face coverings in public settings, in part to limit transmission "
             "by asymptomatic individuals.Social distancing strategies aim to reduce contact of infected persons with "
             "large groups by closing schools and workplaces, restricting travel and cancelling large public "
             "gatherings.",
             "أوصى سي دي سي باستخدام أغطية الوجه القماشية في الأماكن العامة، ويهدف ذلك جزئيًّا إلى الحد من انتقال "
             "العدوى ممن لا تظهر عليهم أعراض.تهدف إستراتيجيات التباعد الاجتماعي إلى تقليل اختلاط المصابين بمجموعات "
             "كبيرة عن طريق إغلاق المدارس وأماكن العمل، وتقييد السفر وإلغاء التجمعات العامة الكبيرة.",
             "، وتقييد السفر وإلغاء التجمعات العامة الكبيرة")


def test_a_rendering_goes_to_the_word_whose_neighbours_are_rendered_beside_it():
    """كبيرة renders the first "large" (its neighbour "groups" is rendered beside it, بمجموعات كبيرة), not the
    second, which went with the deleted clause; the linking's position tie-break, which the deletion shifts,
    gave it to the second (clauses.evidence._reclaim)."""
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.checks.clauses.evidence import evidence
    from mtkit.model import Segment
    en, original, clause = TWO_LARGE
    seg = AnalyzedSegment(Segment("t", en, original.replace(clause, "")))
    words = [t.norm for t in seg.src_words]
    first, second = words.index("large"), len(words) - 1 - words[::-1].index("large")
    ev = evidence(seg, bilingual())
    assert ev.found_en[first] and not ev.found_en[second]
    assert [seg.tgt_words[j].norm for j in ev.en_links[first]] == ["كبيره"]


def test_a_dropped_clause_whose_word_a_rendering_elsewhere_claimed_is_flagged(caught_once):
    en, original, clause = TWO_LARGE
    flag = caught_once(en, original, original.replace(clause, ""), "omission.clause_words")
    assert flag.src_text == "restricting travel and cancelling large public gatherings"


# A real TICO-19 pair (CC0): the Arabic renders the first "CoVs" (فيروسات كورونا), the plant deletes the
# clause holding the second (eval/plant.py's dev3 set).
TWO_COVS = ("Asymptomatic or only mild symptoms were detected when bats were infected with CoVs, indicating the "
            "mutual adaptation between CoVs and bats.",
            "قد اكتُشفت حالات غير مصحوبة بأعراض أو ذات أعراض خفيفة فقط عند إصابة الخفافيش بفيروسات كورونا، وهو ما "
            "يشير إلى التكيف المتبادل بين فيروسات كورونا والخفافيش.",
            "، وهو ما يشير إلى التكيف المتبادل بين فيروسات كورونا والخفافيش")


def test_a_dropped_clause_holding_an_acronym_nothing_renders_is_flagged(caught_once):
    """The second CoVs, which nothing in the Arabic renders, no longer counts as found inside the clause."""
    en, original, clause = TWO_COVS
    flag = caught_once(en, original, original.replace(clause, ""), "omission.clause_words")
    assert "indicating the mutual adaptation" in flag.src_text


@pytest.mark.parametrize("en, ar, found", [
    ("The FDA approved it.", "وافقت FDA عليه.", True),                       # kept in Latin
    ("The CDC approved it.", "وافقت سي دي سي عليه.", True),                  # its letters' names
    ("SARS spread fast.", "انتشر سارس بسرعة.", True),                         # transliterated
    ("IT IS FURTHER ORDERED that it be filed.", "أمرنا بإيداعه.", True),    # text in capitals
    ("Antibodies include IgM.", "تشمل الأجسام المضادة.", False),             # nothing shows it
])
def test_an_acronym_is_found_on_its_own_only_where_the_arabic_shows_it(en, ar, found):
    from mtkit.checks.analysis import AnalyzedSegment
    from mtkit.checks.clauses.evidence import evidence, seen_en
    from mtkit.checks.clauses.words import is_acronym
    from mtkit.model import Segment
    seg = AnalyzedSegment(Segment("t", en, ar))
    i = next(k for k, t in enumerate(seg.src_words) if is_acronym(seg.src[t.start:t.end]))
    assert evidence(seg, bilingual()).found_en[i] is found
    assert seen_en(seg, bilingual())[i] is found


# Real TICO-19 pairs (CC0) whose planted copy (eval/plant.py's dev3 set) drops a clause only a code or number holds.
CODED = [
    ("Part of the immune response to infection is the production of antibodies including IgM and IgG.",
     "ينطوي جزء من الاستجابة المناعية للعدوى على إنتاج الأجسام المضادة، بما في ذلك IgM وIgG.",
     "، بما في ذلك IgM وIgG", "including IgM and IgG"),
    ("The first HCoV-229E strain, B814, was isolated from the nasal discharge of patients with common cold in "
     "mid-1960s.",
     "عُزلت من فيروس كورونا البشري-229E، السلالة الأولى B814، من الإفرازات الأنفية لمرضى مصابين بالزكام في منتصف "
     "ستينيات القرن العشرين.", "، السلالة الأولى B814", "B814"),
]


@pytest.mark.parametrize("en, original, clause, words", CODED)
def test_a_clause_only_a_code_the_arabic_does_not_show_holds_is_flagged(caught_once, en, original, clause, words):
    """A code or acronym is kept in a translation (in Latin, transliterated, spelled): with it gone and no
    other word of its clause rendered, the clause went (clauses/codes.py); its original is quiet."""
    flag = caught_once(en, original, original.replace(clause, ""), "omission.clause_words")
    assert flag.src_text == words


def test_a_number_gone_with_its_clause_is_the_clauses_and_a_changed_one_the_number_checks():
    from mtkit.checks.document import analyze
    from mtkit.checks import run_checks, select
    from mtkit.model import Segment
    en = ("Although new medications may take until 2021 to develop, several of the medications being tested are "
          "already approved for other uses.")
    original = ("على الرغم من أن الأدوية الجديدة قد تستغرق حتى عام 2021 لتتطور، فإن العديد من الأدوية التي تخضع "
                "للاختبار حصلت على موافقة بالفعل لاستخدامات أخرى.")
    checks = select()
    def flags(ar: str) -> list[tuple[str, str]]:
        seg = analyze([Segment(id="1", src=en, tgt=ar)])[0]
        return [(f.category, f.src_text) for f in run_checks(seg, checks)]
    assert flags(original) == []
    assert flags(original.replace(" حتى عام 2021 لتتطور", "")) == [("omission", "until 2021 to develop")]
    assert ("number", "2021") in flags(original.replace("2021", "2041"))


def test_an_acronym_restating_its_words_in_brackets_may_go():
    from mtkit.checks.document import analyze
    from mtkit.model import Segment
    from mtkit.checks.clauses.codes import in_brackets
    seg = analyze([Segment(id="1", src="We apply Susceptible-Exposed-Infectious-Removed (SEIR) models.",
                           tgt="نطبق نماذج مستعد-معرض-معد-مستبعد.")])[0]
    k = next(i for i, w in enumerate(seg.src_words) if w.norm == "seir")
    assert in_brackets(seg, k, k) and not in_brackets(seg, k - 1, k)


def test_a_whole_clause_set_off_by_punctuation_is_flagged_whatever_its_place_holds(caught_once):
    """A real TICO-19 pair (CC0) with a clause planted as eval/plant.py does (a dev3 plant): an acronym at the
    clause's place (HCoVs) counts as English words that an Arabic run may render, so its place shows no words
    over (excess); the set-off clause rule (added._set_off) weighs the clause without its place."""
    en = "SARS-CoV-2 has features that are similar to both SARS-CoV/MERS-CoV and the four community-acquired HCoVs."
    original = "يتصف سارس كوف-2 بسمات مشابهة لكل من سارس-كوف/ميرس-كوف وفيروسات كورونا البشرية الأربعة المكتسبة من المجتمع."
    planted = original[:-1] + "، في حين رفض المتحدث الرسمي التعليق على ذلك."
    assert caught_once(en, original, planted, "addition.clause").tgt_text == "في حين رفض المتحدث الرسمي التعليق"


def test_a_set_off_paraphrase_in_a_pair_whose_english_is_rendered_less_is_quiet(run_check):
    """A real TICO-19 pair (CC0): "resulting in a frameshift" rendered as a set-off clause the dictionaries
    cannot explain (وهو ما يؤدي ...), in a pair whose English is rendered for less than SET_OFF_COVERAGE."""
    en = ("While intact ORF4 could be observed in bat and camel viruses related to HCoV-229E, the alpaca alpha-CoV "
          "displays a single nucleotide insertion, resulting in a frameshift.")
    ar = ("بالرغم من إمكانية ملاحظة ORF4 السليم في فيروسات الجِمال والخفاش مما يرتبط بفيروس كورونا البشري-229E، "
          "يُظهِر فيروس كورونا ألفا الذي يصيب الألبكا غرز نيوكليوتيد واحد، وهو ما يؤدي إلى طفرة إطار التسطير.")
    assert run_check(en, ar, "addition") == []


# A real TICO-19 pair (CC0) with its last clause deleted (eval/plant.py's dev2 set).
ITALY = ("On 4 March, the Italian government ordered the full closure of all schools and universities nationwide as "
         "Italy reached 100 deaths.",
         "في 4 مارس، أمرت الحكومة الإيطالية بالإغلاق الكامل لجميع المدارس والجامعات في جميع أنحاء البلاد، حيث سجلت "
         "إيطاليا 100 حالة وفاة.",
         "، حيث سجلت إيطاليا 100 حالة وفاة")


def test_the_pairs_length_witnesses_a_dropped_clause_with_fewer_words_over(monkeypatch):
    """A whole clause no link reaches, with two words over at its place (DROPPED_STRONG asks three), is
    flagged where the pair is short against its document's ratio by about the clause's length
    (clauses.rules.DROPPED_WITNESSED); in a concise translator's document, where the same length says
    nothing is missing, it stays quiet, as does the original. (The rules for a missing name and for a clause
    a code or number holds are turned off.)"""
    from mtkit.checks.clauses import dropped
    from mtkit.checks.clauses.rules import Witness
    from mtkit.checks.document import DocumentContext
    monkeypatch.setattr(dropped, "ANCHORED_DELTA", -99.0)
    monkeypatch.setattr(dropped, "_coded", lambda seg, lex: iter(()))
    en, original, clause = ITALY
    planted = original.replace(clause, "")

    def flags(ar: str) -> list[str]:
        return [f.src_text for f in check_flags(analyze_document([(en, ar)])[-1], "omission.clause_words")]
    assert flags(planted) == ["as Italy reached 100 deaths"]
    assert flags(original) == []
    with monkeypatch.context() as concise:
        concise.setattr(DocumentContext, "length_ratio", lambda self, seg, prior, weight: 0.7)
        assert flags(planted) == []
    monkeypatch.setattr(dropped, "DROPPED_WITNESSED", Witness(short=-99.0, rest=1.0, over=2))
    assert flags(planted) == []
