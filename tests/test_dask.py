"""``--dask``: audit, align --manifest and score on a 2-worker LocalCluster give the local run's
output byte for byte, with a bad row and with a worker killed mid-run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "eval" / "devset" / "devset.jsonl"
SCORE = ROOT / "tests" / "data" / "score"
MANIFEST = ROOT / "tests" / "data" / "scale" / "manifest.tsv"


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 single-threaded worker processes, shared by the tests of this module."""
    import logging
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as local, \
            distributed.Client(local) as client:
        yield local.scheduler_address, client


def _pairs(path: Path, n: int, bad_at: int | None = None) -> Path:
    """``n`` devset pairs (repeated, with unique ids); line ``bad_at`` is not JSON."""
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            if i + 1 == bad_at:
                out.write('{"id": "broken", "en": "no closing brace"\n')
                continue
            row = rows[i % len(rows)]
            out.write(json.dumps({"id": f"p{i}", "en": row["en"], "ar": row["ar"]}, ensure_ascii=False) + "\n")
    return path


def test_audit_on_dask_is_the_local_audit(run_mtkit, cluster, tmp_path):
    address, _ = cluster
    pairs = _pairs(tmp_path / "pairs.jsonl", 560, bad_at=300)   # 3 chunks, a bad row in the 2nd
    args = ["audit", "--pairs", pairs, "-f", "jsonl", "-q", "--skip-bad", "--fail-on", "critical"]
    local = run_mtkit(*args, "-j", "1")
    dask = run_mtkit(*args, "--dask", address)
    assert local.returncode == 1 and dask.returncode == 1, dask.stderr    # --fail-on as locally
    assert dask.stdout == local.stdout
    last = json.loads(local.stdout.splitlines()[-1])
    assert last["summary"]["segments"] == 559 and "broken" not in local.stdout
    assert last["skipped"] == [f"{pairs}:300: not valid JSON (Expecting ',' delimiter)"]
    # the whole-result formats go through the same path
    assert run_mtkit(*args[:4], "-f", "json", "-q", "--skip-bad", "--dask", address).stdout == \
        run_mtkit(*args[:4], "-f", "json", "-q", "--skip-bad", "-j", "2").stdout


def test_bad_row_without_skip_bad_is_exit_2_and_no_output_file(run_mtkit, cluster, tmp_path):
    address, _ = cluster
    pairs = _pairs(tmp_path / "pairs.jsonl", 600, bad_at=450)
    out = tmp_path / "out.jsonl"
    result = run_mtkit("audit", "--pairs", pairs, "-f", "jsonl", "-q", "--dask", address, "-o", out)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"mtkit: error: {pairs}:450: not valid JSON (Expecting ',' delimiter)"]
    assert not out.exists() and not list(tmp_path.glob(".mtkit-*"))


