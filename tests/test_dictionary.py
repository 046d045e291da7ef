"""The FreeDict reader: a small dictd dictionary written here in the real format, the installed
FreeDict packages when present (skipped otherwise), and graceful absence."""
import gzip
from pathlib import Path

import pytest

from mtkit.text import dictionary
from mtkit.text.dictionary import Bilingual, en_key, load

_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(value: int) -> str:
    out = ""
    while True:
        out = _DIGITS[value % 64] + out
        value //= 64
        if value == 0:
            return out


def _write(directory: Path, name: str, entries: list[tuple[str, str]]) -> None:
    """A dictd dictionary: body entries in a gzip file, index lines with base64 offsets."""
    body, index = b"", []
    for head, text in [("00databaseshort", "test dictionary\n")] + entries:
        data = text.encode("utf-8")
        index.append(f"{head}\t{_b64(len(body))}\t{_b64(len(data))}")
        body += data
    (directory / f"{name}.dict.dz").write_bytes(gzip.compress(body))
    (directory / f"{name}.index").write_text("\n".join(sorted(index)) + "\n", encoding="utf-8")


@pytest.fixture
def small(tmp_path, monkeypatch) -> Bilingual:
    monkeypatch.setenv("MTKIT_NO_CACHE", "1")
    _write(tmp_path, "freedict-eng-ara", [
        ("hospital", "hospital /hˈɒspɪtəl/\n1. مُسْتَشْفى\n2. مستوصف\n"),
        ("letter", "letter /lˈɛtə/\nالحرف الأول في اللغة الإنجليزية\n"),
        ("government", "government /ɡˈʌvənmənt/\nالحكومة، حكومة\n"),
    ])
    _write(tmp_path, "freedict-ara-eng", [
        ("وزارة", "وزارة /wizaːra/\n1. Ministry\n2. Department\n"),
    ])
    lex = load(str(tmp_path))
    assert lex is not None
    return lex


def test_reads_both_directions_and_normalizes_arabic(small):
    assert small.en_to_ar("hospital") == {"مستشفي", "مستوصف"}
    assert small.en_to_ar("Ministry") == {"وزاره"}
    assert small.en_to_ar("government") == {"الحكومه", "حكومه"}   # comma-separated alternatives
    assert small.ar_to_en("وزارة") == {"ministry", "department"}
    assert small.ar_to_en("والحكومة") == {"government"}              # clitic and article removed


def test_covers_inflected_forms_on_both_sides(small):
    assert small.covers("hospitals", "المستشفى")
    assert small.covers("Governments", "وحكومات")
    assert small.covers("ministries", "الوزارة")
    assert not small.covers("hospital", "الحكومة")
    # the words of a long definition are no renderings of the headword
    assert not small.covers("letter", "الإنجليزية")
    assert not small.covers("unknown", "مستشفى")


def test_absent_dictionaries_give_none(tmp_path):
    assert load(str(tmp_path)) is None


def test_damaged_files_are_treated_as_absent(tmp_path, monkeypatch):
    monkeypatch.setenv("MTKIT_NO_CACHE", "1")
    for name in ("freedict-eng-ara", "freedict-ara-eng"):
        (tmp_path / f"{name}.dict.dz").write_bytes(b"not gzip")
        (tmp_path / f"{name}.index").write_text("x\tA\tB\n", encoding="utf-8")
    lex = load(str(tmp_path))
    assert lex is None or len(lex) == 0


def test_cache_gives_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    _write(tmp_path, "freedict-eng-ara", [("hospital", "hospital\nمستشفى\n"), ("hospitals", "hospitals\nمستشفيات\n")])
    _write(tmp_path, "freedict-ara-eng", [("وزارة", "وزارة\n1. Ministry\n2. Department\n")])
    first = load(str(tmp_path))
    assert sorted(p.name.split(".")[1] for p in (tmp_path / "cache").glob("freedict-*.table")) == \
        ["ar", "cores", "en", "keys", "stems"]
    second = load(str(tmp_path))        # from the cache, with the reverse indexes already built
    assert first is not None and second is not None
    assert second._reverse_tables is None                                       # read on first use
    assert second.en_to_ar("hospital") == first.en_to_ar("hospital") == {"مستشفي"}
    for word in ("وزارة", "والوزارة", "مستشفى", "بالمستشفيات", "وزارتين", "كتاب"):   # exact, clitics, stem, none
        assert second.ar_to_en(word) == first.ar_to_en(word)
    assert second.ar_to_en("وزارة") == {"ministry", "department"}
    assert second.ar_to_en("بالمستشفيات") == {"hospitals"}
    assert [dict(t) for t in second._reverse_tables] == list(first.reverse_tables())   # as built
    assert dict(second._en) == dict(first._en) and dict(second._by_key) == dict(first._by_key)
    uncached = Bilingual(dict(first._en), dict(first._by_key))          # stems computed per word
    assert dict(second._stems or {}) == uncached.stem_table() != {}
    for word in ("hospital", "hospitals", "ministry", "departments", "book", "the"):
        assert second.ar_stems(word) == uncached.ar_stems(word)



def test_stems_need_neither_cached_english_table(tmp_path, monkeypatch):
    """The aligner asks for stems only: the English → Arabic table and the headword index are
    opened on first use, and one damaged since the run began is parsed again, not an error."""
    monkeypatch.setenv("MTKIT_CACHE_DIR", str(tmp_path / "cache"))
    _write(tmp_path, "freedict-eng-ara", [("hospital", "hospital\nمستشفى\n"), ("hospitals", "hospitals\nمستشفيات\n")])
    first = load(str(tmp_path))
    assert first is not None
    second = load(str(tmp_path))
    assert second is not None
    for name in ("en", "keys"):
        next((tmp_path / "cache").glob(f"freedict-*.{name}.table")).write_bytes(b"damaged\n")
    assert second.ar_stems("hospitals") == first.ar_stems("hospitals") != frozenset()
    assert second.en_to_ar("hospitals") == first.en_to_ar("hospitals") == {"مستشفيات"}
    assert len(second) == len(first)
    # read only when asked (after the damage), then parsed again and the cache rewritten
    assert next((tmp_path / "cache").glob("freedict-*.en.table")).read_bytes() != b"damaged\n"

def test_the_cache_follows_mtkit_cache_dir(tmp_path, monkeypatch):
    _write(tmp_path, "freedict-eng-ara", [("hospital", "hospital\nمستشفى\n")])
    monkeypatch.setenv("MTKIT_CACHE_DIR", "")                      # caching off: nothing written
    assert load(str(tmp_path)) is not None
    assert not list(tmp_path.rglob("freedict-*.table"))


def test_light_english_stems():
    assert en_key("houses") == en_key("house") == en_key("housing")
    assert en_key("studies") == en_key("study")
    assert en_key("government's") == en_key("government")


INSTALLED = Path(dictionary.DEFAULT_DIR) / "freedict-eng-ara.index"


@pytest.mark.skipif(not INSTALLED.is_file(), reason="FreeDict (dict-freedict-eng-ara) is not installed")
def test_installed_freedict(monkeypatch):
    monkeypatch.delenv("MTKIT_DICTD_DIR", raising=False)
    lex = dictionary.bilingual()
    assert lex is not None and len(lex) > 50_000
    assert lex is dictionary.bilingual()              # loaded once per process
    assert lex.covers("hospital", "المستشفيات")
    assert lex.covers("health", "الصحة")
    assert lex.covers("vaccine", "اللقاح")
    assert "hospital" in lex.ar_to_en("بالمستشفى")
