"""Where a pairs path may point: a file, a glob pattern (``shards/*.parquet``: the matching files
in name order, read one after another), or an fsspec URL (``s3://``, ``gs://``, ``https://``,
``file://``; also with a pattern). A remote file is copied to a temporary directory while it is
read, so every format reader works on it unchanged; messages name the URL, not the copy.

fsspec comes with the ``mtkit[dask]`` extra; local files and patterns need nothing more."""
from __future__ import annotations

import contextlib
import glob
import os
from collections import Counter
from collections.abc import Iterator

from mtkit.errors import InputError
from mtkit.model import Segment

GLOB_CHARS = "*?["


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def is_pattern(path: str) -> bool:
    return any(ch in path for ch in GLOB_CHARS) and not os.path.exists(path)


def _fsspec():
    try:
        import fsspec
    except ImportError:
        raise InputError("reading URLs needs fsspec, which is not installed: pip install 'mtkit[dask]'") from None
    return fsspec


def _filesystem(url: str):
    try:
        return _fsspec().core.url_to_fs(url)
    except ImportError as exc:     # e.g. s3fs for s3://: fsspec names the package to install
        raise InputError(f"cannot read this URL: {exc}".splitlines()[0], url) from None
    except ValueError as exc:      # an unknown protocol
        raise InputError(f"cannot read this URL ({exc})".splitlines()[0], url) from None


def expand(path: str) -> list[str]:
    """The files a pairs path names, in order; a pattern that matches nothing is bad input."""
    path = path.removeprefix("file://")
    if not is_pattern(path):
        return [path]
    if is_url(path):
        fs, inner = _filesystem(path)
        found = [fs.unstrip_protocol(p) for p in fs.glob(inner)]
    else:
        found = glob.glob(path, recursive=True)
    if not found:
        raise InputError("no file matches this pattern", path)
    return sorted(found)


@contextlib.contextmanager
def local_copy(path: str) -> Iterator[str]:
    """A local path for ``path``: itself, or a temporary copy of a remote file or directory
    (keeping its name, so the format is still found from the suffix)."""
    if not is_url(path):
        yield path
        return
    import tempfile       # remote inputs only
    fs, _ = _filesystem(path)
    with tempfile.TemporaryDirectory(prefix="mtkit-") as tmp:
        local = os.path.join(tmp, os.path.basename(path.rstrip("/")) or "data")
        try:
            fs.get(path, local, recursive=fs.isdir(path))
        except FileNotFoundError:
            raise InputError("no such file", path) from None
        except Exception as exc:  # noqa: BLE001 (network, permission, credentials: each backend has its own types)
            raise InputError(f"cannot read ({type(exc).__name__}: {exc})".splitlines()[0], path) from None
        yield local


def _renamed(exc: InputError, local: str, path: str) -> InputError:
    if exc.path == local:
        return InputError(exc.message, path, exc.line)
    return exc


def read_pairs(path: str, skipped: list | None = None, untranslated: Counter[str] | None = None,
               **options) -> Iterator[Segment]:
    """Segments of every file a pairs path names (see :func:`mtkit.io.pairs.read_pairs`, which
    reads each file and takes the same ``skipped``, ``untranslated`` and ``options``)."""
    from mtkit.io.pairs import read_pairs as read_file
    files = expand(path)
    if len(files) == 1 and not is_url(files[0]):   # a plain file: errors up front, as before
        return read_file(files[0], skipped, untranslated=untranslated, **options)

    def segments() -> Iterator[Segment]:
        for name in files:
            with local_copy(name) as local:
                noted: list | None = None if skipped is None else []
                counted: Counter[str] = Counter()
                try:
                    yield from read_file(local, noted, untranslated=counted, **options)
                except InputError as exc:
                    raise _renamed(exc, local, name) from None
                if skipped is not None and noted:
                    skipped.extend(name + note[len(local):] if note.startswith(local) else note for note in noted)
                if untranslated is not None and counted:
                    untranslated[name] += sum(counted.values())
    return segments()


@contextlib.contextmanager
def local_table(path: str) -> Iterator[str]:
    """A table file (``--ref`` of score) that may be a URL: a local path while in the block."""
    with local_copy(path.removeprefix("file://")) as local:
        try:
            yield local
        except InputError as exc:
            raise _renamed(exc, local, path) from None
