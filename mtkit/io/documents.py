"""Documents are UTF-8 text files, one paragraph (or, presegmented, one unit) a line."""
from __future__ import annotations

import os

from mtkit.errors import InputError


def read_text(path: str) -> str:
    """Decode a whole file strictly: a missing, binary or non-UTF-8 file is an InputError."""
    if not os.path.exists(path):
        raise InputError("no such file", path)
    if os.path.isdir(path):
        raise InputError("is a directory, not a text file", path)
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), expected UTF-8 text", path, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", path, line) from None
    return text.removeprefix("\ufeff")


def read_lines(path: str) -> list[str]:
    """The file's lines without line ends (LF, CRLF or CR); a final newline adds no line."""
    text = read_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_document(path: str, *, presegmented: bool = False) -> list[str]:
    """Paragraphs of a document. Blank lines separate nothing in news files, so they are
    dropped, unless the input is presegmented (then every line is a unit)."""
    lines = read_lines(path)
    if presegmented:
        return lines
    return [line.strip() for line in lines if line.strip()]
