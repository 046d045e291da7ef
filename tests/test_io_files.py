"""Localization files in: XLIFF 1.2/2.0, TMX, PO, CSV pairs; SRT/VTT and DOCX documents; format
sniffing and one-line errors; the real TICO-19 TMX read whole."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mtkit import api
from mtkit.errors import InputError
from mtkit.io import read_pairs
from mtkit.io.formats import sniff
from mtkit.io.subtitles import Cue, pair_cues

DATA = Path(__file__).resolve().parent / "data" / "files"
# shared/ sits beside the repository (CI, /work/main); MTKIT_SHARED points elsewhere (a worktree)
SHARED = Path(os.environ.get("MTKIT_SHARED") or Path(__file__).resolve().parent.parent.parent / "shared")
TICO = SHARED / "real" / "tico19" / "tico19.en-ar.tmx"


def segments(name: str, **kw):
    return list(read_pairs(str(DATA / name), **kw))


def test_xliff_12_ids_text_without_tags_and_codes():
    segs = segments("ui.en-ar.xlf")
    assert [s.id for s in segs] == ["save", "bugs", "soldiers", "welcome", "ok", "bold"]
    save, bugs, bold = segs[0], segs[1], segs[5]
    assert save.src == "Click Save to keep your {0} files." and save.tgt == "انقر حفظ للاحتفاظ بملفاتك."
    assert save.src_codes == save.tgt_codes == ('<g id="1">',)
    assert bugs.src == "The update fixes three bugs." and bugs.src_codes == ('<x id="1">',) and not bugs.tgt_codes
    # native code inside <bpt>/<ept> is never text
    assert bold.src == "Read the terms first." and "<b>" not in bold.src + bold.tgt
    assert save.line == 7          # the line of the Arabic <target>


def test_xliff_20_and_tmx_and_po():
    x2 = segments("ui.en-ar.xlf2")
    assert [s.id for s in x2] == ["save", "bugs", "soldiers", "welcome"]
    assert x2[0].src_codes == ('<pc id="1">',) and x2[1].src_codes == ('<ph id="1">',)
    tmx = segments("memory.en-ar.tmx")
    assert [(s.id, s.src) for s in tmx][:2] == [("tu-1", "Press OK now."),
                                                ("tu-2", "Five soldiers were wounded in the attack.")]
    po = segments("app.ar.po")
    assert [s.id for s in po] == ["menu", "Hello {name}, you have new mail.",
                                  "Five soldiers were wounded in the attack.", "title"]
    assert po[0].src == "Open %s file" and po[0].tgt == "افتح ملف %s"


@pytest.mark.parametrize("name, fmt", [("ui.en-ar.xlf", "xliff"), ("ui.en-ar.xlf2", "xliff"),
                                       ("memory.en-ar.tmx", "tmx"), ("app.ar.po", "po"),
                                       ("talk.en.srt", "srt"), ("talk.en.vtt", "vtt"), ("report.en.docx", "docx")])
def test_format_is_found_from_the_content(tmp_path, name, fmt):
    renamed = tmp_path / "input.dat"      # no telling suffix
    renamed.write_bytes((DATA / name).read_bytes())
    assert sniff(str(renamed)) == fmt


def test_tico19_tmx_read_whole():
    if not TICO.exists():
        pytest.skip(f"{TICO} is not here")
    segs = list(read_pairs(str(TICO)))
    assert len(segs) == 3071 and len({s.id for s in segs}) == 3071
    assert segs[0].id == "CMU_1:1" and segs[0].src.startswith("about how long")
    assert all(s.src and s.tgt for s in segs)


def test_csv_with_header_and_columns_option(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text('key,English,Arabic\nk1,"Five soldiers, all wounded.","أصيب ستة جنود، كلهم."\n'
                    'k2,Hello.,مرحبا.\n', encoding="utf-8")
    segs = list(read_pairs(str(path), columns=("English", "Arabic", "key")))
    assert [(s.id, s.src) for s in segs] == [("k1", "Five soldiers, all wounded."), ("k2", "Hello.")]
    plain = tmp_path / "plain.csv"
    plain.write_text("source,target\nHi.,مرحبا.\n", encoding="utf-8")
    assert [(s.id, s.src, s.tgt) for s in read_pairs(str(plain))] == [("2", "Hi.", "مرحبا.")]
    with pytest.raises(InputError, match="--columns: no column 'nope'"):
        list(read_pairs(str(path), columns=("nope", "Arabic")))


def test_pairs_format_forces_a_reader(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text('{"en": "Hi.", "ar": "مرحبا."}\n', encoding="utf-8")
    assert [s.src for s in read_pairs(str(path), fmt="jsonl")] == ["Hi."]
    with pytest.raises(InputError, match="expected 2 or 3 tab-separated columns"):
        list(read_pairs(str(path), fmt="tsv"))


@pytest.mark.parametrize("content, suffix, needles", [
    ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>',
     ".xlf", ["XLIFF 1.2", "not well-formed XML"]),
    ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f"><unit id="1">'
     '<segment><source>a</segment></unit></file></xliff>', ".xlf", ["XLIFF 2.0", "not well-formed"]),
    ("<tmx version='1.4'><body><tu><tuv xml:lang='fr'><seg>a</seg></tuv></tu></body></tmx>", ".tmx",
     ["TMX", "no unit has both an English and an Arabic", "fr"]),
    ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", ".srt", ["SubRip", "one language", "not --pairs"]),
])
def test_bad_files_exit_2_with_one_line(tmp_path, run_mtkit, content, suffix, needles):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    result = run_mtkit("audit", "--pairs", path, "-q")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(path) in lines[0] and all(n in lines[0] for n in needles), lines[0]


def test_a_cat_file_as_two_documents_says_use_pairs(run_mtkit):
    path = DATA / "ui.en-ar.xlf"
    result = run_mtkit("audit", path, path, "-q")
    assert result.returncode == 2 and "found XLIFF 1.2" in result.stderr and "--pairs" in result.stderr


def test_subtitles_pair_by_index_a_retimed_cue_is_no_error():
    result = api.audit(str(DATA / "talk.en.srt"), str(DATA / "talk.ar.srt"))
    segs = [r.segment for r in result.segments]
    assert [s.id for s in segs] == ["1", "2", "3", "4"]
    assert [s.line for s in segs] == [3, 7, 11, 15]
    for seg in segs:   # cue numbers and timecodes are never text; <i> is a code on both sides
        assert "-->" not in seg.src + seg.tgt and "00:" not in seg.tgt and "<i>" not in seg.src
    assert segs[1].src_codes == segs[1].tgt_codes == ("<i>", "</i>")
    assert [f.check for f in result.flags] == ["number.mismatch"]      # only the real error (Five → ستة)
    vtt = api.audit(str(DATA / "talk.en.vtt"), str(DATA / "talk.ar.vtt"))
    assert [(r.segment.id, [f.check for f in r.flags]) for r in vtt.segments] == \
        [("1", []), ("2", ["number.mismatch"]), ("3", []), ("4", [])]


def test_cues_pair_by_time_when_counts_differ():
    en = [Cue(1, 0.0, 2.0, "A", (), 3), Cue(2, 2.0, 4.0, "B", (), 7), Cue(3, 4.0, 6.0, "C", (), 11)]
    ar = [Cue(1, 0.1, 1.0, "أ", (), 3), Cue(2, 1.0, 2.1, "ب", (), 7), Cue(3, 4.1, 6.1, "ج", (), 11),
          Cue(4, 6.5, 7.0, "د", (), 15)]
    pairs = pair_cues(en, ar)   # 3 English cues, 4 Arabic: by time; one overlapping nothing goes to the nearest
    assert [([c.text for c in e], [c.text for c in a]) for e, a in pairs] == \
        [(["A"], ["أ", "ب"]), (["B"], []), (["C"], ["ج", "د"])]


def test_docx_paragraph_by_paragraph():
    from mtkit.io.docx import read_paragraphs
    assert read_paragraphs(str(DATA / "report.en.docx")) == [
        "Annual report", "Five soldiers were wounded in the attack.",
        "The company hired twelve engineers this year."]
    result = api.audit(str(DATA / "report.en.docx"), str(DATA / "report.ar.docx"))
    assert [f.check for f in result.flags] == ["number.mismatch"]


def test_parallel_pairs_line_n_with_line_n(tmp_path, run_mtkit):
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("Hello. How are you?\nFive soldiers.\n", encoding="utf-8")
    ar.write_text("مرحبا.\nكيف حالك؟ خمسة جنود.\n", encoding="utf-8")
    result = run_mtkit("align", "--parallel", en, ar, "-f", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(b["src"], b["tgt"]) for b in data["beads"]] == [([0], [0]), ([1], [1])]
    audit = run_mtkit("audit", "--parallel", en, ar, "-f", "json", "-q")
    assert [s["id"] for s in json.loads(audit.stdout)["segments"]] == ["1", "2"]
    ar.write_text("مرحبا.\n", encoding="utf-8")
    for command in ("align", "audit"):
        bad = run_mtkit(command, "--parallel", en, ar)
        assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
        assert "2 lines" in bad.stderr and "1 here" in bad.stderr
