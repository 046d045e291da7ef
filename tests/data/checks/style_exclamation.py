"""A check in a category of its own, written as a check module would be (the only file a new
category needs besides its data and its test): exclamation marks the English does not have."""
from __future__ import annotations

import re
from typing import Iterator

from mtkit.checks import Finding, category, check
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.model import Span

category("style", priority=120, description="register and tone that differ from the source")


@check("style.exclamation", category="style")
def exclamation(seg: AnalyzedSegment) -> Iterator[Finding]:
    """An exclamation mark in the Arabic where the English has none."""
    if "!" in seg.src:
        return
    for match in re.finditer(r"!+", seg.tgt):
        yield Finding("minor", "An exclamation the English does not have.",
                      tgt_span=Span(match.start(), match.end()), suggestion=".", confidence=0.6)
