"""Arabic script and light morphology, in one place: the letter ranges, the proclitics and the
article, and the light stems that the checks, the number reader and the aligner match words by.

The stemmers work on normalized text (``mtkit.text.normalize``: ة→ه, ى→ي, hamza carriers → ا);
where a caller needs a variant (which prefixes, how many letters must remain) it asks by parameter.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

# Regex class bodies (use inside [...]).
LETTERS = "\u0621-\u064A"                          # hamza … yeh: the letters of Arabic itself
ALL_LETTERS = LETTERS + "\u066E-\u06D3\u06FA-\u06FF"  # with Persian, Urdu … letters in Arabic script
MARKS = "\u064B-\u0652\u0670"                      # harakat, tanwin, shadda, sukun, dagger alef
TATWEEL = "\u0640"
BLOCK = "\u0600-\u06FF"                            # the whole Arabic block, digits and punctuation too

_LETTER = re.compile(f"[{ALL_LETTERS}]")


def is_letter(ch: str) -> bool:
    """An Arabic-script letter (not a mark, digit or punctuation)."""
    return bool(_LETTER.fullmatch(ch)) and ch != "\u0670"


# Proclitics: conjunctions (و and, ف so), prepositions (ب with, ل for, ك like), future س.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
# Standalone particles on normalized text: prepositions and conjunctions written as words.
PARTICLES = frozenset({"في", "من", "علي", "الي", "عن", "مع", "او", "ثم", "عند", "لدي", "حتي", "ضد", "بين"})
# Particles written as words before a verb: قد (already), لم لن (negation), هل (a question)
VERB_PARTICLES = frozenset({"قد", "لم", "لن", "هل"})
# the article with a proclitic before it, longest first (لل = ل + ال)
ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
# pronoun and plural endings on normalized text, longest first (one is stripped by light_stem)
SUFFIXES = ("هما", "كما", "تين", "تان", "ها", "ان", "ات", "ون", "ين", "يه", "هم", "هن", "كم", "نا", "تم", "ه", "ي", "ك")
_ARTICLE_RE = re.compile(r"^(?:[وفبلك]?ال|لل)")


def has_article(word: str) -> bool:
    """The word starts with the article, alone or after one proclitic (الرئيس, والرئيس, للرئيس)."""
    return bool(_ARTICLE_RE.match(word))


def strip_article(word: str) -> str:
    """The word without its article (and a proclitic before it): ``والأمريكية`` → ``أمريكية``."""
    return _ARTICLE_RE.sub("", word)


def strip_proclitics(word: str, prefixes: Sequence[str] = ARTICLES + CONJUNCTIONS + PREPOSITIONS, *,
                     min_rest: int = 2, tanwin: bool = False) -> list[str]:
    """The word, then (with ``tanwin``) the word without a final tanwin alef (ستًّا → ست), then
    the word without each of ``prefixes`` it starts with, in the order given, each leaving at least
    ``min_rest`` letters. Nothing is stripped twice: callers that need و+ب pass ``وب``."""
    forms = [word]
    if tanwin and len(word) >= 4 and word.endswith("ا"):
        forms.append(word[:-1])
    forms.extend([word[len(p):] for p in by_first_letter(tuple(prefixes)).get(word[:1], ())
                  if word.startswith(p) and len(word) - len(p) >= min_rest])
    return forms


@lru_cache(maxsize=64)
def by_first_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``prefixes`` by their first letter, each letter's in the order given: a word is tested only
    against the prefixes it may start with (most words start with none)."""
    if "" in prefixes:
        raise ValueError("an empty prefix")
    out: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        out[prefix[0]] = out.get(prefix[0], ()) + (prefix,)
    return out


# Light stemming in the spirit of Larkey et al.'s Light10.
@lru_cache(maxsize=200_000)
def ar_stem(word: str) -> str:
    """A light stem: conjunction, article and one suffix stripped, keeping at least 2-3 letters."""
    if len(word) > 3 and word[0] == "و":
        word = word[1:]
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    else:
        if len(word) > 4 and word[0] in "فبلك":
            word = word[1:]
    for suffix in _SUFFIXES_BY_LAST.get(word[-1:], ()):    # one suffix only: a second round over-stems (الولايات → ولا)
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# SUFFIXES by their last letter, each letter's in SUFFIXES' order: a word is tried only with those it may end with
_SUFFIXES_BY_LAST = {last: tuple(s for s in SUFFIXES if s.endswith(last)) for last in {s[-1] for s in SUFFIXES}}


