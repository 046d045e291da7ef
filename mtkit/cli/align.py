"""``mtkit align EN AR``."""
from __future__ import annotations

import click

from mtkit import api
from mtkit.cli import emit, input_file, main, output_options


@main.command()
@input_file("en")
@input_file("ar")
@click.option("--presegmented", is_flag=True, help="One unit per line; no sentence splitting.")
@click.option("--parallel", is_flag=True, help="Line N of EN goes with line N of AR; nothing is re-aligned.")
@click.option("--level", type=click.Choice(["sentence", "paragraph"]), default="sentence", show_default=True,
              help="Units of the output: sentences inside aligned paragraphs, or paragraphs.")
@click.option("--max-bead", type=click.IntRange(2, 6), default=2, show_default=True,
              help="Largest number of units on one side of a bead.")
@click.option("--model", "model_dir", type=click.Path(exists=False), default=None,
              help="A local sentence-embedding model directory (sentence-transformers or transformers).")
@output_options(("text", "json", "tsv"))
def align(en, ar, presegmented, parallel, level, max_bead, model_dir, fmt, output, quiet):
    """Align an English original with its Arabic translation (paragraphs, then sentences)."""
    result = api.align(en, ar, presegmented=presegmented, parallel=parallel, level=level, max_bead=max_bead,
                       model=model_dir, quiet=quiet)
    emit(result, fmt, output)
