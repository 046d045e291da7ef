"""eval/ scripts run as plain scripts: they import mtkit as installed and their sibling modules,
never edit sys.path, and take nothing from tests/ by import."""
from __future__ import annotations

import ast


def test_eval_scripts_do_not_edit_sys_path_nor_import_tests(root):
    tests = {p.stem for p in (root / "tests").glob("*.py")}
    for script in sorted((root / "eval").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        assert "sys.path" not in text, script.name
        for node in ast.walk(ast.parse(text)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(name.split(".")[0] in tests | {"tests"} for name in names), (script.name, names)
