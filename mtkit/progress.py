"""Progress bars: shown on a terminal, silent in pipes, CI logs and with --quiet."""
from __future__ import annotations

import sys
from typing import Iterable, Optional, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], *, total: Optional[int] = None, desc: str = "",
             quiet: bool = False, unit: str = "it") -> Iterable[T]:
    enabled = not quiet and sys.stderr.isatty()
    return tqdm(items, total=total, desc=desc, unit=unit, disable=not enabled, leave=False,
                file=sys.stderr, dynamic_ncols=True)
