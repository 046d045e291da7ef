"""CSV: one row per flag with its segment's full sentences, for spreadsheets. The CLI opens the
file as utf-8-sig (a BOM, so Excel reads Arabic) with newline="" (see ``mtkit.report.stream_options``);
here only csv.writer, every cell through ``escape.csv_row`` so no cell can run as a formula. Input
lines passed over by --skip-bad are rows whose check is ``input.skipped``."""
from __future__ import annotations

import csv
from typing import TextIO

from mtkit.model import AuditResult, Span
from mtkit.report import writer
from mtkit.report.escape import csv_row

COLUMNS = ("segment", "category", "severity", "check", "src_start", "src_end", "tgt_start", "tgt_end",
           "src_text", "tgt_text", "message", "suggestion", "confidence", "line", "src", "tgt",
           "fingerprint", "waived")

SKIPPED_CHECK = "input.skipped"


def _ends(span: Span | None) -> list:
    return [span.start, span.end] if span else ["", ""]


@writer("csv", AuditResult)
def audit_csv(result: AuditResult, stream: TextIO, **_options) -> None:
    out = csv.writer(stream)
    out.writerow(COLUMNS)
    for seg in result.segments:
        for flag in seg.flags:
            out.writerow(csv_row([seg.segment.id, flag.category, flag.severity, flag.check,
                                  *_ends(flag.src_span), *_ends(flag.tgt_span),
                                  flag.src_text, flag.tgt_text, flag.message, flag.suggestion,
                                  round(flag.confidence, 2), "" if seg.segment.line is None else seg.segment.line,
                                  seg.segment.src, seg.segment.tgt, flag.fingerprint, "yes" if flag.waived else ""]))
    for line in result.skipped:
        out.writerow(csv_row(["", "", "", SKIPPED_CHECK, "", "", "", "", "", "", line, ""] + [""] * (len(COLUMNS) - 12)))
