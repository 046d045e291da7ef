"""Numbers in text: values, not spellings.

``$300 million`` = ``300 مليون دولار`` = ``٣٠٠ مليون``; ``1.5 million`` = ``مليون ونصف`` = ``1,5 مليون``;
``twenty-two`` = ``اثنان وعشرون``; ``7:38`` stays text. Number words and scales come from
``data/numbers.tsv``.
"""
from __future__ import annotations

from functools import lru_cache

from mtkit.data import table
from mtkit.text.arabic import strip_proclitics
from mtkit.text.normalize import norm
from mtkit.text.tokens import Token

Value = float | str


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, dict[str, float]]]:
    words: dict[str, dict[str, dict[str, float]]] = {
        lang: {"value": {}, "scale": {}, "fraction": {}} for lang in ("en", "ar")}
    for row in table("numbers.tsv"):
        words[row["language"]][row["kind"]][norm(row["word"])] = row["value"]
    return words


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


_NUMBER_PROCLITICS = ("و", "ب", "ل", "ال", "وال", "بال")


def strip_ar(word: str) -> list[str]:
    """A word and its forms without و ب ل ال وال بال and without a tanwin alef (ستًّا)."""
    return strip_proclitics(word, _NUMBER_PROCLITICS, min_rest=2, tanwin=True)


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
    forms_of = (lambda w: strip_ar(w)) if lang == "ar" else (lambda w: [w])
    out: list[tuple[float | str, Token, Token]] = []
    # most words start no number: only the tokens that may are visited
    starts = [k for k, t in enumerate(tokens) if t.norm[0].isdigit() or _number_word(t.norm, lang)]
    i = 0
    for k in starts:
        if k < i:
            continue                               # inside a number already read
        i = k
        tok = tokens[i]
        score = _range_at(tokens, i)
        if score is not None:
            out.append((score, tok, tokens[i + 2]))
            i += 3
            continue
        if tok.norm[0].isdigit() and _is_identifier(tokens, i):
            i += 1                                 # the 2 of SARS-CoV-2, the 19 of كوفيد-19: a name
            continue
        if tok.norm[0].isdigit() and _is_decade(tokens, i):
            out.append(("decade:" + tok.norm, tok, tokens[i + 1]))   # "the 1960s": a decade, not 1960
            i += 2
            continue
        value, j = _start_value(tokens, i, forms_of(tok.norm), table, lang)
        if value is None:
            i += 1
            continue
        last = tok
        if isinstance(value, float):
            if not tok.norm[0].isdigit():
                value, last, j = _compound(tokens, i, j, value, table, forms_of)
            value, last, j = _fraction(tokens, j, value, last, table, forms_of)
            value, last, j = _scaled(tokens, j, value, last, table, forms_of)
        out.append((value, tok, last))
        i = max(j, i + 1)
    return _join_scaled(out, tokens)


@lru_cache(maxsize=100_000)      # asked for every token of every pair; most are a few common words
def _number_word(word: str, lang: str) -> bool:
    """Whether a word (not digits) may start a number: a number or scale word, or أحد of أحد عشر."""
    table = _words()[lang]
    forms = strip_ar(word) if lang == "ar" else [word]
    return any(f in table["value"] or lang == "ar" and f in table["scale"] for f in forms) \
        or lang == "ar" and forms[-1] in _ELEVEN


def _range_at(tokens: list[Token], i: int) -> str | None:
    """A score or a range from token ``i``, "3-2" / "٢-٣": one value, whichever way the script runs."""
    tok = tokens[i]
    if tok.norm[0].isdigit() and i + 2 < len(tokens) and tokens[i + 1].norm == "-" and tokens[i + 2].norm.isdigit() \
            and tokens[i + 1].start == tok.end and tokens[i + 2].start == tokens[i + 1].end:
        return "score:" + "-".join(sorted((tok.norm, tokens[i + 2].norm)))
    return None


def _start_value(tokens: list[Token], i: int, forms: list[str], table: dict, lang: str) -> tuple[Value | None, int]:
    """The value that token ``i`` starts (None for no number) and the index after it."""
    tok = tokens[i]
    if tok.norm[0].isdigit():
        return (tok.norm if ":" in tok.norm else _digits_value(tok.norm, lang)), i + 1
    if lang == "ar" and forms[-1] in _ELEVEN and i + 1 < len(tokens) and tokens[i + 1].norm.startswith("عشر"):
        return 11.0, i + 2                          # "أحد عشر", "إحدى عشرة": 11
    if _percent_word(tokens, i):
        return None, i + 1
    value = next((table["value"][f] for f in forms if f in table["value"]), None)
    if value is not None:
        return value, i + 1
    if lang == "ar" and any(f in table["scale"] for f in forms):
        return 1.0, i                               # a bare scale word: "مليون دولار"
    return None, i + 1


def _fraction(tokens: list[Token], j: int, value: float, last: Token, table: dict, forms_of) -> tuple[float, Token, int]:
    """"three-quarters", "ثلاثة أرباع": a count of fractions."""
    if value >= 10:
        return value, last, j
    k = j + 1 if j < len(tokens) and tokens[j].norm == "-" else j
    fraction = next((table["fraction"][f] for f in forms_of(tokens[k].norm) if f in table["fraction"]), None) \
        if k < len(tokens) else None
    if fraction is None:
        return value, last, j
    return round(value * fraction, 3), tokens[k], k + 1


