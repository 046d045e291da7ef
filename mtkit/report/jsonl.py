"""JSON Lines: one segment per line as soon as it is audited, then a last line with the summary
(and any skipped input lines). Streams: the audit of a pairs file of any size is never held in
memory when the result's segments are an iterator (``mtkit.audit(..., stream=True)``)."""
from __future__ import annotations

import json
from typing import TextIO

from mtkit.model import AuditResult, Tally
from mtkit.report import writer


@writer("jsonl", AuditResult)
def audit_jsonl(result: AuditResult, stream: TextIO, **_options) -> None:
    tally = Tally()
    for seg in result.segments:
        tally.add(seg)
        stream.write(json.dumps(seg.to_dict(), ensure_ascii=False) + "\n")
    stream.write(json.dumps(closing_record(result, tally), ensure_ascii=False) + "\n")


def closing_record(result: AuditResult, tally: Tally) -> dict:
    """The last line: the summary (and any skipped input lines), once the segments went by."""
    from mtkit.version import header
    last: dict = {**header(), "signature": result.signature, "summary": result.summary_of(tally)}
    if result.skipped:
        last["skipped"] = result.skipped    # filled while the segments were read
    return last
