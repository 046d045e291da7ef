"""Write mtkit/data/calibration.tsv from the judged TICO-19 flags (docs/calibration.md).

    python eval/calibrate.py

Audits the TICO-19 pairs with every check (off-by-default ones too) and the table emptied, so
each flag carries its check's raw score; looks up each flag's verdict in
eval/data/tico19_judgments.jsonl (terminology.glossary's, from the run with both TICO-19 glossaries, in
eval/data/tico19_glossary_judgments.jsonl); and writes, per check and raw score, the share judged real
(real + 4 × raw) / (judged + 4): the check's own raw score counts as four judged flags, so a
few judgments move it a little and many move it all the way),
plus a ``*`` row per check over all its judged flags. A check or score with no judged flag keeps
its raw score. Only the development half of the documents is used, so the test half stays an
honest measurement of whether the confidences hold.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import tico19
from judge import load_judgments

from mtkit import api
from mtkit.checks import all_checks, calibration

TABLE = Path(__file__).resolve().parent.parent / "mtkit" / "data" / "calibration.tsv"
HEADER = """\
# Calibrated confidence per check: the share of its flags that are real errors on real translations.
# Provenance: computed by eval/calibrate.py from eval/data/tico19_judgments.jsonl (terminology.glossary:
# eval/data/tico19_glossary_judgments.jsonl, the run with both glossaries) (flags of mtkit audit
# on the development half of the TICO-19 English→Arabic pairs, CC0, judged by reading both sides),
# mtkit at {version}. Estimate: (real + 4 × raw score) / (judged + 4). Regenerate after changing a check.
# Columns: check, raw score the check gives (or * for all its flags), calibrated confidence, judged, real.
# schema: check raw confidence:float judged:int real:int
"""


PRIOR = 4      # judged flags that the check's own raw score is worth: few judgments move it little


def _raw_score(raw: str, results, check: str) -> float:
    if raw != "*":
        return float(raw)
    scores = [f.confidence for r in results for f in r.flags if f.check == check]
    return sum(scores) / len(scores)


def main() -> None:
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    dev = [s for s in segments if halves[tico19.document(s.id)] == "dev"]
    calibration._table.cache_clear()
    original = calibration._table
    calibration._table = lambda: {}          # type: ignore[assignment]   raw scores, for this run only
    try:
        results = api.audit(segments=dev, checks=sorted(all_checks())).segments
        # terminology.glossary only runs with a glossary: its flags are those of the glossary run
        glossary_results = api.audit(segments=dev, checks=["terminology.glossary"],
                                     glossary=tico19.glossary()).segments
    finally:
        calibration._table = original        # type: ignore[assignment]
    judged = load_judgments()
    judged_glossary = load_judgments(glossary=True)
    by_raw: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_check: dict[str, Counter] = defaultdict(Counter)
    for r in [*results, *glossary_results]:
        for f in r.flags:
            verdicts = judged_glossary if f.check == "terminology.glossary" else judged
            verdict = verdicts.get(tico19.fingerprint(r.segment, f), {}).get("verdict")
            if verdict is None:
                continue
            for counter in (by_raw[(f.check, f"{f.confidence:.2f}")], by_check[f.check]):
                counter["judged"] += 1
                counter["real"] += verdict == "real"
    lines = [HEADER.format(version=tico19.code_version())]
    for check in sorted(by_check):
        rows = [(raw, c) for (name, raw), c in sorted(by_raw.items()) if name == check]
        for raw, c in [("*", by_check[check])] + (rows if len(rows) > 1 else []):
            prior = _raw_score(raw, [*results, *glossary_results], check)
            confidence = (c["real"] + PRIOR * prior) / (c["judged"] + PRIOR)
            lines.append(f"{check}\t{raw}\t{confidence:.2f}\t{c['judged']}\t{c['real']}\n")
    TABLE.write_text("".join(lines), encoding="utf-8")
    print("".join(lines))


if __name__ == "__main__":
    main()
