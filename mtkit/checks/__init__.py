"""Checks: small functions that look at one analyzed segment and yield findings.

A check registers itself with :func:`check` and yields :class:`Finding` objects; the registry
turns each into a :class:`~mtkit.model.Flag` with the check's own name and category, and cuts
the quoted texts from the spans::

    @check("idiom.literal", category="idiom", doc=Doc(
        why="A word-for-word idiom keeps an image Arabic readers do not read figuratively.",
        flagged=("The opposition leader threw in the towel after the vote.", "ألقى زعيم المعارضة المنشفة بعد التصويت."),
        passed=("The opposition leader threw in the towel after the vote.", "استسلم زعيم المعارضة بعد التصويت.")))
    def literal_idiom(seg: AnalyzedSegment) -> Iterator[Finding]:
        # (docstring: what it flags, the first paragraph shown by --list-checks)
        yield Finding("major", "The idiom … was translated word for word.", src_span=..., tgt_span=...)

A check in a category the contract does not list declares it first, in its own module
(:func:`category`). Every module in this package is imported on first use, so a new check is
one new file (plus its data file and its test).
"""
from __future__ import annotations

import hashlib
import importlib
import pkgutil
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from mtkit.checks import calibration
from mtkit.data import data_signature
from mtkit.errors import InputError
from mtkit.model import SEVERITIES, Flag, Span, add_category
from mtkit.model import category as category_info

if TYPE_CHECKING:
    from mtkit.checks.analysis import AnalyzedSegment


@dataclass(frozen=True)
class Finding:
    """What a check found. ``check`` is left empty (the finding is the check's own) or names
    another registered check whose rule this is (a helper shared by two checks)."""
    severity: str
    message: str
    src_span: Optional[Span] = None
    tgt_span: Optional[Span] = None
    suggestion: str = ""
    confidence: float = 0.8
    check: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")


FindFunc = Callable[["AnalyzedSegment"], Iterable[Finding]]


@dataclass(frozen=True)
class Doc:
    """A check's documentation beside it (what it flags is its docstring): why that matters, and
    an (English, Arabic) pair it flags and one it does not, which tests run through the check.
    ``glossary``: (English, Arabic) terms the examples are audited with; ``context``: other
    pairs of the same document, read before the example (a document-level check's evidence)."""
    why: str
    flagged: tuple[str, str]
    passed: tuple[str, str]
    glossary: tuple[tuple[str, str], ...] = ()
    context: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Check:
    name: str
    category: str
    find: FindFunc
    description: str                # what it flags: the first paragraph of its docstring
    # about the segment as a whole (its length): says something no word-level flag says, so
    # it is never merged with one
    whole_segment: bool = False
    doc: Optional[Doc] = None
    # run unless disabled; False for a check whose precision on real translations is too low to
    # show by default (docs/calibration.md says why); it runs when named with --checks
    default: bool = True

    def run(self, seg: "AnalyzedSegment") -> list[Flag]:
        """The check's flags on one segment."""
        return [self.flag(seg, finding) for finding in self.find(seg)]

    def flag(self, seg: "AnalyzedSegment", finding: Finding) -> Flag:
        owner = self
        if finding.check and finding.check != self.name:
            owner = _REGISTRY.get(finding.check)     # type: ignore[assignment]
            if owner is None:
                raise ValueError(f"check {self.name!r} reports an unregistered check {finding.check!r}")
        src, tgt = finding.src_span, finding.tgt_span
        confidence = calibration.calibrated(owner.name, finding.confidence)
        return Flag(category=owner.category, severity=calibration.severity(finding.severity, confidence),
                    check=owner.name, message=finding.message, src_span=src, tgt_span=tgt,
                    src_text=src.slice(seg.src) if src else "", tgt_text=tgt.slice(seg.tgt) if tgt else "",
                    suggestion=finding.suggestion, confidence=confidence)


_REGISTRY: dict[str, Check] = {}
_loaded = False


def category(name: str, *, priority: int, description: str) -> None:
    """Declare a category the contract does not list (once, in the module of its checks).
    ``priority``: a flag of a lower number wins over one of a higher number on the same words
    (see ``mtkit.model``: idiom 10 … spacing 110)."""
    add_category(name, priority=priority, description=description)


def check(name: str, *, category: str, whole_segment: bool = False,
          doc: Optional[Doc] = None, default: bool = True) -> Callable[[FindFunc], FindFunc]:
    """Register a check named ``category.rule``; the first paragraph of its docstring says what
    it flags, ``doc`` why and with examples (``mtkit audit --explain``).
    ``default=False``: run only when asked for by name (``--checks``)."""
    category_info(category)               # ValueError for an undeclared category
    if name.split(".")[0] != category or name.count(".") != 1:
        raise ValueError(f"check {name!r} must be named '{category}.rule'")

    def register(func: FindFunc) -> FindFunc:
        first = (func.__doc__ or "").strip().split("\n\n")[0]
        _REGISTRY[name] = Check(name, category, func, " ".join(first.split()), whole_segment, doc, default)
        return func
    return register


