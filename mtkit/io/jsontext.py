"""User JSON (a pairs line, a waivers line, an audit JSON) as data, or bad input naming the file and line."""
from __future__ import annotations

import json
from typing import Any, Optional

from mtkit.errors import InputError


def json_of(text: str, path: str, line: Optional[int] = None, what: str = "") -> Any:
    """``text`` parsed; malformed or too deeply nested JSON ("[[[[…" a hundred thousand deep: a
    RecursionError) is an InputError at ``line`` (the record's line; without one, where the parser
    stopped, or none), its message led by ``what``."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{what}not valid JSON ({exc.msg})", path, line if line is not None else exc.lineno) from None
    except RecursionError:
        raise InputError(f"{what}not valid JSON (nested too deeply)", path, line) from None
