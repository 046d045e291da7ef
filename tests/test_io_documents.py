"""mtkit.io.documents: reading UTF-8 documents strictly, one paragraph (or unit) a line."""
from __future__ import annotations

from pathlib import Path

import pytest

from mtkit.errors import InputError
from mtkit.io import read_document, read_lines

DATA = Path(__file__).resolve().parent / "data" / "io"


def test_bom_stripped_crlf_handled_blank_lines_dropped():
    assert read_document(str(DATA / "bom_crlf.en.txt")) == [
        "First paragraph. It has two sentences.", "Second paragraph.", "Third one"]


def test_presegmented_keeps_blank_lines_as_units():
    assert read_document(str(DATA / "bom_crlf.en.txt"), presegmented=True) == [
        "First paragraph. It has two sentences.", "", "Second paragraph.", "   ", "Third one"]


def test_cr_only_line_ends():
    assert read_lines(str(DATA / "cr_only.en.txt")) == ["One.", "Two.", "", "Three."]
    assert read_document(str(DATA / "cr_only.en.txt")) == ["One.", "Two.", "Three."]


def test_no_final_newline_adds_no_line():
    assert read_lines(str(DATA / "no_final_newline.ar.txt")) == ["السطر الأول.", "السطر الثاني."]


def test_empty_and_blank_only_files():
    assert read_document(str(DATA / "empty.txt")) == []
    assert read_document(str(DATA / "empty.txt"), presegmented=True) == []
    assert read_document(str(DATA / "blank_lines.txt")) == []
    assert read_document(str(DATA / "blank_lines.txt"), presegmented=True) == ["", "   ", "\t", ""]


def test_lines_of_only_invisible_format_characters_are_blank():
    assert read_document(str(DATA / "format_only.ar.txt")) == ["ماسك قال."]


@pytest.mark.parametrize("name, line, needle", [
    ("invalid_utf8.en.txt", 3, "invalid UTF-8 (byte 0xff)"),
    ("invalid_utf8_cr.en.txt", 3, "invalid UTF-8 (byte 0xc3)"),   # lone CR and CRLF count as line ends
    ("binary.bin", 3, "binary"),      # PNG header: NUL after "\r\n\x1a\n"
    ("utf16.en.txt", 1, "UTF-16"),
])
def test_undecodable_files_name_the_line(name, line, needle):
    path = str(DATA / name)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.path == path
    assert info.value.line == line
    assert needle in info.value.message
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_binary_file_line_is_the_line_of_the_nul_byte(tmp_path):
    path = tmp_path / "late.bin"
    path.write_bytes(b"text\nmore text\nthen\x00binary\n")
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert info.value.line == 3


def test_missing_file_and_directory_name_the_path(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        read_document(missing)
    assert info.value.path == missing and "no such file" in str(info.value)
    with pytest.raises(InputError) as info:
        read_document(str(tmp_path))
    assert info.value.path == str(tmp_path) and "directory" in str(info.value)


def test_one_megabyte_single_line(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 200_000 + "end.\n", encoding="utf-8")
    (line,) = read_document(str(path))
    assert len(line) == 1_000_004 and line.endswith("end.")
