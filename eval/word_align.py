"""Word-alignment quality (AER) of mtkit.align.words on 50 hand-aligned TICO-19 sentence pairs.

Data: eval/data/word_alignment.tico19.jsonl, 50 pairs drawn at random (seed 13) from TICO-19's
segments of 6-11 English words (/work/shared/real/tico19, CC0), aligned by hand for this project
(see eval/data/README.md). Indices count the word tokens of ``mtkit.text.tokens.tokenize`` over the
normalized text. ``sure`` links are translations; ``possible`` links are function words and
parts of multi-word renderings. AER = 1 - (|A∩S| + |A∩P|) / (|A| + |S|) (Och & Ney 2003), with
P ⊇ S. The baseline links each English word to the Arabic word at the same relative position.

    python eval/word_align.py            # records RESULTS.md
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


from mtkit.align.words import is_content, link_words
from mtkit.text.normalize import normalize
from mtkit.text.tokens import tokenize

DATA = Path(__file__).with_name("data") / "word_alignment.tico19.jsonl"


def _links(text: str) -> set[tuple[int, int]]:
    return {tuple(map(int, x.split("-"))) for x in text.split()}  # type: ignore[misc]


def _words(text: str):
    return [t for t in tokenize(normalize(text)) if t.is_word]


def diagonal(src, tgt) -> set[tuple[int, int]]:
    m = len(tgt)
    return {(i, min(m - 1, round(i * m / max(len(src), 1)))) for i, s in enumerate(src)
            if is_content(s.norm, "en")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    totals = {"mtkit (align.words)": [0, 0, 0, 0], "diagonal baseline": [0, 0, 0, 0]}
    kinds: dict[str, list[int]] = {}
    for row in rows:
        src, tgt = _words(row["en"]), _words(row["ar"])
        sure = _links(row["sure"])
        possible = sure | _links(row["possible"])
        found = link_words(src, tgt)
        for name, links in (("mtkit (align.words)", {(x.src, x.tgt) for x in found}),
                            ("diagonal baseline", diagonal(src, tgt))):
            t = totals[name]
            t[0] += len(links & sure)
            t[1] += len(links & possible)
            t[2] += len(links)
            t[3] += len(sure)
        for x in found:
            k = kinds.setdefault(x.kind, [0, 0])
            k[0] += (x.src, x.tgt) in possible
            k[1] += 1
    lines = ["| system | AER | precision (vs possible) | recall (of sure) | links |", "|---|---|---|---|---|"]
    for name, (a_s, a_p, a, s) in totals.items():
        aer = 1 - (a_s + a_p) / (a + s)
        lines.append(f"| {name} | {aer:.3f} | {a_p / max(a, 1):.3f} | {a_s / s:.3f} | {a} |")
    lines.append("")
    lines.append("mtkit's links by evidence: " + ", ".join(
        f"{k} {v[0]}/{v[1]} correct" for k, v in sorted(kinds.items())))
    body = (f"{len(rows)} hand-aligned TICO-19 pairs ({sum(len(_links(r['sure'])) for r in rows)} sure, "
            f"{sum(len(_links(r['possible'])) for r in rows)} further possible links); FreeDict "
            f"{'installed' if __import__('mtkit.text.dictionary').text.dictionary.bilingual() else 'absent'}.\n\n"
            + "\n".join(lines))
    print(body)
    if not args.no_record:
        from results import record
        record("Word alignment (AER)", body, "python eval/word_align.py")


if __name__ == "__main__":
    main()
