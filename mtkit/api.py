"""The library API: everything the CLI does, callable from Python."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional, Sequence

from mtkit.model import Alignment

if TYPE_CHECKING:
    from mtkit.io.glossary import Term
    from mtkit.model import AuditResult, Segment


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


def audit(en: Optional[str] = None, ar: Optional[str] = None, *, pairs: Optional[str] = None,
          segments: Optional[Iterable["Segment"]] = None, presegmented: bool = False,
          checks: Optional[Sequence[str]] = None, disable: Sequence[str] = (),
          glossary: "Optional[str | Sequence[Term]]" = None, jobs: int = 1, quiet: bool = True,
          skip_bad: bool = False, max_bead: int = 2, stream: bool = False) -> "AuditResult":
    """Flag likely mistranslations in an English/Arabic document pair (``en``, ``ar``: paths) or
    in a pairs file (``pairs``: JSONL, TSV, parquet or a ``datasets`` directory), or in
    ``segments`` already in memory (an iterable of :class:`mtkit.model.Segment`). ``glossary`` is a
    glossary file or its terms (:class:`mtkit.io.glossary.Term`).

    With ``stream=True`` the result's ``segments`` is an iterator, consumed once (for writing a
    pairs file of any size as JSON Lines): nothing is kept in memory."""
    from mtkit.audit import audit_segments, segments_from_alignment
    from mtkit.checks import select, signature
    from mtkit.io import read_pairs
    from mtkit.io.glossary import read_glossary
    from mtkit.model import AuditResult
    from mtkit.progress import progress

    terms = read_glossary(glossary) if isinstance(glossary, str) else tuple(glossary or ())
    options = {"glossary": terms}
    skipped: list[str] = []
    total: Optional[int] = None
    if segments is not None:
        pass
    elif pairs is not None:
        segments = read_pairs(pairs, skipped if skip_bad else None)
    else:
        if en is None or ar is None:
            raise ValueError("audit needs en and ar paths, or pairs")
        alignment, lines = _aligned_for_audit(en, ar, presegmented, max_bead)
        beads = segments_from_alignment(alignment, lines)
        segments, total = beads, len(beads)
    results = progress(audit_segments(segments, only=checks, disable=disable, options=options, jobs=jobs),
                       total=total, desc="audit", unit="seg", quiet=quiet)
    return AuditResult(results if stream else list(results), src_path=en or pairs, tgt_path=ar or pairs,
                       skipped=skipped, signature=signature(select(checks, disable), terms))


def _aligned_for_audit(en: str, ar: str, presegmented: bool, max_bead: int):
    """Sentence alignment of two documents, and each Arabic unit's 1-based line in the file."""
    from mtkit.align import align_documents
    from mtkit.io import read_lines
    src_lines, tgt_lines = read_lines(en), read_lines(ar)
    if presegmented:
        src, tgt = src_lines, tgt_lines
        tgt_line_numbers = list(range(1, len(tgt) + 1))
    else:
        src = [line.strip() for line in src_lines if line.strip()]
        tgt_line_numbers = [n for n, line in enumerate(tgt_lines, 1) if line.strip()]
        tgt = [line.strip() for line in tgt_lines if line.strip()]
    sentences, _ = align_documents(src, tgt, max_bead=max_bead, presegmented=presegmented)
    unit_lines = [tgt_line_numbers[p] for p in sentences.tgt_parent] if sentences.tgt_parent else tgt_line_numbers
    return sentences, unit_lines


def score(ref_paths=(), sys_paths=(), **kw):
    """Score systems against references with sacrebleu, as ``mtkit score`` does
    (see :func:`mtkit.score.score` for the keywords)."""
    from mtkit.score import score as _score
    return _score(ref_paths, sys_paths, **kw)


def gate(documents: Sequence[str] = (), **kw):
    """Pass or fail translations against quality rules, as ``mtkit gate`` does
    (see :func:`mtkit.gate.run.gate` for the keywords); returns a ``GateResult``."""
    from mtkit.gate.run import gate as _gate
    return _gate(documents, **kw)
