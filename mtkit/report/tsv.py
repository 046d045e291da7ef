"""TSV: one bead a row (alignment), for spreadsheets and shell tools."""
from __future__ import annotations

from functools import singledispatch
from typing import TextIO

from mtkit.model import Alignment
from mtkit.report import writer


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


@singledispatch
def _tsv(result, stream: TextIO) -> None:
    raise TypeError(f"no TSV output for {type(result).__name__}")


@_tsv.register
def _(result: Alignment, stream: TextIO) -> None:
    stream.write("src_ids\ttgt_ids\tscore\tsrc\ttgt\n")
    for bead in result.beads:
        stream.write("\t".join([
            ",".join(map(str, bead.src)), ",".join(map(str, bead.tgt)), f"{bead.score:.4f}",
            _cell(" ".join(result.src_units[i] for i in bead.src)),
            _cell(" ".join(result.tgt_units[j] for j in bead.tgt))]) + "\n")


@writer("tsv")
def write_tsv(result, stream: TextIO, **_options) -> None:
    _tsv(result, stream)
