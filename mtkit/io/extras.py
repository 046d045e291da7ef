"""Optional packages: a missing one is bad input that names the extra to install."""
from __future__ import annotations

import importlib
from types import ModuleType

from mtkit.errors import InputError


def need(module: str, extra: str, what: str, path: str | None = None) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"{what} needs the '{extra}' extra: pip install 'mtkit[{extra}]'", path) from None
