"""mtkit/data: every file declares its columns and loads strictly; a bad row is an InputError that
names the file and the line."""
from __future__ import annotations

import pytest

from mtkit.data import data_files, read_table, table
from mtkit.errors import InputError


def test_every_data_file_loads_strictly():
    names = data_files()
    assert len(names) >= 15 and {"terms.tsv", "idioms.jsonl", "brands.txt"} <= set(names)
    for name in names:
        assert table(name), name


def test_rows_have_named_and_typed_columns():
    months = {row["month"]: row for row in table("months.tsv")}
    assert months[3]["en"][0] == "march" and isinstance(months[3]["ar"], list)
    assert {row["mark"] for row in table("abbreviations.en.txt")} == {"", "title", "numeral", "starter"}
    idiom = table("idioms.jsonl")[0]
    assert isinstance(idiom["literal_ar"][0], list) and isinstance(idiom["calque_ok"], bool)


HEADER = "# Provenance: written for a test.\n# schema: language=en|ar word count:int note?\n"


@pytest.mark.parametrize("body, line, message", [
    ("en\tnot\t1\n\nfr\tpas\t1\n", 5, "'fr' is not one of en, ar"),
    ("en\tnot\t1\tnote\textra\n", 3, "5 columns"),
    ("en\t\t1\n", 3, "column 'word' is empty"),
    ("en\tnot\n", 3, "column 'count' is empty or missing"),
    ("en\tnot\tmany\n", 3, "'many' is not a number"),
])
def test_a_bad_row_names_the_file_and_line(tmp_path, body, line, message):
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_table(path)
    assert (info.value.path, info.value.line) == (str(path), line)


def test_optional_trailing_column_may_be_missing(tmp_path):
    path = tmp_path / "ok.tsv"
    path.write_text(HEADER + "en\tnot\t1\nar\tلا\t2\tnote\n", encoding="utf-8")
    assert read_table(path) == ({"language": "en", "word": "not", "count": 1, "note": ""},
                                {"language": "ar", "word": "لا", "count": 2, "note": "note"})


@pytest.mark.parametrize("text, message", [
    ("# Provenance: x\nen\tnot\n", "schema"),
    ("# schema: word\nnot\n", "provenance"),
    ("# Provenance: x\n# schema: word? note\nnot\n", "only the last columns"),
])
def test_a_file_needs_provenance_and_one_schema_line(tmp_path, text, message):
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_table(path)


@pytest.mark.parametrize("line, message", [
    ('{"en": "x", "n": 1, "extra": 2}', "unknown key 'extra'"),
    ('{"en": "x", "n": "1"}', "'n' must be int"),
    ('{"n": 1}', "'en' is empty or missing"),
    ('["en"]', "not a JSON object"),
    ('{"en": "x",', "not JSON"),
])
def test_json_lines_rows_are_checked_too(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(f"# Provenance: x\n# schema: en n:int tags:list?\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_table(path)
    assert info.value.line == 3
