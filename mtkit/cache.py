"""Compiled lexicons kept between runs, so a short audit does not rebuild them on every start.

``compiled(name, build)`` returns ``build()``, read from a pickle in the user's cache directory
when one was written for exactly the same inputs. The key hashes every data file under
``mtkit/data`` (and any other ``files`` the builder reads), the source of every mtkit module, the
mtkit version, the Python version and the versions of the libraries whose data went into the
entry (lemminflect): an edited data file or loader, or another release, never reads a
stale entry; it is rebuilt and replaced. A damaged entry (truncated, unpicklable, another
format) is rebuilt; a cache directory that cannot be written means no cache. Entries are written
atomically (a temporary file renamed into place), so parallel runs never read half an entry.

``MTKIT_CACHE_DIR`` names another directory; set to an empty string it turns the cache off.
The default is platformdirs' user cache directory for mtkit (``~/.cache/mtkit`` on Linux).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

FORMAT = "1"     # bumped when the entry layout below changes


def directory() -> Path | None:
    """Where entries go, or None when caching is off."""
    chosen = os.environ.get("MTKIT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("mtkit", appauthor=False))


@lru_cache(maxsize=1)
def _package_digest() -> bytes:
    """The bytes of mtkit's own modules and data files (15 MB, read once per process: see file_digest)."""
    from mtkit.data import file_digest
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        if path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + file_digest(str(path)))
    return digest.digest()


def _digest(name: str, files: Iterable, libraries: Iterable[str]) -> str:
    from importlib.metadata import version as installed_version

    from mtkit.version import version
    digest = hashlib.sha256(_package_digest())
    for part in (FORMAT, version(), sys.version, name, *(f"{lib}={installed_version(lib)}" for lib in libraries)):
        digest.update(part.encode("utf-8") + b"\0")
    for path in files:
        with open(path, "rb") as stream:       # a file that cannot be read fails as it would uncached
            digest.update(str(path).encode("utf-8") + b"\0" + hashlib.sha256(stream.read()).digest())
    return digest.hexdigest()


def compiled(name: str, build: Callable[[], T], *, files: Iterable = (), libraries: Iterable[str] = ()) -> T:
    """``build()``, from the cache when an entry for these exact inputs exists: ``files`` are
    data files it reads from outside mtkit, ``libraries`` the installed packages whose data it uses."""
    folder = directory()
    if folder is None:
        return build()
    files = list(files)
    key = _digest(name, files, libraries)
    path = folder / f"{name}-{key[:20]}.pickle"
    try:
        with open(path, "rb") as stream:
            stored_key, value = pickle.load(stream)
        if stored_key == key:
            return value
    except Exception:  # noqa: BLE001, S110 - missing, damaged or foreign: rebuilt below, whatever the error
        pass
    value = build()
    _store(folder, name, path, key, value)
    return value


def _store(folder: Path, name: str, path: Path, key: str, value) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump((key, value), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        for old in folder.glob(f"{name}-*.pickle"):      # entries for other inputs are stale now
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass        # an unwritable cache directory, or a value that cannot be pickled: no cache
