"""``mtkit score --ref REF SYS...`` (and ``--src SRC --model M`` to translate first)."""
from __future__ import annotations

import click

from mtkit.cli import emit, main, output_options
from mtkit.errors import InputError
from mtkit.mt.languages import LANGUAGES
from mtkit.score.metrics import METRICS, SMOOTH_METHODS, TOKENIZERS

from mtkit.score.inputs import HYP_COLUMNS, REF_COLUMNS, SRC_COLUMNS


def _metrics(text: str) -> list[str]:
    names = [m.strip().lower() for m in text.split(",") if m.strip()]
    bad = [m for m in names if m not in METRICS]
    if bad or not names:
        raise click.BadParameter(f"expected a comma-separated list of {', '.join(METRICS)}", param_hint="--metrics")
    return list(dict.fromkeys(names))


def _sacrebleu_options(kw: dict) -> dict:
    """The sacrebleu options the user set (flags left off are not passed: sacrebleu's defaults stay)."""
    names = ("tokenize", "lowercase", "force", "smooth_method", "smooth_value", "chrf_char_order",
             "chrf_word_order", "chrf_beta", "chrf_whitespace", "ter_normalized", "ter_no_punct",
             "ter_asian_support", "ter_case_sensitive")
    return {n: kw[n] for n in names if kw.get(n) not in (None, False)}


def _translate_models(models, src_path, refs_table, translate_kw, quiet) -> tuple[dict, dict]:
    from mtkit.mt import translate
    from mtkit.score.inputs import read_column, system_name
    if src_path is None and refs_table is None:
        raise InputError("--model needs the source text: pass --src SRC (or a pairs file with an 'en' column as --ref)")
    src = read_column(src_path, None, SRC_COLUMNS) if src_path else read_column(refs_table, None, SRC_COLUMNS)
    systems, paths = {}, {}
    for model in models:
        name = system_name(model.rstrip("/\\"))
        systems[name] = translate(src, model, quiet=quiet, **translate_kw).lines
        paths[name] = model
    return systems, paths


@main.command()
@click.argument("system_paths", metavar="[SYS]...", nargs=-1, type=click.Path())
@click.option("-r", "--ref", "--pairs", "refs", multiple=True, type=click.Path(),
              help="Reference: a text file (repeat for several references), or a pairs/dataset file "
                   "(JSON Lines, TSV, parquet, datasets directory).")
@click.option("--ref-column", default=None, help="Reference column of a table --ref (default: ref/ar/tgt).")
@click.option("--column", "columns", multiple=True,
              help="A system column of the table given as --ref (repeatable; the name is the column's).")
@click.option("--src", "src_path", type=click.Path(), default=None, help="Source text, for --model.")
@click.option("--model", "models", multiple=True, help="Translate --src with this model first (repeatable).")
@click.option("-m", "--metrics", "metrics_text", default=",".join(METRICS), show_default=True,
              help="Metrics, comma-separated.")
@click.option("--baseline", default=None, help="System compared with the others (default: the first).")
@click.option("--significance", type=click.Choice(["paired-bs", "paired-ar", "none"]), default=None,
              help="Paired test against the baseline (default: paired-bs when there are 2+ systems "
                   "and at most 20,000 segments).")
@click.option("--paired-n", type=click.IntRange(0), default=0,
              help="Bootstrap resamples / randomization trials (0: sacrebleu's 1000 / 10000).")
@click.option("--worst", type=click.IntRange(0), default=0, help="Show the N worst segments (chrF) per system.")
@click.option("--align", "align_auto", is_flag=True, help="Align the documents when line counts differ.")
@click.option("--align-docs", is_flag=True, help="Always treat the inputs as documents and align them first.")
@click.option("-tok", "--tokenize", type=click.Choice(TOKENIZERS), default=None, help="BLEU tokenizer (default 13a).")
@click.option("-lc", "--lowercase", is_flag=True, help="Case-insensitive BLEU and chrF.")
@click.option("--force", is_flag=True, help="BLEU: accept tokenized input without warning.")
@click.option("--smooth-method", type=click.Choice(SMOOTH_METHODS), default=None)
@click.option("--smooth-value", type=float, default=None)
@click.option("--chrf-char-order", type=click.IntRange(1), default=None)
@click.option("--chrf-word-order", type=click.IntRange(0), default=None, help="2 for chrF++.")
@click.option("--chrf-beta", type=click.IntRange(1), default=None)
@click.option("--chrf-whitespace", is_flag=True)
@click.option("--ter-normalized", is_flag=True)
@click.option("--ter-no-punct", is_flag=True)
@click.option("--ter-asian-support", is_flag=True)
@click.option("--ter-case-sensitive", is_flag=True)
@click.option("--src-lang", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--tgt-lang", type=click.Choice(LANGUAGES), default="ar", show_default=True)
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True)
@click.option("--beams", type=click.IntRange(1), default=4, show_default=True)
@click.option("--max-length", type=click.IntRange(1), default=256, show_default=True)
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)
@output_options(("text", "json", "md", "csv"))
def score(system_paths, refs, ref_column, columns, src_path, models, metrics_text, baseline, significance,
          paired_n, worst, align_auto, align_docs, src_lang, tgt_lang, batch_size, beams, max_length,
          device, fmt, output, quiet, **sacrebleu_kw):
    """Score system outputs against references with sacrebleu (BLEU, chrF, TER), with paired
    significance tests against the baseline."""
    from mtkit.score import AUTO_SIGNIFICANCE_LIMIT, score_systems
    from mtkit.score.inputs import is_table, read_column, read_table, column, system_name, unique_names
    if not refs:
        raise click.UsageError("give a reference with --ref REF")
    metrics = _metrics(metrics_text)
    ref_lines = [read_column(path, ref_column, REF_COLUMNS) for path in refs]
    table = refs[0] if is_table(refs[0]) else None

    systems, paths = {}, {}
    if models:
        kw = dict(src_lang=src_lang, tgt_lang=tgt_lang, batch_size=batch_size, beams=beams,
                  max_length=max_length, device=device)
        systems, paths = _translate_models(models, src_path, table, kw, quiet)
    if columns:
        if table is None:
            raise InputError("--column needs a pairs/dataset file as --ref", refs[0])
        rows = read_table(table)
        for name in columns:
            systems[name], paths[name] = column(rows, name, table), table
    names = unique_names(list(systems) + [system_name(p) for p in system_paths])[len(systems):]
    for name, path in zip(names, system_paths):
        systems[name], paths[name] = read_column(path, None, HYP_COLUMNS), path
    if not systems:
        raise click.UsageError("give at least one system output (SYS, --column or --model)")

    note = None
    if significance is None:
        significance = "paired-bs"
        if len(ref_lines[0]) > AUTO_SIGNIFICANCE_LIMIT and len(systems) > 1:
            significance = None
            note = (f"significance tests skipped for {len(ref_lines[0])} segments (memory); "
                    "pass --significance paired-bs to run them")
    align = "always" if align_docs else "auto" if align_auto else "never"
    result = score_systems(ref_lines, systems, metrics=metrics, baseline=baseline,
                           significance=None if significance == "none" else significance,
                           paths=paths, ref_paths=list(refs), options=_sacrebleu_options(sacrebleu_kw),
                           worst=worst, align=align, n_samples=paired_n)
    if note:
        result.notes.append(note)
    emit(result, fmt, output)
