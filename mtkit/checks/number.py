"""Numbers, amounts and dates must keep their values.

Values are compared, not spellings: ``$300 million`` = ``300 مليون دولار`` = ``٣٠٠ مليون``,
``1.5 million`` = ``مليون ونصف`` = ``1,5 مليون``. A value in the English that no Arabic value
equals is flagged; so is a month that changed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from mtkit.checks import Doc, Finding, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.data import table
from mtkit.model import Span
from mtkit.text.normalize import norm
from mtkit.text.numbers import same_value, strip_ar, values
from mtkit.text.arabic import ar_bare, ar_core, ar_stem
from mtkit.text.dictionary import bilingual
from mtkit.text.lemmas import en_lemmas
from mtkit.text.tokens import Token


@lru_cache(maxsize=1)
def month_names() -> dict[str, dict[str, int]]:
    """Month numbers by name, per side ("en", and "ar" normalized), from months.tsv."""
    out: dict[str, dict[str, int]] = {"en": {}, "ar": {}}
    for row in table("months.tsv"):
        for name in row["en"]:
            out["en"][name] = row["month"]
        for name in row["ar"]:
            out["ar"][norm(name)] = row["month"]
    return out


# With an Arabic this much shorter than expected (AnalyzedSegment.length_delta), a missing number
# that no changed number explains is taken as part of an omitted clause.
CLAUSE_DELTA = -1.5
_EN_CLAUSE = re.compile(r"[,;:()—–]|\s-\s|\.(?=\s|$)")


def paired_numbers(seg: AnalyzedSegment) -> tuple[list, list, list]:
    """(English values with no equal Arabic value, Arabic values left unexplained, matched
    (English, Arabic) pairs), computed once per segment for all the number checks; callers copy
    a list before changing it."""
    return seg.memo("numbers.pairing", lambda: _pair(seg))


_IDENTIFIER_AFTER = re.compile(r"-[A-Za-z]*[A-Z]")       # 2019-nCoV
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _ranges_as_ends(found: list, other: list) -> list:
    """A range or score ("30-65") the other side does not write the same way is its two ends:
    "aged 30-65" = "بين 30 و65"."""
    written = {value for value, _, _ in other}
    out = []
    for value, first, last in found:
        if isinstance(value, str) and value.startswith("score:") and value not in written:
            try:
                ends = [float(v) for v in value[len("score:"):].split("-")]
            except ValueError:
                ends = []
            if len(ends) == 2:
                out += [(ends[0], first, last), (ends[1], first, last)]
                continue
        out.append((value, first, last))
    return out


def _pair(seg: AnalyzedSegment) -> tuple[list, list, list]:
    src_values, tgt_values = values(seg.src_tokens, "en"), values(seg.tgt_tokens, "ar")
    unmatched_tgt = _ranges_as_ends(tgt_values, src_values)
    missing, matched = [], []
    # digits first: "any one item … (1)" must not give the (1) of the Arabic to the word "one"
    for value, first, last in sorted(_ranges_as_ends(src_values, tgt_values), key=lambda v: not v[1].norm[0].isdigit()):
        if isinstance(value, str) and value.startswith("decade:") or _IDENTIFIER_AFTER.match(seg.src, last.end):
            continue                        # "the 1960s" = "ستينيات القرن العشرين"; 2019-nCoV is a name
        if _THOUSANDS_DOT.fullmatch(first.norm) and first is last:
            grouped = float(first.norm.replace(".", ""))     # 42.000 written with a German thousands dot
            match = next((t for t in unmatched_tgt if same_value(grouped, t[0])), None)
            if match:
                unmatched_tgt.remove(match)
                matched.append(((grouped, first, last), match))
                continue
        # a digit by a digit first, a number word by a number word (2 = 2 before 2 = الثانية)
        equal = [t for t in unmatched_tgt if same_value(value, t[0])]
        match = next((t for t in equal if t[1].norm[0].isdigit() == first.norm[0].isdigit()), None) \
            or next(iter(equal), None)
        if match:
            unmatched_tgt.remove(match)
            matched.append(((value, first, last), match))
        elif value == 0 or (isinstance(value, float) and value <= 2 and not first.norm[0].isdigit()):
            continue        # "one", "two", "half" are often a dual or an article; 0 often a word (سلبي)
        elif value == 2 and _dual_renders(seg, last):
            continue
        else:
            missing.append((value, first, last))
    # an English digit that only an Arabic number word equals (2 = الثانية of "Phase II") while an
    # Arabic digit is left over: the digit is its rendering, changed (enzyme 2 → إنزيم 9)
    # (a missing English digit claims a leftover digit first: 3 minutes → 13 دقيقة beside ساعتين for 2 hours)
    spare_digits = sum(t[1].norm[0].isdigit() for t in unmatched_tgt) - sum(m[1].norm[0].isdigit() for m in missing)
    for pair in [p for p in matched if p[0][1].norm[0].isdigit() and not p[1][1].norm[0].isdigit()]:
        if spare_digits <= 0:
            break
        spare_digits -= 1
        matched.remove(pair)
        missing.append(pair[0])
        unmatched_tgt.append(pair[1])
    return missing, unmatched_tgt, matched


_DUAL_ENDINGS = (("تين", "ة"), ("تان", "ة"), ("ين", ""), ("ان", ""))


def _dual_renders(seg: AnalyzedSegment, last: Token) -> bool:
    """Whether the Arabic renders "2 NOUN" (2-week) as the dual of the noun (لأسبوعين), by the
    dictionary."""
    lex = bilingual()
    noun = next((t for t in seg.src_words if t.start >= last.end), None)
    if lex is None or noun is None:
        return False
    stems = frozenset().union(*(lex.ar_stems(form) for form in en_lemmas(noun.norm)))
    return any(ar_core(b[:-len(end)] + single) in stems
               for bare in seg.tgt_bare for b in bare for end, single in _DUAL_ENDINGS
               if b.endswith(end) and len(b) - len(end) >= 3)


def _clause_around(text: str, start: int, end: int, boundaries: re.Pattern) -> Span:
    """The clause of ``text`` (between ``boundaries`` matches) that holds ``[start, end)``."""
    left = max((m.end() for m in boundaries.finditer(text, 0, start)), default=0)
    right_match = boundaries.search(text, end)
    right = right_match.start() if right_match else len(text)
    left += len(text[left:right]) - len(text[left:right].lstrip())
    return Span(left, right)


_CLAUSE = re.compile(r"[،,؛;.!؟?:\n]")


# Off by default: 0 of 8 judged flags on TICO-19 were real (type I → النوع 1, dates): docs/calibration.md.
@check("addition.number", category="addition", default=False, doc=Doc(
    why="A figure in the Arabic that the English does not have is usually a whole invented clause, and invented "
        "figures are the errors readers are most likely to repeat.",
    flagged=("The company opened a new factory in Ohio.", "افتتحت الشركة مصنعا جديدا في أوهايو، وسيوظف 500 عامل."),
    passed=("The company opened a new factory in Ohio that will employ 500 workers.",
            "افتتحت الشركة مصنعا جديدا في أوهايو سيوظف 500 عامل.")))
def added_number(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A number in the Arabic, in a clause of its own, that the English does not have."""
    missing, extra, _ = paired_numbers(seg)
    if missing or not seg.src.strip():
        return                              # an unexplained value is then a changed number
    for value, first, last in extra:
        if not first.norm[0].isdigit():
            continue                        # number words (آلاف, عشرات, ordinals) are too often idiomatic
        span = _clause_around(seg.tgt, first.start, last.end, _CLAUSE)
        yield Finding("major",
                      f"'{seg.tgt[first.start:last.end]}' is not in the English: the clause seems added.",
                      tgt_span=span, confidence=0.6)


