"""Decisions remembered: flag fingerprints, the waivers file, waived flags in audit and gate, and
the CI loop (audit → write waivers → gate passes → one new error → gate fails naming only it)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtkit import api
from mtkit.errors import InputError
from mtkit.io.waivers import read_waivers
from mtkit.model import Flag, Segment, Span, fingerprint

DATA = Path(__file__).resolve().parent / "data" / "files"


def flag_on(src: str, tgt: str, en: str, ar: str) -> str:
    s, t = src.index(en), tgt.index(ar)
    flag = Flag("number", "critical", "number.mismatch", "m", Span(s, s + len(en)), Span(t, t + len(ar)), en, ar)
    return fingerprint(flag, Segment("1", src, tgt))


def test_fingerprint_survives_edits_elsewhere_and_changes_with_the_flag():
    base = flag_on("Yesterday five soldiers were wounded in the attack on the base.",
                   "أصيب ستة جنود أمس في الهجوم على القاعدة.", "five", "ستة")
    # far words, case, spacing, diacritics and the segment's id/position do not matter
    assert base == flag_on("Yesterday five soldiers were wounded in the attack on the camp.",
                           "أصيب ستة جنود أمس في الهجوم على المعسكر.", "five", "ستة")
    assert base == flag_on("Yesterday  FIVE soldiers were wounded in the attack on the base.",
                           "أصيبَ ستّة جنود أمس في الهجوم على القاعدة.", "FIVE", "ستّة")
    # another span, or other words right beside it, is another flag
    assert base != flag_on("Yesterday five soldiers were wounded in the attack on the base.",
                           "أصيب سبعة جنود أمس في الهجوم على القاعدة.", "five", "سبعة")
    assert base != flag_on("Yesterday five policemen were hurt in the attack on the base.",
                           "أصيب ستة شرطيين أمس في الهجوم على القاعدة.", "five", "ستة")


def test_every_flag_in_json_has_a_fingerprint_stable_across_runs(run_mtkit):
    outs = [run_mtkit("audit", "--pairs", DATA / "ui.en-ar.xlf", "-f", "json", "-q", "-j", str(j)) for j in (1, 2)]
    assert outs[0].stdout == outs[1].stdout
    flags = [f for s in json.loads(outs[0].stdout)["segments"] for f in s["flags"]]
    assert flags and all(len(f["fingerprint"]) == 16 for f in flags)
    assert len({f["fingerprint"] for f in flags}) == len(flags)


def test_write_waivers_sorted_diff_friendly_and_waived_flags_count_for_nothing(run_mtkit, tmp_path):
    waivers = tmp_path / "waivers.jsonl"
    first = run_mtkit("audit", "--pairs", DATA / "ui.en-ar.xlf", "--write-waivers", waivers, "-q",
                      "--fail-on", "minor")
    assert first.returncode == 1                     # three flags, none waived yet
    lines = waivers.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    assert [r["fingerprint"] for r in records] == sorted(r["fingerprint"] for r in records)
    for line, record in zip(lines, records):
        assert list(record) == sorted(record)            # keys sorted, one decision per line
        assert set(record) == {"fingerprint", "check", "spans", "decision", "note", "who", "when"}
        assert record["decision"] == "accept" and set(record["spans"]) == {"en", "ar"}
        assert line == json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    again = run_mtkit("audit", "--pairs", DATA / "ui.en-ar.xlf", "--waivers", waivers, "-q", "--fail-on", "minor",
                      "-f", "json")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert data["summary"]["by_severity"] == {"critical": 0, "major": 0, "minor": 0}
    assert data["summary"]["waived"] == 3 and data["summary"]["flagged_segments"] == 0
    assert all(f["waived"] is True for s in data["segments"] for f in s["flags"])


def test_a_rejected_flag_is_not_waived_and_decisions_are_kept(tmp_path):
    result = api.audit(pairs=str(DATA / "ui.en-ar.xlf"))
    target = next(f for f in result.flags if f.check == "number.mismatch")
    waivers = tmp_path / "w.jsonl"
    waivers.write_text(json.dumps({"fingerprint": target.fingerprint, "check": target.check,
                                   "spans": {"en": "Five", "ar": "ستة"}, "decision": "reject",
                                   "note": "a real error", "who": "rana", "when": "2026-01-02"},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    again = api.audit(pairs=str(DATA / "ui.en-ar.xlf"), waivers=str(waivers))
    assert not any(f.waived for f in again.flags)
    from mtkit.io.waivers import accepted
    kept = {d.fingerprint: d for d in accepted(again.flags, again.decisions, who="ci", when="2026-02-02")}
    assert kept[target.fingerprint].decision == "reject" and kept[target.fingerprint].who == "rana"
    assert len(kept) == 3


@pytest.mark.parametrize("line, needle", [
    ("not json", "not valid JSON"),
    ('{"fingerprint": "x", "check": "a.b", "decision": "maybe"}', "accept or reject"),
    ('{"check": "a.b", "decision": "accept"}', "'fingerprint'"),
])
def test_bad_waivers_file_is_bad_input_with_its_line(tmp_path, line, needle):
    path = tmp_path / "w.jsonl"
    path.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_waivers(str(path))
    assert info.value.line == 2 and needle in info.value.message


def test_ci_scenario_audit_waive_gate_new_error_fails_naming_only_it(run_mtkit, tmp_path):
    en, ar = tmp_path / "doc.en.txt", tmp_path / "doc.ar.txt"
    en.write_text("Five soldiers were wounded in the attack.\nThe minister will speak tomorrow.\n"
                  "Prices rose by 3 percent in May.\n", encoding="utf-8")
    ar.write_text("أصيب ستة جنود في الهجوم.\nسيتحدث الوزير غدًا.\nارتفعت الأسعار بنسبة 3 بالمئة في مايو.\n",
                  encoding="utf-8")
    waivers = tmp_path / "mtkit-waivers.jsonl"
    rules = ["--max-flags", "critical=0", "--max-flags", "major=0"]
    audit = run_mtkit("audit", "--parallel", en, ar, "--write-waivers", waivers, "-q")
    assert audit.returncode == 0 and waivers.read_text(encoding="utf-8").count("\n") == 1
    # the reviewed state passes the gate
    gate = run_mtkit("gate", en, ar, "--presegmented", "--waivers", waivers, *rules)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    assert "flags that failed it" not in gate.stdout
    # a new error elsewhere in the file (an edit far from the waived flag)
    ar.write_text("أصيب ستة جنود في الهجوم.\nسيتحدث الوزير غدًا.\nارتفعت الأسعار بنسبة 5 بالمئة في مايو.\n",
                  encoding="utf-8")
    md, junit = tmp_path / "gate.md", tmp_path / "gate.xml"
    gate = run_mtkit("gate", en, ar, "--presegmented", "--waivers", waivers, *rules,
                     "--markdown", md, "--junit", junit)
    assert gate.returncode == 1, gate.stdout + gate.stderr
    listed = gate.stdout.split("flags that failed it (1):\n", 1)[1].strip().splitlines()
    assert len(listed) == 1
    assert f"{ar}:3" in listed[0] and "number.mismatch" in listed[0] and "«3»" in listed[0] and "«5»" in listed[0]
    assert "ستة" not in gate.stdout                      # the waived flag is not named
    markdown = md.read_text(encoding="utf-8")
    assert "Flags that failed it (1)" in markdown and "| 3 | `number.mismatch` |" in markdown
    assert "ستة" not in markdown
    xml = junit.read_text(encoding="utf-8")
    assert f"{ar}:3 (segment 3): number.mismatch [critical]" in xml and "ستة" not in xml
    data = json.loads(run_mtkit("gate", en, ar, "--presegmented", "--waivers", waivers, *rules, "-f", "json").stdout)
    assert [(f["line"], f["check"], f["src_text"]) for f in data["failing_flags"]] == [(3, "number.mismatch", "3")]
