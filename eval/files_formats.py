"""Localization files on real data: the 3,071 TICO-19 pairs read from their TMX, and the same
pairs written as XLIFF 1.2, XLIFF 2.0, PO and JSON Lines (with translate-toolkit / json) and read
back through ``mtkit.io.read_pairs``: seconds per format side by side in one run, the same
segments from every format, and the TMX and XLIFF written back by ``-f tmx|xliff`` byte for byte
when no unit is flagged (all flags waived).

    python eval/files_formats.py            # writes its section of eval/RESULTS.md
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results import record

from mtkit.io import read_pairs

DATA = Path(os.environ.get("MTKIT_TICO19", "/work/shared/real/tico19"))
TMX = DATA / "tico19.en-ar.tmx"


def write_formats(segments, folder: Path) -> dict[str, Path]:
    from translate.storage import pypo, xliff, xliff2
    paths = {"tmx": TMX}
    x1 = xliff.xlifffile.parsestring(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
        b'version="1.2"><file original="tico19" source-language="en" target-language="ar" '
        b'datatype="plaintext"><body/></file></xliff>\n')
    x2 = xliff2.Xliff2File(sourcelanguage="en", targetlanguage="ar")
    po = pypo.pofile()
    for seg in segments:
        for store in (x1, x2):
            unit = store.UnitClass(seg.src)
            unit.setid(seg.id.replace(":", "-"))
            unit.target = seg.tgt
            store.addunit(unit)
        unit = po.addsourceunit(seg.src)
        unit.target = seg.tgt
        unit.setcontext(seg.id)
    for name, store in (("xliff12", x1), ("xliff20", x2), ("po", po)):
        paths[name] = folder / f"tico19.{name}"
        paths[name].write_bytes(bytes(store))
    paths["jsonl"] = folder / "tico19.jsonl"
    with paths["jsonl"].open("w", encoding="utf-8") as stream:
        for seg in segments:
            stream.write(json.dumps({"id": seg.id, "en": seg.src, "ar": seg.tgt}, ensure_ascii=False) + "\n")
    return paths


def timed_read(path: Path, repeats: int = 3) -> tuple[float, list]:
    best, segments = float("inf"), []
    for _ in range(repeats):
        start = time.perf_counter()
        segments = list(read_pairs(str(path)))
        best = min(best, time.perf_counter() - start)
    return best, segments


def round_trip(path: Path, fmt: str, folder: Path) -> tuple[bool, int]:
    """Audit with --write-waivers, then again with --waivers and -f FMT: every flag waived, so the
    file written back must equal the input byte for byte."""
    run = [sys.executable, "-m", "mtkit", "audit", "--pairs", str(path), "-q"]
    waivers = folder / f"{path.name}.waivers.jsonl"
    subprocess.run(run + ["--write-waivers", str(waivers), "-f", "json", "-o", os.devnull], check=True)
    out = folder / f"back.{path.name}"
    subprocess.run(run + ["--waivers", str(waivers), "-f", fmt, "-o", str(out)], check=True)
    return out.read_bytes() == path.read_bytes(), sum(1 for _ in waivers.open(encoding="utf-8"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _, segments = timed_read(TMX, 1)
        paths = write_formats(segments, folder)
        rows, reference = [], [(s.src, s.tgt) for s in segments]
        for name, path in paths.items():
            seconds, got = timed_read(path)
            same = [(s.src, s.tgt) for s in got] == reference
            rows.append(f"| {name} | {len(got):,} | {seconds:.3f} | {len(got) / seconds:,.0f} | {'yes' if same else 'NO'} |")
        identical = {}
        for fmt, name in (("tmx", "tmx"), ("xliff", "xliff12")):
            identical[name] = round_trip(paths[name], fmt, folder)
    body = ("TICO-19 (3,071 pairs) read through `read_pairs`, best of 3, one process, on the shared "
            "2-core machine (other work running).\n\n| format | pairs | seconds | pairs/s | same pairs as the TMX |\n"
            "|---|---:|---:|---:|---|\n" + "\n".join(rows) + "\n\n"
            + "\n".join(f"- `-f {n.replace('12', '')}` written back with all {k:,} flags waived: "
                        f"{'byte-identical to the input' if same else 'DIFFERS from the input'}"
                        for n, (same, k) in identical.items()) + "\n")
    record("Localization files (TICO-19)", body, "python eval/files_formats.py")
    print(body)


if __name__ == "__main__":
    main()
