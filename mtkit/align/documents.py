"""Hierarchical alignment of an English document with its Arabic translation."""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from mtkit.align.dp import align_features
from mtkit.align.features import ar_features, en_features
from mtkit.model import Alignment, Bead
from mtkit.text.sentences import split_sentences

Similarity = Callable[[Sequence[str], Sequence[str]], float]


def align_units(src: Sequence[str], tgt: Sequence[str], *, max_bead: int = 2,
                embedder=None) -> list[Bead]:
    """Align two lists of units (lines, sentences or paragraphs) into beads."""
    src_f = [en_features(u) for u in src]
    tgt_f = [ar_features(u) for u in tgt]
    extra = embedder.bead_similarity(src, tgt) if embedder is not None else None
    return align_features(src_f, tgt_f, max_bead=max_bead, extra_score=extra)


def align_documents(src_paragraphs: Sequence[str], tgt_paragraphs: Sequence[str], *,
                    max_bead: int = 2, presegmented: bool = False, embedder=None,
                    progress: Optional[Callable[[int], None]] = None) -> tuple[Alignment, Alignment]:
    """Paragraphs first, then sentences inside each paragraph bead.

    Returns ``(sentences, paragraphs)``: the sentence-level alignment (units are sentences) and
    the paragraph-level one. With ``presegmented`` the lines are the units and both are the same.
    """
    para_beads = align_units(src_paragraphs, tgt_paragraphs, max_bead=max_bead, embedder=embedder)
    paragraphs = Alignment(list(src_paragraphs), list(tgt_paragraphs), para_beads)
    if presegmented:
        return paragraphs, paragraphs
    src_units: list[str] = []
    tgt_units: list[str] = []
    beads: list[Bead] = []
    for bead in para_beads:
        s_sents = [s for i in bead.src for s in split_sentences(src_paragraphs[i])]
        t_sents = [s for j in bead.tgt for s in split_sentences(tgt_paragraphs[j])]
        s0, t0 = len(src_units), len(tgt_units)
        src_units.extend(s_sents)
        tgt_units.extend(t_sents)
        if not s_sents or not t_sents or len(s_sents) * len(t_sents) == 1:
            inner = align_features([], [], ) if False else None
            inner = [Bead(tuple(range(len(s_sents))), tuple(range(len(t_sents))), bead.score)] \
                if s_sents and t_sents else align_features([en_features(s) for s in s_sents],
                                                           [ar_features(t) for t in t_sents])
        else:
            inner = align_units(s_sents, t_sents, max_bead=max_bead, embedder=embedder)
        beads.extend(Bead(tuple(s0 + i for i in b.src), tuple(t0 + j for j in b.tgt), b.score) for b in inner)
        if progress:
            progress(1)
    return Alignment(src_units, tgt_units, beads), paragraphs
