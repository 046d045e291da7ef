"""Gate rules: where they come from (``--config``, ``mtkit.toml``, ``pyproject.toml``), what keys
they may hold, and command-line overrides. Every problem is an ``InputError`` naming the key, so
a typo in a CI configuration stops the pipeline (exit 2) instead of silently passing."""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from mtkit.errors import InputError
from mtkit.model import CATEGORIES, SEVERITIES
from mtkit.score.metrics import METRICS

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ERROR = "error"   # the audit's weighted error score (penalty per 1,000 source words, mtkit.score.profile)

# section -> (allowed names, what a name is, whole numbers only?)
SECTIONS: dict[str, tuple[tuple[str, ...], str, bool]] = {
    "max_flags": (SEVERITIES, "severity", True),
    "max_flags_per_1k_words": (SEVERITIES, "severity", False),
    "max_category": (CATEGORIES, "category", True),
    "max_category_per_1k_words": (CATEGORIES, "category", False),
    "min_score": (METRICS, "metric", False),
    "max_score": (METRICS + (ERROR,), "metric", False),
    "max_drop": (METRICS, "metric", False),
    "max_rise": (CATEGORIES + (ERROR,), "category", False),
}
# command-line option -> section; each takes NAME=LIMIT (or per_file.NAME=LIMIT) and may repeat
OVERRIDES = (
    ("--max-flags", "max_flags", "SEVERITY=N", "Most flags of a severity in the run."),
    ("--max-flags-per-1k", "max_flags_per_1k_words", "SEVERITY=X", "Most flags of a severity per 1,000 source words."),
    ("--max-category", "max_category", "CATEGORY=N", "Most flags of a category in the run."),
    ("--max-category-per-1k", "max_category_per_1k_words", "CATEGORY=X", "Most flags of a category per 1,000 source words."),
    ("--min-score", "min_score", "METRIC=X", "Lowest bleu/chrf allowed against --ref."),
    ("--max-score", "max_score", "METRIC=X", "Highest score allowed against --ref (ter)."),
    ("--max-drop", "max_drop", "METRIC=X", "Largest significant drop allowed against --baseline."),
    ("--max-rise", "max_rise", "CATEGORY=X", "Largest significant rise in flags per 1,000 source words of a "
     "category (or error=X: the error score) allowed against --baseline, both audited against the source."),
)
PER_FILE = "per_file"   # a sub-table with the same sections, applied to each file on its own
SCORE_SECTIONS = ("min_score", "max_score", "max_drop")
FLAG_SECTIONS = ("max_flags", "max_flags_per_1k_words", "max_category", "max_category_per_1k_words")
PROFILE_SECTIONS = ("max_rise",)


@dataclass
class Rules:
    """Limits by section and name, e.g. ``limits["max_flags"]["major"] == 3``."""
    limits: dict[str, dict[str, float]] = field(default_factory=dict)

    def items(self):
        """(section, name, limit) in a stable order: sections as declared, names as allowed."""
        for section, (names, _kind, _whole) in SECTIONS.items():
            for name in names:
                if name in self.limits.get(section, {}):
                    yield section, name, self.limits[section][name]

    def needs(self, sections: tuple[str, ...]) -> bool:
        return any(self.limits.get(s) for s in sections)

    def set(self, section: str, name: str, limit: float) -> None:
        self.limits.setdefault(section, {})[name] = limit


@dataclass
class GateConfig:
    run: Rules = field(default_factory=Rules)        # over the whole run
    per_file: Rules = field(default_factory=Rules)   # over each file
    source: Optional[str] = None                     # where the rules were read, for the verdict

    def empty(self) -> bool:
        return not any(True for _ in self.run.items()) and not any(True for _ in self.per_file.items())

    def needs(self, sections: tuple[str, ...]) -> bool:
        return self.run.needs(sections) or self.per_file.needs(sections)


def _line_of(text: str, key: str) -> Optional[int]:
    """Best effort: the first line where a key is written (tomllib gives no positions)."""
    pattern = re.compile(rf"(^|[\s{{,.\[\"']){re.escape(key)}[\"']?\s*[=\].]")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line.split("#", 1)[0]):
            return number
    return None


class _Where:
    """Names keys in messages: the file, its table prefix and, when found, the line."""
    def __init__(self, path: Optional[str], prefix: str, text: str = ""):
        self.path, self.prefix, self.text = path, prefix, text

    def error(self, key: str, message: str) -> InputError:
        leaf = key.rsplit(".", 1)[-1]
        line = _line_of(self.text, leaf) if self.text else None
        return InputError(f"{key}: {message}", self.path, line)


