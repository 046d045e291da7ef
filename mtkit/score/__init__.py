"""``mtkit score``: BLEU, chrF and TER through sacrebleu's Python API, several systems and
references in one run, paired significance tests against a baseline, per-segment chrF.

With no options the numbers and signatures are those of sacrebleu's ``BLEU()``, ``CHRF()`` and
``TER()``: the metrics are sacrebleu's, built once with the references cached, and each system's
segment statistics are extracted once and used for the corpus score and the per-segment chrF.
"""
from __future__ import annotations

from typing import Optional, Sequence

from mtkit.errors import InputError
from mtkit.score.metrics import METRICS, TER_MAX_WORDS, build_metrics
from mtkit.score.result import (Comparison, MetricScore, ScoreResult, SystemScore,
                                WorstSegment)
from mtkit.score.significance import METHODS, paired_test

__all__ = ["score_systems", "score", "ScoreResult", "SystemScore", "MetricScore", "Comparison",
           "WorstSegment", "METRICS", "METHODS"]

ALIGN_MODES = ("never", "auto", "always")
# sacrebleu's paired bootstrap holds n_samples × segments × statistics floats in memory at once;
# the CLI's default test is skipped above this many segments (an explicit --significance runs it).
AUTO_SIGNIFICANCE_LIMIT = 20000


def _check_inputs(refs: list[list[str]], systems: dict[str, list[str]], paths: dict[str, str],
                  ref_paths: list[str], align: str) -> bool:
    """Validate; return whether the documents must be aligned first."""
    if not refs:
        raise InputError("no reference given (--ref)")
    if not systems:
        raise InputError("no system output given")
    for k, ref in enumerate(refs):
        where = ref_paths[k] if k < len(ref_paths) else f"reference {k + 1}"
        if not any(line.strip() for line in ref):
            raise InputError("the reference is empty", where)
        if len(ref) != len(refs[0]):
            raise InputError(f"{len(ref)} lines, but the first reference has {len(refs[0])}", where)
    if align == "always":
        return True
    mismatched = [name for name, hyps in systems.items() if len(hyps) != len(refs[0])]
    if not mismatched:
        return False
    if align == "auto":
        return True
    name = mismatched[0]
    raise InputError(f"{len(systems[name])} lines, but the reference has {len(refs[0])}; "
                     "pass --align to align the documents before scoring", paths.get(name, name))


def _check_ter_lengths(refs: list[list[str]], systems: dict[str, list[str]], paths: dict[str, str],
                       ref_paths: list[str], aligned: bool) -> None:
    """TER's time and memory grow with the square of a segment's length: refuse, before any work,
    a segment longer than TER_MAX_WORDS instead of running for hours or out of memory."""
    named = [(ref_paths[k] if k < len(ref_paths) else f"reference {k + 1}", ref) for k, ref in enumerate(refs)]
    named += [(paths.get(name, name), hyps) for name, hyps in systems.items()]
    for where, lines in named:
        for number, line in enumerate(lines, start=1):
            if len(line) > TER_MAX_WORDS and len(line.split()) > TER_MAX_WORDS:
                unit = "aligned segment" if aligned else "line"
                raise InputError(f"{unit} {number} has {len(line.split())} words; TER is limited to "
                                 f"{TER_MAX_WORDS} words per segment (its cost grows with the square of "
                                 "the length): split the line or leave TER out (-m bleu,chrf)",
                                 where, None if aligned else number)


def _worst(chrf: list[float], hyps: Sequence[str], refs: list[list[str]], n: int) -> list[WorstSegment]:
    order = sorted(range(len(chrf)), key=lambda i: (chrf[i], i))[:n]
    return [WorstSegment(i, chrf[i], hyps[i], [ref[i] for ref in refs]) for i in order]


def _system_scores(scorers: dict, hyps: list[str], metrics: list[str]) -> tuple[dict[str, MetricScore], list[float]]:
    """A system's scores (sacrebleu's statistics, extracted once) and its per-segment chrF."""
    scores: dict[str, MetricScore] = {}
    chrf: list[float] = []
    for metric, scorer in scorers.items():
        stats = scorer._extract_corpus_statistics(hyps, None)
        if metric in metrics:
            value = scorer._aggregate_and_compute(stats)
            scores[metric] = MetricScore(float(value.score), scorer.get_signature().format(), value.name)
        if metric == "chrf":
            chrf = [float(scorer._compute_score_from_stats(s).score) for s in stats]
    return scores, chrf


