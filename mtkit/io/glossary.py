"""Glossaries for ``--glossary``: CSV (``en,ar[,note]``; several Arabic forms with ``|``) or TBX.

A CSV may also come with a header naming its columns, as terminology exports do
(``id,sourceLang,targetLang,pos,description,sourceString,targetString``): the English, Arabic,
note and part-of-speech columns are then found by name, and the other columns are ignored."""
from __future__ import annotations

from dataclasses import dataclass

from mtkit.errors import InputError
from mtkit.io.documents import read_text


@dataclass(frozen=True)
class Term:
    en: str
    ar: tuple[str, ...]
    note: str = ""
    pos: str = ""          # the glossary's part of speech for the term ("noun", "verb"), when it gives one


def read_glossary(path: str) -> tuple[Term, ...]:
    text = read_text(path)
    if path.lower().endswith((".tbx", ".xml")):
        return _read_tbx(text, path)
    return _read_csv(text, path)


# A term (or a note) longer than this is not a term: the row is refused, with its line.
MAX_TERM = 1000


def _term(en: str, forms: tuple[str, ...], note: str, path: str, line: int, pos: str = "") -> Term:
    if not forms:
        raise InputError(f"no Arabic form for '{en[:50]}' (forms are separated by '|')", path, line)
    if max(len(en), len(note), *map(len, forms)) > MAX_TERM:
        raise InputError(f"a cell longer than {MAX_TERM} characters; a glossary term is shorter", path, line)
    return Term(en, forms, note, pos)


# Header names of the columns a glossary CSV may have (lower case, without spaces, '_' or '-').
_COLUMNS = {
    "en": ("en", "english", "source", "sourcestring", "sourceterm", "term"),
    "ar": ("ar", "arabic", "target", "targetstring", "targetterm", "translation"),
    "note": ("note", "notes", "comment", "comments"),
    "pos": ("pos", "partofspeech"),
}


def _header(row: list[str]) -> dict[str, int] | None:
    """The column of each field when ``row`` is a header naming at least the English and the Arabic
    column; None for a first row of terms."""
    names = [c.strip().lower().replace(" ", "").replace("_", "").replace("-", "") for c in row]
    found = {field: next((k for k, name in enumerate(names) if name in aliases), -1)
             for field, aliases in _COLUMNS.items()}
    return found if found["en"] >= 0 and found["ar"] >= 0 else None


def _read_csv(text: str, path: str) -> tuple[Term, ...]:
    import csv          # here, as ElementTree in _read_tbx: an audit without a glossary imports neither
    import io
    terms = []
    reader = csv.reader(io.StringIO(text))
    columns = {"en": 0, "ar": 1, "note": 2, "pos": -1}
    try:
        for row in reader:
            number = reader.line_num
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if number == 1 and (header := _header(row)):
                columns = header
                continue
            en, ar, note, pos = (_cell(row, columns[field]) for field in ("en", "ar", "note", "pos"))
            if not en or not ar:
                named = columns["en"] != 0 or columns["ar"] != 1
                raise InputError("expected an English and an Arabic cell" if named else "expected 'en,ar[,note]'",
                                 path, number)
            forms = tuple(f.strip() for f in ar.split("|") if f.strip())
            terms.append(_term(en, forms, note, path, number, pos.lower()))
    except csv.Error as exc:   # e.g. a cell over csv's field limit (131,072 characters)
        raise InputError(f"not valid CSV ({exc}); a glossary term is at most {MAX_TERM} characters",
                         path, reader.line_num + 1) from None
    return tuple(terms)


def _cell(row: list[str], column: int) -> str:
    return row[column].strip() if 0 <= column < len(row) else ""


def _lang(element) -> str:
    return (element.get("{http://www.w3.org/XML/1998/namespace}lang") or element.get("lang") or "").lower()


def _read_tbx(text: str, path: str) -> tuple[Term, ...]:
    import xml.etree.ElementTree as ET
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise InputError(f"not valid TBX/XML ({exc})", path, exc.position[0]) from None
    terms = []
    for entry in root.iter():
        if entry.tag.split("}")[-1] not in ("termEntry", "conceptEntry"):
            continue
        by_lang: dict[str, list[str]] = {}
        for lang_set in entry:
            if lang_set.tag.split("}")[-1] != "langSet":
                continue
            lang = _lang(lang_set).split("-")[0]
            for term in lang_set.iter():
                if term.tag.split("}")[-1] == "term" and term.text and term.text.strip():
                    by_lang.setdefault(lang, []).append(term.text.strip())
        for en in by_lang.get("en", []):
            if by_lang.get("ar"):
                terms.append(_term(en, tuple(by_lang["ar"]), "", path, 0))
    return tuple(terms)
