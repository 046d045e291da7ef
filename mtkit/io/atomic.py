"""Output that is never half-written: a temporary file beside the target, renamed on success."""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from typing import IO, Iterator, Optional

from mtkit.errors import InputError


def _final_mode(path: str) -> int:
    """The mode the file would have had if opened plainly: the old file's, else 0666 minus umask
    (mkstemp makes 0600 files, which would surprise a user sharing the output)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: Optional[str], *, newline: Optional[str] = None,
                  encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Yield a text stream; ``None`` or ``-`` means standard output."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".mtkit-", dir=directory)
    except OSError as exc:   # missing directory, no permission: a bad -o, not a crash
        raise InputError(f"cannot write: {exc.strerror}", path) from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.chmod(tmp, _final_mode(path))
            os.replace(tmp, path)
        except OSError as exc:   # e.g. the target is a directory
            raise InputError(f"cannot write: {exc.strerror}", path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
