"""Adding a check in a category the contract does not list touches only the check's own module
(here tests/data/checks/style_exclamation.py), its data and its test: the audit, its summary,
the priority dedupe and the writers take the new category as it is."""
from __future__ import annotations

import importlib.util
import io
import json

import pytest

import mtkit.checks
import mtkit.model
from mtkit import api
from mtkit.checks import all_checks, select
from mtkit.model import category
from mtkit.report import write


@pytest.fixture
def style_check(monkeypatch, test_data):
    all_checks()                             # the package's own checks first
    monkeypatch.setattr(mtkit.checks, "_REGISTRY", dict(mtkit.checks._REGISTRY))
    monkeypatch.setattr(mtkit.model, "_CATEGORIES", dict(mtkit.model._CATEGORIES))
    spec = importlib.util.spec_from_file_location("style_exclamation", test_data / "checks" / "style_exclamation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_check_in_a_new_category_runs_through_the_audit_and_the_writers(style_check, tmp_path):
    assert category("style").priority == 120
    assert [c.name for c in select(["style"])] == ["style.exclamation"]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "1", "src": "The shop opens at 9.", "tgt": "يفتح المتجر في التاسعة!"},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    result = api.audit(pairs=str(pairs))
    (flag,) = result.flags
    assert (flag.category, flag.check, flag.tgt_text, flag.severity) == ("style", "style.exclamation", "!", "minor")
    assert result.summary()["by_category"] == {"style": 1}
    for fmt in ("json", "text", "md", "html", "csv", "junit", "jsonl"):
        out = io.StringIO()
        write(result, fmt, out)
        assert "style" in out.getvalue(), fmt


def test_an_undeclared_category_is_still_refused(style_check):
    with pytest.raises(ValueError, match="unknown category"):
        mtkit.checks.check("tone.x", category="tone")
