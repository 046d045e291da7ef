"""Word documents through python-docx: the body's paragraphs, in order, as a document's lines
(empty paragraphs dropped), so two DOCX files align like two text files."""
from __future__ import annotations

from mtkit.errors import InputError
from mtkit.io.extras import need
from mtkit.io.inputs import open_input


def read_paragraphs(path: str) -> list[str]:
    docx = need("docx", "files", "DOCX", path)
    from docx.opc.exceptions import PackageNotFoundError
    try:
        with open_input(path) as stream:     # (a pipe: the bytes its format was found from)
            document = docx.Document(stream)
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"DOCX: not a Word document ({exc or type(exc).__name__})", path) from None
    except Exception as exc:  # a damaged zip or XML part: lxml and zipfile raise several types
        raise InputError(f"DOCX: cannot read ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
    return [" ".join(p.text.split()) for p in document.paragraphs if p.text.strip()]
