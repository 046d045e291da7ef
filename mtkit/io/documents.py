"""Documents are UTF-8 text files, one paragraph (or, presegmented, one unit) a line."""
from __future__ import annotations

import os
import unicodedata

from mtkit.errors import InputError
from mtkit.io.inputs import open_input


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting LF, CRLF and lone CR as line ends."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def read_text(path: str) -> str:
    """Decode a whole file strictly: a missing, binary or non-UTF-8 file is an InputError."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    if os.path.isdir(path):
        raise InputError("is a directory, not a text file", path)
    try:
        with open_input(path) as stream:
            data = stream.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("UTF-16 text, expected UTF-8", path, 1)
    if b"\x00" in data:
        raise InputError("binary file (NUL byte), expected UTF-8 text", path, _line_of(data, data.index(b"\x00")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", path, _line_of(data, exc.start)) from None
    return text.removeprefix("\ufeff")


def read_lines(path: str) -> list[str]:
    """The file's lines without line ends (LF, CRLF or CR); a final newline adds no line."""
    text = read_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_blank(line: str) -> bool:
    """Only spaces and invisible format characters (bidi marks, zero-width spaces, a stray BOM)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in line)


def read_document(path: str, *, presegmented: bool = False) -> list[str]:
    """Paragraphs of a document. Blank lines separate nothing in news files, so they are
    dropped, unless the input is presegmented (then every line is a unit)."""
    lines = read_lines(path)
    if presegmented:
        return lines
    return [line.strip() for line in lines if not is_blank(line)]


def read_any_lines(path: str) -> list[str]:
    """A document's lines: a text file's lines, or a DOCX file's paragraphs."""
    from mtkit.io.formats import sniff
    if sniff(path) == "docx":
        from mtkit.io.docx import read_paragraphs
        return read_paragraphs(path)
    return read_lines(path)


def read_any_document(path: str, *, presegmented: bool = False) -> list[str]:
    """``read_document`` for text or DOCX files."""
    lines = read_any_lines(path)
    if presegmented:
        return lines
    return [line.strip() for line in lines if not is_blank(line)]
