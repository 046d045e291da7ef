"""One value computed once per object, under a key several checks share."""
from __future__ import annotations

from typing import Any, Callable, TypeVar

T = TypeVar("T")


class Memo:
    """A value several checks derive from the same object (a segment's numbers, a document's
    genera), computed by the first that asks."""

    def __init__(self) -> None:
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
