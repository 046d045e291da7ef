"""Output that is never half-written: a temporary file beside the target, renamed on success."""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from typing import IO, Iterator, Optional


@contextlib.contextmanager
def atomic_output(path: Optional[str], *, newline: Optional[str] = None,
                  encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Yield a text stream; ``None`` or ``-`` means standard output."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".mtkit-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
