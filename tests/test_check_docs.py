"""Each check's documentation (``mtkit audit --explain``, docs/checks.md) cannot lie: its example
that is flagged must be flagged by the check, and the other must not be."""
from __future__ import annotations

import io

import pytest

from mtkit.checks import all_checks, explain
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.io.glossary import Term
from mtkit.report import write

from documents import analyze_document

CHECKS = sorted(all_checks())


@pytest.mark.parametrize("name", CHECKS)
def test_the_documented_examples_hold(name):
    chk = all_checks()[name]
    assert chk.doc is not None and chk.doc.why and chk.description, name
    options = {"glossary": tuple(Term(en, (ar,)) for en, ar in chk.doc.glossary)}
    flagged, passed = (chk.run(_in_document(chk.doc.context, example, options))
                       for example in (chk.doc.flagged, chk.doc.passed))
    assert [f.check for f in flagged][:1] == [name], f"{name}: its flagged example is not flagged"
    assert passed == [], f"{name}: its example that passes is flagged: {passed}"


def _in_document(context, example, options) -> AnalyzedSegment:
    """The example analyzed as the last pair of a document that starts with ``context``."""
    return analyze_document([*context, example], "doc", options)[-1]


def test_docs_checks_md_is_generated_from_the_checks(root):
    out = io.StringIO()
    write(explain(["all"]), "md", out)
    assert (root / "docs" / "checks.md").read_text(encoding="utf-8") == out.getvalue(), \
        "regenerate: mtkit audit --explain all --format md -o docs/checks.md"


def test_explain_on_the_command_line(run_mtkit):
    result = run_mtkit("audit", "--explain", "negation.lost")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "negation.lost (negation)" and "Why:" in result.stdout
    assert "حضر الوزير الجلسة الطارئة." in result.stdout
    category = run_mtkit("audit", "--explain", "spacing", "-f", "md")
    assert category.stdout.count("### `spacing.") == sum(n.startswith("spacing.") for n in CHECKS)
    bad = run_mtkit("audit", "--explain", "nope")
    assert bad.returncode == 2 and "--explain: unknown check or category 'nope'" in bad.stderr
    assert run_mtkit("audit", "--explain", "all", "-f", "json").returncode == 2
