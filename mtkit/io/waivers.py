"""The waivers file: reviewers' decisions on flags, kept in git beside the translation.

JSON Lines, one decision per line, keys sorted, lines sorted by fingerprint, so that a change
of decision is a one-line diff. ``accept`` waives a flag (it stays in the report, marked
``"waived": true``, and counts for no ``--fail-on`` and no gate rule); ``reject`` confirms it."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime, timezone
from typing import Iterable, Iterator, Optional

from mtkit.errors import InputError
from mtkit.io.atomic import atomic_output
from mtkit.io.documents import read_lines
from mtkit.io.jsontext import json_of
from mtkit.model import Decision, Flag, SegmentResult

DECISIONS = ("accept", "reject")


def _decision(data, path: str, line: int) -> Decision:
    if not isinstance(data, dict):
        raise InputError("expected a JSON object per line", path, line)
    for key in ("fingerprint", "check", "decision"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise InputError(f"missing or bad field '{key}'", path, line)
    if data["decision"] not in DECISIONS:
        raise InputError(f"decision must be accept or reject, not '{data['decision']}'", path, line)
    spans = data.get("spans") or {}
    if not isinstance(spans, dict):
        raise InputError("field 'spans' must be an object with 'en' and 'ar'", path, line)
    return Decision(fingerprint=data["fingerprint"], check=data["check"], decision=data["decision"],
                    src_text=str(spans.get("en") or ""), tgt_text=str(spans.get("ar") or ""),
                    note=str(data.get("note") or ""), who=str(data.get("who") or ""),
                    when=str(data.get("when") or ""))


def read_waivers(path: str) -> list[Decision]:
    """The decisions of a waivers file; a malformed line is bad input naming file and line."""
    decisions = []
    for number, text in enumerate(read_lines(path), start=1):
        if not text.strip():
            continue
        decisions.append(_decision(json_of(text, path, number, "waivers file: "), path, number))
    return decisions


def dumps(decision: Decision) -> str:
    """One line of the file; the report's "export decisions" writes the same bytes."""
    return json.dumps(decision.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_waivers(path: str, decisions: Iterable[Decision]) -> None:
    by_print = {d.fingerprint: d for d in decisions}
    with atomic_output(path, may_replace_input=True) as stream:   # --waivers F --write-waivers F
        for key in sorted(by_print):
            stream.write(dumps(by_print[key]) + "\n")


def reviewer() -> str:
    """Who a decision is recorded for: $MTKIT_REVIEWER, else the login name."""
    name = os.environ.get("MTKIT_REVIEWER")
    if name:
        return name
    import getpass      # here: only recording a decision needs it, not every audit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def today() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")


def accepted(flags: Iterable[Flag], known: Iterable[Decision], who: Optional[str] = None,
             when: Optional[str] = None) -> list[Decision]:
    """Decisions made so far, plus every other flag accepted (``--write-waivers``): a decision
    already taken is never overwritten."""
    out = {d.fingerprint: d for d in known}
    who = reviewer() if who is None else who
    when = today() if when is None else when
    for flag in flags:
        if flag.fingerprint not in out:
            out[flag.fingerprint] = Decision(flag.fingerprint, flag.check, "accept", flag.src_text,
                                             flag.tgt_text, note="", who=who, when=when)
    return list(out.values())


def apply(results: Iterable[SegmentResult], decisions: Iterable[Decision]) -> Iterator[SegmentResult]:
    """Mark accepted flags as waived, streaming."""
    waived = {d.fingerprint for d in decisions if d.decision == "accept"}
    for result in results:
        if waived and any(f.fingerprint in waived for f in result.flags):
            result.flags = [replace(f, waived=True) if f.fingerprint in waived else f for f in result.flags]
        yield result
