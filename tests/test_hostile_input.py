"""The thirteenth round's hostile-input probe (eval/RESULTS.md, "Hostile input, thirteenth round"),
end to end through a real ``mtkit`` process: each finding's reproduction and the rule it now keeps."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from test_reliability import PAIRS, ROOT, mtkit, one_error_line


def test_process_substitution_inputs_are_read_once_not_found_empty(tmp_path):
    """Finding the format read the pipe, and the reader then found it empty: 0 segments, exit 0."""
    shell = (f"{sys.executable} -m mtkit audit <(printf 'He paid 5 dollars.\\n') "
             f"<(printf 'دفع 7 دولارات.\\n') -q -f json; "
             f"{sys.executable} -m mtkit audit --pairs <(cat {PAIRS}) -q -f json")
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, encoding="utf-8", timeout=180,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(part) for part in proc.stdout.replace("}\n{", "}\n\x00{").split("\x00"))
    assert first["summary"]["segments"] == 1 and first["summary"]["by_category"] == {"number": 1}
    assert second["summary"]["segments"] == sum(1 for line in PAIRS.open(encoding="utf-8") if line.strip())


@pytest.mark.parametrize("command", ["audit", "align"])
def test_output_never_replaces_an_input(tmp_path, command):
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("He paid 5 dollars.\n", encoding="utf-8")
    ar.write_text("دفع 7 دولارات.\n", encoding="utf-8")
    one_error_line(mtkit(command, en, ar, "-q", "-o", ar), 2, "ar.txt: is an input of this run")
    assert ar.read_text(encoding="utf-8") == "دفع 7 دولارات.\n"
    link = tmp_path / "link.jsonl"
    link.symlink_to(PAIRS)    # the same file under another name
    before = PAIRS.read_bytes()
    one_error_line(mtkit("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", link), 2, "is an input of this run")
    assert PAIRS.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["ar.txt", "en.txt", "link.jsonl"]


def test_waivers_file_may_be_updated_in_place(tmp_path):
    waivers = tmp_path / "w.jsonl"
    waivers.write_text("", encoding="utf-8")
    proc = mtkit("audit", "--pairs", PAIRS, "-q", "--waivers", waivers, "--write-waivers", waivers)
    assert proc.returncode == 0, proc.stderr
    assert waivers.read_text(encoding="utf-8").count("\n") > 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_naming_the_output_not_a_bug():
    for args in (("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", "/dev/full"),
                 ("gate", "--pairs", PAIRS, "--max-flags", "critical=99", "--junit", "/dev/full")):
        one_error_line(mtkit(*args), 2, "/dev/full: cannot write: No space left on device")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "mtkit", "audit", "--pairs", PAIRS, "-q", "-f", "json"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=180,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)))
    one_error_line(proc, 2, "standard output: cannot write")


def test_a_segment_of_thousands_of_words_is_refused_at_once(tmp_path):
    """One unpunctuated line of 5,000 words took 35 s and 1.3 GB (10,000: over 5 GB)."""
    words = " ".join(["the", "man", "paid", "dollars"] * 1000)
    (tmp_path / "p.jsonl").write_text(json.dumps({"en": words, "ar": "دفع"}) + "\n", encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "p.jsonl", "-q"), 2, "p.jsonl:1: segment 1 has 4000 words")
    (tmp_path / "en.txt").write_text(words + "\n", encoding="utf-8")
    (tmp_path / "ar.txt").write_text("دفع الرجل\n", encoding="utf-8")
    one_error_line(mtkit("audit", tmp_path / "en.txt", tmp_path / "ar.txt", "-q", "-o", tmp_path / "out.txt"), 2,
                   "has 4000 words")
    assert not (tmp_path / "out.txt").exists()


def test_a_directory_is_not_called_a_datasets_directory(tmp_path):
    one_error_line(mtkit("audit", tmp_path, tmp_path, "-q"), 2, "is a directory, not a document")


@pytest.mark.parametrize("name,text,where", [
    ("bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\nxx --> yy\nBye.\n", "bad.srt:6: not a valid cue"),
    ("rev.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:05,000 --> 00:00:04,000\nBye.\n",
     "rev.srt:6: cue 2 ends before it starts"),
    ("rev.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n\n00:05.000 --> 00:04.000\nBye.\n",
     "rev.vtt:6: cue 2 ends before it starts"),
])
def test_subtitle_timecodes_are_never_text(tmp_path, name, text, where):
    """An invalid timecode line was folded into the cue before it: '2 xx --> yy Bye.' was audited."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    other = "1\n00:00:01,000 --> 00:00:02,000\nمرحبا.\n\n2\n00:00:03,000 --> 00:00:04,000\nوداعا.\n"
    (tmp_path / "ar.srt").write_text(other, encoding="utf-8")
    one_error_line(mtkit("audit", tmp_path / name, tmp_path / "ar.srt", "-q"), 2, where)


PO = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "لا ملفات"
msgstr[1] "ملف واحد"
msgstr[2] "ملفان"
msgstr[3] "%d ملفات"
msgstr[4] "%d ملفًا"
msgstr[5] "%d ملف"
'''


def test_po_plural_pairs_the_singular_with_its_own_form(tmp_path):
    """Arabic's msgstr[0] is the zero form: 'One file' was checked against 'no files' (negation.added)."""
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    proc = mtkit("audit", "--pairs", tmp_path / "a.po", "-q", "-f", "json")
    (seg,) = json.loads(proc.stdout)["segments"]
    assert (seg["src"], seg["tgt"], seg["flags"]) == ("One file", "ملف واحد", [])
    (tmp_path / "b.po").write_text(PO.replace("n==0 ? 0 :", "__import__('os') ? 0 :"), encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "b.po", "-q"), 2, "b.po: gettext PO: Plural-Forms")


def test_deeply_nested_json_is_bad_input_not_a_bug(tmp_path):
    (tmp_path / "deep.jsonl").write_text('{"en": ' + "[" * 100_000 + "}\n", encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "deep.jsonl", "-q"), 2, "deep.jsonl:1: not valid JSON (nested")
    (tmp_path / "deep.json").write_text("[" * 100_000, encoding="utf-8")
    one_error_line(mtkit("gate", "--audit-json", tmp_path / "deep.json", "--max-flags", "major=0"), 2,
                   "deep.json: not valid JSON (nested")


def test_a_csv_record_over_several_lines_is_numbered_by_its_first(tmp_path):
    (tmp_path / "p.csv").write_text('en,ar\n"He paid\n5 dollars.","دفع\n7 دولارات."\nHello.,مرحبا.\n',
                                    encoding="utf-8")
    segments = json.loads(mtkit("audit", "--pairs", tmp_path / "p.csv", "-q", "-f", "json").stdout)["segments"]
    assert [(s["id"], s["line"]) for s in segments] == [("2", 2), ("5", 5)]


def test_a_bidi_override_in_input_cannot_reorder_the_rest_of_a_line(tmp_path):
    (tmp_path / "p.jsonl").write_text(json.dumps({"id": "x\u202e", "en": "He paid 5 dollars.",
                                                  "ar": "دفع 7 دولارات."}) + "\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = mtkit("audit", "--pairs", tmp_path / "p.jsonl", "-q", "-f", fmt).stdout
        for line in out.splitlines():
            assert line.count("\u202e") == line.count("\u202c"), (fmt, line)
