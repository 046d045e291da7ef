"""The compiled-lexicon cache (mtkit/cache.py): a second run reads what the first wrote; an entry
for other inputs, a damaged entry or an unwritable directory means the lexicon is built again;
the cache can be turned off; and audits give the same flags cached or not."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtkit import cache

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "corpora" / "musk-trump.en.txt"
AR = ROOT / "corpora" / "musk-trump.ar.txt"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(folder))
    return folder


def counting_builder(calls: list):
    def build():
        calls.append(1)
        return {"built": len(calls)}
    return build


def test_second_call_reads_the_entry(cache_dir):
    calls: list = []
    assert cache.compiled("demo", counting_builder(calls)) == {"built": 1}
    assert cache.compiled("demo", counting_builder(calls)) == {"built": 1}
    assert len(calls) == 1
    # the entry (and maybe the table of mtkit's file hashes its key was made from: see file_digests)
    assert [p.name.split("-")[0] for p in cache_dir.glob("*.pickle") if not p.name.startswith("digests-")] == ["demo"]
    assert not list(cache_dir.glob(".*.tmp"))               # written atomically, nothing left over


def test_other_inputs_rebuild_and_replace_the_entry(cache_dir, tmp_path):
    data = tmp_path / "extra.txt"
    data.write_text("one", encoding="utf-8")
    calls: list = []
    cache.compiled("demo", counting_builder(calls), files=[data])
    data.write_text("two", encoding="utf-8")                 # an edited data file: a new key
    assert cache.compiled("demo", counting_builder(calls), files=[data]) == {"built": 2}
    assert len(list(cache_dir.glob("demo-*.pickle"))) == 1   # the stale entry is gone


def test_another_version_never_reads_the_entry(cache_dir, monkeypatch):
    calls: list = []
    cache.compiled("demo", counting_builder(calls))
    import mtkit.version
    monkeypatch.setattr(mtkit.version, "version", lambda: "999.0")
    assert cache.compiled("demo", counting_builder(calls)) == {"built": 2}


def test_another_install_of_a_library_rebuilds_the_entry(cache_dir, tmp_path, monkeypatch):
    """An entry built from a library's data is keyed to the library's installed files (found
    without importing it), so an upgraded or edited install never reads the old entry."""
    package = tmp_path / "site" / "fakelib"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "table.csv").write_text("a,b\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    calls: list = []
    cache.compiled("demo", counting_builder(calls), libraries=["fakelib"])
    assert cache.compiled("demo", counting_builder(calls), libraries=["fakelib"]) == {"built": 1}
    (package / "table.csv").write_text("a,c\n", encoding="utf-8")
    assert cache.compiled("demo", counting_builder(calls), libraries=["fakelib"]) == {"built": 2}
    assert "fakelib" not in sys.modules


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps(("wrong key", {"built": 99}))[:-3],
                                    pickle.dumps(("wrong key", {"built": 99}))])
def test_a_damaged_entry_is_rebuilt(cache_dir, damage):
    calls: list = []
    cache.compiled("demo", counting_builder(calls))
    (entry,) = cache_dir.glob("demo-*.pickle")
    entry.write_bytes(damage)
    assert cache.compiled("demo", counting_builder(calls)) == {"built": 2}
    with open(entry, "rb") as stream:                         # and replaced by a good one
        assert pickle.load(stream)[1] == {"built": 2}


def test_unwritable_or_disabled_cache_still_builds(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x", encoding="utf-8")
    for setting in (str(blocked / "cache"), ""):
        monkeypatch.setenv("MTKIT_CACHE_DIR", setting)
        calls: list = []
        assert cache.compiled("demo", counting_builder(calls)) == {"built": 1}
        assert cache.compiled("demo", counting_builder(calls)) == {"built": 2}


def test_default_directory_is_the_user_cache_dir(monkeypatch):
    from platformdirs import user_cache_dir
    monkeypatch.delenv("MTKIT_CACHE_DIR", raising=False)
    assert cache.directory() == Path(user_cache_dir("mtkit", appauthor=False))


def test_audits_are_the_same_cold_warm_and_uncached(tmp_path):
    """Three real runs: an empty cache (entries written), the same cache (entries read), none."""
    outputs = []
    for setting in (str(tmp_path / "c"), str(tmp_path / "c"), ""):
        env = dict(os.environ, MTKIT_CACHE_DIR=setting)
        result = subprocess.run([sys.executable, "-m", "mtkit", "audit", EN, AR, "-f", "json"], env=env,
                                capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
        assert result.returncode == 0, result.stderr
        outputs.append(json.loads(result.stdout)["segments"])
    assert outputs[0] == outputs[1] == outputs[2]
    assert {p.name.split("-")[0] for p in (tmp_path / "c").glob("*.pickle")} >= {"terms"}
    assert {p.name.split("-")[0] for p in (tmp_path / "c").glob("*.table")} >= {"idioms", "lemmas"}


def test_file_hashes_are_remembered_by_stat_and_redone_when_the_file_changes(cache_dir, tmp_path):
    """mtkit's 15 MB of data are hashed once, not on every run: a file's hash is read back from the
    table while its size, times and inode are unchanged, and computed again when it is rewritten,
    even with the same size and its old modification time restored."""
    import hashlib
    data = tmp_path / "words.tsv"
    data.write_bytes(b"one")
    assert cache.file_digests([str(data)]) == [hashlib.sha256(b"one").digest()]
    (table,) = cache_dir.glob("digests-*.pickle")
    with open(table, "rb") as stream:
        key, known = pickle.load(stream)
    stamp, _ = known[os.path.realpath(data)]
    known[os.path.realpath(data)] = (stamp, b"remembered")
    with open(table, "wb") as stream:
        pickle.dump((key, known), stream)
    cache._known_digests.cache_clear()                        # as a new process: reads the table
    assert cache.file_digests([str(data)]) == [b"remembered"]  # same stat: not hashed again
    before = data.stat()
    time.sleep(0.05)                  # the kernel's file clock ticks every few ms
    data.write_bytes(b"two")
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.file_digests([str(data)]) == [hashlib.sha256(b"two").digest()]
    cache._known_digests.cache_clear()
    assert cache.file_digests([str(data)]) == [hashlib.sha256(b"two").digest()]   # and stored


def test_file_hashes_of_another_version_are_not_trusted(cache_dir, tmp_path, monkeypatch):
    data = tmp_path / "words.tsv"
    data.write_bytes(b"one")
    cache.file_digests([str(data)])
    (table,) = cache_dir.glob("digests-*.pickle")
    with open(table, "rb") as stream:
        key, known = pickle.load(stream)
    known = {path: (stamp, b"stale") for path, (stamp, _) in known.items()}
    with open(table, "wb") as stream:
        pickle.dump((key, known), stream)
    import mtkit.version
    monkeypatch.setattr(mtkit.version, "version", lambda: "999.0")
    cache._known_digests.cache_clear()
    assert cache.file_digests([str(data)]) != [b"stale"]
    assert len(list(cache_dir.glob("digests-*.pickle"))) == 1      # the old version's table replaced


def test_an_entry_built_by_named_modules_is_keyed_to_their_sources(cache_dir, tmp_path, monkeypatch):
    """``built_by``: the entry's key is the named modules' sources (not the whole package's), and an
    edit of any of them, or of mtkit/cache.py's format, rebuilds it."""
    import types
    source = tmp_path / "builder.py"
    source.write_text("VERSION = 1\n", encoding="utf-8")
    module = types.ModuleType("fake_builder")
    module.__file__ = str(source)
    monkeypatch.setitem(sys.modules, "fake_builder", module)
    calls: list = []
    cache.compiled("demo", counting_builder(calls), built_by=["fake_builder"])
    assert cache.compiled("demo", counting_builder(calls), built_by=["fake_builder"]) == {"built": 1}
    source.write_text("VERSION = 2\n", encoding="utf-8")          # an edited builder: a new key
    assert cache.compiled("demo", counting_builder(calls), built_by=["fake_builder"]) == {"built": 2}
    monkeypatch.setattr(cache, "FORMAT", "another")
    assert cache.compiled("demo", counting_builder(calls), built_by=["fake_builder"]) == {"built": 3}
    assert cache.module_files(["fake_builder"])[-1] == str(source)


def test_bamas_tables_are_keyed_to_every_mtkit_module_and_file_that_builds_them(tmp_path):
    """A cold build of BAMA's cached tables (mtkit.text.bama: keyed to ``bama.BUILT_BY``, not the
    whole package) imports no mtkit module and reads no mtkit data file that its key leaves out."""
    code = ("import sys\nopened = []\n"
            "sys.addaudithook(lambda event, args: event == 'open' and isinstance(args[0], str) and opened.append(args[0]))\n"
            "from mtkit.text import bama\nfrom mtkit import cache\n"
            "bama.FREQUENT_WORDS = 50\n"
            "assert bama.load(bama._directory()) is not None\n"
            "import json\n"
            "print(json.dumps([sorted(m for m in sys.modules if m == 'mtkit' or m.startswith('mtkit.')), "
            "sorted(set(opened)), cache.module_files(bama.BUILT_BY)]))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), MTKIT_CACHE_DIR=str(tmp_path / "cache"),
                                   MTKIT_BAMA_DIR=str(ROOT / "tests" / "data" / "text" / "bama")))
    assert proc.returncode == 0, proc.stderr
    modules, opened, keyed = json.loads(proc.stdout.strip().splitlines()[-1])
    from mtkit.text import bama
    assert set(modules) <= {*cache.CACHE_MODULES, *bama.BUILT_BY}
    package = str(ROOT / "mtkit")
    data = [path for path in opened if path.startswith(package) and not path.endswith((".py", ".pyc"))]
    assert data == [str(ROOT / "mtkit" / "data" / bama.WORD_FREQUENCIES)]     # keyed as one of its files
    assert all(Path(path).is_file() for path in keyed)
