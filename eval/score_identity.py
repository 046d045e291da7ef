"""sacrebleu's own corpus BLEU and chrF of the repeated score test files (what
``eval/scale.py score`` measures) at any number of lines, without caching every line: a
segment's statistics depend on that segment alone, so the corpus statistics are each distinct
line's statistics times its repetitions; sacrebleu's ``_compute_score_from_stats`` scores them.

    python eval/score_identity.py 1000000

Prints the scores, to compare with ``python eval/scale.py score-once mtkit 1000000 bleu,chrf``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from sacrebleu.metrics import BLEU, CHRF

SCORE = Path(__file__).resolve().parent.parent / "tests" / "data" / "score"


def main() -> None:
    n = int(sys.argv[1])
    refs = (SCORE / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    hyps = (SCORE / "sys-a.ar.txt").read_text(encoding="utf-8").splitlines()
    copies, rest = divmod(n, len(refs))
    scores = {}
    for name, cls in (("bleu", BLEU), ("chrf", CHRF)):
        rows = cls(references=[refs])._extract_corpus_statistics(hyps, None)
        total = [sum(row[i] for row in rows) * copies + sum(row[i] for row in rows[:rest]) for i in range(len(rows[0]))]
        scores[name] = cls()._compute_score_from_stats(total).score
    print(json.dumps(scores))


if __name__ == "__main__":
    main()
