"""Plain text for a person at a terminal (or a CI log): every piece of input goes through
``escape.terminal``, so it stays on its line and carries no escape sequence or workflow command."""
from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from mtkit.model import Alignment, AuditResult, SEVERITIES
from mtkit.report import writer
from mtkit.report.escape import terminal as t


def _width() -> int:
    return max(60, min(shutil.get_terminal_size((120, 24)).columns, 160))


@writer("text", Alignment)
def alignment_text(result: Alignment, stream: TextIO, **_options) -> None:
    column = (_width() - 12) // 2
    for bead in result.beads:
        left = textwrap.wrap(t(" ".join(result.src_units[i] for i in bead.src)), column) or ["—"]
        right = textwrap.wrap(t(" ".join(result.tgt_units[j] for j in bead.tgt)), column) or ["—"]
        stream.write(f"[{bead.kind} {bead.score:.2f}]\n")
        for k in range(max(len(left), len(right))):
            l_part = left[k] if k < len(left) else ""
            r_part = right[k] if k < len(right) else ""
            stream.write(f"  {t(l_part):<{column}} | {r_part}\n")
    kinds: dict[str, int] = {}
    for bead in result.beads:
        kinds[bead.kind] = kinds.get(bead.kind, 0) + 1
    stream.write(f"\n{len(result.src_units)} English and {len(result.tgt_units)} Arabic units in "
                 f"{len(result.beads)} beads: " + ", ".join(f"{k} ×{v}" for k, v in sorted(kinds.items())) + "\n")


@writer("text", AuditResult)
def audit_text(result: AuditResult, stream: TextIO, **_options) -> None:
    summary = result.summary()
    for seg in result.segments:
        if not seg.flags:
            continue
        seg_ = seg.segment
        stream.write(f"segment {t(seg_.id)}\n  EN: {t(seg_.src)}\n  AR: {t(seg_.tgt)}\n")
        for flag in seg.flags:
            waived = " (waived)" if flag.waived else ""
            stream.write(f"  - {t(flag.severity.upper()):8} {t(flag.category)}/{t(flag.check)}{waived}: {t(flag.message)}\n")
            if flag.src_text or flag.tgt_text:
                stream.write(f"      EN «{t(flag.src_text)}»  →  AR «{t(flag.tgt_text)}»\n")
            if flag.suggestion:
                stream.write(f"      suggestion: {t(flag.suggestion)}\n")
        stream.write("\n")
    sev = ", ".join(f"{summary['by_severity'][s]} {s}" for s in SEVERITIES)
    cats = ", ".join(f"{t(k)} {v}" for k, v in summary["by_category"].items()) or "none"
    waived = f" ({summary['waived']} more waived by reviewers)" if summary.get("waived") else ""
    stream.write(f"{summary['flagged_segments']} of {summary['segments']} segments flagged: {sev}{waived}\n"
                 f"by category: {cats}\n")
    for skipped in result.skipped:
        stream.write(f"skipped: {t(skipped)}\n")