@lru_cache(maxsize=200_000)
def ar_bare(word: str) -> tuple[str, ...]:
    """Forms of a word with its proclitics (و ف ب ل ك and the article) removed, longest first;
    used for names, whose endings must not be stemmed away."""
    forms = [word]
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        forms.append(rest)
    preposition = ""
    if len(rest) > 3 and rest[0] in "بلك" and not rest.startswith(ARTICLE):
        preposition, rest = rest[0], rest[1:]
        forms.append(rest)
    # ل + ال is written لل: after ل a second ل is the article; after ب/ك it is a letter (كلما ≠ ك + ما)
    for article in (ARTICLE, "ل") if preposition in ("", "ل") else (ARTICLE,):
        if rest.startswith(article) and len(rest) - len(article) >= 2:
            forms.append(rest[len(article):])
            break
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=200_000)
def ar_core(word: str) -> str:
    """The light stem with verb inflection also stripped (ي/ت/ن/ا prefixes, ت/وا/ن/نا endings),
    so that ``ضربت``, ``يضرب`` and ``ضرب`` meet. Coarser than :func:`ar_stem`: use it only to
    match lexicon words, never to decide alone."""
    core = ar_stem(word)
    if len(core) > 3 and core.endswith("ا"):
        core = core[:-1]                       # accusative tanwin: ذراعاً → ذراع
    if len(core) > 3 and core[0] in "يتن" or len(core) > 4 and core[0] == "ا":
        core = core[1:]                        # (a 4-letter word's ا is a root letter: اقال is not قال)
    for suffix in ("وا", "نا", "ت", "ن"):
        if len(core) > 3 and core.endswith(suffix):
            core = core[: -len(suffix)]
            break
    return core


# Inflectional endings of one word, on normalized text: pronouns, dual and plural, nisba (-ي
# "-ic, -ian" with its feminine, dual and plural), the dual of past verbs, tanwin alef.
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي")
_ENDINGS = ("يات", "يين", "يون", "يان", "تان", "تين", "تما", "ات", "ان", "ين", "ون", "وا", "يه", "ية", "تم",
            "تن", "ت", "ي", "ه", "ة", "ا")
_VERB_PREFIXES = ("ي", "ت", "ن")
_VERB_CLITICS = frozenset({"", "و", "ف", "ل", "س", "وس", "فس", "ول", "فل"})
_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وك", "وس", "فب", "فل", "فس",
            "و", "ف", "ب", "ل", "ك", "س")


def clitic_forms(word: str, min_rest: int = 4) -> list[str]:
    """The word, and the word without a conjunction, the future س or the article (with what comes
    before it): وسنركز → نركز, والمسؤولون → مسؤولون, للنسخ → النسخ (ل + ال); each form keeps at
    least ``min_rest`` letters. Lone prepositions (ب ل ك) are left on: as often a word's first
    letter (لمست), as are endings and pronouns (فيلاه): unlike :func:`stem_candidates`, the forms
    stay whole words."""
    forms = []
    for clitic in _CLITICS:
        if not word.startswith(clitic):
            continue
        if clitic == "لل":
            forms.append(ARTICLE + word[2:])
        elif clitic.endswith(ARTICLE) or clitic[-1] not in PREPOSITIONS:
            forms.append(word[len(clitic):])
    return [word, *(form for form in forms if len(form) >= min_rest)]


@lru_cache(maxsize=100_000)
def stem_candidates(word: str) -> frozenset[str]:
    """Every stem a word may have under light inflection: proclitics (و ف ب ل ك س and
    the article), an imperfect-verb prefix, then a pronoun, an ending, or an ending + pronoun; a
    stem that lost its ة before an ending gets it back (قنصليتك → قنصلية, مشيمات → مشيمة), in both
    spellings (ة, and ه as normalized text has it). Used to
    ask whether an unseen token is an inflected known word rather than two words glued."""
    out: set[str] = set()
    for clitic in ("", *_CLITICS):
        if not word.startswith(clitic) or len(word) - len(clitic) < 3:
            continue
        rest = word[len(clitic):]
        verbal = clitic in _VERB_CLITICS          # a preposition or the article takes a noun
        for prefix in ("", *_VERB_PREFIXES) if verbal else ("",):
            base = rest[len(prefix):] if rest.startswith(prefix) else None
            if base is None or len(base) < 3 or prefix and base.startswith(ARTICLE):
                continue
            out.add(base)
            for pronoun in ("", *_PRONOUNS):
                if not base.endswith(pronoun) or len(base) - len(pronoun) < 3:
                    continue
                inner = base[:len(base) - len(pronoun)]
                out.add(inner)
                for ending in _ENDINGS:
                    if inner.endswith(ending) and len(inner) - len(ending) >= 3:
                        stem = inner[:-len(ending)]
                        bare = stem[:-1] if stem.endswith("ت") else stem
                        out.update((stem, bare + "ة", bare + "ه"))
    return frozenset(out)


