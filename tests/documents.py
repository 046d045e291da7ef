"""Test helpers shared by the check tests: pairs analyzed as one document, and one check's flags.
(A plain module beside conftest.py: pytest puts tests/ on the import path, as for conftest.)"""
from __future__ import annotations

from typing import Optional, Sequence

from mtkit.checks import all_checks
from mtkit.checks.analysis import AnalyzedSegment
from mtkit.checks.document import analyze
from mtkit.model import Flag, Segment


def analyze_document(pairs: Sequence[tuple[str, str]], doc: str = "d",
                     options: Optional[dict] = None) -> list[AnalyzedSegment]:
    """The (English, Arabic) pairs analyzed as one document ``doc``, pair k with the id ``doc:k``."""
    return analyze([Segment(f"{doc}:{k}", en, ar, doc=doc) for k, (en, ar) in enumerate(pairs)], options)


def check_flags(seg: AnalyzedSegment, name: str) -> list[Flag]:
    """The flags of the one check ``name`` on an analyzed pair, as the check yields them."""
    return all_checks()[name].run(seg)
