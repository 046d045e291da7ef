"""Inline markup of CAT files (XLIFF ``<g>``, ``<x/>``, ``<bpt>``…, TMX ``<ph>``…, subtitle ``<i>``)
kept out of the text the checks see, and remembered as codes so that a tag present on one side and
missing on the other can still be flagged. Works on translate-toolkit's rich text (``StringElem``)
and on lxml elements; no XML is parsed here."""
from __future__ import annotations

import re

# Elements whose content is translatable text (kept); every other inline element holds native
# code (``<bpt>&lt;b&gt;</bpt>``) or nothing, and is left out of the text entirely.
TEXT_CONTAINERS = frozenset({"g", "pc", "mrk", "sub", "hi"})
_SPACES = re.compile(r"[ \t]{2,}")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def code_label(tag: str, ident: str | None) -> str:
    """How a code is named to a person and matched across sides: ``<g id="1">``, ``<x id="2"/>``."""
    return f'<{tag} id="{ident}">' if ident is not None else f"<{tag}>"


def _ident(attrib) -> str | None:
    for key in ("id", "i", "x", "rid"):
        if key in attrib:
            return str(attrib[key])
    return None


def flatten_element(element) -> tuple[str, tuple[str, ...]]:
    """(text, codes) of an lxml element holding mixed content (an XLIFF/TMX ``<source>``/``<seg>``)."""
    parts: list[str] = []
    codes: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = _local(child.tag)
            if tag:   # comments and processing instructions have no str tag
                codes.append(code_label(tag, _ident(child.attrib)))
                if tag in TEXT_CONTAINERS:
                    walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(element)
    return tidy("".join(parts)), tuple(codes)


def tidy(text: str) -> str:
    """A removed code leaves two spaces where there was one; line breaks inside a unit are spaces."""
    return _SPACES.sub(" ", " ".join(text.split("\n"))).strip()
