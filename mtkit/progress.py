"""Progress bars: shown on a terminal, silent in pipes, CI logs and with --quiet."""
from __future__ import annotations

import sys
from typing import Iterable, Optional, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], *, total: Optional[int] = None, desc: str = "",
             quiet: bool = False, unit: str = "it") -> Iterable[T]:
    if quiet or not sys.stderr.isatty():
        return items                 # no bar: tqdm is not even imported (a short run starts faster)
    from tqdm import tqdm
    return tqdm(items, total=total, desc=desc, unit=unit, leave=False, file=sys.stderr, dynamic_ncols=True)