def _kill_a_worker_mid_run(client, prefix: str) -> list:
    """Wait until a task named ``prefix…`` runs on a worker, then SIGKILL that worker's process."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():
            if any(str(key).startswith(prefix) for key in keys):
                os.kill(pids[worker], signal.SIGKILL)
                return [worker]
        time.sleep(0.02)
    return []


def test_a_worker_killed_mid_run_changes_nothing(run_mtkit, cluster, tmp_path):
    address, client = cluster
    pairs = _pairs(tmp_path / "pairs.jsonl", 1300)    # 6 chunks
    out = tmp_path / "dask.jsonl"
    killed: list = []
    killer = threading.Thread(target=lambda: killed.extend(_kill_a_worker_mid_run(client, "mtkit-audit")))
    killer.start()
    dask = run_mtkit("audit", "--pairs", pairs, "-f", "jsonl", "-q", "--dask", address, "-o", out, timeout=300)
    killer.join()
    assert killed, "no audit task was seen running"
    assert dask.returncode == 0, dask.stderr
    local = run_mtkit("audit", "--pairs", pairs, "-f", "jsonl", "-q", "-j", "2")
    assert out.read_text(encoding="utf-8") == local.stdout
    client.wait_for_workers(2, timeout=60)       # the nanny restarted it for the next tests


def _score_files(tmp_path: Path, n: int) -> list[Path]:
    """Reference and two systems, ``n`` lines each, from the score test files repeated."""
    paths = []
    for name in ("ref.ar.txt", "sys-a.ar.txt", "sys-b.ar.txt"):
        lines = (SCORE / name).read_text(encoding="utf-8").splitlines()
        path = tmp_path / name
        path.write_text("\n".join(lines[i % len(lines)] for i in range(n)) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_score_on_dask_and_jobs_is_the_local_score(run_mtkit, cluster, tmp_path):
    address, _ = cluster
    ref, sys_a, sys_b = _score_files(tmp_path, 2100)     # two partitions
    # significance runs on the driver; TER is slow in sacrebleu: its partition sums are checked below
    args = ["score", "-r", ref, sys_a, sys_b, "-f", "json", "--paired-n", "100", "-m", "bleu,chrf"]
    local = run_mtkit(*args)
    assert local.returncode == 0, local.stderr
    assert json.loads(local.stdout)["comparisons"]
    assert run_mtkit(*args, "--dask", address).stdout == local.stdout
    assert run_mtkit(*args, "-j", "2").stdout == local.stdout


@pytest.mark.parametrize("options", [{}, {"lowercase": True, "chrf_word_order": 2, "tokenize": "intl"}])
def test_partition_sums_are_sacrebleus_corpus_scores(options):
    """Small partitions on 2 local processes; two references (TER averages their lengths into
    fractions, summed row by row in sacrebleu's order)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from mtkit.score.metrics import metric_arguments
    from mtkit.score.stats import corpus_scores
    ref = (SCORE / "ref.ar.txt").read_text(encoding="utf-8").splitlines()
    ref2 = (SCORE / "sys-b.ar.txt").read_text(encoding="utf-8").splitlines()
    hyps = (SCORE / "sys-a.ar.txt").read_text(encoding="utf-8").splitlines()
    kwargs = metric_arguments(("bleu", "chrf", "ter"), options)
    for refs in ([ref], [ref, ref2]):
        got = corpus_scores(refs, {"a": hyps}, ("bleu", "chrf", "ter"), options, jobs=2, partition_size=4)
        scores, chrf = got["a"]
        for metric, cls in (("bleu", BLEU), ("chrf", CHRF), ("ter", TER)):
            scorer = cls(**kwargs[metric])
            expected = scorer.corpus_score(hyps, refs)
            assert scores[metric].score == expected.score
            assert scores[metric].signature == scorer.get_signature().format()
        chrf_scorer = CHRF(**kwargs["chrf"])
        assert chrf == [chrf_scorer.sentence_score(h, [r[i] for r in refs]).score for i, h in enumerate(hyps)]


def test_align_manifest_on_dask_and_jobs_is_the_local_run(run_mtkit, cluster, tmp_path):
    address, _ = cluster
    args = ["align", "--manifest", MANIFEST, "--skip-bad"]
    local = run_mtkit(*args, "-j", "1")
    assert local.returncode == 0, local.stderr
    assert run_mtkit(*args, "--dask", address).stdout == local.stdout
    assert run_mtkit(*args, "-j", "2").stdout == local.stdout
    lines = [json.loads(line) for line in local.stdout.splitlines()]
    assert [d["id"] for d in lines[:-1]] == ["verses", "doc", "article", "verses-again"]
    assert lines[-1]["summary"] == {"documents": 5, "aligned": 4, "beads": sum(len(d["beads"]) for d in lines[:-1])}
    invalid = os.path.normpath(MANIFEST.parent / "../io/invalid_utf8.en.txt")
    assert lines[-1]["skipped"] == [f"{invalid}:3: invalid UTF-8 (byte 0xff)"]
    # each document is the single-document align's JSON
    single = run_mtkit("align", ROOT / "tests/data/audit/doc.en.txt", ROOT / "tests/data/audit/doc.ar.txt", "-f", "json")
    assert {k: v for k, v in lines[1].items() if k not in ("id", "en", "ar")} == json.loads(single.stdout)
    # without --skip-bad the bad document stops the run: exit 2, no output file
    out = tmp_path / "beads.jsonl"
    bad = run_mtkit("align", "--manifest", MANIFEST, "--dask", address, "-o", out)
    assert bad.returncode == 2 and "invalid_utf8.en.txt:3: invalid UTF-8" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and not out.exists()


def test_audit_bag_maps_a_bag_and_a_dataframe_to_the_local_flags(cluster):
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from mtkit import api
    from mtkit.dask import audit_bag
    _, client = cluster
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines()[:60]]
    pairs = [{"id": r["id"], "en": r["en"], "ar": r["ar"]} for r in rows]
    # a Bag has no file lines: the local run's segments without them
    expected = [{k: v for k, v in s.to_dict().items() if k != "line"}
                for s in api.audit(pairs=str(DEVSET), jobs=1).segments[:60]]
    got = client.compute(audit_bag(db.from_sequence(pairs, npartitions=3))).result()
    assert got == expected
    frame = client.compute(audit_bag(dd.from_pandas(pd.DataFrame(pairs), npartitions=2))).result()
    assert list(frame["id"]) == [e["id"] for e in expected]
    assert [json.loads(f) for f in frame["flags"]] == [e["flags"] for e in expected]
    assert list(frame["n_flags"]) == [len(e["flags"]) for e in expected]


