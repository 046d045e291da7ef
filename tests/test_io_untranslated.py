"""A CAT file's units with no translation are left out of the audit, and said: one stderr line per
file (none with --quiet) and ``skipped_untranslated`` in the JSON summary (none when all are
translated, so a fully translated file's report is as before)."""
from __future__ import annotations

import json

import pytest

FILES = {"untranslated.ar.po": 2, "untranslated.en-ar.xlf": 2, "untranslated.en-ar.tmx": 1}


@pytest.mark.parametrize("name", sorted(FILES))
def test_untranslated_units_are_counted_and_said(run_mtkit, test_data, name):
    path = test_data / "files" / name
    proc = run_mtkit("audit", "--pairs", path, "-f", "json")
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["summary"]["segments"] == 2
    assert report["summary"]["skipped_untranslated"] == FILES[name]
    said = [line for line in proc.stderr.splitlines() if "untranslated" in line]
    units = "unit" if FILES[name] == 1 else "units"
    assert said == [f"mtkit: {path}: {FILES[name]} untranslated {units} skipped (no target text to audit)"]


def test_quiet_says_nothing_but_the_report_still_counts(run_mtkit, test_data):
    proc = run_mtkit("audit", "--pairs", test_data / "files" / "untranslated.ar.po", "-f", "jsonl", "-q")
    assert "untranslated" not in proc.stderr
    closing = json.loads(proc.stdout.splitlines()[-1])
    assert closing["summary"]["skipped_untranslated"] == 2


def test_a_fully_translated_file_has_no_count_and_no_line(run_mtkit, test_data):
    proc = run_mtkit("audit", "--pairs", test_data / "files" / "app.ar.po", "-f", "json")
    assert "skipped_untranslated" not in json.loads(proc.stdout)["summary"]
    assert "untranslated" not in proc.stderr


@pytest.mark.parametrize("name", sorted(FILES))
def test_read_pairs_counts_by_file_and_the_writers_reread_without_counting(test_data, name):
    import importlib
    from collections import Counter

    from mtkit.io.formats import pairs_format
    from mtkit.io.pairs import read_pairs
    path = str(test_data / "files" / name)
    counted: Counter[str] = Counter()
    segments = read_pairs(path, untranslated=counted)
    assert not counted                       # read lazily: nothing counted before the segments are drawn
    assert len(list(segments)) == 2 and counted == Counter({path: FILES[name]})
    reader = importlib.import_module(f"mtkit.io.{pairs_format(path, None)}")
    assert [s for _unit, s in reader.units(reader.load(path), path)] == list(read_pairs(path))