def _aligned_inputs(refs: list[list[str]], systems: dict[str, list[str]], paths: dict[str, str],
                    ref_paths: list[str], align: str) -> tuple[list[list[str]], dict[str, list[str]], Optional[dict]]:
    """The references and systems as scored: aligned as documents first when ``align`` asks for it."""
    if not _check_inputs(refs, systems, paths, ref_paths, align):
        return refs, systems, None
    if len(refs) > 1:
        raise InputError("aligning documents needs a single reference", ref_paths[1] if len(ref_paths) > 1 else None)
    from mtkit.score.align import align_documents
    ref_segments, aligned, alignment = align_documents(refs[0], dict(systems))
    return [ref_segments], {name: list(lines) for name, lines in aligned.items()}, alignment


def _all_scores(refs: list[list[str]], systems: dict[str, list[str]], order: list[str], metrics: list[str],
                options: Optional[dict], jobs: int, dask: Optional[str], segment_chrf: bool
                ) -> tuple[dict, dict[str, tuple[dict[str, MetricScore], list[float]]]]:
    """The scorers used (none when the statistics were partitioned) and each system's scores and
    per-segment chrF (empty when chrF is neither asked for nor ``segment_chrf``)."""
    if jobs > 1 or dask is not None:
        from mtkit.score.stats import corpus_scores
        return {}, corpus_scores(refs, {n: systems[n] for n in order}, metrics, options, jobs=jobs, dask=dask,
                                 segment_chrf=segment_chrf)
    # the per-segment chrF and the worst segments come from chrF's statistics
    scorers = build_metrics(list(dict.fromkeys(metrics + (["chrf"] if segment_chrf else []))), options, refs)
    return scorers, {name: _system_scores(scorers, systems[name], metrics) for name in order}


def score_systems(refs: list[list[str]], systems: dict[str, list[str]], *,
                  metrics: Sequence[str] = METRICS, baseline: Optional[str] = None,
                  significance: Optional[str] = "paired-bs", paths: Optional[dict[str, str]] = None,
                  ref_paths: Optional[list[str]] = None, options: Optional[dict] = None,
                  worst: int = 0, align: str = "never", n_samples: int = 0, jobs: int = 1,
                  dask: str | None = None, segment_chrf: bool = True) -> ScoreResult:
    """Score systems (name → lines) against one or more references (each a list of lines).

    ``baseline`` (default: the first system) is compared with every other system by
    ``significance`` (``"paired-bs"``, ``"paired-ar"`` or ``None``). ``options`` are sacrebleu
    metric options by mtkit name (``tokenize``, ``lowercase``, ``chrf_word_order``…; see
    :data:`mtkit.score.metrics.OPTIONS`). ``align``: ``"never"`` (line counts must match),
    ``"auto"`` (align when they differ) or ``"always"`` (treat the inputs as whole documents).
    ``jobs`` > 1 or ``dask`` (a scheduler address, or ``local[:N]``) compute the statistics in
    partitions on local processes or a Dask cluster (:mod:`mtkit.score.stats`): same numbers.
    ``segment_chrf=False`` skips chrF when it is not among ``metrics`` and ``worst`` is 0 (each
    system's ``segment_chrf`` is then empty): BLEU or TER alone cost about half the time.
    """
    paths, ref_paths = dict(paths or {}), list(ref_paths or [])
    metrics = list(metrics)
    if align not in ALIGN_MODES:
        raise ValueError(f"align must be one of {ALIGN_MODES}")
    if significance is not None and significance not in METHODS:
        raise ValueError(f"unknown significance test {significance!r} (known: {', '.join(METHODS)})")
    systems = {name: list(lines) for name, lines in systems.items()}
    refs = [list(ref) for ref in refs]
    if baseline is not None and baseline not in systems:
        raise InputError(f"--baseline {baseline!r} is not one of the systems ({', '.join(systems)})")
    refs, systems, alignment = _aligned_inputs(refs, systems, paths, ref_paths, align)
    order = list(systems)
    if baseline is not None:
        order.remove(baseline)
        order.insert(0, baseline)

    if "ter" in metrics:
        _check_ter_lengths(refs, systems, paths, ref_paths, aligned=alignment is not None)
    scorers, per_system = _all_scores(refs, systems, order, metrics, options, jobs, dask, segment_chrf or worst > 0)
    results = [SystemScore(name, paths.get(name), *per_system[name],
                           _worst(per_system[name][1], systems[name], refs, worst) if worst > 0 else [])
               for name in order]

    result = ScoreResult(metrics=metrics, systems=results, ref_paths=ref_paths, baseline=order[0],
                         segments=len(refs[0]), alignment=alignment)
    if alignment is not None:
        result.notes.append(f"line counts differ or --align-docs was given: aligned the documents "
                            f"first and scored {alignment['segments']} aligned segments")
    for name in order:   # scored as sacrebleu scores it (0 BLEU), but worth saying
        if not any(line.strip() for line in systems[name]):
            result.notes.append(f"system output '{name}' is empty (every line is blank)")
    if significance and len(order) > 1:
        # on the driver, with the whole test set (built here when the statistics were partitioned)
        scorers = scorers or build_metrics(metrics, options, refs)
        used = {m: scorers[m] for m in metrics}
        comparisons, intervals = paired_test(significance, [(n, systems[n]) for n in order], used, n_samples)
        rank = {name: k for k, name in enumerate(order)}
        result.comparisons = sorted(comparisons, key=lambda c: (rank[c.system], metrics.index(c.metric)))
        for system in results:
            for metric, ci in intervals.get(system.name, {}).items():
                system.scores[metric].ci = ci
    return result


