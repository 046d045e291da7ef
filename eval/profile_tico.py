"""Error profiles on real text: TICO-19's professional Arabic as one system and a copy with planted
errors as another; the planted categories must rise (p < 0.05 where the planted count allows), and
the time of ``score --audit`` for 2 systems on 2,000 segments beside ``score`` without it.

    python eval/profile_tico.py [--record] [--write-test-data tests/data/score/tico]

Errors are planted by fixed rules with a fixed seed (see ``plant``), each in its own segments:
a changed number, a dropped negation, an English word left in, two words glued, a stray quote.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record  # noqa: E402

import mtkit  # noqa: E402

TMX = Path("/work/shared/real/tico19/tico19.en-ar.tmx")
PER_CATEGORY = 0.03          # share of segments planted with each kind of error
SEED = 14
ARABIC_WORD = r"[\u0621-\u064a]+"


def read_tmx(path: Path) -> list[tuple[str, str]]:
    """(English, Arabic) of each translation unit, in file order, through translate-toolkit."""
    from translate.storage.tmx import tmxfile
    with open(path, "rb") as stream:
        store = tmxfile(stream, "en", "ar")
    return [(unit.source, unit.target) for unit in store.units if unit.source and unit.target]


def _number(en: str, ar: str, rng: random.Random) -> str | None:
    found = [m for m in re.finditer(r"\d+", ar) if m.group() in en]
    if not found:
        return None
    m = rng.choice(found)
    return ar[:m.start()] + str(int(m.group()) + rng.randint(1, 9)) + ar[m.end():]


def _negation(en: str, ar: str, rng: random.Random) -> str | None:
    if not re.search(r"\b(not|no|never|n't)\b", en, re.I):
        return None
    found = list(re.finditer(r"(?:(?<=\s)|^)(لا|لم|لن|ليس|ليست)\s", ar))
    if not found:
        return None
    m = rng.choice(found)
    return ar[:m.start()] + ar[m.end():]


def _untranslated(en: str, ar: str, rng: random.Random) -> str | None:
    english = [w for w in re.findall(r"\b[a-z]{6,}\b", en)]
    arabic = list(re.finditer(ARABIC_WORD, ar))
    if not english or len(arabic) < 4:
        return None
    m = rng.choice(arabic[1:])
    return ar[:m.start()] + rng.choice(english) + ar[m.end():]


def _glued(en: str, ar: str, rng: random.Random) -> str | None:
    found = list(re.finditer(r"ة (?=[\u0621-\u064a])", ar))
    if not found:
        return None
    m = rng.choice(found)
    return ar[:m.start() + 1] + ar[m.end():]


def _quote(en: str, ar: str, rng: random.Random) -> str | None:
    if '"' in ar or "“" in ar or "”" in ar or "«" in ar:
        return None
    arabic = list(re.finditer(ARABIC_WORD, ar))
    if len(arabic) < 3:
        return None
    m = rng.choice(arabic[1:])
    return ar[:m.start()] + "“" + ar[m.start():]


PLANTS = {"number": _number, "negation": _negation, "untranslated": _untranslated, "spacing": _glued,
          "punctuation": _quote}


def plant(pairs: list[tuple[str, str]], share: float = PER_CATEGORY, seed: int = SEED
          ) -> tuple[list[str], dict[str, list[int]]]:
    """The Arabic with errors planted, and the 0-based segments planted per category."""
    rng = random.Random(seed)
    out = [ar for _en, ar in pairs]
    taken: set[int] = set()
    planted: dict[str, list[int]] = {}
    want = max(1, int(len(pairs) * share))
    for category, func in PLANTS.items():
        order = list(range(len(pairs)))
        rng.shuffle(order)
        planted[category] = []
        for index in order:
            if len(planted[category]) == want:
                break
            if index in taken:
                continue
            changed = func(*pairs[index], rng)
            if changed and changed != out[index]:
                out[index] = changed
                taken.add(index)
                planted[category].append(index)
        planted[category].sort()
    return out, planted


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line.replace("\n", " ") + "\n" for line in lines), encoding="utf-8")


def _timed(func):
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timing-segments", type=int, default=2000)
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--write-test-data", default=None, metavar="DIR",
                        help="also write the first 300 segments, planted the same way, for the tests")
    args = parser.parse_args()
    pairs = read_tmx(TMX)
    planted_ar, planted = plant(pairs)
    with tempfile.TemporaryDirectory() as tmp:
        src, pro, bad = (Path(tmp) / n for n in ("src.en.txt", "pro.ar.txt", "planted.ar.txt"))
        _write(src, [en for en, _ar in pairs])
        _write(pro, [ar for _en, ar in pairs])
        _write(bad, planted_ar)
        result, seconds_full = _timed(lambda: mtkit.score(src=str(src), sys_paths=[str(pro), str(bad)], audit=True))
        profile = result.profile
        rows = ["| category | planted | professional (per 1k words) | planted copy | difference [95% CI] | p |",
                "|---|---:|---:|---:|---|---:|"]
        for category in profile.categories() + ["error_score"]:
            comp = profile.comparison("planted", category)
            rows.append(f"| {category} | {len(planted.get(category, [])) or ''} | {comp.baseline_value:.2f} | "
                        f"{comp.value:.2f} | {comp.delta:+.2f} [{comp.ci[0]:+.2f}, {comp.ci[1]:+.2f}] | "
                        f"{comp.p_value:.4f} |")
        # timing: 2 systems on the first N segments, score with and without the profile
        n = args.timing_segments
        for path, lines in ((src, [en for en, _ar in pairs][:n]), (pro, [ar for _en, ar in pairs][:n]),
                            (bad, planted_ar[:n])):
            _write(path, lines)
        ref = Path(tmp) / "ref.ar.txt"
        _write(ref, [ar for _en, ar in pairs][:n])
        mtkit.score(str(ref), [str(pro)], significance="none")        # warm up: imports, lexicons
        mtkit.score(src=str(src), sys_paths=[str(pro)], audit=True, significance="none")
        _plain, seconds_plain = _timed(lambda: mtkit.score(str(ref), [str(pro), str(bad)]))
        _audited, seconds_audit = _timed(lambda: mtkit.score(str(ref), [str(pro), str(bad)], src=str(src), audit=True))
    body = "\n".join([
        f"TICO-19 ({len(pairs)} segments, {profile.systems[0].src_words} source words): the professional Arabic "
        f"(`professional`) against a copy with {sum(len(v) for v in planted.values())} errors planted by fixed rules "
        f"(`planted`, seed {SEED}, {PER_CATEGORY:.0%} of segments per kind). Paired bootstrap over segments, "
        "1000 resamples. First look, nothing tuned on it.", "", *rows, "",
        f"Profile of the whole set: {seconds_full:.1f} s.", "",
        f"Time for 2 systems on {n} segments (BLEU + chrF + TER with `paired-bs`, n=1000), in one run:", "",
        "| | seconds |", "|---|---:|",
        f"| `mtkit score --ref REF A B` | {seconds_plain:.1f} |",
        f"| `mtkit score --ref REF --src SRC A B --audit` (audit of both + profile bootstrap) | {seconds_audit:.1f} |",
        "", "One process (`--jobs 1`) on a shared 2-core machine; numbers vary with its load."])
    print(body)
    if args.record:
        record("Error profiles (score --audit) on TICO-19", body)
    if args.write_test_data:
        out = Path(args.write_test_data)
        out.mkdir(parents=True, exist_ok=True)
        head = pairs[:300]
        head_planted, head_where = plant(head, share=0.07)
        _write(out / "src.en.txt", [en for en, _ar in head])
        _write(out / "professional.ar.txt", [ar for _en, ar in head])
        _write(out / "planted.ar.txt", head_planted)
        _write(out / "planted.tsv", ["category\tlines"] + [f"{c}\t{','.join(str(i + 1) for i in v)}"
                                                          for c, v in head_where.items()])


if __name__ == "__main__":
    main()
