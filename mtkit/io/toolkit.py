"""Opening a localization file with translate-toolkit, in one place: the extra it needs, and its
parse errors turned into one InputError naming the file (and the line, for XML)."""
from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from mtkit.errors import InputError
from mtkit.io.inputs import open_input
from mtkit.io.extras import need


def parse(path: str, name: str, storage: str, data: Optional[bytes] = None) -> Any:
    """The store of ``path`` (its bytes ``data`` when already read), parsed by ``storage``, a
    translate-toolkit class as ``"translate.storage.tmx.tmxfile"``; ``name`` is the format as
    messages say it ("TMX", "XLIFF 2.0")."""
    module, _, cls = storage.rpartition(".")
    store_class = getattr(need(module, "files", name, path), cls)
    from lxml import etree  # type: ignore[import-untyped]   # (translate-toolkit's own dependency)
    if data is None:
        with open_input(path) as stream:
            data = stream.read()
    try:
        return store_class.parsestring(data)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: not well-formed XML ({exc.msg})", path, exc.lineno) from None
    except (ValueError, AssertionError, KeyError, IndexError) as exc:    # (UnicodeDecodeError is a ValueError)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: not a valid {name} file ({reason})", path) from None


def count_untranslated(untranslated: Optional[Counter[str]], path: str) -> None:
    """Count a unit passed over for having no translation in ``untranslated[path]`` (None: not counted;
    the writers re-read the units without counting)."""
    if untranslated is not None:
        untranslated[path] += 1