def all_checks() -> dict[str, Check]:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return dict(sorted(_REGISTRY.items()))


def select(only: Optional[Iterable[str]] = None, disable: Iterable[str] = (), *,
           only_option: str = "--checks") -> list[Check]:
    """Checks by name or category (``idiom`` selects ``idiom.*``); unknown names are bad input
    (naming the option they came from)."""
    checks = all_checks()

    def expand(names: Iterable[str], option: str) -> set[str]:
        out: set[str] = set()
        for name in names:
            hits = {n for n, c in checks.items() if n == name or c.category == name or n.startswith(name + ".")}
            if not hits:
                raise InputError(f"{option}: unknown check or category '{name}' (see `mtkit audit --list-checks`)")
            out |= hits
        return out

    chosen = expand(only, only_option) if only else {n for n, c in checks.items() if c.default}
    if only:   # a category selects its default checks; an off-by-default check is run when named
        chosen = {n for n in chosen if checks[n].default or n in set(only)}
    chosen -= expand(disable, "--disable")
    return [checks[n] for n in sorted(chosen)]


@dataclass
class Explanation:
    """The documentation of some checks (``mtkit audit --explain``), for the report writers."""
    checks: list[Check]


def explain(names: Iterable[str]) -> Explanation:
    """The checks named (or of the categories named; ``all`` for every check), documented."""
    names = list(names)
    checks = all_checks()
    if "all" in names:
        return Explanation(list(checks.values()))
    select(names, only_option="--explain")          # unknown names are bad input
    return Explanation([c for n, c in checks.items()
                        if any(n == x or c.category == x or n.startswith(x + ".") for x in names)])


def signature(checks: list[Check], glossary: Iterable = ()) -> str:
    """``version:…|checks:…|data:…[|glossary:…]``: mtkit's version, the checks run (``all`` when
    every registered one ran), a hash of the data files the checks read and of the glossary."""
    from mtkit import __version__
    names = [c.name for c in checks]
    registered = all_checks()
    default = sorted(n for n, c in registered.items() if c.default)
    ran = "all" if names == sorted(registered) else "default" if names == default else ",".join(names)
    parts = [f"version:{__version__}", f"checks:{ran}", f"data:{data_signature()}"]
    terms = [repr(term) for term in glossary]
    if terms:
        parts.append("glossary:" + hashlib.sha256("\n".join(terms).encode()).hexdigest()[:12])
    return "|".join(parts)


def _overlap(a: Optional[Span], b: Optional[Span]) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _same_problem(a: Flag, b: Flag, whole: frozenset[str]) -> bool:
    if a.check in whole or b.check in whole:
        return False
    return _overlap(a.src_span, b.src_span) and (a.tgt_span is None or b.tgt_span is None or _overlap(a.tgt_span, b.tgt_span))


# categories whose words, gone with a dropped clause, are the clause's evidence, not an error of their own
_HELD_BY_CLAUSE = frozenset({"entity", "number"})


def _holds(clause: Flag, other: Flag) -> bool:
    """``clause`` reports English words left out, and ``other``'s English words lie inside them."""
    a, b = clause.src_span, other.src_span
    return clause.category == "omission" and other.category in _HELD_BY_CLAUSE and a is not None and \
        b is not None and a.start <= b.start and b.end <= a.end and a.end - a.start > b.end - b.start


def _one_flag_per_dropped_clause(flags: list[Flag], whole: frozenset[str]) -> list[Flag]:
    """A name or number gone with its whole clause is one error, the clause's: the omission flag
    names them and their own flags go (the priority dedupe would keep the name and drop the clause)."""
    clauses = [f for f in flags if f.category == "omission" and f.check not in whole]
    held = {id(c): [f for f in flags if _holds(c, f)] for c in clauses}
    gone = {id(f) for inside in held.values() for f in inside}
    if not gone:
        return flags
    return [replace(f, message=f"{f.message} It held {' and '.join(map(_evidence, held[id(f)]))}.")
            if held.get(id(f)) else f for f in flags if id(f) not in gone]


def _evidence(flag: Flag) -> str:
    return f"the {'name' if flag.category == 'entity' else 'number'} '{flag.src_text}'"


def run_checks(seg, checks: list[Check]) -> list[Flag]:
    """All the checks' flags on one segment; a name or number inside a dropped clause is told by the
    clause's flag; of two flags on the same words, the one of the category with the higher priority
    is kept."""
    flags: list[Flag] = []
    for chk in checks:
        for finding in chk.find(seg):       # (Check.run inline: two calls less per check and pair)
            flags.append(chk.flag(seg, finding))
    whole = frozenset(c.name for c in checks if c.whole_segment)
    flags = _one_flag_per_dropped_clause(flags, whole)
    kept: list[Flag] = []
    for flag in sorted(flags, key=lambda f: category_info(f.category).priority):
        if not any(_same_problem(flag, other, whole) for other in kept):
            kept.append(flag)
    return sorted(kept, key=lambda f: (f.src_span.start if f.src_span else 1 << 30, f.check))
