"""Alignment: paragraphs, then sentences inside aligned paragraphs, into beads."""
from mtkit.align.documents import align_documents, align_units

__all__ = ["align_documents", "align_units"]
