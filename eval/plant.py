"""Errors planted into real translations: recall per category on text the checks never saw.

    python eval/plant.py make      # (re)write eval/data/tico19_planted.jsonl (seeded, deterministic)
    python eval/plant.py replant   # make the name swaps and deletions again in it, the rest kept
    python eval/plant.py make-extra  # write eval/data/tico19_planted_dev2.jsonl: more dev-half clause deletions
    python eval/plant.py make-second  # write eval/data/tico19_planted_{dev3,test2}.jsonl: second sets, every kind
    python eval/plant.py measure [--half dev|test|all|dev2|dev3|test2] [--verbose] [--isolated] [--section NAME]

``make`` takes real TICO-19 pairs (eval/tico19.py) and plants one error per pair into the Arabic side,
keeping it grammatical Arabic: a changed number, a dropped or added negation (لا before يمكن/يجب
too), a name swapped for another real surname, deleted or turned into a common noun, a clause
deleted or added, an English word left in (capitalised ones too), two words glued or a
transliterated name split, an unbalanced quote or bracket, a glossary term replaced by a near
synonym. Every planted pair records its category, what was done and the Arabic span of the error.
Surnames, added clauses and synonyms come from two disjoint pools, one per half of the documents
(see ``tico19.split``), so tuning on the development half cannot learn the test half's words.

``measure`` audits every planted pair and its clean original, each in its document (``--isolated``:
alone). A plant is caught when a flag of
its category that the original did not have points at the planted Arabic words (or at no Arabic
words, or the plant has no Arabic span: a deleted clause or name). Terminology plants are audited
with both TICO-19 glossaries as ``--glossary``, the others without. False alarms are the flags on
the clean originals.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import tico19
from results import record

from mtkit.model import Flag, Segment
from mtkit.text import bama
from mtkit.text.arabic import ar_bare
from mtkit.text.dictionary import bilingual
from mtkit.text.lemmas import all_lemmas
from mtkit.text.lexicon import zipf
from mtkit.text.normalize import norm
from mtkit.text.translit import en_skeletons, transliterates

PLANTED = Path(__file__).parent / "data" / "tico19_planted.jsonl"
SEED = 20261206
# More development plants (``make-extra``): clause deletions on dev-half pairs no plant above uses, with a
# seed of their own, preferring clauses that hold a name or number; the test half is never touched.
EXTRA = Path(__file__).parent / "data" / "tico19_planted_dev2.jsonl"
EXTRA_SEED = f"{SEED}:dev2"
EXTRA_KIND = 60
# Second sets (``make-second``, fourteenth round): every planter again on pairs no plant above uses, with a
# seed of their own: "dev3" on the dev half (tune on it), "test2" on the test half with the test half's
# resource pools (measured once per round, at its end; never tuned on).
SECOND = {half: Path(__file__).parent / "data" / f"tico19_planted_{half}.jsonl" for half in ("dev3", "test2")}
PER_KIND = 30          # plants of each kind in each half (fewer where fewer pairs qualify)

# Two disjoint pools per resource: index 0 for the development half, 1 for the test half.
SURNAMES = (
    ("سميث", "جونسون", "ويليامز", "ميلر", "ويلسون", "تايلور", "أندرسون", "جاكسون", "هاريس", "مارتن",
     "طومسون", "روبنسون", "كلارك", "لويس", "ووكر", "ألين", "رايت", "سكوت", "آدامز", "نيلسون"),
    ("كارتر", "ميتشل", "روبرتس", "فيليبس", "إيفانز", "تيرنر", "باركر", "كولينز", "إدواردز", "ستيوارت",
     "موريس", "موراي", "روجرز", "مورغان", "كوبر", "بيترسون", "بيلي", "كيلي", "هوارد", "ريتشاردسون"),
)
CLAUSES = (
    ("، وفقًا لمصادر مطلعة", "، وهو ما أثار جدلًا واسعًا بين الخبراء", "، بحسب ما أعلنته السلطات المحلية أمس",
     "، في حين رفض المتحدث الرسمي التعليق على ذلك", "، وذلك بعد أسابيع من المفاوضات الصعبة",
     "، كما أكدت الحكومة في بيان رسمي", "، رغم اعتراض عدد كبير من الأطباء", "، وقد تكررت هذه الحالة في عدة مدن",
     "، مما دفع الوزارة إلى فتح تحقيق عاجل", "، وسط مخاوف متزايدة من ارتفاع التكاليف"),
    ("، حسب تقرير نشرته صحيفة محلية", "، وهو أمر نادر الحدوث في هذا الموسم", "، على حد قول أحد الباحثين المشاركين",
     "، بينما طالب النواب بمزيد من الشفافية", "، وذلك للمرة الثالثة خلال العام الجاري",
     "، كما ذكرت وكالة الأنباء الرسمية", "، بالرغم من التحذيرات التي أطلقتها المنظمات الدولية",
     "، وقد استمر الاجتماع حتى ساعة متأخرة من الليل", "، الأمر الذي أدى إلى تأجيل الانتخابات",
     "، في ظل تراجع ملحوظ في أعداد الزوار"),
)
# Near synonyms that a glossary would not accept (either pool may apply to any term).
SYNONYMS = (
    {"فيروس": "حمة", "الفيروس": "الحمة", "لقاح": "طعم", "اللقاح": "الطعم", "وباء": "داء", "الوباء": "الداء",
     "جائحة": "وباء", "الجائحة": "الوباء", "عدوى": "سراية", "العدوى": "السراية", "أعراض": "علامات",
     "الأعراض": "العلامات", "الحمى": "السخونة", "السعال": "الكحة", "مرض": "علة", "المرض": "العلة"},
    {"الصحي": "الطبي", "التنفسي": "الرئوي", "التنفسية": "الرئوية", "حالات": "وقائع", "الحالات": "الوقائع",
     "اختبار": "امتحان", "الاختبار": "الامتحان", "فحص": "كشف", "الفحص": "الكشف", "تفشي": "ذيوع",
     "العزل": "الانطواء", "المناعة": "الحصانة", "مناعة": "حصانة", "التهاب": "تهيج", "الالتهاب": "التهيج",
     "الاجتماعي": "المجتمعي", "الصحة": "العافية"},
)
# English words with a common Arabic rendering (light stems), for leaving one in English.
UNTRANSLATED = {
    "committee": "لجن", "president": "رئيس", "ministry": "وزار", "minister": "وزير", "government": "حكوم",
    "organization": "منظم", "hospital": "مستشف", "patients": "مرض", "doctor": "طبيب", "doctors": "أطباء",
    "virus": "فيروس", "vaccine": "لقاح", "disease": "مرض", "symptoms": "أعراض", "treatment": "علاج",
    "infection": "عدوى", "university": "جامع", "children": "أطفال", "city": "مدين", "country": "بلد",
    "research": "بحث", "study": "دراس", "water": "ماء", "health": "صح", "hands": "يدي", "masks": "كمام",
    "cases": "حالات", "report": "تقرير", "council": "مجلس", "council's": "مجلس", "war": "حرب",
    "company": "شرك", "police": "شرط", "court": "محكم", "schools": "مدارس", "food": "طعام", "blood": "دم",
    "lungs": "رئ", "fever": "حمى", "cough": "سعال", "pain": "ألم", "travel": "سفر", "island": "جزير",
}
# Names that are also English words, and the Arabic common noun a careless translator writes.
COMMON = {"brown": "البني", "white": "الأبيض", "green": "الأخضر", "black": "الأسود", "king": "الملك",
          "baker": "الخباز", "smith": "الحداد", "fisher": "الصياد", "hunter": "الصياد", "young": "الشاب",
          "rose": "الوردة", "bush": "الشجيرة", "cook": "الطباخ", "wood": "الخشب", "hill": "التل", "bell": "الجرس",
          "stone": "الحجر", "fox": "الثعلب", "wolf": "الذئب", "price": "السعر", "hope": "الأمل",
          "grace": "النعمة", "rich": "الغني", "long": "الطويل", "little": "الصغير", "gold": "الذهب",
          "church": "الكنيسة", "banks": "البنوك", "street": "الشارع", "ford": "المخاضة", "page": "الصفحة",
          "mark": "العلامة", "may": "مايو", "case": "الحالة", "wall": "الجدار", "park": "الحديقة",
          "river": "النهر", "lake": "البحيرة", "field": "الحقل", "bird": "الطائر", "fish": "السمكة"}

EN_NEGATION = re.compile(r"\b(not|no|never|none|nor|neither|nobody|nothing|cannot|without)\b|n't\b", re.IGNORECASE)
AR_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+")
AR_NEGATED = re.compile(r"(?<!\S)(و?)(لا|لم|لن)\s+([\u0621-\u064a\u064b-\u0652]{3,})")
MODALS = re.compile(r"(?<!\S)(و?)(يمكن|يجب|ينبغي|يستطيع|تستطيع|يمكنك|يمكنه|يمكنها|يمكنهم|يجوز|يحتاج|تحتاج)(?!\S*\s*\S*لا)")
VERB_STEMS = "ؤدي|سبب|عاني|ساعد|عمل|حدث|تم|وجد|ؤثر|زيد|نتشر|نتقل|شمل|تطلب|عني|ستخدم|بدأ|صبح|ظهر|حتوي|قدم|رتبط|كون"
VERB = re.compile(rf"(?<!\S)(و?)((?:ي|ت)(?:{VERB_STEMS}))(?!\S)")
DIGITS = re.compile(r"(?<![\w\-/])[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*(?![\w\-/])")
AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"


def _digit_value(text: str) -> str:
    return "".join(str(AR_DIGITS.index(c)) if c in AR_DIGITS else c for c in text if c.isdigit())


def _plant(seg: Segment, category: str, kind: str, ar: str, span: tuple[int, int] | None, note: str) -> dict:
    return {"category": category, "kind": kind, "ar": ar, "ar_span": list(span) if span else None, "note": note}


def _replace(ar: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return ar[:start] + new + ar[end:], (start, start + len(new))


def number_changed(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    en_values = {_digit_value(m.group()) for m in DIGITS.finditer(seg.src)}
    found = [m for m in DIGITS.finditer(seg.tgt) if _digit_value(m.group()) in en_values]
    if not found:
        return None
    m = rng.choice(found)
    text = m.group()
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    i = rng.choice(positions[-2:])                 # a low digit: a plausible slip, not 10× off
    old = int(_digit_value(text[i]))
    new = (old + rng.randint(1, 8)) % 10
    if i == positions[0] and new == 0:
        new = (old + 1) % 10 or 1
    digit = AR_DIGITS[new] if text[i] in AR_DIGITS else str(new)
    changed = text[:i] + digit + text[i + 1:]
    ar, span = _replace(seg.tgt, m.start(), m.end(), changed)
    return _plant(seg, "number", "number changed", ar, span, f"{text} → {changed}")


def negation_dropped(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    if not EN_NEGATION.search(seg.src):
        return None
    found = list(AR_NEGATED.finditer(seg.tgt))
    if not found:
        return None
    m = rng.choice(found)
    conj, neg, verb = m.groups()
    new = conj + ("س" + verb if neg == "لن" else verb)
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "negation", "negation dropped", ar, span, f"{m.group()} → {new}")


def negation_added(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    if EN_NEGATION.search(seg.src):
        return None
    found = list(MODALS.finditer(seg.tgt)) or list(VERB.finditer(seg.tgt))
    if not found:
        return None
    m = rng.choice(found)
    conj, verb = m.groups()
    new = f"{conj}لا {verb}"
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "negation", "negation added" + (" (modal)" if verb.startswith(("يمكن", "يجب", "ينبغي", "يجوز")) else ""),
                  ar, span, f"{m.group()} → {new}")


def _names(seg: Segment, strict: bool = False) -> list[tuple[str, re.Match]]:
    """English capitalised words inside a sentence and the Arabic word that transliterates them;
    ``strict``: the first such Arabic word that is a name, not a word of meaning (``_is_name``)."""
    out = []
    for em in re.finditer(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b", seg.src):
        for am in AR_WORD.finditer(seg.tgt):
            word = am.group()
            core = word[1:] if len(word) > 4 and word[0] in "وبل" else word
            if transliterates(em.group(), core) and not core.startswith("ال") and \
                    (not strict or _is_name(em.group(), word)):
                out.append((em.group(), am))
                break
    return out


# An Arabic word rarer than this (Zipf) that transliterates an English name is taken as its name.
RARE_ARABIC = 3.0


def _is_name(en: str, ar: str) -> bool:
    """Whether an Arabic word that transliterates an English capitalised word renders it, not a word
    of meaning that shares its consonants (قال for Jalal, حين for Wuhan, عززت for South): rare in
    Arabic text, or unknown to the dictionaries (FreeDict, BAMA), or glossed by the English word
    itself or by a gloss that is no English word and sounds like it (كندا: Canada)."""
    forms = ar_bare(norm(ar))
    if zipf(forms[-1]) < RARE_ARABIC:
        return True
    lex, analyzer = bilingual(), bama.lexicon()
    glosses = {g for f in forms for source in (lex.ar_to_en(f) if lex else (), analyzer.glosses(f) if analyzer else ())
               for g in source}
    skeletons = set(en_skeletons(en))
    return not glosses or en.lower() in glosses or \
        any(g.isalpha() and not all_lemmas(g) and skeletons & set(en_skeletons(g)) for g in glosses)


def name_swapped(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    names = _names(seg, strict=True)
    if not names:
        return None
    en, m = rng.choice(names)
    word = m.group()
    clitic = word != m.group().lstrip("وبل") and len(word) > 4 and word[0] in "وبل"
    prefix = word[0] if clitic and not transliterates(en, word) else ""
    choices = [s for s in SURNAMES[pool] if not transliterates(en, s)]
    new = prefix + rng.choice(choices)
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "entity", "name swapped", ar, span, f"{en}: {word} → {new}")


def name_deleted(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    names = _names(seg, strict=True)
    if not names:
        return None
    en, m = rng.choice(names)
    start, end = m.start(), m.end()
    if end < len(seg.tgt) and seg.tgt[end] == " ":
        end += 1
    elif start > 0 and seg.tgt[start - 1] == " ":
        start -= 1
    ar = seg.tgt[:start] + seg.tgt[end:]
    return _plant(seg, "entity", "name deleted", ar, None, f"{en}: {m.group()} deleted")


def name_common_noun(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    names = [(en, m) for en, m in _names(seg) if en.lower() in COMMON]
    if not names:
        return None
    en, m = rng.choice(names)
    new = COMMON[en.lower()]
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "entity", "name as common noun", ar, span, f"{en}: {m.group()} → {new}")


_CLAUSE_START = re.compile(r"،\s*|(?<=\s)(?=(?:التي|الذي|الذين|حيث|بينما|لكن|لأن|مما|حتى|عندما|إذ)\s)")


def clause_deleted(seg: Segment, rng: random.Random, pool: int,
                   prefer: Callable[[Segment, str], bool] | None = None) -> dict | None:
    """A clause of the Arabic deleted; ``prefer``: among the clauses it holds true of, if any."""
    words = seg.tgt.split()
    if len(words) < 12:
        return None
    cuts = [m.start() for m in _CLAUSE_START.finditer(seg.tgt)]
    bounds = sorted(set(cuts + [len(seg.tgt.rstrip(".؟!: "))]))
    options = []
    for a, b in zip(bounds, bounds[1:]):
        n = len(seg.tgt[a:b].split())
        if 4 <= n <= 0.5 * len(words) and a > 0:
            options.append((a, b))
    if not options:
        return None
    preferred = [(a, b) for a, b in options if prefer(seg, seg.tgt[a:b])] if prefer else []
    a, b = rng.choice(preferred or options)
    removed = seg.tgt[a:b]
    joint = "" if seg.tgt[b:b + 1] in ".؟!،:" else " "
    ar = seg.tgt[:a].rstrip() + joint + (seg.tgt[b:] if joint == "" else seg.tgt[b:].lstrip())
    return _plant(seg, "omission", "clause deleted", ar.strip(), None, f"deleted: {removed.strip()}")


def clause_added(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    if len(seg.tgt.split()) < 6:
        return None
    clause = rng.choice(CLAUSES[pool])
    end = len(seg.tgt.rstrip())
    while end > 0 and seg.tgt[end - 1] in ".؟!:\"»)":
        end -= 1
    commas = [m.start() for m in re.finditer("،", seg.tgt[:end])]
    at = rng.choice(commas + [end])
    ar, (s, e) = _replace(seg.tgt, at, at, clause)
    return _plant(seg, "addition", "clause added", ar, (s + 2, e), f"added: {clause[2:]}")


def english_left(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    options = []
    for em in re.finditer(r"\b[A-Za-z][a-z']{2,}\b", seg.src):
        stem = UNTRANSLATED.get(em.group().lower())
        if not stem:
            continue
        for am in AR_WORD.finditer(seg.tgt):
            if stem in am.group():
                options.append((em.group(), am))
                break
    if not options:
        return None
    capitalised = [o for o in options if o[0][0].isupper()]
    en, m = rng.choice(capitalised if capitalised and rng.random() < 0.5 else options)
    ar, span = _replace(seg.tgt, m.start(), m.end(), en)
    return _plant(seg, "untranslated", "English word left" + (" (capitalised)" if en[0].isupper() else ""),
                  ar, span, f"{m.group()} → {en}")


def words_glued(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    pairs = [m for m in re.finditer(r"(?<!\S)([\u0621-\u064a]{3,}) ([\u0621-\u064a]{3,})(?!\S)", seg.tgt)]
    if not pairs:
        return None
    m = rng.choice(pairs)
    new = m.group(1) + m.group(2)
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "spacing", "words glued", ar, span, f"{m.group()} → {new}")


def name_split(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    names = [(en, m) for en, m in _names(seg) if len(m.group()) >= 5]
    if not names:
        return None
    en, m = rng.choice(names)
    word = m.group()
    cut = rng.randint(2, len(word) - 2)
    new = word[:cut] + " " + word[cut:]
    ar, span = _replace(seg.tgt, m.start(), m.end(), new)
    return _plant(seg, "spacing", "name split", ar, span, f"{en}: {word} → {new}")


def unbalanced(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    pairs = [m for m in re.finditer(r"«[^»]*»|\"[^\"]*\"|\([^)]*\)", seg.tgt)]
    if pairs and rng.random() < 0.5:
        m = rng.choice(pairs)
        ar = seg.tgt[:m.end() - 1] + seg.tgt[m.end():]
        return _plant(seg, "punctuation", "closing mark deleted", ar, (m.start(), m.start() + 1),
                      f"{m.group()[-1]} deleted")
    words = list(AR_WORD.finditer(seg.tgt))
    if len(words) < 4:
        return None
    m = rng.choice(words[1:-1])
    mark = rng.choice("«(\"")
    ar, span = _replace(seg.tgt, m.start(), m.start(), mark)
    return _plant(seg, "punctuation", "opening mark added", ar, span, f"{mark} before {m.group()}")


def _terms():
    return tico19.glossary()


def term_replaced(seg: Segment, rng: random.Random, pool: int) -> dict | None:
    options = []
    for term in _terms():
        if not re.search(rf"(?<![\w-]){re.escape(term.en)}(?![\w-])", seg.src, re.IGNORECASE):
            continue
        for form in term.ar:
            at = seg.tgt.find(form)
            if at < 0:
                continue
            for syn in SYNONYMS:
                for word in form.split():
                    if word in syn:
                        options.append((term, form, at, word, syn[word]))
    if not options:
        return None
    term, form, at, word, syn = rng.choice(sorted(options, key=lambda o: (o[0].en, o[1], o[3])))
    new = form.replace(word, syn, 1)
    ar, span = _replace(seg.tgt, at, at + len(form), new)
    return _plant(seg, "terminology", "glossary term replaced", ar, span, f"{term.en}: {form} → {new}")


PLANTERS: tuple[Callable, ...] = (name_common_noun, term_replaced, name_split, negation_dropped, number_changed,
                                  name_swapped, name_deleted, negation_added, english_left, unbalanced,
                                  clause_deleted, clause_added, words_glued)


# Planters whose first version took words of meaning for names (قال for Jalal, حين for Wuhan):
# ``replant`` makes their plants again in the planted file, every other plant kept as it is.
REPLANTED = (name_swapped, name_deleted)


def make() -> list[dict]:
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    rng = random.Random(SEED)
    used: set[str] = set()
    rows = []
    for half in ("dev", "test"):
        hosts = [s for s in segments if halves[tico19.document(s.id)] == half]
        for planter in PLANTERS:
            order = hosts[:]
            rng.shuffle(order)
            rows += _plant_hosts(planter, order, used, half, rng)
    return rows


def _plant_hosts(planter: Callable, order: list[Segment], used: set[str], half: str,
                 rng: random.Random, per_kind: int = PER_KIND) -> list[dict]:
    """Up to ``per_kind`` plants of one planter on the hosts in ``order`` that no plant uses yet."""
    pool = 0 if half.startswith("dev") else 1
    rows: list[dict] = []
    for seg in order:
        if seg.id in used or len(rows) >= per_kind:
            continue
        planted = planter(seg, rng, pool)
        if planted is None or planted["ar"] == seg.tgt:
            continue
        used.add(seg.id)
        rows.append({"id": f"{seg.id}#{planter.__name__}", "host": seg.id, "half": half, **planted,
                     "en": seg.src, "ar_original": seg.tgt})
    return rows


def replant(rows: list[dict]) -> list[dict]:
    """``rows`` with each REPLANTED planter's plants made again, in their place, on hosts no other
    plant uses, with a random draw of their own: every other row stays byte for byte."""
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    for half in ("dev", "test"):
        for planter in REPLANTED:
            suffix = f"#{planter.__name__}"
            mine = [k for k, r in enumerate(rows) if r["half"] == half and r["id"].endswith(suffix)]
            used = {r["host"] for k, r in enumerate(rows) if k not in mine}
            rng = random.Random(f"{SEED}:{half}:{planter.__name__}")
            order = [s for s in segments if halves[tico19.document(s.id)] == half]
            rng.shuffle(order)
            new = _plant_hosts(planter, order, used, half, rng)
            at = mine[0] if mine else len(rows)
            rows = [r for k, r in enumerate(rows[:at]) if k not in mine] + new + \
                [r for k, r in enumerate(rows[at:], at) if k not in mine]
    return rows


def _holds_name_or_number(seg: Segment, arabic: str) -> bool:
    """Whether Arabic words hold a digit or the Arabic name of an English capitalised word (``_names``)."""
    return bool(DIGITS.search(arabic)) or any(m.group() in AR_WORD.findall(arabic) for _, m in _names(seg, strict=True))


def make_extra() -> list[dict]:
    """EXTRA_KIND clause deletions on dev-half pairs that no plant in PLANTED uses (``half`` "dev2")."""
    planted = [json.loads(line) for line in PLANTED.read_text(encoding="utf-8").splitlines() if line.strip()]
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    rng = random.Random(EXTRA_SEED)
    order = [s for s in segments if halves[tico19.document(s.id)] == "dev"]
    rng.shuffle(order)
    used = {r["host"] for r in planted}
    deleted = lambda seg, rng, pool: clause_deleted(seg, rng, pool, prefer=_holds_name_or_number)  # noqa: E731
    deleted.__name__ = "clause_deleted"
    rows = []
    for row in _plant_hosts(deleted, order, used, "dev", rng, EXTRA_KIND):
        seg = Segment(id=row["host"], src=row["en"], tgt=row["ar_original"])
        removed = row["note"].removeprefix("deleted: ")
        rows.append({**row, "half": "dev2", "anchored": _holds_name_or_number(seg, removed)})
    return rows


def make_second(half: str) -> list[dict]:
    """Every planter's plants on pairs of ``half``'s base half ("dev3" → dev, "test2" → test) that no plant
    in PLANTED, EXTRA or the other second set uses, with a seed of their own."""
    others = [PLANTED, EXTRA] + [p for h, p in SECOND.items() if h != half and p.exists()]
    used = {json.loads(line)["host"] for path in others
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    rng = random.Random(f"{SEED}:{half}")
    hosts = [s for s in segments if halves[tico19.document(s.id)] == half.rstrip("23")]
    rows = []
    for planter in PLANTERS:
        order = hosts[:]
        rng.shuffle(order)
        rows += _plant_hosts(planter, order, used, half, rng)
    return rows


def _caught(plant: dict, flags: list[Flag], before: set) -> bool:
    for f in flags:
        if f.category != plant["category"] or (f.check, f.src_text, f.tgt_text) in before:
            continue
        span = plant["ar_span"]
        if span is None or f.tgt_span is None or (f.tgt_span.start < span[1] and span[0] < f.tgt_span.end):
            return True
    return False


def _copies(plants: list[dict]) -> list[list[dict]]:
    """The plants of one document spread over as few copies of it as can be, no copy holding the
    same planted words twice: an article never repeats one invented clause or swapped name in
    several sentences, and a repeat would look like the article's own wording."""
    copies: list[list[dict]] = []
    for plant in plants:
        home = next((c for c in copies if all(_planted_words(p) != _planted_words(plant) for p in c)), None)
        if home is None:
            copies.append(home := [])
        home.append(plant)
    return copies


