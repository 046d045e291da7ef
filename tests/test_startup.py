"""A short run imports only what it uses: start-up is most of the time of a small audit (issue 11)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_json_audit_imports_no_template_engine_progress_bar_or_process_pool(tmp_path):
    code = ("import sys\nfrom mtkit.cli import main\n"
            f"sys.argv = ['mtkit', 'audit', {str(ROOT / 'corpora' / 'musk-trump.en.txt')!r}, "
            f"{str(ROOT / 'corpora' / 'musk-trump.ar.txt')!r}, '-f', 'json', '-o', {str(tmp_path / 'a.json')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jinja2', 'tqdm', 'wordfreq', 'concurrent.futures.process') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=180)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["summary"]["segments"] > 0