def test_local_cluster_address_and_glob_of_shards(run_mtkit, tmp_path):
    """``--dask local:2`` starts its own cluster; a glob reads the shards in name order."""
    rows = DEVSET.read_text(encoding="utf-8").splitlines()
    (tmp_path / "shards").mkdir()
    for k in range(3):
        (tmp_path / "shards" / f"part-{k}.jsonl").write_text("\n".join(rows[k * 50:(k + 1) * 50]) + "\n", encoding="utf-8")
    pattern = f"file://{tmp_path}/shards/part-*.jsonl"
    sharded = run_mtkit("audit", "--pairs", pattern, "-f", "jsonl", "-q", "--dask", "local:2")
    assert sharded.returncode == 0, sharded.stderr
    local = run_mtkit("audit", "--pairs", tmp_path / "shards" / "*.jsonl", "-f", "jsonl", "-q", "-j", "1")
    assert sharded.stdout == local.stdout
    # the shards' segments are the whole file's, in order (lines count within each shard)
    shard_ids = [json.loads(line)["id"] for line in sharded.stdout.splitlines()[:-1]]
    assert shard_ids == [json.loads(row)["id"] for row in rows[:150]]
    none = run_mtkit("audit", "--pairs", tmp_path / "nothing-*.jsonl")
    assert none.returncode == 2 and "no file matches" in none.stderr


def test_missing_dask_extra_is_one_line_naming_it(tmp_path):
    fake = tmp_path / "site" / "distributed"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path / "site"), str(ROOT)]))
    for args in (["audit", "--pairs", str(ROOT / "tests/data/audit/pairs.jsonl")],
                 ["score", "-r", str(SCORE / "ref.ar.txt"), str(SCORE / "sys-a.ar.txt")],
                 ["align", "--manifest", str(MANIFEST)]):
        result = subprocess.run([sys.executable, "-m", "mtkit", *args, "--dask", "local"],
                                check=False, capture_output=True, text=True, env=env, timeout=120)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [
            "mtkit: error: --dask needs Dask, which is not installed: pip install 'mtkit[dask]'"]
        assert result.stdout == ""


def test_parquet_directory_output_has_the_jsonl_segments(run_mtkit, cluster, tmp_path):
    import pyarrow.parquet as pq

    from mtkit import api
    from mtkit.report.parquet import write_parquet
    address, _ = cluster
    pairs = ROOT / "tests" / "data" / "audit" / "skip_bad.jsonl"
    out = tmp_path / "flags"
    result = run_mtkit("audit", "--pairs", pairs, "--skip-bad", "-f", "parquet", "-o", f"{out}/", "-q",
                       "--dask", address, "--fail-on", "critical")
    assert result.returncode == 1, result.stderr
    jsonl = [json.loads(line) for line in run_mtkit("audit", "--pairs", pairs, "--skip-bad", "-f", "jsonl").stdout.splitlines()]
    rows = pq.read_table(out).to_pylist()
    assert [{**row, "flags": json.loads(row["flags"])} for row in rows] == \
        [{"line": None, **seg} for seg in jsonl[:-1]]
    assert json.loads((out / "_summary.json").read_text(encoding="utf-8")) == jsonl[-1]
    # many files of one schema, replacing the earlier directory whole
    write_parquet(api.audit(pairs=str(DEVSET), stream=True), str(out), rows_per_file=100)
    assert sorted(p.name for p in out.iterdir()) == ["_summary.json"] + [f"part-0000{k}.parquet" for k in range(4)]
    assert pq.read_table(out).num_rows == 323
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".mtkit")]
    assert run_mtkit("audit", "--pairs", pairs, "-f", "parquet").returncode == 2     # no directory given


# ---- docs/scale.md runs as written -------------------------------------------------------------

DOC = ROOT / "docs" / "scale.md"


