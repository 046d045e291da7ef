"""``mtkit align EN AR`` and ``mtkit align --manifest FILE``."""
from __future__ import annotations

import click

from mtkit import api
from mtkit.cli import emit, input_file, main, output_options


@main.command()
@input_file("en", required=False)
@input_file("ar", required=False)
@click.option("--presegmented", is_flag=True, help="One unit per line; no sentence splitting.")
@click.option("--parallel", is_flag=True, help="Line N of EN goes with line N of AR; nothing is re-aligned.")
@click.option("--level", type=click.Choice(["sentence", "paragraph"]), default="sentence", show_default=True,
              help="Units of the output: sentences inside aligned paragraphs, or paragraphs.")
@click.option("--max-bead", type=click.IntRange(2, 6), default=2, show_default=True,
              help="Largest number of units on one side of a bead.")
@click.option("--model", "model_dir", type=click.Path(exists=False), default=None,
              help="A local sentence-embedding model directory (sentence-transformers or transformers).")
@click.option("--manifest", type=click.Path(), default=None,
              help="Align many document pairs: a TSV/JSONL of en path, ar path, id. Output: JSON Lines.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="With --manifest: worker processes [default: all cores].")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="With --manifest: align on a Dask cluster (tcp://host:8786, or local[:N]).")
@click.option("--skip-bad", is_flag=True, help="With --manifest: skip bad documents (listed at the end).")
@output_options(("text", "json", "tsv", "jsonl"))
def align(en, ar, presegmented, parallel, level, max_bead, model_dir, manifest, jobs, dask_address, skip_bad,
          fmt, output, quiet):
    """Align an English original with its Arabic translation (paragraphs, then sentences)."""
    if manifest is not None:
        if en or ar or model_dir:
            raise click.UsageError("give either EN AR or --manifest, not both (and no --model with --manifest)")
        if fmt not in ("text", "jsonl"):
            raise click.UsageError("--manifest writes JSON Lines (-f jsonl)")
        _align_manifest(manifest, presegmented, level, max_bead, jobs, dask_address, skip_bad, output)
        return
    if en is None or ar is None:
        raise click.UsageError("give EN and AR documents, or --manifest FILE")
    if fmt == "jsonl" or jobs or dask_address or skip_bad:
        raise click.UsageError("-f jsonl, --jobs, --dask and --skip-bad go with --manifest")
    result = api.align(en, ar, presegmented=presegmented, parallel=parallel, level=level, max_bead=max_bead,
                       model=model_dir, quiet=quiet)
    emit(result, fmt, output)


def _align_manifest(manifest, presegmented, level, max_bead, jobs, dask_address, skip_bad, output) -> None:
    from mtkit.align.manifest import (
        AlignSettings,
        align_manifest,
        read_manifest,
        write_jsonl,
    )
    from mtkit.audit import default_jobs
    from mtkit.io import atomic_output
    if dask_address is not None:
        from mtkit.dask.cluster import require
        require()
    documents = read_manifest(manifest)
    skipped: list[str] = []
    aligned = align_manifest(documents, AlignSettings(presegmented, level, max_bead), jobs=jobs or default_jobs(),
                             dask=dask_address, skipped=skipped if skip_bad else None)
    with atomic_output(output) as stream:
        write_jsonl(aligned, stream, len(documents), skipped)
