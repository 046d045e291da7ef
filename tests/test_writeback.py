"""-f xliff|tmx|po: the audited file given back with flags as notes on their units, the units marked
for review, and every unflagged unit byte for byte as it was."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from mtkit.io import read_pairs

DATA = Path(__file__).resolve().parent / "data" / "files"
NS12 = "{urn:oasis:names:tc:xliff:document:1.2}"
NS20 = "{urn:oasis:names:tc:xliff:document:2.0}"


def blocks(text: str, tag: str, key: str) -> dict[str, str]:
    """Each unit's exact text in the file, by its id."""
    return {m.group(1): m.group(0) for m in re.finditer(rf'<{tag}\b[^>]*\b{key}="([^"]+)".*?</{tag}>', text, re.S)}


def write_back(run_mtkit, tmp_path, name: str, fmt: str) -> tuple[str, str, Path]:
    source = tmp_path / name
    shutil.copy(DATA / name, source)
    out = tmp_path / f"out-{name}"
    result = run_mtkit("audit", "--pairs", source, "-f", fmt, "-o", out, "-q")
    assert result.returncode == 0, result.stderr
    return source.read_text(encoding="utf-8"), out.read_text(encoding="utf-8"), out


def test_xliff_12_written_back(run_mtkit, tmp_path):
    before, after, out = write_back(run_mtkit, tmp_path, "ui.en-ar.xlf", "xliff")
    root = etree.fromstring(after.encode("utf-8"))           # parses
    units = {u.get("id"): u for u in root.iter(f"{NS12}trans-unit")}
    assert list(units) == ["save", "bugs", "soldiers", "welcome", "ok", "bold"]
    flagged = {"save", "bugs", "soldiers"}
    for uid, unit in units.items():
        notes = [n.text for n in unit.findall(f"{NS12}note")]
        state = unit.find(f"{NS12}target").get("state")
        if uid in flagged:
            assert notes and all(n.startswith("mtkit [") for n in notes) and state == "needs-review-translation"
        else:
            assert not notes and state == "translated"
    assert any("critical" in n and "number.mismatch" in n and "Five" in n and "Suggestion" in n
               for n in [n.text for n in units["soldiers"].findall(f"{NS12}note")])
    old, new = blocks(before, "trans-unit", "id"), blocks(after, "trans-unit", "id")
    for uid in ("welcome", "ok", "bold"):
        assert new[uid] == old[uid]                           # byte-identical
    assert after.splitlines()[:4] == before.splitlines()[:4]  # declaration, root, <file>, <body> as they were
    # the file written back reads as the same units, same text
    assert [(s.id, s.src, s.tgt) for s in read_pairs(str(out))] == \
        [(s.id, s.src, s.tgt) for s in read_pairs(str(DATA / "ui.en-ar.xlf"))]


def test_xliff_20_written_back(run_mtkit, tmp_path):
    before, after, _out = write_back(run_mtkit, tmp_path, "ui.en-ar.xlf2", "xliff")
    root = etree.fromstring(after.encode("utf-8"))
    units = {u.get("id"): u for u in root.iter(f"{NS20}unit")}
    assert list(units) == ["save", "bugs", "soldiers", "welcome"]
    save = units["save"]
    assert save[0].tag == f"{NS20}notes"                      # <notes> comes first in a unit
    assert save.find(f"{NS20}segment").get("subState") == "mtkit:needs-review"
    assert units["welcome"].find(f"{NS20}notes") is None
    assert blocks(after, "unit", "id")["welcome"] == blocks(before, "unit", "id")["welcome"]


def test_tmx_written_back(run_mtkit, tmp_path):
    before, after, _out = write_back(run_mtkit, tmp_path, "memory.en-ar.tmx", "tmx")
    root = etree.fromstring(after.encode("utf-8"))
    tus = {tu.get("tuid"): tu for tu in root.iter("tu")}
    assert [c.tag for c in tus["tu-2"]] == ["note", "prop", "tuv", "tuv"]   # the DTD's order
    assert tus["tu-2"].find("prop").text == "needs-review"
    assert blocks(after, "tu", "tuid")["tu-3"] == blocks(before, "tu", "tuid")["tu-3"]
    assert "<!DOCTYPE tmx" in after


def test_po_written_back(run_mtkit, tmp_path):
    before, after, _out = write_back(run_mtkit, tmp_path, "app.ar.po", "po")
    old, new = before.split("\n\n"), after.split("\n\n")
    assert len(old) == len(new)
    by_msgid = {re.search(r'msgid "(.*)"', b).group(1): b for b in new}
    five = by_msgid["Five soldiers were wounded in the attack."]
    assert "# mtkit [critical] number (number.mismatch)" in five and "#, fuzzy" in five
    assert "#, fuzzy, python-format" in by_msgid["Hello {name}, you have new mail."]
    for block in old:
        if "Settings" in block or "Open %s file" in block:
            assert block in new                                # unflagged entries unchanged


def test_format_must_match_the_input(run_mtkit):
    result = run_mtkit("audit", "--pairs", DATA / "memory.en-ar.tmx", "-f", "xliff", "-q")
    assert result.returncode == 2 and "needs a XLIFF input, found TMX" in result.stderr
    docs = run_mtkit("audit", DATA / "talk.en.srt", DATA / "talk.ar.srt", "-f", "po", "-q")
    assert docs.returncode == 2 and "--pairs" in docs.stderr


@pytest.mark.parametrize("name", ["ui.en-ar.xlf", "memory.en-ar.tmx"])
def test_waived_flags_are_not_written_as_notes(run_mtkit, tmp_path, name):
    waivers = tmp_path / "waivers.jsonl"
    first = run_mtkit("audit", "--pairs", DATA / name, "--write-waivers", waivers, "-q", "-f", "json")
    assert first.returncode == 0, first.stderr
    out = tmp_path / name
    result = run_mtkit("audit", "--pairs", DATA / name, "--waivers", waivers, "-f", name.split(".")[-1].replace("xlf", "xliff"),
                       "-o", out, "-q")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().replace(b"\r\n", b"\n") == (DATA / name).read_bytes().replace(b"\r\n", b"\n")