def _significance(asked: Optional[str], segments: int, systems: int) -> tuple[Optional[str], Optional[str]]:
    """The significance test to run (None for none) and a note when ``auto`` skipped it."""
    if asked == "auto":
        if segments > AUTO_SIGNIFICANCE_LIMIT and systems > 1:
            return None, (f"significance tests skipped for {segments} segments (memory); "
                          "pass --significance paired-bs to run them")
        return "paired-bs", None
    return (None if asked == "none" else asked), None


def score(ref_paths: str | Sequence[str] = (), sys_paths: Sequence[str] = (), *,
          column: Sequence[str] = (), ref_column: Optional[str] = None, src: Optional[str] = None,
          models: Sequence[str] = (), translate_options: Optional[dict] = None,
          significance: Optional[str] = "auto", quiet: bool = True, audit: bool = False,
          weights: Optional[dict[str, float]] = None, glossary: Optional[str] = None,
          disable: Sequence[str] = (), jobs: int = 1, analyze: bool = False, disagree: int = 5,
          comet_model: Optional[str] = None, **kw) -> ScoreResult:
    """Score system files against reference files (text files, or columns of table files): what
    ``mtkit score`` does.

    ``score("ref.ar.txt", ["sys-a.ar.txt", "sys-b.ar.txt"], metrics=("chrf",))``. Systems are the
    translations of ``src`` by each of ``models`` (``translate_options``: keywords of
    :func:`mtkit.mt.translate`), the table columns ``column`` of the reference file, then
    ``sys_paths``. ``significance="auto"`` runs ``paired-bs`` unless there are more than
    :data:`AUTO_SIGNIFICANCE_LIMIT` segments (a note says so). Other keywords are those of
    :func:`score_systems`.

    With ``audit=True`` every system is also audited against the source (``src``, or the source
    column of a table reference) and ``result.profile`` holds the error profiles (see
    :mod:`mtkit.score.profile`; ``weights`` by severity, ``glossary``, ``disable`` and ``jobs`` go
    to the audit). The references are then optional: without them only the profile is computed.

    With ``analyze=True``, ``result.analysis`` holds compare-mt's analyses (see
    :mod:`mtkit.score.buckets`), with the ``disagree`` most disagreeing segments per system.

    ``"comet"`` in ``metrics`` scores every system with the local COMET checkpoint ``comet_model``
    (see :mod:`mtkit.score.comet`; needs the source).
    """
    from mtkit.score.inputs import gather
    if isinstance(ref_paths, str):
        ref_paths = [ref_paths]
    metrics = list(kw.pop("metrics", METRICS))
    comet = "comet" in metrics
    if comet:
        metrics.remove("comet")
        if comet_model is None:
            raise InputError("--metric comet needs --comet-model DIR (a local COMET checkpoint; nothing is downloaded)")
    if not ref_paths and not (audit or comet):
        raise InputError("give a reference with --ref REF (or --audit, which needs none)")
    inputs = gather(list(ref_paths), list(sys_paths), columns=list(column or ()), ref_column=ref_column,
                    src_path=src, models=list(models), translate_options=translate_options, quiet=quiet,
                    need_src=audit or comet or (analyze and src is not None))
    if not inputs.systems:
        raise InputError("give at least one system output (SYS, --column or --model)")
    segments = len(inputs.refs[0]) if inputs.refs else len(inputs.src or [])
    significance, note = _significance(significance, segments, len(inputs.systems))
    paths = {**inputs.paths, **kw.pop("paths", {})}
    if inputs.refs and metrics:
        kw["segment_chrf"] = kw.get("segment_chrf", True) or analyze     # the analyses read it
        result = score_systems(inputs.refs, inputs.systems, paths=paths, ref_paths=inputs.ref_paths,
                               significance=significance, metrics=metrics, jobs=jobs, **kw)
    else:   # reference-free: the audit's profile only
        order = _ordered(list(inputs.systems), kw.get("baseline"))
        result = ScoreResult(metrics=[], systems=[SystemScore(n, paths.get(n), {}) for n in order],
                             baseline=order[0], segments=segments, ref_paths=inputs.ref_paths)
    if note:
        result.notes.append(note)
    if comet:
        _add_comet(result, inputs, comet_model or "", significance is not None, kw.get("n_samples", 0))
    if audit:
        from mtkit.score.profile import build
        result.profile = build(inputs.src or [], inputs.systems, baseline=result.baseline, paths=paths,
                               weights=weights, glossary=glossary, disable=disable, jobs=jobs,
                               n_samples=kw.get("n_samples", 0), significance=significance is not None)
        result.profile.src_path = inputs.src_path
    if analyze:
        if result.alignment is not None:
            result.notes.append("the analyses need line-aligned inputs; none were made for aligned documents")
        else:
            from mtkit.score.buckets import analyze as run_analyses
            result.analysis = run_analyses(inputs.src, inputs.refs[0] if inputs.refs else None, inputs.systems,
                                           result.baseline or "", result.systems, result.profile, disagree)
    return result


