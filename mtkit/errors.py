"""The one exception for bad input. Raised where the problem is found; the CLI edge turns it
into a single stderr line and exit code 2."""
from __future__ import annotations

from typing import Optional


class InputError(Exception):
    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
