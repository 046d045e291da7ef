"""One escaping helper per output medium. Every writer sends each piece of input text (sentences,
ids, file names, messages that quote input) through the helper of its medium, so input can never
become markup, a workflow command, invalid XML, a spreadsheet formula or a terminal control sequence.
docs/security.md lists which writer uses which helper."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:     # the XML writers' own import; terminal text (every command) does not need it
    import xml.etree.ElementTree as ET

# Lone surrogates (a non-UTF-8 file name decoded by the OS layer) cannot be encoded as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str) -> str:
    """Lone surrogates become U+FFFD; everything else is kept."""
    return _SURROGATE.sub("\ufffd", text)


# ---- terminal (plain text) -----------------------------------------------------------------

# CSI/OSC/other ESC sequences first (so their parameters go too), then every other C0/C1 control.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
NEWLINE_MARK = "⏎"


def single_line(text: str) -> str:
    """Line breaks of any kind as spaces (a data line must stay one line)."""
    return _LINE_BREAK.sub(" ", text)


_PDF, _PDI = "\u202c", "\u2069"


def closed_bidi(text: str) -> str:
    """``text`` with every bidi embedding, override (U+202A-202E) or isolate (U+2066-2068) it
    leaves open closed at its end, so that a field cannot reorder the rest of its line (an id
    holding U+202E would show what follows it backwards: "Trojan Source"). Marks (LRM, RLM, ALM),
    common in Arabic text, open nothing and are kept as they are."""
    if not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in text):
        return text
    open_: list[str] = []
    for ch in text:
        if "\u202a" <= ch <= "\u202e" and ch != _PDF:
            open_.append(_PDF)
        elif "\u2066" <= ch <= "\u2068":
            open_.append(_PDI)
        elif ch == _PDF and open_ and open_[-1] == _PDF:
            open_.pop()
        elif ch == _PDI and _PDI in open_:     # a PDI also closes the embeddings opened inside it
            del open_[len(open_) - 1 - open_[::-1].index(_PDI):]
    return text + "".join(reversed(open_))


def terminal(text: str) -> str:
    """One line of text for a terminal or a CI log: escape sequences and control characters are
    removed, line breaks shown as ⏎ (a field never starts a line of its own), tabs as spaces, bidi
    controls it leaves open closed, and a leading ``::`` or any ``##[`` (GitHub Actions workflow
    commands) is broken with a backslash."""
    text = closed_bidi(_LINE_BREAK.sub(NEWLINE_MARK, scrub(str(text))))
    text = _CONTROL.sub("", _ANSI.sub("", text)).replace("\t", " ")
    if text.lstrip().startswith("::"):
        text = text.replace("::", "\\::", 1)
    return text.replace("##[", "#\\#[")


# ---- Markdown (GitHub-flavoured, rendered in PR comments and job summaries) -----------------

# Characters that would end a table cell, start Markdown markup, mention someone, or open HTML or
# an entity: each is backslash-escaped, which GFM shows as the character itself.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~&#!@$])")


def markdown(text: str, *, breaks: bool = True) -> str:
    """Input text inside Markdown (a table cell or a sentence): shown literally, never as Markdown or
    HTML. Line breaks become ``<br>`` (``breaks``) or spaces, so a cell never ends its table row."""
    text = _CONTROL.sub("", _ANSI.sub("", scrub(str(text)))).replace("\t", " ").strip()
    text = _MARKDOWN.sub(r"\\\1", text)
    return _LINE_BREAK.sub("<br>" if breaks else " ", text)


def markdown_code(text: str) -> str:
    """An inline code span that nothing inside can close (a pipe is still escaped: GFM tables
    split cells on it even inside code)."""
    text = _LINE_BREAK.sub(" ", _CONTROL.sub("", _ANSI.sub("", scrub(str(text)))))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_code_block(text: str) -> str:
    """A fenced code block that nothing inside can close: the fence is longer than any run of
    backticks in the text (HTML and Markdown inside a code block are shown literally)."""
    text = _CONTROL.sub("", _ANSI.sub("", scrub(str(text))))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}\n"


# ---- GitHub Actions workflow commands --------------------------------------------------------

def workflow_data(text: str) -> str:
    """The message of ``::error …::MESSAGE``, escaped as GitHub's toolkit does (core/command.ts);
    escape sequences and other control characters are dropped (the log viewer would obey them)."""
    text = _ANSI.sub("", scrub(str(text)))
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value (``file=``, ``title=``): also ``:`` and ``,``, which separate properties."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(level: str, message: str, **properties: Any) -> str:
    """One ``::LEVEL key=value,…::MESSAGE`` line; properties that are None or empty are left out."""
    props = ",".join(f"{key}={workflow_property(str(value))}" for key, value in properties.items()
                     if value not in (None, ""))
    return f"::{level}{' ' + props if props else ''}::{workflow_data(message)}\n"


# ---- XML (JUnit) -----------------------------------------------------------------------------

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text or an attribute value for XML 1.0: characters XML cannot carry even escaped (most
    controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD; ElementTree escapes the rest."""
    return _XML_INVALID.sub("\ufffd", str(text))


def xml_document(root: ET.Element) -> str:
    """An indented UTF-8 XML document with its declaration."""
    import xml.etree.ElementTree as ET
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---- CSV (spreadsheets) ----------------------------------------------------------------------

# OWASP "CSV injection": a cell starting with one of these is a formula in Excel/LibreOffice/Sheets
# (fullwidth forms too, which some locales accept). Such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")   # a leading + is a formula's start


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never runs: numbers pass, text that could start
    a formula is prefixed with ``'`` (a plain number written as text, like ``-0.5``, is kept; ``+0`` is not)."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = scrub(str(value))
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]
