"""Opening an input file, in one place, for two rules that hold within one run (a CLI command, one
call of the library API: :func:`input_run`):

- a pipe or a device (``mtkit audit <(…) <(…)``, /dev/stdin) can be read only once: its bytes are
  kept on the first open, so that finding its format and then reading it see the same bytes (a
  second read would find it empty and the run would silently have no segments);
- every regular file the run reads is remembered, so that an output (``-o``, ``--junit``…) never
  replaces a file the run reads (``mtkit audit --pairs a.jsonl -o a.jsonl`` would destroy its input).

What a run read is forgotten when it ends: a long-lived process calling the API twice must not get
the first run's pipe bytes for the second run's /dev/fd/63, nor refuse to write a file the first run
read. Outside any run, a pipe is read as it is (nothing kept) and no file is remembered."""
from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import IO, Optional, TypeVar

T = TypeVar("T")


@dataclass
class InputRun:
    """What one run has read: the bytes of each pipe or device, and the regular files."""
    pipes: dict[str, bytes] = field(default_factory=dict)
    files: set[tuple[int, int]] = field(default_factory=set)      # (device, inode)

    def lazily(self, items: Iterable[T]) -> Iterator[T]:
        """``items``, each drawn within this run: an iterator the caller consumes after the run's
        ``with`` block (a streamed audit) still reads its inputs as part of the run."""
        source = iter(items)
        while True:
            token = _current.set(self)
            try:
                item = next(source)
            except StopIteration:
                return
            finally:
                _current.reset(token)
            yield item


_current: ContextVar[Optional[InputRun]] = ContextVar("mtkit_input_run", default=None)


@contextmanager
def input_run() -> Iterator[InputRun]:
    """The current run, opened here if none is (a CLI command calling the API stays one run)."""
    run = _current.get()
    if run is not None:
        yield run
        return
    run = InputRun()
    token = _current.set(run)
    try:
        yield run
    finally:
        _current.reset(token)


def open_input(path: str) -> IO[bytes]:
    """A binary stream of ``path`` (OSError as ``open`` raises it, for the caller to word)."""
    run = _current.get()
    status = os.stat(path)
    if stat.S_ISREG(status.st_mode):
        stream = open(path, "rb")
        if run is not None:
            run.files.add((status.st_dev, status.st_ino))
        return stream
    if run is None:
        with open(path, "rb") as stream:
            return io.BytesIO(stream.read())
    if path not in run.pipes:
        with open(path, "rb") as stream:
            run.pipes[path] = stream.read()
    return io.BytesIO(run.pipes[path])


def is_input(path: str) -> bool:
    """Whether ``path`` is (through links) a regular file the current run has read."""
    run = _current.get()
    if run is None:
        return False
    try:
        status = os.stat(path)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) in run.files