# Two notions of a word's root, for two uses. loose_roots: every consonant string the root may be
# (weak letters dropped, any one prefix off), for asking whether two given words may share a root (a
# two-letter form is common: callers want other evidence too). pattern_root: the one root a regular
# pattern shows, and how surely, for reaching the words of a root from a dictionary's rendering.
# Derivational prefixes of nouns and verbs from one root (maṣdar, participles, forms VII, VIII, X)
# on normalized text, tried one at a time, longest first.
_DERIVATIONAL = ("مست", "است", "ان", "مت", "من", "م", "ت", "ا", "ي", "ن")
_WEAK = str.maketrans("", "", "اويء")


@lru_cache(maxsize=100_000)
def loose_roots(word: str) -> frozenset[str]:
    """The consonants a word may have from its root, after its inflection (stem_candidates) and
    one derivational prefix are taken off and its weak letters (ا و ي ء) and final ة/ه/ت dropped:
    إصابة, أصيب and مصاب share صب; ظهور and تظهر ظهر; ملامسة and يلمس لمس. Form VIII's infixed ت
    after the first consonant may go too: انتقال and نقل share نقل. Two-letter forms (hollow and
    defective roots) are common: never decide on a shared form alone."""
    out: set[str] = set()
    for stem in stem_candidates(word) | {word}:
        for prefix in ("", *_DERIVATIONAL):
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 2:
                bare = stem[len(prefix):].translate(_WEAK)
                if len(bare) > 2 and bare[-1] in "هةت":
                    bare = bare[:-1]
                if len(bare) >= 2:
                    out.add(bare)
                if len(bare) == 4 and bare[1] == "ت":
                    out.add(bare[0] + bare[2:])
    return frozenset(out)


def _drop_long(rest: str) -> str | None:
    """A three-letter root from a stem's last letters: C C C, or C C ا C (a masdar's long vowel)."""
    if len(rest) == 3:
        return rest
    if len(rest) == 4 and rest[2] == "ا":
        return rest[0] + rest[1] + rest[3]
    return None


@lru_cache(maxsize=200_000)
def pattern_root(word: str) -> tuple[str, bool] | None:
    """The three-letter root of a word whose light stem (:func:`ar_stem`, on normalized text) has a
    pattern of the regular derivations, and whether that pattern is a *weak* sign of the root; or None.
    Strong: a bare three-letter stem and the derived verb forms with their masdars and participles
    (استخدام، يستخدم، المستخدمة → خدم; انتقل، الانتقال، المرتبطة → نقل، ربط; توضيح → وضح; متحدث → حدث).
    Weak: the patterns many unrelated nouns share, an imperfect verb or an elative (ينقل، اكبر), the
    participles of the simple verb (كاتب، مكتوب) and the plurals and adjectives أفعال، فعول، فعيل، فعال
    (أنواع → نوع). Coarse by design (a root covers many senses): two weak patterns of one root are
    often unrelated (علامة "sign", معلومات "information"), so callers match a weak one only with a strong one."""
    s = ar_stem(word)
    if len(s) == 3:
        return s, False
    if len(s) < 4 or len(s) > 7:
        return None
    return _verb_root(s) or _noun_root(s)


def _verb_root(s: str) -> tuple[str, bool] | None:
    """The root of a derived verb form's stem (forms X, VIII, V and VI, with masdars and participles)."""
    for prefix in ("مست", "يست", "تست", "نست", "است"):          # form X
        if s.startswith(prefix) and len(s) > len(prefix) + 2:
            return _strong(_drop_long(s[len(prefix):]))
    if s[0] in "امينت" and len(s) >= 5 and s[2] == "ت" and s[3] not in "او":   # form VIII: افتعل، افتعال، مفتعل
        return _strong(_drop_long(s[1] + s[3:]))
    if s.startswith("مت") and len(s) >= 5:                         # forms V and VI: متفعل، متفاعل
        rest = s[2:]
        return _strong(rest if len(rest) == 3 else rest[0] + rest[2:] if len(rest) == 4 and rest[1] == "ا" else None)
    if len(s) == 5 and s[0] == "ت" and s[3] == "ي":                 # تفعيل
        return s[1] + s[2] + s[4], False
    return None


def _noun_root(s: str) -> tuple[str, bool] | None:
    """The root of a stem of the weak patterns (see pattern_root)."""
    if len(s) == 5 and (s[0] == "م" and s[3] == "و" or s[0] == "ا" and s[3] == "ا"):   # مفعول; أفعال، إفعال
        return s[1] + s[2] + s[4], True
    if len(s) == 4:
        if s[0] in "يتنام":                                         # يفعل، أفعل، مفعل
            return s[1:], True
        if s[1] == "ا":                                             # فاعل
            return s[0] + s[2:], True
        if s[2] in "ويا":                                           # فعول، فعيل، فعال
            return s[:2] + s[3], True
    return None


def _strong(root: str | None) -> tuple[str, bool] | None:
    return (root, False) if root is not None else None
