"""``mtkit score --ref REF SYS...`` (and ``--src SRC --model M`` to translate first)."""
from __future__ import annotations

import click

from mtkit.cli import emit, main, model_options, output_options
from mtkit.score.metrics import METRICS, SMOOTH_METHODS, TOKENIZERS


def _metrics(text: str) -> list[str]:
    names = [m.strip().lower() for m in text.split(",") if m.strip()]
    bad = [m for m in names if m not in METRICS + ("comet",)]
    if bad or not names:
        raise click.BadParameter(f"expected a comma-separated list of {', '.join(METRICS + ('comet',))}", param_hint="--metrics")
    return list(dict.fromkeys(names))


def _sacrebleu_options(kw: dict) -> dict:
    """The sacrebleu options the user set (flags left off are not passed: sacrebleu's defaults stay)."""
    names = ("tokenize", "lowercase", "force", "smooth_method", "smooth_value", "chrf_char_order",
             "chrf_word_order", "chrf_beta", "chrf_whitespace", "ter_normalized", "ter_no_punct",
             "ter_asian_support", "ter_case_sensitive")
    return {n: kw[n] for n in names if kw.get(n) not in (None, False)}


@main.command()
@click.argument("system_paths", metavar="[SYS]...", nargs=-1, type=click.Path())
@click.option("-r", "--ref", "--pairs", "refs", multiple=True, type=click.Path(),
              help="Reference: a text file (repeat for several references), or a pairs/dataset file "
                   "(JSON Lines, TSV, parquet, datasets directory).")
@click.option("--ref-column", default=None, help="Reference column of a table --ref (default: ref/ar/tgt).")
@click.option("--column", "columns", multiple=True,
              help="A system column of the table given as --ref (repeatable; the name is the column's).")
@click.option("--src", "src_path", type=click.Path(), default=None,
              help="Source text, for --model and --audit (default: the source column of a table --ref).")
@click.option("--model", "models", multiple=True, help="Translate --src with this model first (repeatable).")
@click.option("--comet-model", default=None, type=click.Path(),
              help="A local COMET/xCOMET model directory (checkpoints/model.ckpt, hparams.yaml), for -m comet.")
@click.option("-m", "--metrics", "--metric", "metrics_text", default=",".join(METRICS), show_default=True,
              help="Metrics, comma-separated.")
@click.option("--audit", "audit", is_flag=True,
              help="Also audit every system against the source: flags per 1,000 source words by category and "
                   "severity, a weighted error score, paired bootstrap per category against the baseline. "
                   "--ref is then optional.")
@click.option("--analyze", is_flag=True,
              help="compare-mt's analyses: scores by sentence length and word frequency, n-grams one system "
                   "matches and the other not, the most disagreeing segments (on with -f html).")
@click.option("--disagree", type=click.IntRange(0), default=5, show_default=True,
              help="Most disagreeing segments shown per system, with --analyze.")
@click.option("--weights", "weights_text", default=None, metavar="SEV=W,...",
              help="Error score weights per severity (default critical=10,major=5,minor=1).")
@click.option("--glossary", default=None, type=click.Path(), help="Glossary for the audit's terminology check.")
@click.option("--disable", multiple=True, metavar="CHECK", help="Audit check to turn off (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes: the audit, and the score statistics in partitions (same scores).")
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
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Compute the statistics on a Dask cluster: tcp://host:8786, or local[:N].")
@model_options
@output_options(("text", "json", "md", "csv", "html"))
def score(system_paths, refs, ref_column, columns, src_path, models, comet_model, metrics_text, audit, analyze, disagree,
          weights_text, glossary,
          disable, jobs, dask_address, baseline, significance,
          paired_n, worst, align_auto, align_docs, src_lang, tgt_lang, batch_size, beams, max_length,
          device, fmt, output, quiet, **sacrebleu_kw):
    """Score system outputs against references with sacrebleu (BLEU, chrF, TER), with paired
    significance tests against the baseline."""
    from mtkit import api
    from mtkit.score.profile import parse_weights
    if dask_address is not None:
        from mtkit.dask.cluster import require
        require()
    translate_options = dict(src_lang=src_lang, tgt_lang=tgt_lang, batch_size=batch_size, beams=beams,
                             max_length=max_length, device=device)
    result = api.score(list(refs), list(system_paths), column=list(columns), ref_column=ref_column,
                       src=src_path, models=list(models), translate_options=translate_options,
                       metrics=_metrics(metrics_text), baseline=baseline, significance=significance or "auto",
                       n_samples=paired_n, worst=worst, options=_sacrebleu_options(sacrebleu_kw),
                       align="always" if align_docs else "auto" if align_auto else "never", quiet=quiet,
                       audit=audit, weights=parse_weights(weights_text), glossary=glossary, disable=disable,
                       jobs=jobs, comet_model=comet_model, analyze=analyze or fmt == "html", disagree=disagree,
                       dask=dask_address, segment_chrf=fmt == "json")   # only JSON prints every segment's chrF
    emit(result, fmt, output)
