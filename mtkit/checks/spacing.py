"""Glued and split words, doubled spaces, spaces before Arabic punctuation."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.entity import COMPOUND_PART_ZIPF
from mtkit.model import Span
from mtkit.text.arabic import (ARTICLE, ARTICLES, CONJUNCTIONS, LETTERS, MARKS, PARTICLES, PREPOSITIONS, SUFFIXES, TATWEEL,
                               VERB_PARTICLES, by_first_letter, clitic_forms, strip_proclitics)
from mtkit.text.lemmas import all_lemmas
from mtkit.text.lexicon import ar_at_least, zipf
from mtkit.text.normalize import norm
from mtkit.text.spelling import frequent_stems, in_hunspell
from mtkit.text.translit import ar_skeleton, en_skeleton, en_skeletons, names_match, part_of, skeletons_match

# Glued: an unseen token that splits into two common words. Split: two tokens that join into a
# common word while one of them is no word at all. Thresholds are Zipf frequencies (wordfreq).
COMMON, RARE, JOINED = 3.0, 2.5, 3.5
SHORT_PART = 5.5        # a two-letter part must be a function word as frequent as في or من
GAP = 2.5               # how much more common the two parts must be than the glued token
# Longer tokens are not two words glued together (the longest Arabic words have about 15 letters);
# every cut of a token is looked up, so this also bounds the work per token.
MAX_JOINED = 30
LOANWORD = 5            # English words this long may come back as Arabic loanwords (genomic → جينومي)
# Pieces that attach to words: a split there is morphology, not two glued words.
_PREFIXES = frozenset(ARTICLES) | {"ول", "وب", "فب", "ست", "سي", "سن"}
_SUFFIXES = frozenset(SUFFIXES) | {"كن", "ني", "ية", "تما", "وا", "يا"}    # (unnormalized: ية, not يه)
_FREE_PARTICLES = PARTICLES | VERB_PARTICLES        # (normalized)
_UNCLITIC = ARTICLES + CONJUNCTIONS + PREPOSITIONS
# An Arabic word with its diacritics and tatweel (they are inside words, not between them);
# frequencies are looked up without them.
_ARABIC_TOKEN = re.compile(f"[{LETTERS}][{LETTERS}{MARKS}{TATWEEL}]*")
_MARKS = re.compile(f"[{MARKS}{TATWEEL}]")
# Short vowels or sukun written inside a word (البيرُوكْسِي): a writer spelling out how to say a
# foreign or rare word, so one word; a final case ending or a shadda alone says nothing of that.
_VOWELLED = re.compile("[\u064E-\u0650\u0652].")

# ة and ى only end a word: one followed by another Arabic letter marks two words glued together.
# (tried only where a run of letters starts: linear in the text however long a run is)
_GLUED = re.compile(f"(?<![{LETTERS}])[{LETTERS}]*[ةى](?=[{LETTERS}])[{LETTERS}]*")
_DOUBLE = re.compile(r"(?<=\S)  +(?=\S)")
_BEFORE_PUNCT = re.compile(f"(?<=[{LETTERS}]) +(?=[،؛؟!.:](?:\\s|$))")


@check("spacing.glued", category="spacing", doc=Doc(
    why="ة and ى only end a word, so one followed by a letter marks two words written without a space.",
    flagged=("The ministry said the new school would open in the capital.",
             "قالت الوزارة إن المدرسة الجديدةستفتح في العاصمة."),
    passed=("The ministry said the new school would open in the capital.",
            "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة.")))
def glued_words(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Two Arabic words written without a space (a final-only letter inside a word)."""
    for match in _GLUED.finditer(seg.tgt):
        word = match.group()
        cut = next(i for i, ch in enumerate(word) if ch in "ةى" and i + 1 < len(word)) + 1
        yield Finding("minor", f"'{word}' looks like two words glued together.",
                      tgt_span=Span(match.start(), match.end()), suggestion=f"{word[:cut]} {word[cut:]}",
                      confidence=0.85)