def _add_comet(result: ScoreResult, inputs, model_dir: str, significance: bool, n_samples: int) -> None:
    """COMET as one more metric column: its score, segment scores, and a paired bootstrap."""
    import os

    from mtkit.score import comet
    model = comet.load(model_dir)
    refs = inputs.refs[0] if inputs.refs else None
    for system in result.systems:
        hyps = inputs.systems[system.name]
        if len(hyps) != len(inputs.src or []):
            raise InputError(f"{len(hyps)} lines, but the source has {len(inputs.src or [])}",
                             system.path or system.name)
        scores = comet.score(model, inputs.src or [], hyps, refs)
        signature = f"comet|model:{os.path.basename(os.path.normpath(model_dir))}|nrefs:{1 if refs else 0}"
        system.scores["comet"] = MetricScore(scores.score, signature, "COMET")
        system.comet_segments, system.comet_spans = scores.segments, scores.error_spans
    result.metrics.append("comet")
    if significance and len(result.systems) > 1:
        base = result.systems[0]
        for system in result.systems[1:]:
            p_value, ci = comet.paired_bootstrap(base.comet_segments, system.comet_segments, n_samples or 1000)
            system.scores["comet"].ci = ci
            result.comparisons.append(Comparison(system.name, base.name, "comet",
                                                 system.scores["comet"].score - base.scores["comet"].score,
                                                 p_value, "paired-bs", ci, system.scores["comet"].signature))


def _ordered(names: list[str], baseline: Optional[str]) -> list[str]:
    """The baseline first, then the others in input order."""
    if baseline is None:
        return names
    if baseline not in names:
        raise InputError(f"--baseline {baseline!r} is not one of the systems ({', '.join(names)})")
    return [baseline] + [n for n in names if n != baseline]
