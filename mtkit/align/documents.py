"""Hierarchical alignment of an English document with its Arabic translation."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from mtkit.align import records, small
from mtkit.align.features import ar_features, en_features
from mtkit.model import Alignment, Bead

Similarity = Callable[[Sequence[str], Sequence[str]], float]


def align_units(src: Sequence[str], tgt: Sequence[str], *, max_bead: int = 2,
                embedder=None, keep_parallel: bool = False) -> list[Bead]:
    """Align two lists of units (lines, sentences or paragraphs) into beads. With
    ``keep_parallel``, as many units on each side stay N with N unless clearly wrong."""
    joins = (records.joins(src, arabic=False), records.joins(tgt, arabic=True))
    if embedder is None and small.fits(len(src), len(tgt)):   # no numpy for a small table
        return small.align([en_features(u) for u in src], [ar_features(u) for u in tgt], max_bead=max_bead,
                           keep_parallel=keep_parallel, joins=joins)
    from mtkit.align.dp import align_features
    from mtkit.align.flat import Vocabulary, from_units
    # one unit's features at a time into flat arrays: no per-unit objects are kept
    vocabulary = Vocabulary()
    src_f = from_units((en_features(u) for u in src), vocabulary)
    tgt_f = from_units((ar_features(u) for u in tgt), vocabulary)
    extra = embedder.bead_similarity(src, tgt) if embedder is not None else None
    return align_features(src_f, tgt_f, max_bead=max_bead, extra_score=extra, keep_parallel=keep_parallel,
                          joins=joins)


def parallel_alignment(src: Sequence[str], tgt: Sequence[str]) -> Alignment:
    """``--parallel``: line N goes with line N, nothing re-aligned (the score is 1: the pairing is
    given, not guessed). Unequal line counts are the caller's error to report."""
    if len(src) != len(tgt):
        raise ValueError(f"{len(src)} English lines but {len(tgt)} Arabic lines")
    return Alignment(list(src), list(tgt), [Bead((i,), (i,), 1.0) for i in range(len(src))])


def align_documents(src_paragraphs: Sequence[str], tgt_paragraphs: Sequence[str], *,
                    max_bead: int = 2, presegmented: bool = False, embedder=None,
                    progress: Callable[[int], None] | None = None) -> tuple[Alignment, Alignment]:
    """Paragraphs first, then sentences inside each paragraph bead.

    Returns ``(sentences, paragraphs)``: the sentence-level alignment (units are sentences) and
    the paragraph-level one. With ``presegmented`` the lines are the units and both are the same.
    A document's structure is respected: as many paragraphs (or lines, or sentences inside a
    paragraph) on both sides go N with N unless that is clearly wrong (dp.STRUCTURE_MARGIN).
    """
    para_beads = align_units(src_paragraphs, tgt_paragraphs, max_bead=max_bead, embedder=embedder,
                             keep_parallel=True)
    paragraphs = Alignment(list(src_paragraphs), list(tgt_paragraphs), para_beads)
    if presegmented:
        return paragraphs, paragraphs
    from mtkit.text.sentences import split_sentences    # not imported for ``--presegmented``
    src_units: list[str] = []
    tgt_units: list[str] = []
    src_parent: list[int] = []
    tgt_parent: list[int] = []
    beads: list[Bead] = []
    for bead in para_beads:
        s_split = [(i, s) for i in bead.src for s in split_sentences(src_paragraphs[i])]
        t_split = [(j, t) for j in bead.tgt for t in split_sentences(tgt_paragraphs[j])]
        s_sents, t_sents = [s for _, s in s_split], [t for _, t in t_split]
        src_parent.extend(i for i, _ in s_split)
        tgt_parent.extend(j for j, _ in t_split)
        s0, t0 = len(src_units), len(tgt_units)
        src_units.extend(s_sents)
        tgt_units.extend(t_sents)
        if len(s_sents) == 1 and len(t_sents) == 1:
            inner = [Bead((0,), (0,), bead.score)]
        else:
            inner = align_units(s_sents, t_sents, max_bead=max_bead, embedder=embedder, keep_parallel=True)
        beads.extend(Bead(tuple(s0 + i for i in b.src), tuple(t0 + j for j in b.tgt), b.score) for b in inner)
        if progress:
            progress(1)
    return Alignment(src_units, tgt_units, beads, src_parent, tgt_parent), paragraphs