def _planted_words(plant: dict) -> str:
    """The words a plant puts in (the new surname of a swap, the clause added), from its note."""
    return plant["note"].rsplit("→", 1)[-1].strip()


def audit_planted(rows: list[dict], isolated: bool = False) -> dict[str, list[Flag]]:
    """Flags of every planted pair (``id``) and of its clean original (``id@clean``).

    Each pair is audited in its document, as a reviewer audits an article: every document that
    hosts plants is audited clean and with its plants in place (one per host pair; in more than one
    copy where two plants would plant the same words, see ``_copies``), and a plant's flags are its
    pair's flags in its planted copy. ``isolated``: each pair alone (the
    first-look method, no document context)."""
    terms = tico19.glossary()
    results: dict[str, list[Flag]] = {}
    documents: dict[str, list[Segment]] = defaultdict(list)
    if not isolated:
        for seg in tico19.load_segments():
            documents[tico19.document(seg.id)].append(seg)
    for use_glossary in (False, True):
        chosen = [r for r in rows if (r["category"] == "terminology") == use_glossary]
        segs = []
        if isolated:
            for r in chosen:
                segs += [Segment(id=r["id"], src=r["en"], tgt=r["ar"], doc=r["id"]),
                         Segment(id=r["id"] + "@clean", src=r["en"], tgt=r["ar_original"], doc=r["id"] + "@clean")]
        else:
            by_doc: dict[str, list[dict]] = defaultdict(list)
            for r in chosen:
                by_doc[tico19.document(r["host"])].append(r)
            for doc in sorted(by_doc):
                by_host = {r["host"]: r for r in by_doc[doc]}
                for seg in documents[doc]:
                    plant = by_host.get(seg.id)
                    segs.append(Segment(id=plant["id"] + "@clean" if plant else seg.id + "@clean", src=seg.src,
                                        tgt=seg.tgt, doc=doc + "@clean"))
                for n, copy in enumerate(_copies(by_doc[doc])):
                    in_copy = {r["host"]: r for r in copy}
                    for seg in documents[doc]:
                        plant = in_copy.get(seg.id)
                        segs.append(Segment(id=plant["id"] if plant else f"{seg.id}@planted{n}", src=seg.src,
                                            tgt=plant["ar"] if plant else seg.tgt, doc=f"{doc}@planted{n}"))
        for res in tico19.audit(segs, glossary_terms=terms if use_glossary else ()):
            results[res.segment.id] = res.flags
    return results


