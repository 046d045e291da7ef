"""Compiled lexicons kept between runs, so a short audit does not rebuild them on every start.

``compiled(name, build)`` returns ``build()``, read from a pickle in the user's cache directory
when one was written for exactly the same inputs. The key hashes every data file under
``mtkit/data`` (and any other ``files`` the builder reads), the source of every mtkit module, the
mtkit version, the Python version and the installed files of the libraries whose data went into the
entry (lemminflect): an edited data file or loader, or another release, never reads a
stale entry; it is rebuilt and replaced. An entry whose builder names the mtkit modules it is built
by (``built_by``) and reads no data file of mtkit's is keyed to those modules' sources (with this
module's and mtkit/table.py's) instead of the whole package: another command's start-up need not
stat the package's 170 files (tests/test_cache.py checks that a builder names every mtkit module it
imports). A damaged entry (truncated, unpicklable, another
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
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from mtkit.table import Table
from mtkit.table import encode as table_bytes

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
    """The bytes of mtkit's own modules and data files (15 MB: hashed once, see file_digests)."""
    root = Path(__file__).resolve().parent
    paths: list[Path] = []
    for folder, folders, names in os.walk(root):      # os.walk: a quarter of rglob's time
        folders[:] = [name for name in folders if name != "__pycache__"]
        paths.extend(Path(folder, name) for name in names if not name.endswith(".pyc"))
    paths.sort()
    digest = hashlib.sha256()
    # under the resolved root already: no realpath per file (an lstat per path component)
    for path, file_hash in zip(paths, _digests([str(p) for p in paths])):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + file_hash)
    return digest.digest()


def file_digests(paths: list[str]) -> list[bytes]:
    """The SHA-256 of each file's bytes. Reading and hashing mtkit's 15 MB of data files on every
    run cost more than the rest of a short audit's set-up, so each digest is remembered, per
    process and in the cache directory, under the file's path, size, modification and change
    times and inode: a file written since (even with its old mtime restored, which moves its
    change time) is hashed again. The table is kept per mtkit version and replaced on upgrade."""
    return _digests([_real_path(p) for p in paths])


@lru_cache(maxsize=None)
def _real_path(path: str) -> str:
    """os.path.realpath (an lstat per path component), once per process: an entry's key and the
    next entry's share most of their files."""
    return os.path.realpath(path)


def _digests(paths: list[str]) -> list[bytes]:
    """:func:`file_digests` of real paths."""
    folder = directory()
    known = _known_digests(folder)
    out, fresh = [], False
    for path in paths:
        info = os.stat(path)
        stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        entry = known.get(path)
        if entry is None or entry[0] != stamp:
            with open(path, "rb") as stream:
                entry = known[path] = (stamp, hashlib.sha256(stream.read()).digest())
            fresh = True
        out.append(entry[1])
    if fresh and folder is not None:
        _store(folder, "digests", _digests_path(folder), (_digests_key(), known))
    return out


def _digests_key() -> str:
    from mtkit.version import version
    return f"{FORMAT}|{version()}|{sys.version}"


def _digests_path(folder: Path) -> Path:
    return folder / f"digests-{hashlib.sha256(_digests_key().encode()).hexdigest()[:20]}.pickle"


@lru_cache(maxsize=None)
def _known_digests(folder: Path | None) -> dict[str, tuple[tuple[int, ...], bytes]]:
    """path → (stat stamp, digest), as this process knows them (read once from the cache directory)."""
    if folder is not None:
        try:
            with open(_digests_path(folder), "rb") as stream:
                stored_key, table = pickle.load(stream)
            if stored_key == _digests_key() and isinstance(table, dict):
                return table
        except Exception:  # noqa: BLE001, S110 - missing, damaged or foreign: every file is hashed again
            pass
    return {}


