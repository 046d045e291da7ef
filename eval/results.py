"""Each benchmark owns one section of eval/RESULTS.md, between markers, and rewrites only that."""
from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")


def record(section: str, body: str, command: str | None = None) -> None:
    """Replace (or append) the section ``section`` of RESULTS.md with ``body`` and the command."""
    command = command or "python " + " ".join(shlex.quote(a) for a in sys.argv)
    block = (f"<!-- {section}:start -->\n## {section}\n\nCommand: `{command}`\n\n{body.strip()}\n"
             f"<!-- {section}:end -->")
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Measured results\n\n"
    pattern = re.compile(rf"<!-- {re.escape(section)}:start -->.*?<!-- {re.escape(section)}:end -->", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")