def table(rows: list[dict], results: dict[str, list[Flag]], verbose: bool = False) -> str:
    by_kind: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_cat: dict[str, Counter] = defaultdict(Counter)
    clean_flagged = clean_serious = 0
    for r in rows:
        clean = results[r["id"] + "@clean"]
        clean_flagged += bool(clean)
        clean_serious += any(f.severity != "minor" for f in clean)
        ok = _caught(r, results[r["id"]], {(f.check, f.src_text, f.tgt_text) for f in clean})
        for counter in (by_kind[(r["category"], r["kind"])], by_cat[r["category"]], by_cat["**overall**"]):
            counter["all"] += 1
            counter["caught"] += ok
        if verbose and not ok:
            print(f"MISSED {r['id']} [{r['kind']}] {r['note']}\n  EN {r['en']}\n  AR {r['ar']}\n  "
                  + "; ".join(f"{f.check}:{f.tgt_text}" for f in results[r["id"]]))
    lines = ["| category | planted error | caught/planted | recall |", "|---|---|---:|---:|"]
    for (cat, kind), c in sorted(by_kind.items()):
        lines.append(f"| {cat} | {kind} | {c['caught']}/{c['all']} | {c['caught'] / c['all']:.2f} |")
    lines += ["", "| category | caught/planted | recall |", "|---|---:|---:|"]
    for cat, c in sorted(by_cat.items(), key=lambda kv: (kv[0].startswith("*"), kv[0])):
        lines.append(f"| {cat} | {c['caught']}/{c['all']} | {c['caught'] / c['all']:.2f} |")
    n = len(rows)
    lines += ["", f"False alarms on the {n} clean originals: {clean_flagged / n:.1%} have a flag, "
                  f"{clean_serious / n:.1%} a major or critical one."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("make", "replant", "make-extra", "make-second", "measure"))
    parser.add_argument("--half", default="all", choices=("dev", "test", "all", "dev2", "dev3", "test2"),
                        help="dev2: the extra development plants of make-extra; dev3/test2: make-second's sets")
    parser.add_argument("--section", help="RESULTS.md section to write (measure)")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--isolated", action="store_true",
                        help="audit each pair alone (the first look's method), not in its document")
    args = parser.parse_args()
    if args.action in ("make", "replant"):
        rows = make() if args.action == "make" else \
            replant([json.loads(line) for line in PLANTED.read_text(encoding="utf-8").splitlines() if line.strip()])
        PLANTED.parent.mkdir(parents=True, exist_ok=True)
        with open(PLANTED, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        print(f"{len(rows)} planted pairs → {PLANTED}")
        print(Counter((r["half"], r["kind"]) for r in rows))
        return
    if args.action == "make-extra":
        rows = make_extra()
        with open(EXTRA, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        print(f"{len(rows)} planted pairs → {EXTRA} (seed {EXTRA_SEED}); holding a name or number: "
              f"{sum(r['anchored'] for r in rows)}")
        return
    if args.action == "make-second":
        for half, path in SECOND.items():
            if half == "test2" and path.exists():
                continue  # measured at first look already: never re-drawn
            rows = make_second(half)
            with open(path, "w", encoding="utf-8", newline="\n") as out:
                out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
            print(f"{len(rows)} planted pairs → {path} (seed {SEED}:{half})")
            print(Counter(r["kind"] for r in rows))
        return
    source = {"dev2": EXTRA, **SECOND}.get(args.half, PLANTED)
    seed = EXTRA_SEED if args.half == "dev2" else f"{SEED}:{args.half}" if args.half in SECOND else SEED
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = audit_planted([r for r in rows if args.half == "all" or r["half"] == args.half], args.isolated)
    halves = ("test", "dev") if args.half == "all" else (args.half,)
    body = "\n\n".join(f"**{half}** half ({'tuned on' if half.startswith('dev') else 'not looked at while tuning'}):\n\n"
                       + table([r for r in rows if r["half"] == half], results, args.verbose) for half in halves)
    method = ("each pair audited alone" if args.isolated else
              "each pair audited in its document: every host document audited clean and with its plants in place")
    body = (f"mtkit at {tico19.code_version()}. {len(rows)} planted pairs in `eval/data/{source.name}` "
            f"(seed {seed}, one error per real TICO-19 pair; {method}).\n\n" + body)
    print(body)
    if args.section:
        record(args.section, body)


if __name__ == "__main__":
    main()
