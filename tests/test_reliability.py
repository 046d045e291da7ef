"""Issue 16's reproductions, end to end through a real ``mtkit`` process: outputs that are not
regular files, signals, closed pipes, exit codes for bad input and bugs, gate trees, score names,
and byte-identical output under any PYTHONHASHSEED and --jobs."""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "audit" / "pairs.jsonl"


def mtkit(*args, env=None, **kw) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "mtkit", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=full_env, timeout=180, **kw)


def one_error_line(proc, code=2, text=""):
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert text in proc.stderr


def big_pairs(tmp_path: Path, n: int) -> Path:
    lines = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps(dict(lines[k % len(lines)], id=f"p{k}"), ensure_ascii=False) + "\n"
                            for k in range(n)), encoding="utf-8")
    return path


# ---- -o to things that are not regular files -------------------------------------------------

def test_output_to_a_character_device_writes_into_it(tmp_path):
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))   # a /dev/null of our own
    proc = mtkit("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", device)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)   # still the device, not replaced by a file
    assert sorted(os.listdir(tmp_path)) == ["null"]


def test_output_to_a_fifo_reaches_its_reader(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("data", fifo.read_bytes()))
    reader.start()
    proc = mtkit("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", fifo)
    reader.join(30)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(got["data"])["summary"]["segments"] > 0
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_dev_stdout_is_standard_output():
    proc = mtkit("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", "/dev/stdout")
    assert proc.returncode == 0 and json.loads(proc.stdout)["summary"]["segments"] > 0


def test_output_through_a_symlink_replaces_the_file_not_the_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(target)
    assert mtkit("audit", "--pairs", PAIRS, "-q", "-f", "json", "-o", tmp_path / "link.json").returncode == 0
    assert (tmp_path / "link.json").is_symlink() and json.loads(target.read_text(encoding="utf-8"))


# ---- signals and pipes -----------------------------------------------------------------------

def _default_interrupt() -> None:
    """In the child: Ctrl-C as a terminal delivers it. A suite started in the background by a
    non-interactive shell (``pytest … &``) runs with SIGINT ignored, Python keeps an ignored SIGINT
    ignored, and the audit would then finish as if no Ctrl-C had come (as any Unix tool would)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_removes_the_temp_file_and_stops_the_workers(tmp_path, signum, code):
    pairs = big_pairs(tmp_path, 30000)      # long enough that no loaded machine finishes it before the signal
    out = tmp_path / "out" / "audit.jsonl"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "mtkit", "audit", "--pairs", str(pairs), "-j", "2", "-q",
                             "-f", "jsonl", "-o", str(out)], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_default_interrupt)
    deadline = time.time() + 60
    while not (len(_children(proc.pid)) >= 2 and os.listdir(out.parent)) and time.time() < deadline:
        time.sleep(0.2)
    workers = _children(proc.pid)
    assert workers and os.listdir(out.parent), "the audit never started"
    time.sleep(0.5)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert os.listdir(out.parent) == []          # no temporary file, no half-written output
    time.sleep(0.5)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and
                Path(f"/proc/{w}/stat").read_text().split()[2] != "Z"]


def test_stopping_the_pool_while_a_result_is_half_sent_does_not_leave_its_thread_waiting():
    """A worker ended in the middle of sending a chunk's results (Ctrl-C at that moment) left the
    pool's manager thread waiting for the rest for ever, and the interpreter's exit, which joins that
    thread, hung. Here the half-sent message is written by hand: a length, then part of the data."""
    import struct
    from concurrent.futures import ProcessPoolExecutor
    from mtkit.audit import _stop, pool_internals
    pool = ProcessPoolExecutor(max_workers=1)
    assert pool.submit(abs, -1).result() == 1
    internals = pool_internals(pool)
    manager, writer = internals.manager, internals.result_writer
    assert manager is not None and writer is not None
    try:
        os.write(writer.fileno(), struct.pack("!i", 1000) + b"partial")
        deadline = time.time() + 10
        while not _reading(manager) and time.time() < deadline:     # the thread is in the read
            time.sleep(0.01)
        start = time.time()
        _stop(pool)
        assert time.time() - start < 6 and not manager.is_alive()
    finally:       # (failing, do not hang the test run's exit)
        writer.close()


def test_the_private_pool_parts_the_stop_needs_are_there_on_this_python():
    """audit._stop reads three private attributes of ProcessPoolExecutor (audit.pool_internals): a
    Python that renames or drops one fails here, not as a hang after Ctrl-C."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from mtkit.audit import pool_internals
    pool = ProcessPoolExecutor(max_workers=1)
    try:
        assert pool.submit(abs, -1).result() == 1
        internals = pool_internals(pool)
        assert [p.is_alive() for p in internals.processes] == [True]
        assert isinstance(internals.manager, threading.Thread) and internals.manager.is_alive()
        assert isinstance(internals.result_writer, Connection) and not internals.result_writer.closed
    finally:
        pool.shutdown()


