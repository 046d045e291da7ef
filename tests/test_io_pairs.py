"""mtkit.io.pairs: JSONL, TSV, parquet and datasets directories, read lazily."""
from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from mtkit.errors import InputError
from mtkit.io import read_pairs

DATA = Path(__file__).resolve().parent / "data" / "io"
ROWS = [("Musk met Trump.", "التقى ماسك بترامب."), ("Biden lost.", "خسر بايدن.")]


def triples(path) -> list[tuple[str, str, str]]:
    return [(s.id, s.src, s.tgt) for s in read_pairs(str(path))]


def test_jsonl_ids_default_to_one_based_line_number_and_src_tgt_keys():
    segments = list(read_pairs(str(DATA / "pairs.jsonl")))
    assert [(s.id, s.src, s.tgt, s.line) for s in segments] == [
        ("a1", "Musk met Trump.", "التقى ماسك بترامب.", 1),     # BOM on line 1 stripped
        ("2", "Biden lost.", "خسر بايدن.", 2),
        ("4", "Peltz spoke.", "تحدث بيلتز.", 4),               # line 3 is blank: skipped, still counted
        ("7", "Hughes said.", "قال هيوز.", 5),                 # a numeric id becomes a string
    ]


@pytest.mark.parametrize("name, ids", [
    ("pairs_header.tsv", ["2", "3"]),          # ids are file lines (the header is line 1); CRLF line ends
    ("pairs_noheader.tsv", ["1", "2"]),
    ("pairs_ids.tsv", ["x1", "x2"]),
    ("pairs_ids_noheader.tsv", ["x1", "2"]),   # an empty id cell falls back to the line number
])
def test_tsv_two_or_three_columns_with_optional_header(name, ids):
    assert triples(DATA / name) == [(i, en, ar) for i, (en, ar) in zip(ids, ROWS)]


@pytest.mark.parametrize("name, line, needle", [
    ("bad_json.jsonl", 3, "not valid JSON"),
    ("missing_field.jsonl", 2, "missing field 'ar'"),
    ("not_object.jsonl", 2, "JSON object"),
    ("bad_columns.tsv", 2, "expected 2 or 3 tab-separated columns, found 1"),
    ("invalid_utf8.jsonl", 4, "invalid UTF-8"),
    ("invalid_utf8.tsv", 2, "invalid UTF-8"),
    ("binary.bin", 1, "invalid UTF-8 (byte 0x89)"),   # a PNG: its first byte is not UTF-8
])
def test_errors_name_the_line(name, line, needle):
    path = str(DATA / name)
    with pytest.raises(InputError) as info:
        list(read_pairs(path))
    assert (info.value.path, info.value.line) == (path, line)
    assert needle in info.value.message
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_nul_byte_is_binary(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"en": "a", "ar": "b"}\n{"en": "a\x00", "ar": "b"}\n')
    with pytest.raises(InputError) as info:
        list(read_pairs(str(path)))
    assert info.value.line == 2 and "binary" in info.value.message


def test_non_string_field_is_an_error(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_text('{"en": ["a"], "ar": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_pairs(str(path)))
    assert info.value.line == 1 and "'en'" in info.value.message


def test_reading_is_lazy_good_lines_come_before_the_error():
    pairs = read_pairs(str(DATA / "bad_json.jsonl"))
    assert inspect.isgenerator(pairs)
    assert next(pairs).src == "Musk met Trump."
    assert next(pairs).src == "Musk met Trump."
    with pytest.raises(InputError):
        next(pairs)


def test_streaming_does_not_read_the_whole_file(tmp_path):
    """The first pair is available although a later line is unreadable."""
    path = tmp_path / "big.jsonl"
    with path.open("wb") as stream:
        stream.write('{"en": "a", "ar": "ب"}\n'.encode() * 50_000 + b"\xff\n")
    pairs = read_pairs(str(path))
    assert next(pairs).id == "1"


def test_skipped_list_collects_bad_lines_and_goes_on():
    skipped: list[str] = []
    assert [s.id for s in read_pairs(str(DATA / "missing_field.jsonl"), skipped)] == ["1"]
    assert len(skipped) == 1 and skipped[0].startswith(str(DATA / "missing_field.jsonl") + ":2: ")


def test_missing_file_names_the_path(tmp_path):
    path = str(tmp_path / "nope.jsonl")
    with pytest.raises(InputError) as info:
        read_pairs(path)
    assert info.value.path == path and "no such file" in info.value.message


@pytest.fixture(scope="module")
def datasets_module():
    return pytest.importorskip("datasets")


def test_parquet(tmp_path, datasets_module):
    path = tmp_path / "pairs.parquet"
    datasets_module.Dataset.from_dict({"en": [r[0] for r in ROWS], "ar": [r[1] for r in ROWS]}).to_parquet(str(path))
    assert triples(path) == [("1", *ROWS[0]), ("2", *ROWS[1])]


def test_parquet_with_ids_and_src_tgt_columns(tmp_path, datasets_module):
    path = tmp_path / "pairs.parquet"
    datasets_module.Dataset.from_dict({"id": ["p", "q"], "src": [r[0] for r in ROWS],
                                       "tgt": [r[1] for r in ROWS]}).to_parquet(str(path))
    assert triples(path) == [("p", *ROWS[0]), ("q", *ROWS[1])]


def test_saved_datasets_directory(tmp_path, datasets_module):
    path = tmp_path / "pairs_ds"
    datasets_module.Dataset.from_dict({"en": [r[0] for r in ROWS], "ar": [r[1] for r in ROWS]}).save_to_disk(str(path))
    pairs = read_pairs(str(path))
    assert inspect.isgenerator(pairs)
    assert [(s.id, s.src, s.tgt) for s in pairs] == [("1", *ROWS[0]), ("2", *ROWS[1])]


def test_saved_dataset_dict_uses_its_first_split(tmp_path, datasets_module):
    path = tmp_path / "pairs_dd"
    split = datasets_module.Dataset.from_dict({"en": [ROWS[0][0]], "ar": [ROWS[0][1]]})
    datasets_module.DatasetDict({"test": split}).save_to_disk(str(path))
    assert triples(path) == [("1", *ROWS[0])]


def test_dataset_without_the_columns_names_them(tmp_path, datasets_module):
    path = tmp_path / "wrong.parquet"
    datasets_module.Dataset.from_dict({"eng": ["a"], "ar": ["ب"]}).to_parquet(str(path))
    with pytest.raises(InputError) as info:
        list(read_pairs(str(path)))
    assert info.value.path == str(path) and "'en'" in info.value.message and "eng" in info.value.message


def test_not_a_parquet_file_or_dataset_directory(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet", encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_pairs(str(bad)))
    assert info.value.path == str(bad) and "\n" not in str(info.value)
    with pytest.raises(InputError) as info:
        list(read_pairs(str(tmp_path)))
    assert info.value.path == str(tmp_path) and "\n" not in str(info.value)
