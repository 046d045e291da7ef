"""Numbers, amounts and dates must keep their values.

Values are compared, not spellings: ``$300 million`` = ``300 مليون دولار`` = ``٣٠٠ مليون``,
``1.5 million`` = ``مليون ونصف`` = ``1,5 مليون``. A value in the English that no Arabic value
equals is flagged; so is a month that changed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Optional

from mtkit.checks import check
from mtkit.checks.analysis import AnalyzedSegment, en_lemmas
from mtkit.data import alternatives, tsv_rows
from mtkit.model import Flag, Span
from mtkit.text.normalize import norm
from mtkit.text.tokens import Token, ar_bare, ar_core, ar_stem


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, dict[str, float]]]:
    table: dict[str, dict[str, dict[str, float]]] = {"en": {"value": {}, "scale": {}}, "ar": {"value": {}, "scale": {}}}
    for lang, kind, word, value in tsv_rows("numbers.tsv"):
        table[lang][kind][norm(word)] = float(value)
    return table


@lru_cache(maxsize=1)
def _months() -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {"en": {}, "ar": {}}
    for number, en, ar in tsv_rows("months.tsv"):
        for name in alternatives(en):
            out["en"][name] = int(number)
        for name in alternatives(ar):
            out["ar"][norm(name)] = int(number)
    return out


def _digits_value(text: str, lang: str) -> float | None:
    """``1,500`` → 1500; ``3.5`` → 3.5; Arabic ``1,5`` (decimal comma) → 1.5; ``7:38`` → None."""
    if ":" in text:
        return None
    if "," in text:
        groups = text.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            text = text.replace(",", "")
        elif lang == "ar" and len(groups) == 2:
            text = text.replace(",", ".")
        else:
            return None
    try:
        return float(text)
    except ValueError:
        return None


def _strip_ar(word: str) -> list[str]:
    forms = [word, word[:-1]] if len(word) >= 4 and word.endswith("ا") else [word]   # tanwin: ستًّا
    for prefix in ("و", "ب", "ل", "ال", "وال", "بال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            forms.append(word[len(prefix):])
    return forms


# Below this Arabic/English length ratio a missing number is part of an omitted clause.
OMISSION_RATIO = 0.6
_ELEVEN = frozenset({"احد", "احدي"})


def _percent_word(tokens: list[Token], i: int) -> bool:
    """``في المئة`` / ``بالمئة`` spell the percent sign, not the number 100."""
    word = tokens[i].norm
    if word in _PERCENT_JOINED:
        return True
    return word in _PERCENT_AFTER_FI and i > 0 and tokens[i - 1].norm == "في"


_PERCENT_JOINED = {norm(w) for w in ("بالمئة", "بالمائة", "بالمية")}
_PERCENT_AFTER_FI = {norm(w) for w in ("المئة", "المائة", "المية")}


def values(tokens: list[Token], lang: str) -> list[tuple[float | str, Token, Token]]:
    """(value, first token, last token) for each number in a token list, scales applied:
    ``300 million`` → 3e8, ``مليون ونصف`` → 1.5e6, a lone ``مليون`` → 1e6, ``7:38`` stays text."""
    table = _words()[lang]
    forms_of = (lambda w: _strip_ar(w)) if lang == "ar" else (lambda w: [w])
    out: list[tuple[float | str, Token, Token]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        forms = forms_of(tok.norm)
        value: float | str | None = None
        j = i + 1
        if tok.norm[0].isdigit():
            value = tok.norm if ":" in tok.norm else _digits_value(tok.norm, lang)
        elif lang == "ar" and forms[-1] in _ELEVEN and i + 1 < len(tokens) and tokens[i + 1].norm.startswith("عشر"):
            value, j = 11.0, i + 2                 # "أحد عشر", "إحدى عشرة": 11
        elif _percent_word(tokens, i):
            pass
        elif any(f in table["value"] for f in forms):
            value = next(table["value"][f] for f in forms if f in table["value"])
        elif lang == "ar" and any(f in table["scale"] for f in forms):
            value, j = 1.0, i                      # a bare scale word: "مليون دولار"
        if value is None:
            i += 1
            continue
        last = tok
        if isinstance(value, float) and not tok.norm[0].isdigit():
            value, last, j = _compound(tokens, i, j, value, table, forms_of)
        if isinstance(value, float):
            scale_used = 0.0
            while j < len(tokens):
                nxt = forms_of(tokens[j].norm)
                scale = next((table["scale"][f] for f in nxt if f in table["scale"]), None)
                if scale is not None and value < scale:
                    value, scale_used, last = value * scale, scale, tokens[j]
                elif scale_used and any(table["value"].get(f) == 0.5 for f in nxt):
                    value, last = value + scale_used / 2, tokens[j]      # "مليون ونصف"
                    after = forms_of(tokens[j + 1].norm) if j + 1 < len(tokens) else []
                    if any(table["scale"].get(f) == scale_used for f in after):
                        j, last = j + 1, tokens[j + 1]                    # "مليون ونصف المليون"
                else:
                    break
                j += 1
        out.append((value, tok, last))
        i = max(j, i + 1)
    return _join_scaled(out, tokens)


def _join_scaled(found: list, tokens: list[Token]) -> list:
    """"مليار و300 مليون" is one amount, 1.3 billion: join a scaled value with the smaller
    scaled value that follows it after و."""
    out: list = []
    for value, first, last in found:
        if out and isinstance(value, float) and isinstance(out[-1][0], float) and value < out[-1][0] \
                and value >= 1000 and out[-1][0] % 1000 == 0:
            between = [t.norm for t in tokens if out[-1][2].end <= t.start and t.end <= first.start]
            if between in ([], ["و"]) and (first.norm.startswith("و") or between == ["و"]):
                out[-1] = (out[-1][0] + value, out[-1][1], last)
                continue
        out.append((value, first, last))
    return out


def _compound(tokens, i, j, value, table, forms_of):
    """Number words that add up: "twenty-two", "one hundred and five", "خمس وعشرين"."""
    last = tokens[i]
    while j < len(tokens):
        k = j + 1 if tokens[j].norm in ("-", "and") and j + 1 < len(tokens) else j
        nxt = next((table["value"][f] for f in forms_of(tokens[k].norm) if f in table["value"]), None)
        if nxt is None or nxt >= 1000 or nxt == 0.5:
            break
        if nxt == 10 and value < 10 and not tokens[k].norm.startswith("و"):
            value += 10                         # Arabic teens: "ثلاثة عشر", "اثني عشر"
        elif nxt == 100 and value < 10:
            value *= 100                        # "three hundred"
        elif (value >= 20 and nxt < 10) or (value < 10 and nxt >= 20 and nxt % 10 == 0) or (value >= 100 and nxt < 100):
            value += nxt                        # "twenty-two", "خمس وعشرين", "hundred and five"
        else:
            break
        last, j = tokens[k], k + 1
    return value, last, j


def _same(a: float | str, b: float | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def _pairing(seg: AnalyzedSegment, matched: Optional[list] = None):
    """English values with no equal Arabic value, and Arabic values left unexplained;
    ``matched`` collects the (English, Arabic) pairs of equal values."""
    unmatched_tgt = list(seg.memo("numbers.ar", lambda: values(seg.tgt_tokens, "ar")))
    missing = []
    for value, first, last in seg.memo("numbers.en", lambda: values(seg.src_tokens, "en")):
        match = next((t for t in unmatched_tgt if _same(value, t[0])), None)
        if match:
            unmatched_tgt.remove(match)
            if matched is not None:
                matched.append(((value, first, last), match))
        elif value == 0 or (isinstance(value, float) and value <= 2 and not first.norm[0].isdigit()):
            continue        # "one", "two", "half" are often a dual or an article; 0 often a word (سلبي)
        else:
            missing.append((value, first, last))
    return missing, unmatched_tgt


_CLAUSE = re.compile(r"[،,؛;.!؟?:\n]")


@check("addition.number", category="addition")
def added_number(seg: AnalyzedSegment) -> Iterator[Flag]:
    """A number in the Arabic, in a clause of its own, that the English does not have."""
    missing, extra = _pairing(seg)
    if missing or not seg.src.strip():
        return                              # an unexplained value is then a changed number
    for value, first, last in extra:
        if not first.norm[0].isdigit():
            continue                        # number words (آلاف, عشرات, ordinals) are too often idiomatic
        start = max((m.end() for m in _CLAUSE.finditer(seg.tgt, 0, first.start)), default=0)
        end_match = _CLAUSE.search(seg.tgt, last.end)
        end = end_match.start() if end_match else len(seg.tgt)
        start += len(seg.tgt[start:end]) - len(seg.tgt[start:end].lstrip())
        yield Flag(category="addition", severity="major", check="addition.number",
                   message=f"'{seg.tgt[first.start:last.end]}' is not in the English: the clause seems added.",
                   tgt_span=Span(start, end), tgt_text=seg.tgt[start:end], confidence=0.6)


@check("number.mismatch", category="number")
def number_mismatch(seg: AnalyzedSegment) -> Iterator[Flag]:
    """A number, amount or time in the English has no equal value in the Arabic."""
    missing, unmatched_tgt = _pairing(seg)
    for value, first, last in missing:
        if not unmatched_tgt and seg.length_ratio < OMISSION_RATIO:
            continue                        # the clause is gone: omission.length reports it
        # ("لأول مرة" is no replacement for a number: small Arabic words are not values here)
        plausible = [t for t in unmatched_tgt if t[1].norm[0].isdigit() or not isinstance(t[0], float) or t[0] > 2]
        changed = next((t for t in plausible if t[1].norm[0].isdigit() == first.norm[0].isdigit()), None) \
            or (plausible[0] if plausible else None)
        if changed:
            unmatched_tgt.remove(changed)
        src_text = seg.src[first.start:last.end]
        tgt_span = Span(changed[1].start, changed[2].end) if changed else None
        tgt_text = seg.tgt[tgt_span.start:tgt_span.end] if tgt_span else ""
        message = (f"The number '{src_text}' became '{tgt_text}' in the Arabic." if changed
                   else f"The number '{src_text}' is missing from the Arabic.")
        yield Flag(category="number", severity="critical", check="number.mismatch", message=message,
                   src_span=Span(first.start, last.end), tgt_span=tgt_span, src_text=src_text,
                   tgt_text=tgt_text, suggestion=src_text if changed else "",
                   confidence=0.85 if changed else 0.7)


@check("number.month", category="number")
def month_changed(seg: AnalyzedSegment) -> Iterator[Flag]:
    """A month name in the English and a different month in the Arabic."""
    months = _months()
    src = [(months["en"][t.norm], t) for t in seg.src_words
           if t.norm in months["en"] and seg.src[t.start].isupper() and (t.norm != "may" or seg.src[t.start:t.end] == "May" and not seg.is_sentence_initial(t))]
    if not src:
        return
    tgt = []
    words = seg.tgt_words
    for k, tok in enumerate(words):
        for form in _strip_ar(tok.norm):
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
            other = next(t for m, t in tgt if m not in {s for s, _ in src})  if any(m not in {s for s, _ in src} for m, _ in tgt) else None
            if other is None:
                continue
            yield Flag(category="number", severity="critical", check="number.month",
                       message=f"The month '{seg.src[tok.start:tok.end]}' became '{seg.tgt[other.start:other.end]}'.",
                       src_span=Span(tok.start, tok.end), tgt_span=Span(other.start, other.end),
                       src_text=seg.src[tok.start:tok.end], tgt_text=seg.tgt[other.start:other.end],
                       confidence=0.85)


@lru_cache(maxsize=1)
def _units() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """English and Arabic unit forms → (dimension, unit id)."""
    en: dict[str, tuple[str, str]] = {}
    ar: dict[str, tuple[str, str]] = {}
    for dimension, unit, en_forms, ar_forms in tsv_rows("units.tsv"):
        for form in alternatives(en_forms):
            en[form.lower()] = (dimension, unit)
        for form in alternatives(ar_forms):
            ar[norm(form)] = (dimension, unit)
    return en, ar


def _en_unit(seg: AnalyzedSegment, first: Token, last: Token) -> Optional[tuple[tuple[str, str], int, int]]:
    """The unit of an English number: ((dimension, unit), span start, span end)."""
    en, _ = _units()
    before = seg.src[max(0, first.start - 1):first.start]
    if before in en:
        return en[before], first.start - 1, last.end         # "$300", "€5", "£2"
    words = [t for t in seg.src_tokens if t.start >= last.end and t.is_word][:3]
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
    for tok in [t for t in seg.tgt_tokens if t.start >= last.end and t.is_word][:2]:
        for form in (*ar_bare(tok.norm), ar_stem(tok.norm), ar_core(tok.norm)):
            if form in ar:
                return ar[form], tok.end
    return None


@check("number.unit", category="number")
def unit_changed(seg: AnalyzedSegment) -> Iterator[Flag]:
    """The number is right but its unit or currency changed (250 millimetres → 250 سنتيمتراً)."""
    matched: list = []
    _pairing(seg, matched)
    for (_, first, last), (_, a_first, a_last) in matched:
        en_unit = _en_unit(seg, first, last)
        ar_unit = _ar_unit(seg, a_last) if en_unit else None
        if not (en_unit and ar_unit) or en_unit[0][0] != ar_unit[0][0] or en_unit[0][1] == ar_unit[0][1]:
            continue
        src_span, tgt_span = Span(en_unit[1], en_unit[2]), Span(a_first.start, ar_unit[1])
        src_text, tgt_text = src_span.slice(seg.src), tgt_span.slice(seg.tgt)
        yield Flag(category="number", severity="critical", check="number.unit",
                   message=f"The unit changed: '{src_text}' became '{tgt_text}'.",
                   src_span=src_span, tgt_span=tgt_span, src_text=src_text, tgt_text=tgt_text,
                   confidence=0.8)
