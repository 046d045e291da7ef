"""Opening an input file, in one place, for two rules:

- a pipe or a device (``mtkit audit <(…) <(…)``, /dev/stdin) can be read only once: its bytes are
  kept on the first open, so that finding its format and then reading it see the same bytes (a
  second read would find it empty and the run would silently have no segments);
- every regular file the run reads is remembered, so that an output (``-o``, ``--junit``…) never
  replaces a file the run reads (``mtkit audit --pairs a.jsonl -o a.jsonl`` would destroy its input)."""
from __future__ import annotations

import io
import os
import stat
from typing import IO

_ONCE: dict[str, bytes] = {}
_READ: set[tuple[int, int]] = set()


def open_input(path: str) -> IO[bytes]:
    """A binary stream of ``path`` (OSError as ``open`` raises it, for the caller to word)."""
    status = os.stat(path)
    if stat.S_ISREG(status.st_mode):
        stream = open(path, "rb")
        _READ.add((status.st_dev, status.st_ino))
        return stream
    if path not in _ONCE:
        with open(path, "rb") as stream:
            _ONCE[path] = stream.read()
    return io.BytesIO(_ONCE[path])


def is_input(path: str) -> bool:
    """Whether ``path`` is (through links) a regular file this run has read."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) in _READ
