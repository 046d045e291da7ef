"""One gate run, as ``mtkit gate`` does it: choose the inputs, load and override the rules,
measure, decide."""
from __future__ import annotations

import os
from collections.abc import Sequence

from mtkit.errors import InputError
from mtkit.gate import inputs
from mtkit.gate.config import configure
from mtkit.gate.measure import AuditOptions, measure
from mtkit.gate.result import GateResult
from mtkit.gate.rules import evaluate

NO_RULES = ("no gate rules: give --config FILE, a [gate] table in mtkit.toml, a [tool.mtkit.gate] table "
            "in pyproject.toml, or rule options such as --max-flags critical=0")


def _config_label(path: str | None) -> str | None:
    """The rules file as the verdict shows it: relative to here when it is below here."""
    if path is None:
        return None
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else path


def gate(documents: Sequence[str] = (), *, src_dir: str | None = None, tgt_dir: str | None = None,
         pairs: str | None = None, audit_json: str | None = None, ref: str | None = None,
         system: str | None = None, baseline: str | None = None, config: str | None = None,
         overrides: dict | None = None, presegmented: bool = False, disable: Sequence[str] = (),
         glossary: str | None = None, jobs: int = 1, quiet: bool = True,
         waivers: str | None = None) -> GateResult:
    """Pass or fail translations against quality rules.

    Input is one of: ``documents`` (EN, AR paths), ``src_dir`` + ``tgt_dir``, ``pairs`` or
    ``audit_json``. Rules come from ``config`` (else the discovered mtkit.toml/pyproject.toml),
    with ``overrides`` (section → list of ``NAME=LIMIT``, e.g. ``{"max_flags": ["major=3"]}``) on top.
    ``waivers`` is a waivers file: the flags reviewers accepted count for no rule.
    """
    items = inputs.select(documents, src_dir=src_dir, tgt_dir=tgt_dir, pairs=pairs, audit_json=audit_json,
                          system=system, ref=ref, baseline=baseline)
    rules = configure(config, overrides)
    if rules.empty():
        raise InputError(NO_RULES)
    rules.source = _config_label(rules.source)
    if waivers:
        from mtkit.io.waivers import read_waivers
        read_waivers(waivers)    # a bad waivers file is found before the slow work
    options = AuditOptions(presegmented=presegmented, disable=tuple(disable), glossary=glossary,
                           jobs=jobs, quiet=quiet, waivers=waivers)
    measured = measure(rules, items, options)
    return evaluate(rules, measured.files, measured.run, measured.flags)
