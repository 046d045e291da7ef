"""Which format a file is, found from its content (its name only breaks ties), so that
``--pairs a.xlf`` and ``audit en.srt ar.srt`` need no option; ``--pairs-format`` forces one."""
from __future__ import annotations

import os
import re

from mtkit.errors import InputError
from mtkit.io.inputs import open_input

# Pairs files: one file holds both sides.
PAIRS_FORMATS = ("jsonl", "tsv", "csv", "xliff", "tmx", "po", "parquet", "datasets")
# Documents: two files, one per side.
DOCUMENT_FORMATS = ("text", "srt", "vtt", "docx")
NAMES = {"jsonl": "JSON Lines", "tsv": "TSV", "csv": "CSV", "xliff": "XLIFF", "tmx": "TMX",
         "po": "gettext PO", "parquet": "parquet", "datasets": "a datasets directory", "text": "text",
         "srt": "SubRip subtitles", "vtt": "WebVTT subtitles", "docx": "DOCX", "binary": "binary data"}

_SRT = re.compile(r"^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->", re.M)
_PO = re.compile(r"^(?:msgctxt|msgid)\s+\"", re.M)
_SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mxliff": "xliff", ".tmx": "tmx",
             ".po": "po", ".pot": "po", ".srt": "srt", ".vtt": "vtt", ".docx": "docx", ".csv": "csv",
             ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".json": "jsonl", ".parquet": "parquet"}


def sniff(path: str) -> str:
    """The format of a file from its first bytes; ``text`` for plain text documents."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    if os.path.isdir(path):
        return "datasets"
    try:
        with open_input(path) as stream:
            head = stream.read(8192)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if path.lower().endswith((".docx", ".docm")) or b"word/" in head else "binary"
    return _sniff_text(head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n"), path)


def _sniff_text(text: str, path: str) -> str:
    """The format of a text file from its first characters (and its suffix where they do not tell)."""
    if text.startswith("<"):
        if re.search(r"<(?:\w+:)?xliff[\s>]", text):
            return "xliff"
        if re.search(r"<tmx[\s>]", text):
            return "tmx"
    if text.startswith("WEBVTT"):
        return "vtt"
    if _SRT.match(text):
        return "srt"
    if _PO.search(text) and not text.startswith(("{", "[")):
        return "po"
    suffix = _SUFFIXES.get(os.path.splitext(path)[1].lower())
    if suffix in ("xliff", "tmx"):
        return suffix              # an XML file cut short or broken: its reader says what is wrong
    first = text.split("\n", 1)[0]
    if text.startswith("{"):
        return "jsonl"
    if suffix in ("csv", "tsv", "jsonl", "parquet"):
        return suffix
    if "\t" in first:
        return "tsv"
    return "text"


def label(fmt: str, path: str | None = None) -> str:
    """A format's name for a person, with XLIFF's version."""
    if fmt == "xliff" and path and os.path.isfile(path):
        from mtkit.io.xliff import version_of
        with open_input(path) as stream:
            return f"XLIFF {version_of(stream.read(4096))}"
    return NAMES.get(fmt, fmt)


def pairs_format(path: str, forced: str | None = None) -> str:
    """The format to read a pairs file as; a document or subtitle file is bad input here."""
    if forced:
        if forced not in PAIRS_FORMATS:
            raise InputError(f"--pairs-format: unknown format '{forced}' (one of {', '.join(PAIRS_FORMATS)})")
        return forced
    found = sniff(path)
    if found in PAIRS_FORMATS:
        return found
    if found in ("srt", "vtt", "docx"):
        raise InputError(f"found {label(found)}, which holds one language: give two files, "
                         f"mtkit audit EN AR, not --pairs", path)
    if found == "binary":
        raise InputError("found binary data, not a pairs file", path)
    # plain text: a .txt table is TSV; otherwise the contract's JSON Lines is the default
    return "tsv" if path.lower().endswith(".txt") else "jsonl"