def check_limit(section: str, name: str, value: Any, key: str, where: _Where) -> float:
    """Validate one limit; return it as a number."""
    names, kind, whole = SECTIONS[section]
    if name not in names:
        raise where.error(key, f"unknown {kind} '{name}' (one of: {', '.join(names)})")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise where.error(key, f"expected a number, got {_shown(value)}")
    if isinstance(value, int) and abs(value) > 10**15:   # float() of a 400-digit int overflows
        raise where.error(key, f"expected a number ≤ 10^15, got one with {len(str(abs(value)))} digits")
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise where.error(key, f"expected a number ≥ 0, got {_shown(value)}")
    if whole and value != int(value):
        raise where.error(key, f"expected a whole number of flags, got {_shown(value)}")
    if section in ("min_score", "max_score") and name not in ("ter", ERROR) and value > 100:
        raise where.error(key, f"{name} is on a 0–100 scale, got {_shown(value)}")
    return int(value) if whole else float(value)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_rules(table: Any, where: _Where, *, allow_per_file: bool = True) -> tuple[Rules, Rules]:
    """(run rules, per-file rules) from a ``[gate]`` table."""
    prefix = where.prefix
    if not isinstance(table, dict):
        raise where.error(prefix, f"expected a table, got {_shown(table)}")
    run, per_file = Rules(), Rules()
    for section, entries in table.items():
        key = f"{prefix}.{section}"
        if section == PER_FILE and allow_per_file:
            inner = _Where(where.path, key, where.text)
            per_file, _ = parse_rules(entries, inner, allow_per_file=False)
            continue
        if section not in SECTIONS:
            known = ", ".join(list(SECTIONS) + ([PER_FILE] if allow_per_file else []))
            raise where.error(key, f"unknown key (known: {known})")
        if not isinstance(entries, dict):
            _names, kind, _ = SECTIONS[section]
            raise where.error(key, f"expected a table of {kind} = limit, got {_shown(entries)}")
        for name, value in entries.items():
            run.set(section, name, check_limit(section, name, value, f"{key}.{name}", where))
    return run, per_file


def _read_toml(path: str) -> tuple[dict, str]:
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a TOML file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")   # a BOM from a Windows editor
        return tomllib.loads(text), text
    except UnicodeDecodeError:
        raise InputError("invalid UTF-8, expected a TOML file", path) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError(f"invalid TOML: {message}", path, int(found.group(1)) if found else None) from None


def _gate_table(data: dict, path: str) -> Optional[tuple[Any, str]]:
    """The gate table of a TOML document and its dotted name, or None."""
    if os.path.basename(path) != "pyproject.toml" and "gate" in data:
        return data["gate"], "gate"
    tool = data.get("tool", {})
    mtkit = tool.get("mtkit", {}) if isinstance(tool, dict) else {}
    if isinstance(mtkit, dict) and "gate" in mtkit:
        return mtkit["gate"], "tool.mtkit.gate"
    return None


def load_file(path: str) -> GateConfig:
    """Rules from one TOML file: table ``[gate]``, or ``[tool.mtkit.gate]``."""
    data, text = _read_toml(path)
    found = _gate_table(data, path)
    if found is None:
        raise InputError("no [gate] (or [tool.mtkit.gate]) table", path)
    table, prefix = found
    run, per_file = parse_rules(table, _Where(path, prefix, text))
    return GateConfig(run, per_file, source=path)


def discover(start: Optional[str] = None) -> Optional[str]:
    """The configuration file that applies in ``start`` (default: the current directory):
    ``mtkit.toml`` with ``[gate]``, else ``pyproject.toml`` with ``[tool.mtkit.gate]``, looking
    in the directory and its parents up to the repository root (the one holding ``.git``)."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        for name in ("mtkit.toml", "pyproject.toml"):
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and _gate_table(_read_toml(candidate)[0], candidate) is not None:
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory or os.path.exists(os.path.join(directory, ".git")):
            return None
        directory = parent


def load_config(path: Optional[str] = None, *, start: Optional[str] = None) -> GateConfig:
    """Rules from ``path`` if given, else from the discovered file, else none."""
    path = path or discover(start)
    return load_file(path) if path else GateConfig()


def parse_number(text: str) -> Any:
    """A command-line limit: an int or float when it reads as one, else the text (rejected later)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def apply_override(config: GateConfig, option: str, section: str, assignment: str) -> None:
    """``--max-flags major=3`` sets a whole-run limit, ``--max-flags per_file.major=1`` a per-file
    one (the TOML key path); either replaces the configured limit."""
    where = _Where(None, option)
    name, sep, value = assignment.partition("=")
    name = name.strip()
    per_file = name.startswith(PER_FILE + ".")
    if per_file:
        name = name[len(PER_FILE) + 1:]
    if not sep or not name or not value.strip():
        _names, kind, _ = SECTIONS[section]
        raise InputError(f"{option}: expected {kind.upper()}=LIMIT (or {PER_FILE}.{kind.upper()}=LIMIT), "
                         f"got '{assignment}'")
    rules = config.per_file if per_file else config.run
    key = f"{option} {PER_FILE + '.' if per_file else ''}{name}"
    rules.set(section, name, check_limit(section, name, parse_number(value.strip()), key, where))


def configure(path: Optional[str] = None, overrides: Optional[dict] = None) -> GateConfig:
    """Rules from ``path`` (or the discovered file), with ``overrides`` (section → ``NAME=LIMIT``
    assignments, as the rule options take them) applied on top."""
    config = load_config(path)
    for option, section, _metavar, _text in OVERRIDES:
        for assignment in (overrides or {}).get(section, ()):
            apply_override(config, option, section, assignment)
    return config