def _scaled(tokens: list[Token], j: int, value: float, last: Token, table: dict, forms_of) -> tuple[float, Token, int]:
    """Scale words after a value: "300 million", "مليون ونصف" (and "مليون ونصف المليون")."""
    scale_used = 0.0
    while j < len(tokens):
        if tokens[j].norm == "+" and j + 1 < len(tokens):
            j += 1                                  # "$300+ billion": more than 300 billion
            continue
        nxt = forms_of(tokens[j].norm)
        scale = next((table["scale"][f] for f in nxt if f in table["scale"]), None)
        if scale is not None and tokens[j].norm in _ABBREVIATED_SCALES and tokens[j].start != last.end:
            scale = None                            # "1.8 m" is metres; only "$1.8m" is millions
        if scale is not None and value < scale:
            value, scale_used, last = value * scale, scale, tokens[j]
        elif scale_used and any(table["value"].get(f) == 0.5 for f in nxt):
            value, last = value + scale_used / 2, tokens[j]
            after = forms_of(tokens[j + 1].norm) if j + 1 < len(tokens) else []
            if any(table["scale"].get(f) == scale_used for f in after):
                j, last = j + 1, tokens[j + 1]
        else:
            break
        j += 1
    return value, last, j


_ABBREVIATED_SCALES = frozenset({"k", "m", "bn"})


def _is_identifier(tokens: list[Token], i: int) -> bool:
    """A number glued by a hyphen to the letters before it (SARS-CoV-2, كوفيد-19, HCoV-229E), or
    glued to Latin letters with no hyphen (COVID19, B0AT1); not a proclitic (و2004)."""
    if i >= 2 and tokens[i - 1].norm == "-" and tokens[i - 1].end == tokens[i].start \
            and tokens[i - 2].end == tokens[i - 1].start and tokens[i - 2].norm[-1].isalpha():
        return True
    return i >= 1 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].norm[-1].isascii() \
        and tokens[i - 1].norm[-1].isalpha()


def _is_decade(tokens: list[Token], i: int) -> bool:
    """"1960s" (split by the tokenizer into "1960" + "s")."""
    return i + 1 < len(tokens) and tokens[i + 1].norm == "s" and tokens[i + 1].start == tokens[i].end \
        and len(tokens[i].norm) == 4 and tokens[i].norm.endswith("0")


def _join_scaled(found: list, tokens: list[Token]) -> list:
    """"مليار و300 مليون" is one amount, 1.3 billion: join a scaled value with the smaller
    scaled value that follows it after و."""
    out: list = []
    for value, first, last in found:
        if out and isinstance(value, float) and isinstance(out[-1][0], float) and value < out[-1][0] \
                and out[-1][0] >= 1000 and out[-1][0] % 1000 == 0:
            between = [t.norm for t in tokens if out[-1][2].end <= t.start and t.end <= first.start]
            if between in ([], ["و"]) and (first.norm.startswith("و") or between == ["و"]):
                out[-1] = (out[-1][0] + value, out[-1][1], last)
                continue
        out.append((value, first, last))
    return out


def _compound(tokens, i, j, value, table, forms_of):
    """Number words that add up: "twenty-two", "one hundred and five", "خمس وعشرين"."""
    last = tokens[i]
    if any(f in _ORDINAL_FIRST for f in forms_of(last.norm)):
        return value, last, j                   # "أول عشر" is the first ten, not eleven
    while j < len(tokens):
        k = j + 1 if tokens[j].norm in ("-", "and") and j + 1 < len(tokens) else j
        nxt = next((table["value"][f] for f in forms_of(tokens[k].norm) if f in table["value"]), None)
        if nxt is None or nxt >= 1000 or nxt == 0.5:
            break
        if nxt == 10 and value < 10 and not tokens[k].norm.startswith("و"):
            value += 10                         # Arabic teens: "ثلاثة عشر", "اثني عشر"
        elif nxt == 100 and value < 10:
            value *= 100                        # "three hundred"
        elif 20 <= value < 100 and nxt < 10 and not tokens[k].norm.isascii():
            break                               # Arabic puts units before tens (خمس وعشرين): عشرين ثانية is 20 seconds
        elif (value >= 20 and nxt < 10) or (value < 10 and nxt >= 20 and nxt % 10 == 0) or (value >= 100 and nxt < 100):
            value += nxt                        # "twenty-two", "خمس وعشرين", "hundred and five"
        else:
            break
        last, j = tokens[k], k + 1
    return value, last, j


_ORDINAL_FIRST = frozenset({"اول", "اولي"})


def same_value(a: float | str, b: float | str) -> bool:
    """Equal numbers; a fraction also equals its percentage (three-quarters = 75%)."""
    if isinstance(a, float) and isinstance(b, float) and (0 < a < 1 or 0 < b < 1):
        small, big = (a, b) if a < b else (b, a)
        if abs(small * 100 - big) <= 0.5:
            return True
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)