def _doc_blocks(lang: str) -> list[str]:
    import re
    return re.findall(rf"^```{lang}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)


def _doc_folder(tmp_path: Path) -> Path:
    """The files the docs' commands name: pairs (a bad row), shards, a manifest, score files."""
    import pandas as pd
    _pairs(tmp_path / "pairs.jsonl", 300, bad_at=120)
    rows = DEVSET.read_text(encoding="utf-8").splitlines()
    (tmp_path / "shards").mkdir()
    for k in range(3):
        part = rows[k * 40:(k + 1) * 40]
        (tmp_path / "shards" / f"part-{k}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
        frame = pd.DataFrame([{key: json.loads(r)[key] for key in ("id", "en", "ar")} for r in part])
        frame.to_parquet(tmp_path / "shards" / f"part-{k}.parquet")
    manifest = ["id\ten\tar"] + [f"{doc_id}\t{(MANIFEST.parent / en).resolve()}\t{(MANIFEST.parent / ar).resolve()}"
                                 for doc_id, en, ar in (line.split("\t") for line in
                                                        MANIFEST.read_text(encoding="utf-8").splitlines()[1:])]
    (tmp_path / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    _score_files(tmp_path, 300)      # small: the score tests above check partitions
    return tmp_path


def test_docs_commands_run_as_written(run_mtkit, cluster, tmp_path):
    """Each command exits as documented; the docs' pairs (align and score on Dask and on local
    processes) give the same output, and an audit on Dask gives the local audit's."""
    import re
    import shlex
    address, _ = cluster
    port = address.rsplit(":", 1)[1]
    folder = _doc_folder(tmp_path)
    commands = [re.sub(r"\s+#\s.*$", "", line).strip() for line in _doc_blocks("sh")[1].splitlines()]
    commands = [c for c in commands if c.startswith("mtkit ")]
    assert len(commands) == 7 and sum("--dask" in c for c in commands) == 5
    outputs = {}
    for command in commands:
        args = shlex.split(command.replace("PORT", port))[1:]
        result = run_mtkit(*args, cwd=folder, timeout=300)
        assert result.returncode in (0, 1), (command, result.stderr)   # 1: --fail-on critical
        outputs[command] = result.stdout
        if args[0] == "audit" and "-o" not in args:      # the same audit without --dask
            at = args.index("--dask")
            local = run_mtkit(*args[:at], *args[at + 2:], "-j", "1", cwd=folder, timeout=300)
            assert (result.returncode, result.stdout) == (local.returncode, local.stdout), command
    for what in ("align", "score"):
        dask, jobs = [out for command, out in outputs.items() if command.startswith(f"mtkit {what} ")]
        assert dask == jobs and dask.strip(), what
    import pyarrow.parquet as pq
    assert pq.read_table(folder / "flags").num_rows == 299        # one bad row skipped


def test_docs_python_example_runs_as_written(cluster, tmp_path, monkeypatch):
    import pandas as pd

    from mtkit import api
    from mtkit.model import Segment
    folder = _doc_folder(tmp_path)
    monkeypatch.chdir(folder)
    [block] = _doc_blocks("python")[:1]
    exec(compile(block, str(DOC), "exec"), {})      # the cluster fixture's client is the default one
    flagged = pd.read_parquet(folder / "flagged")
    rows = [json.loads(r) for r in DEVSET.read_text(encoding="utf-8").splitlines()[:120]]
    expected = [s for s in api.audit(segments=[Segment(r["id"], r["en"], r["ar"]) for r in rows], jobs=1).segments
                if s.flags]
    assert list(flagged["id"]) == [s.segment.id for s in expected]
    assert [json.loads(f) for f in flagged["flags"]] == [[f.to_dict() for f in s.flags] for s in expected]


def test_docs_worker_settings_are_those_of_local_clusters():
    """The environment docs/scale.md gives hand-started workers is the config `local:N` applies."""
    import re

    import dask

    from mtkit.dask.cluster import QUIET
    env = dict(re.findall(r"(DASK_[A-Z_]+)=(\S+)", DOC.read_text(encoding="utf-8")))
    collected = dask.config.collect_env(env)
    flat = {f"distributed.{section}.{key}": value for section, keys in collected["distributed"].items()
            for key, value in _flatten(keys)}
    assert {k.replace("_", "-"): v for k, v in flat.items()} == QUIET


def _flatten(tree: dict, prefix: str = ""):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
