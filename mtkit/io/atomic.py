"""Output that is never half-written: a regular file is written to a temporary file beside it and
renamed over it on success (removed on any failure or signal, see ``mtkit.cli.signals``). Anything
that is not a regular file (standard output, a character device such as /dev/null, a FIFO, a
process substitution's /dev/fd/N) is written to directly: renaming over it would destroy it.

An output is never a file the run reads (``mtkit.io.inputs``), and a failed write (a full disk,
/dev/full) is one line naming the output, like any other bad ``-o``."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from typing import IO, Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.inputs import is_input

# Characters the output encoding cannot carry (a lone surrogate from a non-UTF-8 file name) are
# replaced rather than failing half-way through a file; writers escape everything else.
ERRORS = "replace"

_STANDARD = {"/dev/stdout": 1, "/dev/fd/1": 1, "/proc/self/fd/1": 1,
             "/dev/stderr": 2, "/dev/fd/2": 2, "/proc/self/fd/2": 2}
# Paths that name an open file of this process: opened as they are, never resolved or renamed over.
_FD_PATHS = ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/")


def _final_mode(path: str) -> int:
    """The mode the file would have had if opened plainly: the old file's, else 0666 minus umask
    (the temporary file is made 0600, which would surprise a user sharing the output)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# What a write can meet that is the output's fault, not mtkit's (EPIPE is a closed pipe: see mtkit.cli.edge).
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM})


def _error(exc: OSError, path: str) -> InputError:
    return InputError(f"cannot write: {exc.strerror or exc}", path)


@contextlib.contextmanager
def _write_errors(path: str) -> Iterator[None]:
    """A failed write to ``path`` as bad input naming it."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in WRITE_ERRNOS:
            raise
        raise _error(exc, path) from None


def is_direct(path: str) -> bool:
    """Whether ``path`` must be written to in place (it exists and is not a regular file)."""
    if os.path.abspath(path).startswith(_FD_PATHS):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise _error(exc, path) from None


@contextlib.contextmanager
def _direct(path: str, encoding: str, newline: Optional[str]) -> Iterator[IO[str]]:
    try:
        stream = open(path, "w", encoding=encoding, newline=newline, errors=ERRORS)
    except OSError as exc:   # a directory, no permission, a device that refuses writes
        raise _error(exc, path) from None
    with stream:
        yield stream


def _temporary(folder: str) -> tuple[int, str]:
    """A new file in ``folder`` as ``tempfile.mkstemp`` makes one (a random name, created
    exclusively, mode 0600, not inherited), without importing tempfile: with its shutil, random,
    bz2 and lzma that is about 4 ms of a short run's start-up."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".mtkit-{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue                       # another run's temporary file: draw again
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", folder)


@contextlib.contextmanager
def _replace(path: str, encoding: str, newline: Optional[str]) -> Iterator[IO[str]]:
    target = os.path.realpath(path)   # through a symlink: replace the file, keep the link
    try:
        fd, tmp = _temporary(os.path.dirname(target))
    except OSError as exc:   # missing directory, no permission: a bad -o, not a crash
        raise _error(exc, path) from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline, errors=ERRORS) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(tmp, _final_mode(target))
            os.replace(tmp, target)
        except OSError as exc:   # e.g. the target became a directory
            raise _error(exc, path) from None
    except BaseException:   # an error, Ctrl-C or (through mtkit.cli.signals) SIGTERM
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_output(path: Optional[str], *, newline: Optional[str] = None, encoding: str = "utf-8",
                  may_replace_input: bool = False) -> Iterator[IO[str]]:
    """Yield a text stream; ``None`` or ``-`` (or /dev/stdout) means standard output.
    ``may_replace_input``: the output is meant to update a file the run read (a waivers file)."""
    if path in (None, "-") or os.path.abspath(path) in _STANDARD:
        stream = sys.stderr if path and _STANDARD.get(os.path.abspath(path)) == 2 else sys.stdout
        with _write_errors("standard output"):
            yield stream
            stream.flush()
        return
    if not may_replace_input and is_input(path):
        raise InputError("is an input of this run: write the output to another file", path)
    opener = _direct if is_direct(path) else _replace
    with _write_errors(path), opener(path, encoding, newline) as stream:
        yield stream
