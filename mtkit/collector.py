"""Fewer full garbage collections while a chunk of pairs is audited.

The audit keeps per-word facts in memos (dictionary renderings, stems, skeletons, word
frequencies: a few hundred thousand small frozensets and tuples after a few thousand pairs). Each
full collection walks all of them, and CPython runs one whenever the objects that survived into the
oldest generation have grown by a quarter: on the 1,950 timed TICO-19 pairs, 8 full collections
took about a fifth of the audit's CPU time (eval/RESULTS.md, "Audit speed, eleventh round"). While a
chunk is audited, a full collection waits for ``FULL_EVERY`` collections of the middle generation
instead of CPython's 10; the young generations are collected as usual, so short-lived cycles are
freed as promptly, and the settings are restored when the outermost chunk ends. Nothing the audit
computes depends on it."""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

FULL_EVERY = 100        # middle-generation collections between two full ones (CPython's default: 10)

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, ...] = ()


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """Within it, full collections are at most a tenth as frequent; nested and threaded uses restore
    the caller's thresholds once, when the last one ends."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            young, middle, full = _saved
            gc.set_threshold(young, middle, max(full, FULL_EVERY))
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)
