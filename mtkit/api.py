"""The library API: everything the CLI does, callable from Python."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence

from mtkit.model import Alignment

if TYPE_CHECKING:
    from mtkit.io.glossary import Term
    from mtkit.model import AuditResult, Decision, Segment


def _embedder(model: Optional[str]):
    if model is None:
        return None
    from mtkit.align.embed import Embedder
    return Embedder.load(model)


def _parallel(src: Sequence[str], tgt: Sequence[str], en, ar) -> Alignment:
    from mtkit.align.documents import parallel_alignment
    from mtkit.errors import InputError
    if len(src) != len(tgt):
        raise InputError(f"--parallel: {len(src)} lines in {en if isinstance(en, str) else 'EN'} but "
                         f"{len(tgt)} here; parallel files need one line per line", ar if isinstance(ar, str) else None)
    return parallel_alignment(src, tgt)


def align(en: str | Sequence[str], ar: str | Sequence[str], *, presegmented: bool = False,
          parallel: bool = False, level: str = "sentence", max_bead: int = 2, model: Optional[str] = None,
          quiet: bool = True) -> Alignment:
    """Align an English document with its Arabic translation.

    ``en``/``ar`` are file paths (text or DOCX) or lists of paragraphs (lines). Returns the sentence
    alignment, or the paragraph alignment with ``level="paragraph"`` (with ``presegmented`` both
    are the lines). With ``parallel`` line N is paired with line N, nothing re-aligned.
    """
    from mtkit.align import align_documents
    from mtkit.io.documents import read_any_document
    from mtkit.io.inputs import input_run
    with input_run():
        src = read_any_document(en, presegmented=presegmented or parallel) if isinstance(en, str) else list(en)
        tgt = read_any_document(ar, presegmented=presegmented or parallel) if isinstance(ar, str) else list(ar)
    if parallel:
        return _parallel(src, tgt, en, ar)
    sentences, paragraphs = align_documents(src, tgt, max_bead=max_bead, presegmented=presegmented,
                                            embedder=_embedder(model))
    return paragraphs if level == "paragraph" else sentences


def audit(en: Optional[str] = None, ar: Optional[str] = None, *, pairs: Optional[str] = None,
          segments: Optional[Iterable["Segment"]] = None, pairs_format: Optional[str] = None,
          columns: Optional[str | Sequence[str]] = None, presegmented: bool = False, parallel: bool = False,
          checks: Optional[Sequence[str]] = None, disable: Sequence[str] = (),
          glossary: "Optional[str | Sequence[Term]]" = None, jobs: int = 1, quiet: bool = True,
          skip_bad: bool = False, max_bead: int = 2, stream: bool = False,
          waivers: "Optional[str | Sequence[Decision]]" = None, dask: Optional[str] = None) -> "AuditResult":
    """Flag likely mistranslations in an English/Arabic document pair (``en``, ``ar``: paths to
    text, subtitle (SRT, WebVTT) or DOCX files), in a pairs file (``pairs``: XLIFF 1.2/2.0, TMX,
    PO, CSV/TSV, JSONL, parquet or a ``datasets`` directory; found from the content, or
    ``pairs_format``; ``columns``: "EN,AR[,ID]" column names of a table), or in ``segments``
    already in memory (an iterable of :class:`mtkit.model.Segment`). ``glossary`` is a glossary
    file or its terms (:class:`mtkit.io.glossary.Term`).

    ``waivers`` (a waivers file or decisions) marks the flags reviewers accepted as waived.
    With ``stream=True`` the result's ``segments`` is an iterator, consumed once (for writing a
    pairs file of any size as JSON Lines): nothing is kept in memory. ``dask``: audit on a Dask
    cluster (a scheduler address, or ``local``/``local:N``) instead of ``jobs`` local processes."""
    from collections import Counter
    from mtkit.audit import audit_segments
    from mtkit.checks import select, signature
    from mtkit.io import read_pairs
    from mtkit.io.glossary import read_glossary
    from mtkit.io.inputs import input_run
    from mtkit.io.pairs import parse_columns
    from mtkit.io.waivers import apply, read_waivers
    from mtkit.model import AuditResult, SegmentResult
    from mtkit.progress import progress

    with input_run() as run:   # one run: a second call reads its inputs afresh (mtkit.io.inputs)
        if dask is not None:
            from mtkit.dask.cluster import require
            require()                # a missing extra fails before any output starts
        terms = read_glossary(glossary) if isinstance(glossary, str) else tuple(glossary or ())
        options = {"glossary": terms}
        decisions = read_waivers(waivers) if isinstance(waivers, str) else list(waivers or ())
        skipped: list[str] = []
        untranslated: Counter[str] = Counter()     # CAT units with no translation, by file
        total: Optional[int] = None
        if segments is not None:
            pass
        elif pairs is not None:
            names = parse_columns(columns) if isinstance(columns, str) else (tuple(columns) if columns else None)
            segments = read_pairs(pairs, skipped if skip_bad else None, untranslated, fmt=pairs_format, columns=names)
        else:
            if en is None or ar is None:
                raise ValueError("audit needs en and ar paths, or pairs")
            beads = document_segments(en, ar, presegmented=presegmented, parallel=parallel, max_bead=max_bead)
            segments, total = beads, len(beads)
        results: Iterable[SegmentResult] = apply(
            audit_segments(_of_sentence_size(segments, pairs or ar), only=checks, disable=disable, options=options, jobs=jobs,
                           dask=dask), decisions)
        results = progress(results, total=total, desc="audit", unit="seg", quiet=quiet)
        # streamed: an iterator consumed once (after this call: still within its run) stands in for the list
        return AuditResult(run.lazily(results) if stream else list(results), src_path=en or pairs,  # type: ignore[arg-type]
                           tgt_path=ar or pairs, skipped=skipped, untranslated=untranslated,
                           signature=signature(select(checks, disable), terms), decisions=decisions)


# Words on one side of a segment. The checks read a pair as a sentence: their word evidence grows
# with the square of its length (5,000 words of one unpunctuated line: 35 s and 1.3 GB; 10,000:
# over 5 GB), so a longer "segment" is bad input, said at once, not a hang.
AUDIT_MAX_WORDS = 2000


def _of_sentence_size(segments: "Iterable[Segment]", path: Optional[str]) -> "Iterator[Segment]":
    from mtkit.errors import InputError
    for seg in segments:
        words = max(len(seg.src.split()), len(seg.tgt.split()))
        if words > AUDIT_MAX_WORDS:
            raise InputError(f"segment {seg.id} has {words} words; the audit reads sentences of at most "
                             f"{AUDIT_MAX_WORDS} words: split the text into sentences or lines", path, seg.line)
        yield seg


def document_segments(en: str, ar: str, *, presegmented: bool = False, parallel: bool = False,
                      max_bead: int = 2) -> "list[Segment]":
    """Segments of two documents: subtitle cues paired by index and time, or the sentences of
    two text or DOCX documents aligned (with ``parallel``: line N with line N)."""
    from mtkit.io.inputs import input_run
    with input_run():       # sniffed, then read: a pipe's bytes are kept for the read
        return _document_segments(en, ar, presegmented, parallel, max_bead)


def _document_segments(en: str, ar: str, presegmented: bool, parallel: bool, max_bead: int) -> "list[Segment]":
    from mtkit.audit import segments_from_alignment
    from mtkit.errors import InputError
    from mtkit.io.formats import label, sniff
    kinds = sniff(en), sniff(ar)
    for path, kind in zip((en, ar), kinds):
        if kind == "binary":
            raise InputError("found binary data, not a document", path)
        if kind == "datasets":    # any directory: say what it is, not what it might hold
            raise InputError(f"is a directory, not a document (a datasets directory goes in --pairs {path})", path)
        if kind in ("xliff", "tmx", "po", "parquet", "datasets"):
            raise InputError(f"found {label(kind, path)}, which holds both languages: use --pairs {path}", path)
    subtitles = [k in ("srt", "vtt") for k in kinds]
    if any(subtitles):
        if not all(subtitles):
            raise InputError(f"{label(kinds[0])} and {label(kinds[1])}: give two subtitle files", ar)
        from mtkit.io.subtitles import read_pair
        return read_pair(en, ar)
    alignment, lines = _aligned_for_audit(en, ar, presegmented, max_bead, parallel)
    return segments_from_alignment(alignment, lines)


def _aligned_for_audit(en: str, ar: str, presegmented: bool, max_bead: int, parallel: bool = False):
    """Sentence alignment of two documents, and each Arabic unit's 1-based line in the file."""
    from mtkit.align import align_documents
    from mtkit.io.documents import is_blank
    from mtkit.io.documents import read_any_lines
    src_lines, tgt_lines = read_any_lines(en), read_any_lines(ar)
    if parallel:
        return _parallel(src_lines, tgt_lines, en, ar), list(range(1, len(tgt_lines) + 1))
    if presegmented:
        src, tgt = src_lines, tgt_lines
        tgt_line_numbers = list(range(1, len(tgt) + 1))
    else:
        # blank as for align (read_document): spaces and invisible marks only (bidi, zero-width)
        src = [line.strip() for line in src_lines if not is_blank(line)]
        tgt_line_numbers = [n for n, line in enumerate(tgt_lines, 1) if not is_blank(line)]
        tgt = [line.strip() for line in tgt_lines if not is_blank(line)]
    sentences, _ = align_documents(src, tgt, max_bead=max_bead, presegmented=presegmented)
    unit_lines = [tgt_line_numbers[p] for p in sentences.tgt_parent] if sentences.tgt_parent else tgt_line_numbers
    return sentences, unit_lines


def score(ref_paths=(), sys_paths=(), **kw):
    """Score systems against references with sacrebleu, as ``mtkit score`` does
    (see :func:`mtkit.score.score` for the keywords)."""
    from mtkit.io.inputs import input_run
    from mtkit.score import score as _score
    with input_run():
        return _score(ref_paths, sys_paths, **kw)


def gate(documents: Sequence[str] = (), **kw):
    """Pass or fail translations against quality rules, as ``mtkit gate`` does
    (see :func:`mtkit.gate.run.gate` for the keywords); returns a ``GateResult``."""
    from mtkit.gate.run import gate as _gate
    from mtkit.io.inputs import input_run
    with input_run():
        return _gate(documents, **kw)