def _may_be_name(skeleton: str, names: list[str]) -> bool:
    """Loosely, whether an Arabic token transliterates one of the English names: rare foreign
    names (لاوون for Leo) must not be split into two common words."""
    return any(n and skeleton and (skeleton.startswith(n) or n.startswith(skeleton) or skeletons_match(n, skeleton))
               for n in names)


def _transliterates_any(word: str, skeletons: frozenset[str]) -> bool:
    """Strictly, whether the Arabic token (without its article or nisba ending) transliterates an
    English word of the sentence, or a part of a compound one (بيتيديل of dipeptidyl): a rare
    loanword (الجينومي for genomic) is one word."""
    forms = {word, *strip_proclitics(word, ARTICLES, min_rest=3)}
    forms |= {f[:-1] for f in forms if f.endswith("ي") and len(f) > 4}
    arabic = [ar_skeleton(form) for form in forms]
    return any(skeletons_match(en, ar) or part_of(ar, en) for ar in arabic for en in skeletons)


def _one_word(word: str, cut: int) -> bool:
    """A known stem with its clitics and endings (الجينومي, القالبان, قنصليتك), not two words glued:
    hunspell-ar's stem, or a stem wordfreq knows that is not itself two common words (إذاكان). A
    free particle before the cut (في, من, عن) is the glued reading, although ف + ي + مصر parses,
    unless web text has seen the word too (منقادة)."""
    if norm(word[:cut]) in _FREE_PARTICLES:
        return in_hunspell(word) and zipf(word) > 0      # منقادة, a word web text has seen
    return in_hunspell(word) or any(_best_split(stem) is None for stem in frequent_stems(word))


def _unclitic(word: str) -> list[str]:
    """The word without a proclitic (و ف ب ل ك, the article) or a final tanwin alef."""
    return strip_proclitics(word, _UNCLITIC, min_rest=3, tanwin=True)[1:]


@lru_cache(maxsize=200_000)
def _part_zipf(part: str) -> float:
    """How common a piece of a glued token is as a word: as written, or without its conjunction,
    future س or article (وسنركز is و + س + نركز, rare as written, as common as a word as نركز)."""
    return max((zipf(form) for form in clitic_forms(part)), default=0.0)


@lru_cache(maxsize=200_000)      # a pure function of the word: news repeats its words
def _best_split(word: str) -> int | None:
    """Where a rare Arabic token splits into two far more common words, if it does
    (wordfreq has seen some glued forms, such as عددمن, in web text: rare, not unseen)."""
    if not 5 <= len(word) <= MAX_JOINED or zipf(word) >= RARE:
        return None
    if any(zipf(form) >= RARE for form in _unclitic(word)):
        return None                         # باليوان is بال + يوان, ثورانا is ثوران with tanwin
    best, best_score = None, 0.0
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if left in _PREFIXES or right in _SUFFIXES:
            continue                        # a clitic or an ending, not a second word: معارف+هما
        left_zipf = _part_zipf(left)
        if left_zipf < COMMON:
            continue                        # (the score is below COMMON whatever the right part is)
        score = min(left_zipf, _part_zipf(right))
        if min(len(left), len(right)) == 2 and zipf(left if len(left) == 2 else right) < SHORT_PART:
            continue
        if score >= COMMON and score - zipf(word) >= GAP and score > best_score:
            best, best_score = cut, score
    return best


@lru_cache(maxsize=200_000)      # a pure function of the token: news repeats its words
def _joined_cut(token: str) -> tuple[str, int | None]:
    """The token without its marks, and where it splits into two words (None if it does not, if it
    is too long, glued at a final-only letter (spacing.glued reports it) or a known stem with clitics)."""
    word = _MARKS.sub("", token)
    if len(word) > MAX_JOINED or _GLUED.fullmatch(word) or len(_VOWELLED.findall(token)) >= 2:
        return word, None
    cut = _best_split(word)
    # a known stem with its clitics and endings (الجينومي, القالبان): one word
    return word, None if cut is None or _one_word(word, cut) else cut


