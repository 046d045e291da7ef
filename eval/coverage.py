"""Word-link coverage on the TICO-19 pairs: how many content words the dictionaries explain.

    python eval/coverage.py [--half dev|test|all] [--top N] [--section NAME]

The clause checks (mtkit/checks/clauses/) can tell an added or a dropped clause from an unlinked
paraphrase only where the rest of the pair is explained: this measures, over the clean professional
pairs audited in their documents, the share of content words on each side that something on the
other side renders (``seen``: any evidence, clauses.evidence.seen_en/seen_ar) and that a link reaches
(``linked``: clauses.evidence.evidence, one partner per word, strongest first). ``--top`` lists the most
frequent content words left unexplained (what a coverage change would have to reach).
"""
from __future__ import annotations

import argparse
from collections import Counter

import tico19
from results import record

from mtkit.checks.clauses import evidence as clause_evidence
from mtkit.checks.clauses.words import ar_content, en_content
from mtkit.checks.document import analyze
from mtkit.text.dictionary import bilingual


def measure(half: str, top: int) -> tuple[str, list[str]]:
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    chosen = [s for s in segments if half == "all" or halves[tico19.document(s.id)] == half]
    lex = bilingual()
    if lex is None:
        raise SystemExit("coverage.py: the FreeDict dictionaries are not installed")
    counts: Counter = Counter()
    missing: dict[str, Counter] = {"en": Counter(), "ar": Counter()}
    for seg in analyze(chosen):
        ev = clause_evidence.evidence(seg, lex)
        sides = (("en", seg.src_words, en_content, clause_evidence.seen_en(seg, lex), ev.found_en),
                 ("ar", seg.tgt_words, ar_content, clause_evidence.seen_ar(seg, lex), ev.found_ar))
        for side, words, content, seen, found in sides:
            for k, tok in enumerate(words):
                if not content(tok.norm) or not tok.norm.isalpha():
                    continue
                counts[side, "all"] += 1
                counts[side, "seen"] += seen[k]
                counts[side, "linked"] += found[k]
                if not seen[k]:
                    missing[side][tok.norm] += 1
    lines = ["| side | content words | seen (any evidence) | linked |", "|---|---:|---:|---:|"]
    for side, name in (("en", "English"), ("ar", "Arabic")):
        n = counts[side, "all"]
        lines.append(f"| {name} | {n} | {counts[side, 'seen'] / n:.3f} | {counts[side, 'linked'] / n:.3f} |")
    gaps = [f"{side}: " + ", ".join(f"{w} {c}" for w, c in missing[side].most_common(top)) for side in ("en", "ar")]
    return "\n".join(lines), gaps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", default="all", choices=("dev", "test", "all"))
    parser.add_argument("--top", type=int, default=0, help="list the N most frequent unexplained words per side")
    parser.add_argument("--section", help="RESULTS.md section to write")
    args = parser.parse_args()
    body, gaps = measure(args.half, args.top)
    print(body)
    if args.top:
        print("\n".join(gaps))
    if args.section:
        record(args.section, body)


if __name__ == "__main__":
    main()
