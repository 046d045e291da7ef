"""Names of a list of my own planted into the development half's documents: does entity recall
hold beyond the 30 swaps and 30 deletions of the planted file (eval/plant.py)?

    python eval/plant_names.py [--verbose] [--per-kind N]

Hosts are development pairs that the planted file does not use, with a real name the Arabic
transliterates (``plant._names(strict=True)``). A swap puts in its place a surname, a place or an
organisation from the lists below (none of them in plant.SURNAMES); a deletion removes it. Each
plant is audited in its document, as ``plant.py measure`` does. Nothing is recorded: the lists are
for reading why names are missed on the development half only.
"""
from __future__ import annotations

import argparse
import json
import random

import plant
import tico19

from mtkit.text.translit import transliterates

SEED = 20261207
# Real names as Arabic news writes them, other than plant.SURNAMES: surnames, places, organisations.
OWN_NAMES = (
    "هيرنانديز", "غونزاليس", "نغوين", "باتيل", "شميت", "مولر", "دوبوا", "روسي", "كوالسكي", "أوكونور",
    "ياماموتو", "بيتروف", "سيلفا", "أوكافور", "ليندبرغ", "ماكدونالد", "فرنانديز", "كوزلوف", "هاشيموتو", "برونو",
    "مانشستر", "ليفربول", "بوسطن", "شيكاغو", "هامبورغ", "ميلانو", "أوساكا", "نيروبي", "مونتريال", "أديلايد",
    "سامسونج", "نوكيا", "سيمنز", "بلومبرغ", "رويترز", "يونيسف", "تويوتا", "نستله", "إريكسون", "فيليبس",
)


def make(per_kind: int) -> list[dict]:
    segments = tico19.load_segments()
    halves = tico19.split(segments)
    planted = {json.loads(line)["host"] for line in plant.PLANTED.read_text(encoding="utf-8").splitlines() if line.strip()}
    rng = random.Random(SEED)
    hosts = [s for s in segments if halves[tico19.document(s.id)] == "dev" and s.id not in planted]
    rng.shuffle(hosts)
    rows: list[dict] = []
    made = {"name swapped": 0, "name deleted": 0}
    for seg in hosts:
        names = plant._names(seg, strict=True)
        kind = min(made, key=lambda k: made[k])
        if not names or made[kind] >= per_kind:
            continue
        en, m = rng.choice(names)
        if kind == "name swapped":
            new = rng.choice([n for n in OWN_NAMES if not transliterates(en, n)])
            ar, span = plant._replace(seg.tgt, m.start(), m.end(), new)
            row = plant._plant(seg, "entity", kind, ar, span, f"{en}: {m.group()} → {new}")
        else:
            start, end = m.start(), m.end() + (1 if seg.tgt[m.end():m.end() + 1] == " " else 0)
            row = plant._plant(seg, "entity", kind, seg.tgt[:start] + seg.tgt[end:], None, f"{en}: {m.group()} deleted")
        made[kind] += 1
        rows.append({"id": f"{seg.id}#own_{kind.split()[1]}", "host": seg.id, "half": "dev", **row,
                     "en": seg.src, "ar_original": seg.tgt})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--per-kind", type=int, default=60)
    args = parser.parse_args()
    rows = make(args.per_kind)
    print(plant.table(rows, plant.audit_planted(rows), args.verbose))


if __name__ == "__main__":
    main()