@check("spacing.joined", category="spacing", doc=Doc(
    why="Two words written as one token are unreadable for search and spell-checking, and look careless.",
    flagged=("The ministry said the new school would open in the capital.",
             "قالت الوزارة إن المدرسة الجديدة ستفتح فيالعاصمة."),
    passed=("The ministry said the new school would open in the capital.",
            "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة.")))
def joined_words(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Two common Arabic words written as one unknown token (فيالعاصمة)."""
    names: list[str] | None = None
    loans: frozenset[str] = frozenset()
    for match in _ARABIC_TOKEN.finditer(seg.tgt):
        word, cut = _joined_cut(match.group())
        if cut is None:
            continue
        if names is None:           # (only for a pair with a glued token: most have none)
            names = [en_skeleton(seg.src[t.start:t.end]) for _, t in seg.src_capitalized() if not seg.is_sentence_initial(t)]
            loans = frozenset(en_skeleton(t.norm) for t in seg.src_words if len(t.norm) >= LOANWORD)
        # a transliterated name or a loanword (الجينومي for genomic): one word, unless the second
        # part starts with the article, which starts a word (أوصتالسلطات beside South is two)
        if (word.startswith(ARTICLE, cut) or not _may_be_name(ar_skeleton(word), names)) \
                and not _transliterates_any(word, loans):
            yield Finding("minor", f"'{word}' looks like two words without a space.",
                          tgt_span=Span(match.start(), match.end()), suggestion=f"{word[:cut]} {word[cut:]}",
                          confidence=0.7)


def _arabic_tokens(seg: AnalyzedSegment) -> tuple[list[re.Match], list[str]]:
    """The pair's Arabic tokens, and each without its marks (each token once, not as left and as
    right; found once for the two checks of split words)."""
    def find() -> tuple[list[re.Match], list[str]]:
        tokens = list(_ARABIC_TOKEN.finditer(seg.tgt))
        return tokens, [_MARKS.sub("", t.group()) for t in tokens]
    return seg.memo("spacing.arabic_tokens", find)


@check("spacing.split", category="spacing", doc=Doc(
    why="A word broken by a space is two non-words to a reader, a search engine and a spell-checker.",
    flagged=("The company said profits rose.", "قالت الشر كة إن الأرباح ارتفعت."),
    passed=("The company said profits rose.", "قالت الشركة إن الأرباح ارتفعت.")))
def split_word(seg: AnalyzedSegment) -> Iterator[Finding]:
    """One Arabic word broken by a space (الشر كة)."""
    tokens, words = _arabic_tokens(seg)
    for k in range(len(tokens) - 1):
        left, right = tokens[k], tokens[k + 1]
        if seg.tgt[left.end():right.start()] != " ":
            continue
        a, b = words[k], words[k + 1]
        joined = a + b
        if not ar_at_least(joined, JOINED):
            continue                                # (most pairs: the join is no word)
        zj = zipf(joined)
        za, zb = zipf(a), zipf(b)
        rare_part = min(za, zb) < RARE and zj > min(za, zb) + 1
        better_joined = zj > max(za, zb) + 0.5      # المس تشفى: المستشفى beats both
        # a two-letter piece that is no function word (سا of سا عدت), beside a longer one (two are
        # letters spelled out: سي دي for CD)
        short, other = sorted((a, b), key=len)
        short_piece = len(short) == 2 and len(other) >= 3 and zipf(short) < SHORT_PART
        if rare_part or better_joined or short_piece:
            yield Finding("minor", f"'{a} {b}' looks like one word split by a space.",
                          tgt_span=Span(left.start(), right.end()), suggestion=joined, confidence=0.7)


_LONE_CLITIC = re.compile(f"(?:^|(?<=\\s))([وفبل]) (?=[{LETTERS}]{{2,}})")


@check("spacing.detached", category="spacing", doc=Doc(
    why="The one-letter prefixes و ف ب ل are written joined to their word; detached they are a typing error.",
    flagged=("The ministry and the services agreed.", "اتفقت الوزارة و الخدمات."),
    passed=("The ministry and the services agreed.", "اتفقت الوزارة والخدمات.")))
def detached_clitic(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A one-letter prefix (و ف ب ل) written as a word of its own: "و خدمات" for "وخدمات"."""
    for match in _LONE_CLITIC.finditer(seg.tgt):
        end = seg.tgt.find(" ", match.end())
        end = len(seg.tgt) if end < 0 else end
        text = seg.tgt[match.start():end].rstrip("،,.؛:")
        yield Finding("minor", f"'{match.group(1)}' must be joined to the next word.",
                      tgt_span=Span(match.start(), match.start() + len(text)),
                      suggestion=text.replace(" ", "", 1), confidence=0.8)


