"""What a run has read is that run's own (mtkit.io.inputs): two runs in one long-lived process (the
library API, or the CLI called in-process) do not see each other's inputs."""
from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

from click.testing import CliRunner

from mtkit import api
from mtkit.cli import main
from mtkit.io.inputs import input_run, is_input, open_input

DATA = Path(__file__).resolve().parent / "data" / "audit"


def _line(id_: str) -> str:
    return json.dumps({"id": id_, "en": "The talks resumed on Monday.", "ar": "استؤنفت المحادثات يوم الاثنين."},
                      ensure_ascii=False) + "\n"


def _feed(fifo: Path, text: str) -> threading.Thread:
    """A writer that fills the pipe once its reader opens it."""
    writer = threading.Thread(target=lambda: fifo.write_text(text, encoding="utf-8"), daemon=True)
    writer.start()
    return writer


def test_two_audits_through_the_same_pipe_path_each_read_their_own_bytes(tmp_path):
    fifo = tmp_path / "pairs.jsonl"
    os.mkfifo(fifo)
    ids = []
    for run in ("first", "second"):
        writer = _feed(fifo, _line(f"{run}-1") + _line(f"{run}-2"))
        ids.append([seg.segment.id for seg in api.audit(pairs=str(fifo)).segments])
        writer.join(30)
    assert ids == [["first-1", "first-2"], ["second-1", "second-2"]]


def test_a_streamed_audit_read_after_the_call_still_reads_its_pipe_once(tmp_path):
    fifo = tmp_path / "pairs.jsonl"
    os.mkfifo(fifo)
    writer = _feed(fifo, _line("a") + _line("b"))
    result = api.audit(pairs=str(fifo), stream=True)
    assert [seg.segment.id for seg in result.segments] == ["a", "b"]      # (found its format, then read it)
    writer.join(30)


def test_a_file_read_by_one_run_is_no_input_of_the_next(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    shutil.copy(DATA / "clean.jsonl", pairs)
    with input_run():
        open_input(str(pairs)).close()
        assert is_input(str(pairs))
    assert not is_input(str(pairs))
    with input_run():
        assert not is_input(str(pairs))


def test_two_cli_runs_in_one_process_the_second_may_write_what_the_first_read(tmp_path):
    first = tmp_path / "first.jsonl"
    shutil.copy(DATA / "clean.jsonl", first)
    runner = CliRunner()
    same = runner.invoke(main, ["audit", "-q", "--pairs", str(first), "-f", "json", "-o", str(first)])
    assert same.exit_code == 2 and "is an input of this run" in same.output     # within a run: refused
    assert runner.invoke(main, ["audit", "-q", "--pairs", str(first), "-f", "json", "-o", str(tmp_path / "a.json")]
                         ).exit_code == 0
    second = runner.invoke(main, ["audit", "-q", "--pairs", str(DATA / "pairs.jsonl"), "-f", "json", "-o", str(first)])
    assert second.exit_code == 0, second.output
    assert json.loads(first.read_text(encoding="utf-8"))["summary"]["segments"] > 0