def _library_files(name: str) -> list[str]:
    """The files of an installed library's package, found without importing it. An entry built
    from a library's data is keyed to these bytes rather than to its version: another install
    rebuilds it, and no run imports importlib.metadata (about 0.05 s) to ask for the version."""
    from importlib.util import find_spec
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return []                  # not installed: the build fails as it would uncached
    folder = Path(spec.origin).parent if spec.submodule_search_locations else None
    if folder is None:
        return [spec.origin]
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


# the modules every entry is keyed, read and written by (its layout): imported by now
CACHE_MODULES = ("mtkit.cache", "mtkit.table", "mtkit.version")


def module_files(modules: Iterable[str]) -> list[str]:
    """The source files of mtkit modules (imported already: a builder names its own and those it imports)."""
    return [sys.modules[name].__file__ or "" for name in (*CACHE_MODULES, *modules)]


def _digest(name: str, files: Iterable, libraries: Iterable[str], built_by: Iterable[str] | None = None) -> str:
    from mtkit.version import version
    digest = hashlib.sha256(_package_digest() if built_by is None else b"modules")
    for part in (FORMAT, version(), sys.version, name, *(f"library:{lib}" for lib in libraries)):
        digest.update(part.encode("utf-8") + b"\0")
    files = [*files, *(path for lib in libraries for path in _library_files(lib)),
             *(module_files(built_by) if built_by is not None else ())]
    # a file that cannot be read fails as it would uncached
    for path, file_hash in zip(files, file_digests([str(p) for p in files])):
        digest.update(str(path).encode("utf-8") + b"\0" + file_hash)
    return digest.hexdigest()


def compiled(name: str, build: Callable[[], T], *, files: Iterable = (), libraries: Iterable[str] = (),
             built_by: Iterable[str] | None = None) -> T:
    """``build()``, from the cache when an entry for these exact inputs exists: ``files`` are
    data files it reads from outside mtkit, ``libraries`` the installed packages whose data it uses,
    ``built_by`` (if given) every mtkit module whose code builds it, when it reads no mtkit data file."""
    folder = directory()
    if folder is None:
        return build()
    files = list(files)
    key = _digest(name, files, libraries, built_by)
    path = folder / f"{name}-{key[:20]}.pickle"
    try:
        with open(path, "rb") as stream:
            stored_key, value = pickle.load(stream)
        if stored_key == key:
            return value
    except Exception:  # noqa: BLE001, S110 - missing, damaged or foreign: rebuilt below, whatever the error
        pass
    value = build()
    _store(folder, name, path, (key, value))
    return value


def compiled_table(name: str, build: Callable[[], Mapping[str, str]], *, files: Iterable = (),
                   libraries: Iterable[str] = (), built_by: Iterable[str] | None = None) -> Table:
    """As :func:`compiled`, for a large str → str mapping of which a run reads a few entries: kept
    as a :class:`mtkit.table.Table` (sorted lines searched in place), so opening it creates no
    object per entry."""
    folder = directory()
    files = list(files)
    key = _digest(name, files, libraries, built_by) if folder is not None else ""
    path = folder / f"{name}-{key[:20]}.table" if folder is not None else None
    if path is not None:
        try:
            return Table(path.read_bytes(), key)
        except (OSError, ValueError):
            pass                 # missing, damaged or for other inputs: rebuilt below
    blob = table_bytes(build(), key)
    if folder is not None and path is not None:
        _store(folder, name, path, blob, ".table")
    return Table(blob, key)


def _store(folder: Path, name: str, path: Path, value, suffix: str = ".pickle") -> None:
    """Write an entry (bytes as they are, else pickled) atomically; drop the entries for other inputs."""
    try:
        import tempfile   # only to write an entry: a run with a warm cache does not import it
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                if isinstance(value, bytes):
                    stream.write(value)
                else:
                    pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        for old in folder.glob(f"{name}-*{suffix}"):      # entries for other inputs are stale now
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass        # an unwritable cache directory, or a value that cannot be pickled: no cache
