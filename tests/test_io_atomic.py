"""mtkit.io.atomic: outputs are complete or absent, never half-written."""
from __future__ import annotations

import os
import stat

import pytest

from mtkit.errors import InputError
from mtkit.io import atomic_output


def test_writes_the_file(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_output(str(target)) as stream:
        stream.write("سطر\n")
    assert target.read_text(encoding="utf-8") == "سطر\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_exception_mid_write_leaves_target_untouched_and_no_temp_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old content\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(str(target)) as stream:
            stream.write("half of the new content")
            stream.flush()
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_exception_before_anything_creates_no_file(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(str(tmp_path / "new.txt")):
            raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        target = tmp_path / "out.txt"
        with atomic_output(str(target)) as stream:
            stream.write("x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_output(str(target)) as stream:
        stream.write("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"


def test_missing_directory_is_an_input_error_naming_the_path(tmp_path):
    target = str(tmp_path / "no" / "such" / "dir.txt")
    with pytest.raises(InputError) as info:
        with atomic_output(target) as stream:
            stream.write("x")
    assert info.value.path == target


def test_newline_and_encoding_options(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_output(str(target), newline="", encoding="utf-8-sig") as stream:
        stream.write("a\r\nب\n")
    assert target.read_bytes() == "\ufeffa\r\nب\n".encode("utf-8")


def test_dash_and_none_mean_standard_output(capsys):
    for path in (None, "-"):
        with atomic_output(path) as stream:
            stream.write("to stdout\n")
    assert capsys.readouterr().out == "to stdout\nto stdout\n"


def test_the_temporary_file_is_private_and_never_an_existing_one(tmp_path, monkeypatch):
    """Made as tempfile.mkstemp makes it (mode 0600, created exclusively): a name already taken
    (another run's temporary file) is drawn again, never opened."""
    from mtkit.io import atomic
    taken = tmp_path / f".mtkit-{bytes(6).hex()}.tmp"
    taken.write_text("another run's", encoding="utf-8")
    fresh = b"\x01" * 6
    draws = iter([bytes(6), bytes(6), fresh])
    monkeypatch.setattr(atomic.os, "urandom", lambda n: next(draws))
    fd, name = atomic._temporary(str(tmp_path))
    os.close(fd)
    assert name == str(tmp_path / f".mtkit-{fresh.hex()}.tmp")
    assert stat.S_IMODE(os.stat(name).st_mode) == 0o600
    assert taken.read_text(encoding="utf-8") == "another run's"
