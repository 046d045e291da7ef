"""A read-only string → string table kept as one file of sorted lines and searched in place.

Loading a large dict from a pickle or marshal creates every key and value (the 80,000 lemmas,
the 88,000 FreeDict entries: 0.05-0.15 s each), although a short run looks up a few hundred.
A table is instead the bytes of ``key<TAB>value`` lines sorted by key, read in one go; a lookup
bisects a sparse index (one key every few KB, found when the table is opened) and finds the
line with one ``bytes.find`` in that block, a few microseconds. Keys hold no tab or newline
(a word looked up never does); values hold no newline.

The first line is a header: ``mtkit-table``, the format, a caller's key (what the table was
built from: see mtkit/cache.py), and the number of entries.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping

MAGIC = b"mtkit-table"
FORMAT = b"1"
STEP = 2048          # bytes between two entries of the sparse index


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def encode(entries: Mapping[str, str], key: str = "") -> bytes:
    """The file's bytes for ``entries``, under the caller's ``key``."""
    lines = []
    for name, value in entries.items():
        if "\t" in name or "\n" in name or "\n" in value:
            raise ValueError(f"a table key holds a tab or newline, or a value a newline: {name!r}")
        lines.append(_bytes(name) + b"\t" + _bytes(value) + b"\n")
    lines.sort(key=lambda line: line[:line.index(b"\t")])
    header = b"\t".join((MAGIC, FORMAT, _bytes(key), str(len(lines)).encode())) + b"\n"
    return header + b"".join(lines)


class Table(Mapping[str, str]):
    """The table in ``blob`` (see :func:`encode`); ``key`` is what the header must say, else ValueError."""

    def __init__(self, blob: bytes, key: str | None = None):
        end = blob.find(b"\n")
        parts = blob[:end].split(b"\t") if end > 0 else []
        if len(parts) != 4 or parts[0] != MAGIC or parts[1] != FORMAT or not parts[3].isdigit() \
                or (key is not None and parts[2] != _bytes(key)) or not blob.endswith(b"\n"):
            raise ValueError("not a table of this format and key")
        self._blob, self._count, start = blob, int(parts[3]), end + 1
        self._starts: list[int] = []
        self._keys: list[bytes] = []
        while start < len(blob):                    # a line start every STEP bytes or so
            self._starts.append(start)
            self._keys.append(blob[start:blob.index(b"\t", start)])
            line_end = blob.find(b"\n", start + STEP)
            start = line_end + 1 if line_end >= 0 else len(blob)

    def _find(self, name: str) -> int:
        """Where ``name``'s value starts, or -1."""
        key = name.encode("utf-8", "surrogatepass")      # (_bytes inline: a lookup per new word)
        block = bisect_right(self._keys, key) - 1
        if block < 0 or b"\t" in key or b"\n" in key:
            return -1
        start = self._starts[block]
        end = self._starts[block + 1] if block + 1 < len(self._starts) else len(self._blob)
        at = self._blob.find(b"\n" + key + b"\t", start - 1, end)   # start - 1: the newline before the line
        return at + len(key) + 2 if at >= 0 else -1

    def get(self, name: str, default=None):  # type: ignore[override]
        at = self._find(name)
        if at < 0:
            return default
        return self._blob[at:self._blob.index(b"\n", at)].decode("utf-8", "surrogatepass")

    def __getitem__(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._find(name) >= 0

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        blob, start = self._blob, self._blob.index(b"\n") + 1
        while start < len(blob):
            tab = blob.index(b"\t", start)
            yield blob[start:tab].decode("utf-8", "surrogatepass")
            start = blob.index(b"\n", tab) + 1


class Deferred(Mapping[str, str]):
    """A table opened on first use (``open_table`` reads it): a run that looks nothing up in it
    does not read its megabytes (``align`` asks the dictionary only for stems)."""

    def __init__(self, open_table: Callable[[], Mapping[str, str]]):
        self._open = open_table
        self._table: Mapping[str, str] | None = None

    def _opened(self) -> Mapping[str, str]:
        if self._table is None:
            self._table = self._open()
        return self._table

    def get(self, name: str, default=None):  # type: ignore[override]
        return self._opened().get(name, default)

    def __getitem__(self, name: str) -> str:
        return self._opened()[name]

    def __contains__(self, name: object) -> bool:
        return name in self._opened()

    def __len__(self) -> int:
        return len(self._opened())

    def __iter__(self) -> Iterator[str]:
        return iter(self._opened())
