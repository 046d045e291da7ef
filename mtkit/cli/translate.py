"""``mtkit translate --model M INPUT``."""
from __future__ import annotations

import click

from mtkit.cli import emit, input_file, main, model_options, output_options


@main.command()
@input_file("input_path", metavar="INPUT")
@click.option("--model", required=True,
              help="A local transformers directory, or a hub id (from the cache or the network).")
@model_options
@click.option("--no-split", is_flag=True, help="Translate each line whole (no sentence splitting).")
@output_options(("text", "json"))
def translate(input_path, model, src_lang, tgt_lang, batch_size, beams, max_length, device, no_split,
              fmt, output, quiet):
    """Translate a text file line by line with a seq2seq model (Marian, M2M100, NLLB, mBART);
    the output is line-aligned with the input."""
    from mtkit.mt import translate as run
    result = run(input_path, model, src_lang=src_lang, tgt_lang=tgt_lang, batch_size=batch_size,
                 beams=beams, max_length=max_length, device=device, split=not no_split, quiet=quiet)
    emit(result, fmt, output)