@check("spacing.double", category="spacing", doc=Doc(
    why="Doubled spaces are a typing artefact that shows in print and breaks text matching.",
    flagged=("The ministry said the new school would open in the capital.",
             "قالت الوزارة إن المدرسة الجديدة ستفتح في  العاصمة."),
    passed=("The ministry said the new school would open in the capital.",
            "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة.")))
def double_space(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Two or more spaces between words."""
    for match in _DOUBLE.finditer(seg.tgt):
        yield Finding("minor", "Several spaces in a row.", tgt_span=Span(match.start(), match.end()),
                      suggestion=" ", confidence=0.9)


@check("spacing.before_punctuation", category="spacing", doc=Doc(
    why="Arabic punctuation attaches to the word before it; a space before it breaks lines badly and looks "
        "careless.",
    flagged=("The ministry said the new school would open in the capital.",
             "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة ."),
    passed=("The ministry said the new school would open in the capital.",
            "قالت الوزارة إن المدرسة الجديدة ستفتح في العاصمة.")))
def space_before_punctuation(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A space before a comma, semicolon, question mark or full stop."""
    for match in _BEFORE_PUNCT.finditer(seg.tgt):
        yield Finding("minor", "A space before punctuation.", tgt_span=Span(match.start(), match.end() + 1),
                      suggestion=seg.tgt[match.end()], confidence=0.8)


@check("spacing.split_name", category="spacing", doc=Doc(
    why="A transliterated name broken by a space reads as two unknown words and cannot be searched.",
    context=(("Wuhan is the capital of Hubei.", "ووهان هي عاصمة هوبي."),),
    flagged=("The outbreak began in Wuhan in December.", "بدأ التفشي في ووه ان في ديسمبر."),
    passed=("The outbreak began in Wuhan in December.", "بدأ التفشي في ووهان في ديسمبر.")))
def split_name(seg: AnalyzedSegment) -> Iterator[Finding]:
    """Two Arabic words that only together transliterate a name of the English (ووه ان for Wuhan),
    where the document writes the name as one word at least as often as these two."""
    names = {}
    for _, tok in seg.src_capitalized():
        text = seg.src[tok.start:tok.end]
        if len(text) >= 4 and text.isalpha() and text[1:].islower() and \
                (not seg.is_sentence_initial(tok) or seg.document.is_name(seg, tok)):
            names[text] = en_skeletons(text)
    if not names:
        return
    every_sound = frozenset().union(*names.values())
    tokens, plain = _arabic_tokens(seg)
    for k, (left, right) in enumerate(zip(tokens, tokens[1:])):
        if seg.tgt[left.end():right.start()] != " ":
            continue
        a, b = plain[k], plain[k + 1]
        joined = a + b
        if len(joined) < 4:
            continue
        whole = [norm(joined)] + [norm(joined[len(p):]) for p in by_first_letter(_UNCLITIC).get(joined[0], ())
                                  if joined.startswith(p) and len(joined) - len(p) >= 4]
        # the names whose sound the joined word has (most word pairs: none, and nothing else is asked)
        sounds = {sound for sound in map(ar_skeleton, whole) if len(sound) >= 2}
        if sounds.isdisjoint(every_sound):
            continue
        sounding = [(name, skeletons) for name, skeletons in names.items() if any(s in skeletons for s in sounds)]
        words, pairs = seg.document.arabic_words
        # (this pair's own words are not the document's evidence: the split is here)
        joined_count = max(words[w] - _count_in(seg, w) if words[w] else 0 for w in whole)
        split_count = pairs[norm(a) + " " + norm(b)]
        if joined_count < split_count and (joined_count or split_count > 1):
            continue                      # the document writes it as two words (وول ورثز, وين ليانج), or more often so
        two_words = min(zipf(a), zipf(b)) >= SPLIT_PART
        for name, skeletons in sounding:
            if (joined_count or not two_words or _only_rendering(seg, name, skeletons, tokens, left, right)) \
                    and (joined_count or not _piece_renders(skeletons, a, b)) \
                    and (joined_count or not _compound_said_apart(name, a, b)):
                yield Finding("minor", f"'{a} {b}' looks like the name '{name}' split by a space.",
                              tgt_span=Span(left.start(), right.end()), suggestion=joined, confidence=0.75)
                break


def _only_rendering(seg: AnalyzedSegment, name: str, skeletons: tuple[str, ...], tokens: list[re.Match[str]],
                    left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether two words of the language that together spell a name (سيف يد, Cepheid) are its only
    rendering, so the name split: no other word of the translation renders it, the pair's word
    links (numbers, names, the dictionary; not mere position) tie neither to an English word
    (العقار, the drug), and the name is no English word a translator would translate (Disease)."""
    if all_lemmas(name.lower()):
        return False                    # (an English word: a capital in a title, translated)
    if any(names_match(skeletons, _MARKS.sub("", t.group())) for t in tokens if t is not left and t is not right):
        return False
    starts = {left.start(), right.start()}
    return not any(link.kind != "position" and seg.tgt_words[link.tgt].start in starts for link in seg.word_links)


def _count_in(seg: AnalyzedSegment, word: str) -> int:
    """How often the pair's Arabic holds ``word`` (a form without proclitics), as the document counts it."""
    return sum(bare.count(word) for bare in seg.tgt_bare)


def _piece_renders(skeletons: tuple[str, ...], a: str, b: str) -> bool:
    """Whether one of two Arabic words renders the name by itself, so that they are two words: it
    matches the name's skeleton exactly, or one class off (مرمان for Zimmerman) while the other is
    an Arabic word (زي is one; وو of وو يكيميديا, ري of ديسكف ري not both ways: one piece is no word)."""
    pieces = (a, b, *_unclitic(a))
    if any(ar_skeleton(p) in skeletons for p in pieces):
        return True
    return any(names_match(skeletons, p) for p in pieces) and not (_no_word(a) or _no_word(b))


def _no_word(word: str) -> bool:
    """An Arabic piece that is no word, with or without its proclitics: rare and unknown to hunspell."""
    return all(zipf(form) < RARE and not in_hunspell(form) for form in (word, *_unclitic(word)))


def _compound_said_apart(name: str, a: str, b: str) -> bool:
    """Whether the two Arabic words say the two parts of an English compound name, one each: parts
    that are words or names of their own (Facebook → فيس بوك, Disneyland → ديزني لاند, Wenliang →
    وين ليانغ) or camel case (YouTube → يو تيوب). Arabic writes such names in two words as often as
    in one; a name written once and split elsewhere (سيا تل for Seattle) is a typing error."""
    for cut in range(COMPOUND_SIDE, len(name) - COMPOUND_SIDE + 1):
        left, right = name[:cut], name[cut:]
        if (right[0].isupper() or _word_of_its_own(left) and _word_of_its_own(right)) \
                and names_match(en_skeletons(left), a) and names_match(en_skeletons(right), b):
            return True
    return False


def _word_of_its_own(part: str) -> bool:
    low = part.lower()
    return zipf(low, "en") >= COMPOUND_PART_ZIPF or bool(all_lemmas(low))


# Each part of a compound name has this many letters at least (Fly-be, Wen-liang, You-Tube).
COMPOUND_SIDE = 2
# One piece at least of a split name is no word of its own: rarer than this (Zipf; ووه, نز, يب).
SPLIT_PART = 3.5
