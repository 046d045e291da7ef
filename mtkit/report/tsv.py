"""TSV: one bead a row (alignment), for spreadsheets and shell tools."""
from __future__ import annotations

import re
from typing import TextIO

from mtkit.model import Alignment
from mtkit.report import writer
from mtkit.report.escape import csv_cell


def _cell(text: str) -> str:
    """A cell stays on its row and in its column (tabs and line breaks become spaces) and is never
    a spreadsheet formula (as in CSV)."""
    return csv_cell(re.sub(r"[\t\r\n\u2028\u2029\x85]", " ", text))


@writer("tsv", Alignment)
def alignment_tsv(result: Alignment, stream: TextIO, **_options) -> None:
    stream.write("src_ids\ttgt_ids\tscore\tsrc\ttgt\n")
    for bead in result.beads:
        stream.write("\t".join([
            ",".join(map(str, bead.src)), ",".join(map(str, bead.tgt)), f"{bead.score:.4f}",
            _cell(" ".join(result.src_units[i] for i in bead.src)),
            _cell(" ".join(result.tgt_units[j] for j in bead.tgt))]) + "\n")
