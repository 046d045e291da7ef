"""A short run imports only what it uses: start-up is most of the time of a small audit or
alignment (issues 11 and 13)."""
from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import mtkit.report
from mtkit.model import Alignment, AuditResult
from mtkit.report import MODULES, formats, type_name

ROOT = Path(__file__).resolve().parent.parent
EN, AR = ROOT / "corpora" / "musk-trump.en.txt", ROOT / "corpora" / "musk-trump.ar.txt"


def _modules_after(args: list[str], watched: tuple[str, ...], cache: Path | None = None) -> list[str]:
    """Run ``mtkit ARGS`` in a fresh interpreter; which of ``watched`` it imported."""
    code = ("import sys\nfrom mtkit.cli import main\n"
            f"sys.argv = ['mtkit', *{[str(a) for a in args]!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            f"print(sorted(m for m in {watched!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **({"MTKIT_CACHE_DIR": str(cache)} if cache else {})),
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_a_json_audit_imports_no_template_engine_progress_bar_process_pool_or_other_writers(tmp_path):
    """Nor numpy (the article's alignment tables are small: mtkit.align.small) nor
    importlib.metadata (the version is a constant; cache keys hash a library's files)."""
    watched = ("jinja2", "markupsafe", "tqdm", "wordfreq", "concurrent.futures.process", "mtkit.score",
               "mtkit.gate", "mtkit.report.html", "mtkit.report.compare_html", "mtkit.report.text",
               "numpy", "mtkit.align.dp", "importlib.metadata", "lemminflect", "xml.etree.ElementTree", "getpass")
    # a warm cache of its own, as after a first run (another run with other mtkit sources may replace
    # the entries of a shared one)
    _modules_after(["audit", EN, AR, "-f", "json", "-o", tmp_path / "a.json"], (), tmp_path / "cache")
    assert _modules_after(["audit", EN, AR, "-f", "json", "-o", tmp_path / "a.json"], watched, tmp_path / "cache") == []
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["summary"]["segments"] > 0


def test_align_imports_neither_the_audit_nor_other_commands_writers(tmp_path):
    """Nor tempfile: ``-o``'s temporary file is made by mtkit.io.atomic itself."""
    watched = ("jinja2", "markupsafe", "lemminflect", "numpy", "importlib.metadata", "xml.etree.ElementTree", "tempfile",
               "mtkit.checks", "mtkit.audit", "mtkit.score", "mtkit.gate", "mtkit.report.html",
               "mtkit.report.json_writer", "mtkit.report.text")
    _modules_after(["align", EN, AR, "-f", "tsv", "-o", tmp_path / "a.tsv"], (), tmp_path / "cache")
    assert _modules_after(["align", EN, AR, "-f", "tsv", "-o", tmp_path / "a.tsv"], watched, tmp_path / "cache") == []
    assert (tmp_path / "a.tsv").read_text(encoding="utf-8").count("\n") > 10


def test_the_writer_index_names_the_module_of_every_registered_writer():
    for info in pkgutil.iter_modules(mtkit.report.__path__):
        importlib.import_module(f"mtkit.report.{info.name}")
    registered = {(fmt, type_name(kind)): func.__module__.rsplit(".", 1)[1]
                  for (fmt, kind), func in mtkit.report._WRITERS.items()}
    assert registered == MODULES


def test_formats_come_from_the_index_in_a_stable_order():
    assert formats(Alignment) == ["json", "text", "tsv"]
    assert formats(AuditResult) == sorted(formats(AuditResult))
    assert {"html", "json", "jsonl", "md", "text"} <= set(formats(AuditResult))


def test_a_large_table_is_aligned_with_numpy(tmp_path):
    """The plain-Python DP is for small tables only (mtkit.align.small.fits)."""
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("".join(f"Line number {k} says something about the weather.\n" for k in range(80)), encoding="utf-8")
    ar.write_text("".join(f"السطر رقم {k} يقول شيئا عن الطقس.\n" for k in range(80)), encoding="utf-8")
    assert _modules_after(["align", en, ar, "--presegmented", "-f", "tsv", "-o", tmp_path / "a.tsv"],
                          ("numpy", "mtkit.align.dp")) == ["mtkit.align.dp", "numpy"]


def test_the_version_needs_no_package_metadata():
    assert _modules_after(["--version"], ("importlib.metadata",)) == []


def test_the_version_constant_is_what_the_installed_package_metadata_says():
    """pyproject.toml reads mtkit/version.py, so `mtkit --version`, JSON headers and the package
    metadata agree (when mtkit is installed, as CI installs it)."""
    import importlib.metadata

    from mtkit.version import VERSION
    try:
        installed = importlib.metadata.version("mtkit")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("mtkit is not installed in this environment")
    assert installed == VERSION


def test_a_presegmented_align_imports_neither_the_sentence_splitter_nor_what_builds_caches(tmp_path):
    """``align --presegmented`` with a warm cache: no sentence splitter (mtkit.text.sentences), no
    gzip (the FreeDict files are read only to build the cache), while its 80 lines do go to the
    numpy DP (and BAMA's glosses, Arabic → English, are alignment evidence: mtkit.align.features)."""
    en, ar = tmp_path / "en.txt", tmp_path / "ar.txt"
    en.write_text("".join(f"Line number {k} says something about the weather.\n" for k in range(80)), encoding="utf-8")
    ar.write_text("".join(f"السطر رقم {k} يقول شيئا عن الطقس.\n" for k in range(80)), encoding="utf-8")
    args = ["align", en, ar, "--presegmented", "-f", "tsv", "-o", tmp_path / "a.tsv"]
    _modules_after(args, (), tmp_path / "cache")
    watched = ("mtkit.text.sentences", "gzip", "mtkit.align.dp")
    assert _modules_after(args, watched, tmp_path / "cache") == ["mtkit.align.dp"]


def test_align_reads_no_package_resources_json_lexicon_or_dictionary_beyond_its_stems(tmp_path):
    """``align`` (a 200-sentence document with a warm cache) imports no importlib.resources or
    zipfile (mtkit's data files are read beside mtkit.data), no json (its TSV tables), no word
    frequency list or lexicon but BAMA's (its glosses are alignment evidence: mtkit.align.features),
    and of the cached tables opens only FreeDict's stems and BAMA's."""
    args = ["align", EN, AR, "-f", "tsv", "-o", tmp_path / "a.tsv"]
    _modules_after(args, (), tmp_path / "cache")
    watched = ("importlib.resources", "importlib.readers", "zipfile", "json", "wordfreq", "mtkit.text.lexicon",
               "mtkit.text.lemmas", "mtkit.text.spelling")
    assert _modules_after(args, watched, tmp_path / "cache") == []
    # a table's file name without its cache key: freedict-KEY.stems.table is freedict.stems
    code = ("import re, sys\nopened = []\n"
            "sys.addaudithook(lambda event, args: event == 'open' and isinstance(args[0], str) and "
            "args[0].endswith('.table') and opened.append(re.sub(r'-[0-9a-f]+', '', "
            "args[0].rsplit('/', 1)[-1]).removesuffix('.table')))\n"
            "from mtkit.cli import main\n"
            f"sys.argv = ['mtkit', *{[str(a) for a in args]!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print(sorted(set(opened)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), MTKIT_CACHE_DIR=str(tmp_path / "cache")))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "['bama-stems', 'bama-words', 'freedict.stems']"
