"""The library API: everything the CLI does, callable from Python."""
from __future__ import annotations

from typing import Optional, Sequence

from mtkit.model import Alignment


def _embedder(model: Optional[str]):
    if model is None:
        return None
    from mtkit.align.embed import Embedder
    return Embedder.load(model)


def align(en: str | Sequence[str], ar: str | Sequence[str], *, presegmented: bool = False,
          level: str = "sentence", max_bead: int = 2, model: Optional[str] = None,
          quiet: bool = True) -> Alignment:
    """Align an English document with its Arabic translation.

    ``en``/``ar`` are file paths or lists of paragraphs (lines). Returns the sentence alignment,
    or the paragraph alignment with ``level="paragraph"`` (with ``presegmented`` both are the lines).
    """
    from mtkit.align import align_documents
    from mtkit.io import read_document
    src = read_document(en, presegmented=presegmented) if isinstance(en, str) else list(en)
    tgt = read_document(ar, presegmented=presegmented) if isinstance(ar, str) else list(ar)
    sentences, paragraphs = align_documents(src, tgt, max_bead=max_bead, presegmented=presegmented,
                                            embedder=_embedder(model))
    return paragraphs if level == "paragraph" else sentences