@check("number.mismatch", category="number", doc=Doc(
    why="Numbers, amounts and times are the facts readers quote; a changed or missing one is a factual error.",
    flagged=("The storm killed 45 people.", "أودت العاصفة بحياة 54 شخصا."),
    passed=("The storm killed 45 people.", "أودت العاصفة بحياة ٤٥ شخصا.")))
def number_mismatch(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A number, amount or time in the English has no equal value in the Arabic."""
    missing, unmatched_tgt, _ = paired_numbers(seg)
    unmatched_tgt = list(unmatched_tgt)     # paired off below; the memoized list stays whole
    for value, first, last in missing:
        if not unmatched_tgt and seg.length_delta < CLAUSE_DELTA:
            continue                        # its clause is gone: omission.clause reports it
        # ("لأول مرة" is no replacement for a number: small Arabic words are not values here)
        plausible = [t for t in unmatched_tgt if t[1].norm[0].isdigit() or
                     (isinstance(t[0], float) and t[0] > 2 and not t[1].norm.startswith("ال"))]   # not ordinals: الثالث
        changed = next((t for t in plausible if t[1].norm[0].isdigit() == first.norm[0].isdigit()), None) \
            or (plausible[0] if plausible else None)
        if changed:
            unmatched_tgt.remove(changed)
        src_text = seg.src[first.start:last.end]
        tgt_span = Span(changed[1].start, changed[2].end) if changed else None
        tgt_text = seg.tgt[tgt_span.start:tgt_span.end] if tgt_span else ""
        message = (f"The number '{src_text}' became '{tgt_text}' in the Arabic." if changed
                   else f"The number '{src_text}' is missing from the Arabic.")
        yield Finding("critical", message, src_span=Span(first.start, last.end), tgt_span=tgt_span,
                      suggestion=src_text if changed else "", confidence=0.85 if changed else 0.7)


@check("number.month", category="number", doc=Doc(
    why="A changed month moves an event in time: a factual error that no reader can detect.",
    flagged=("The election will be held in March.", "ستجرى الانتخابات في مايو."),
    passed=("The election will be held in March.", "ستجرى الانتخابات في مارس.")))
def month_changed(seg: AnalyzedSegment) -> Iterator[Finding]:
    """A month name in the English and a different month in the Arabic."""
    months = month_names()
    src = [(months["en"][t.norm], t) for t in seg.src_words
           if t.norm in months["en"] and seg.src[t.start].isupper()
           and (t.norm != "may" or seg.src[t.start:t.end] == "May" and not seg.is_sentence_initial(t))]
    if not src:
        return
    tgt = []
    words = seg.tgt_words
    for k, tok in enumerate(words):
        for form in strip_ar(tok.norm):
            pair = form + " " + words[k + 1].norm if k + 1 < len(words) else None
            if pair and pair in months["ar"]:
                tgt.append((months["ar"][pair], tok))
                break
            if form in months["ar"]:
                tgt.append((months["ar"][form], tok))
                break
    if not tgt:
        return
    tgt_numbers = {m for m, _ in tgt}
    for month, tok in src:
        if month not in tgt_numbers:
            src_months = {s for s, _ in src}
            other = next((t for m, t in tgt if m not in src_months), None)
            if other is None:
                continue
            yield Finding("critical",
                          f"The month '{seg.src[tok.start:tok.end]}' became '{seg.tgt[other.start:other.end]}'.",
                          src_span=Span(tok.start, tok.end), tgt_span=Span(other.start, other.end),
                          confidence=0.85)


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """English and Arabic unit forms → (dimension, unit id)."""
    en: dict[str, tuple[str, str]] = {}
    ar: dict[str, tuple[str, str]] = {}
    for row in table("units.tsv"):
        for form in row["en"]:
            en[form.lower()] = (row["dimension"], row["unit"])
        for form in row["ar"]:
            ar[norm(form)] = (row["dimension"], row["unit"])
    return en, ar


def _en_unit(seg: AnalyzedSegment, first: Token, last: Token) -> Optional[tuple[tuple[str, str], int, int]]:
    """The unit of an English number: ((dimension, unit), span start, span end)."""
    en, _ = _units()
    before = seg.src[max(0, first.start - 1):first.start]
    if before in en:
        return en[before], first.start - 1, last.end         # "$300", "€5", "£2"
    words = [t for t in seg.src_words if t.start >= last.end][:3]
    if len(words) >= 2 and f"{words[0].norm} {words[1].norm}" in en:
        return en[f"{words[0].norm} {words[1].norm}"], first.start, words[1].end
    for tok in words[:2]:
        unit = next((en[lemma] for lemma in en_lemmas(tok.norm) if lemma in en), None)
        if unit:
            return unit, first.start, tok.end
        if tok.norm not in _UNIT_FILLERS:
            break
    return None


_UNIT_FILLERS = frozenset({"of", "a", "per", "degree", "degrees", "square"})


def _ar_unit(seg: AnalyzedSegment, last: Token) -> Optional[tuple[tuple[str, str], int]]:
    """The unit after an Arabic number: ((dimension, unit), span end)."""
    _, ar = _units()
    for tok in [t for t in seg.tgt_words if t.start >= last.end][:2]:
        for form in (*ar_bare(tok.norm), ar_stem(tok.norm), ar_core(tok.norm)):
            if form in ar:
                return ar[form], tok.end
    return None


@check("number.unit", category="number", doc=Doc(
    why="A right number with the wrong unit or currency is still a wrong fact (250 millimetres is not 250 "
        "centimetres).",
    flagged=("The storm dropped 250 millimetres of rain.", "أسقطت العاصفة 250 سنتيمترا من الأمطار."),
    passed=("The storm dropped 250 millimetres of rain.", "أسقطت العاصفة 250 مليمترا من الأمطار.")))
def unit_changed(seg: AnalyzedSegment) -> Iterator[Finding]:
    """The number is right but its unit or currency changed (250 millimetres → 250 سنتيمتراً)."""
    for (_, first, last), (_, a_first, a_last) in paired_numbers(seg)[2]:
        en_unit = _en_unit(seg, first, last)
        ar_unit = _ar_unit(seg, a_last) if en_unit else None
        if not (en_unit and ar_unit) or en_unit[0][0] != ar_unit[0][0] or en_unit[0][1] == ar_unit[0][1]:
            continue
        src_span, tgt_span = Span(en_unit[1], en_unit[2]), Span(a_first.start, ar_unit[1])
        src_text, tgt_text = src_span.slice(seg.src), tgt_span.slice(seg.tgt)
        yield Finding("critical", f"The unit changed: '{src_text}' became '{tgt_text}'.", src_span=src_span,
                      tgt_span=tgt_span, confidence=0.8)


@check("omission.clause", category="omission", doc=Doc(
    why="When a number is missing and the Arabic is much shorter, its whole clause was left out: the reader loses a"
        " fact without any sign of it.",
    flagged=("The company reported record sales, and it plans to hire 2,000 workers in Texas next year.",
             "أعلنت الشركة عن مبيعات قياسية."),
    passed=("The company reported record sales, and it plans to hire 2,000 workers in Texas next year.",
            "أعلنت الشركة عن مبيعات قياسية، وتخطط لتوظيف 2,000 عامل في تكساس العام المقبل.")))
def omitted_clause(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An English clause whose number is missing from a clearly shorter Arabic: the clause was dropped."""
    missing, unmatched_tgt, _ = paired_numbers(seg)
    if unmatched_tgt or not missing or seg.length_delta >= CLAUSE_DELTA or not seg.tgt.strip():
        return
    done: set[int] = set()
    for _, first, last in missing:
        span = _clause_around(seg.src, first.start, last.end, _EN_CLAUSE)
        if span.start in done:
            continue
        done.add(span.start)
        yield Finding("major", f"'{seg.src[first.start:last.end]}' is missing, and the Arabic is much shorter: "
                               "this part was probably left out.", src_span=span, confidence=0.6)
