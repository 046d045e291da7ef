"""gettext PO through translate-toolkit: one segment per translated entry (the header, obsolete
and untranslated entries are skipped), its id the ``msgctxt`` or else the ``msgid``."""
from __future__ import annotations

import gettext
from collections import Counter
from typing import Any, Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.inline import tidy
from mtkit.io.toolkit import count_untranslated, parse
from mtkit.model import Segment


def load(path: str) -> Any:
    return parse(path, "gettext PO", "translate.storage.pypo.pofile")


def _form(text, index: int = 0) -> str:
    """A plural entry is checked on its singular: ``msgid`` and its ``index``-th ``msgstr[]``."""
    strings = getattr(text, "strings", None)
    if not strings:
        return str(text or "")
    return str(strings[index] if index < len(strings) else strings[0])


def singular_form(store, path: str = "") -> int:
    """Which ``msgstr[N]`` renders the singular ``msgid``: the form the header's Plural-Forms
    gives n = 1 (Arabic's msgstr[0] is the zero form: 'no files' is not 'One file'); 0 without one."""
    _count, plural = store.getheaderplural()
    if not plural:
        return 0
    try:    # gettext's own parser of the C expression (it refuses anything else: never eval)
        return int(gettext.c2py(plural.strip().rstrip(";"))(1))
    except (ValueError, ArithmeticError, RecursionError, SyntaxError):
        raise InputError(f"gettext PO: Plural-Forms: not a plural expression: {plural[:80]}", path) from None


def units(store, path: str = "", *, untranslated: Optional[Counter[str]] = None) -> Iterator[tuple[Any, Segment]]:
    """(toolkit unit, segment) for every translated entry; an untranslated one is counted in
    ``untranslated[path]``."""
    singular = singular_form(store, path)
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        src, tgt = tidy(_form(unit.source)), tidy(_form(unit.target, singular))
        if not tgt:
            count_untranslated(untranslated, path)
            continue
        context = unit.getcontext()
        yield unit, Segment(id=context or _form(unit.source), src=src, tgt=tgt)
