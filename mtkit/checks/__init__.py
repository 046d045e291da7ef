"""Checks: small functions that look at one analyzed segment and yield flags.

A check registers itself with :func:`check`::

    @check("idiom.literal", category="idiom")
    def literal_idiom(seg: AnalyzedSegment) -> Iterator[Flag]: ...

Every module in this package is imported on first use, so a new check is one new file.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from mtkit.errors import InputError
from mtkit.model import CATEGORIES, Flag

if TYPE_CHECKING:
    from mtkit.checks.analysis import AnalyzedSegment

CheckFunc = Callable[["AnalyzedSegment"], Iterable[Flag]]


@dataclass(frozen=True)
class Check:
    name: str
    category: str
    func: CheckFunc
    description: str


_REGISTRY: dict[str, Check] = {}
_loaded = False


def check(name: str, *, category: str):
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r} for check {name!r}")

    def register(func: CheckFunc) -> CheckFunc:
        _REGISTRY[name] = Check(name, category, func, (func.__doc__ or "").strip().splitlines()[0])
        return func
    return register


def all_checks() -> dict[str, Check]:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            if info.name != "analysis":
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return dict(sorted(_REGISTRY.items()))


def select(only: Optional[Iterable[str]] = None, disable: Iterable[str] = ()) -> list[Check]:
    """Checks by name or category (``idiom`` selects ``idiom.*``); unknown names are bad input."""
    checks = all_checks()

    def expand(names: Iterable[str], option: str) -> set[str]:
        out: set[str] = set()
        for name in names:
            hits = {n for n, c in checks.items() if n == name or c.category == name or n.startswith(name + ".")}
            if not hits:
                raise InputError(f"{option}: unknown check or category '{name}' (see `mtkit audit --list-checks`)")
            out |= hits
        return out

    chosen = expand(only, "--checks") if only else set(checks)
    chosen -= expand(disable, "--disable")
    return [checks[n] for n in sorted(chosen)]


# When two checks flag the same words, the more specific diagnosis wins (an idiom or a wrong
# term over a "missing name" on the same words).
PRIORITY = ("idiom", "terminology", "number", "negation", "entity", "grammar", "untranslated",
            "omission", "addition", "punctuation", "spacing")


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


# Flags about the segment as a whole (its length) say something no word-level flag says.
WHOLE_SEGMENT = frozenset({"omission.length", "addition.length", "omission.unaligned", "addition.unaligned"})


def _same_problem(a: Flag, b: Flag) -> bool:
    if a.check in WHOLE_SEGMENT or b.check in WHOLE_SEGMENT:
        return False
    return _overlap(a.src_span, b.src_span) and (a.tgt_span is None or b.tgt_span is None or _overlap(a.tgt_span, b.tgt_span))


def run_checks(seg, checks: list[Check]) -> list[Flag]:
    flags: list[Flag] = []
    for chk in checks:
        flags.extend(chk.func(seg))
    kept: list[Flag] = []
    for flag in sorted(flags, key=lambda f: PRIORITY.index(f.category)):
        if not any(_same_problem(flag, other) for other in kept):
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.src_span.start if f.src_span else 1 << 30, f.check))