def _reading(thread) -> bool:
    frame = sys._current_frames().get(thread.ident)
    while frame is not None:
        if frame.f_code.co_name in ("_recv", "_recv_bytes"):
            return True
        frame = frame.f_back
    return False


def test_closed_pipe_is_silent(tmp_path):
    pairs = big_pairs(tmp_path, 600)
    shell = f"{sys.executable} -m mtkit audit --pairs {pairs} -q -f jsonl | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout.strip() == "141" and proc.stderr == ""


def test_an_internal_error_is_exit_3_in_one_line(tmp_path):
    code = ("import sys, mtkit.api as api; api.align = lambda *a, **k: 1 / 0; "
            "from mtkit.cli import main; sys.argv = ['mtkit', 'align', 'a', 'b']; main()")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    one_error_line(proc, 3, "internal error: ZeroDivisionError")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(env, MTKIT_DEBUG="1"))
    assert proc.returncode == 3 and "Traceback" in proc.stderr


# ---- bad input: exit 2, one line -------------------------------------------------------------

def test_bad_inputs_are_exit_2_with_one_line(tmp_path):
    (tmp_path / "sur.jsonl").write_text('{"en": "a \\ud800", "ar": "ب"}\n', encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "sur.jsonl", "-f", "json"), 2, "lone surrogate")
    (tmp_path / "obj.jsonl").write_text('{"id": {"a": 1}, "en": "a", "ar": "ب"}\n', encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "obj.jsonl"), 2, "'id' must be a string or an integer")
    (tmp_path / "dup.jsonl").write_text('{"id": "x", "en": "a", "ar": "ب"}\n{"id": "x", "en": "b", "ar": "ج"}\n',
                                        encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", tmp_path / "dup.jsonl"), 2, "dup.jsonl:2: duplicate id 'x'")
    (tmp_path / "g.csv").write_text("bill,|||\n", encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", PAIRS, "--glossary", tmp_path / "g.csv"), 2, "g.csv:1: no Arabic form")
    (tmp_path / "huge.csv").write_text("bill," + "ب" * 140_000 + "\n", encoding="utf-8")
    one_error_line(mtkit("audit", "--pairs", PAIRS, "--glossary", tmp_path / "huge.csv"), 2, "huge.csv:")
    one_error_line(mtkit("gate", "--pairs", PAIRS, "--max-flags", "major=" + "9" * 400), 2, "digits")
    (tmp_path / "long.txt").write_text(" ".join(["كلمة"] * 5000) + "\n", encoding="utf-8")
    one_error_line(mtkit("score", "--ref", tmp_path / "long.txt", tmp_path / "long.txt", "-m", "ter"), 2,
                   "TER is limited to 4000 words")


@pytest.mark.parametrize("field,value", [("src", 5), ("flags", "x"), ("line", "2"), ("id", [1])])
def test_wrong_typed_audit_json_is_exit_2(tmp_path, field, value):
    seg = {"id": "1", "src": "a", "tgt": "ب", "flags": []}
    seg[field] = value
    (tmp_path / "a.json").write_text(json.dumps({"segments": [seg]}), encoding="utf-8")
    one_error_line(mtkit("gate", "--audit-json", tmp_path / "a.json", "--max-flags", "major=0"), 2, field)


def test_toml_with_a_bom_is_read(tmp_path):
    (tmp_path / "rules.toml").write_bytes(b"\xef\xbb\xbf[gate]\nmax_flags = {critical = 99}\n")
    proc = mtkit("gate", "--pairs", PAIRS, "--config", tmp_path / "rules.toml", "-q")
    assert proc.returncode == 0, proc.stderr


# ---- the gate stays inside its trees ---------------------------------------------------------

def test_gate_refuses_a_symlink_out_of_the_tree(tmp_path):
    for side in ("en", "ar"):
        (tmp_path / side).mkdir()
    (tmp_path / "en" / "a.txt").write_text("Hello.\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("TOKEN=abc\n", encoding="utf-8")
    (tmp_path / "ar" / "a.txt").symlink_to(tmp_path / "secret.txt")
    proc = mtkit("gate", "--src-dir", tmp_path / "en", "--tgt-dir", tmp_path / "ar", "--max-flags", "major=0",
                 "--github")
    one_error_line(proc, 2, "leads outside")
    assert "TOKEN" not in proc.stdout + proc.stderr


def test_gate_never_reads_the_tgt_path_of_an_audit_json(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("سر\n", encoding="utf-8")
    flag = {"category": "number", "severity": "critical", "check": "number.mismatch", "message": "m",
            "src_span": None, "tgt_span": None, "src_text": "", "tgt_text": "سر"}
    data = {"tgt_path": str(secret), "segments": [{"id": "1", "src": "a", "tgt": "سر", "flags": [flag]}]}
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    before = os.stat(secret).st_atime_ns
    proc = mtkit("gate", "--audit-json", tmp_path / "a.json", "--max-flags", "critical=0", "--github")
    assert proc.returncode == 1, proc.stderr
    assert str(secret) not in proc.stdout and "a.json" in proc.stdout
    assert os.stat(secret).st_atime_ns == before


# ---- writers escape for their medium ---------------------------------------------------------

def test_workflow_commands_in_input_never_start_a_line(tmp_path):
    hostile = "Pay 5 dollars.\n::error file=x::pwned\n::add-mask::secret \x1b[31mred"
    (tmp_path / "p.jsonl").write_text(json.dumps({"id": "1", "en": hostile, "ar": "ادفع 7 دولارات."}) + "\n",
                                      encoding="utf-8")
    for fmt in ("text", "github", "md"):
        out = mtkit("audit", "--pairs", tmp_path / "p.jsonl", "-q", "-f", fmt).stdout
        assert out.strip(), fmt
        for line in out.split("\n"):
            assert not line.lstrip().startswith(("::error file=x", "::add-mask")), (fmt, line)
        assert "\x1b" not in out


def test_score_names_never_collide(tmp_path):
    (tmp_path / "ref.txt").write_text("مرحبا بكم\nشكرا\n", encoding="utf-8")
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "sys.txt").write_text("مرحبا\nشكرا\n", encoding="utf-8")
    (tmp_path / "sys-2.txt").write_text("اهلا\nشكرا\n", encoding="utf-8")
    proc = mtkit("score", "--ref", tmp_path / "ref.txt", tmp_path / "d1/sys.txt", tmp_path / "d2/sys.txt",
                 tmp_path / "sys-2.txt", "-m", "chrf", "-f", "json", "--significance", "none")
    names = [s["name"] for s in json.loads(proc.stdout)["systems"]]
    assert len(names) == 3 and len(set(names)) == 3


def test_csv_cells_never_start_a_formula(tmp_path):
    (tmp_path / "p.jsonl").write_text(json.dumps({"id": "=HYPERLINK(\"http://x\")", "en": "He paid 5 dollars.",
                                                  "ar": "دفع 7 دولارات."}) + "\n", encoding="utf-8")
    proc = mtkit("audit", "--pairs", tmp_path / "p.jsonl", "-q", "-f", "csv")
    assert "'=HYPERLINK" in proc.stdout and ",=HYPERLINK" not in proc.stdout


def test_skip_bad_is_accounted_in_every_format(tmp_path):
    (tmp_path / "cr.jsonl").write_bytes(b'{"en": "a", "ar": "b"}\r{"en": "c", "ar": "d"}\r')
    for fmt in ("junit", "csv", "github", "md", "text", "json", "jsonl"):
        proc = mtkit("audit", "--pairs", tmp_path / "cr.jsonl", "--skip-bad", "-q", "-f", fmt)
        assert proc.returncode == 0 and "cr.jsonl:1" in proc.stdout and "skipped 1 bad input line" in proc.stderr, fmt
    assert 'skipped="1"' in mtkit("audit", "--pairs", tmp_path / "cr.jsonl", "--skip-bad", "-q", "-f", "junit").stdout


# ---- determinism -----------------------------------------------------------------------------

RENDER_ALL = """
import sys
from mtkit import api
from mtkit.report import write
result = api.audit(pairs=sys.argv[1], jobs=int(sys.argv[2]))
for fmt in ("json", "jsonl", "text", "md", "csv", "junit", "github", "html"):
    with open(f"{sys.argv[3]}/out.{fmt}", "w", encoding="utf-8", newline="") as stream:
        write(result, fmt, stream)
"""


def test_output_is_byte_identical_under_any_hash_seed_and_jobs(tmp_path):
    pairs = big_pairs(tmp_path, 300)
    runs = {}
    for seed, jobs in (("0", 1), ("1", 1), ("6", 2)):
        folder = tmp_path / f"run-{seed}-{jobs}"
        folder.mkdir()
        subprocess.run([sys.executable, "-c", RENDER_ALL, str(pairs), str(jobs), str(folder)], check=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed), timeout=300)
        runs[(seed, jobs)] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    first, *others = runs.values()
    assert len(first) == 8
    for other in others:
        assert other == first


def test_non_utf8_file_names_in_and_out(tmp_path):
    """A file name that is not UTF-8 is shown with U+FFFD, never a crash half-way through a file."""
    raw_in = os.path.join(os.fsencode(tmp_path), b"p\xfe.jsonl")
    with open(raw_in, "wb") as stream:
        stream.write(PAIRS.read_bytes())
    for fmt in ("json", "github"):
        raw_out = os.path.join(os.fsencode(tmp_path), b"out\xff." + fmt.encode())
        proc = subprocess.run([sys.executable, "-m", "mtkit", "audit", "--pairs", raw_in, "-q", "-f", fmt, "-o", raw_out],
                              capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=180)
        assert proc.returncode == 0, proc.stderr
        with open(raw_out, "rb") as stream:
            stream.read().decode("utf-8")


def _long_documents(tmp_path: Path, lines: int) -> tuple[Path, Path]:
    en = (ROOT / "corpora" / "musk-trump.en.txt").read_text(encoding="utf-8").split("\n")
    ar = (ROOT / "corpora" / "musk-trump.ar.txt").read_text(encoding="utf-8").split("\n")
    en, ar = [line for line in en if line.strip()], [line for line in ar if line.strip()]
    paths = tmp_path / "in.en.txt", tmp_path / "in.ar.txt"
    for path, side in zip(paths, (en, ar)):
        path.write_text("".join(f"{side[k % len(side)]} {k}\n" for k in range(lines)), encoding="utf-8")
    return paths


def _catches(pid: int, signum: int) -> bool:
    """Whether the process has a handler for the signal (Linux: the SigCgt mask in /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(mask, 16) >> (signum - 1) & 1)


@pytest.mark.parametrize("command", ["align", "score"])
def test_sigterm_to_align_and_score_leaves_nothing_beside_the_output(tmp_path, command):
    # (score's statistics run fast: four times the lines keep it at work when the signal comes on an idle machine)
    en, ar = _long_documents(tmp_path, 60_000 if command == "align" else 240_000)
    out = tmp_path / "out" / f"{command}.json"
    out.parent.mkdir()
    args = [en, ar, "--presegmented"] if command == "align" else ["--ref", ar, ar]
    proc = subprocess.Popen([sys.executable, "-m", "mtkit", command, *map(str, args), "-f", "json", "-o", str(out)],
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60                  # until mtkit's handler is in place (a loaded machine is slow)
    while not _catches(proc.pid, signal.SIGTERM) and proc.poll() is None and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)                              # at work now, far from done
    assert proc.poll() is None, "finished before the signal: make the input longer"
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) <= 1, stderr
    assert os.listdir(out.parent) == []          # no temporary file, no half-written output
