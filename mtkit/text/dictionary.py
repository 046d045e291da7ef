"""English↔Arabic word translations from the FreeDict dictionaries, read at run time.

The Debian packages ``dict-freedict-eng-ara`` and ``dict-freedict-ara-eng`` install dictd files
(``freedict-eng-ara.index`` + ``.dict.dz``, and the reverse) under /usr/share/dictd. They are GPL,
so mtkit never ships them: it reads them when they are installed and works without them
(:func:`bilingual` returns None). ``MTKIT_DICTD_DIR`` points at another directory (tests use it).

A dictd index line is ``headword<TAB>offset<TAB>length``, offset and length in dictd's base64
(A-Z a-z 0-9 + /, most significant digit first) into the uncompressed ``.dict`` text; a ``.dict.dz``
is dictzip, which is gzip, so Python's gzip reads it. An entry is its headword line (with IPA),
then translations, one per line, numbered ``1. …`` when there are several.

Both directions are merged into one English→Arabic relation. Arabic is normalized with the
project's normalizer; English is lower-cased. :meth:`Bilingual.covers` matches inflected words on
both sides through light stems (English suffixes; Arabic :func:`ar_core`), computed lazily.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache, partial
from pathlib import Path

from mtkit.table import Deferred, Table
from mtkit.table import encode as table_bytes
from mtkit.text.arabic import ALL_LETTERS, ar_core
from mtkit.text.normalize import norm

DEFAULT_DIR = "/usr/share/dictd"
ENG_ARA = "freedict-eng-ara"
ARA_ENG = "freedict-ara-eng"
# A translation longer than this many words is a definition, not a rendering: its words are not
# counted as translations of the headword (``A`` → "the first letter of the English alphabet").
MAX_PHRASE_WORDS = 3
SEP = "\x1f"                # joins several values in one string (unit separator)
CACHE_VERSION = 7          # bump when the parsed tables change shape or content

_B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_NUMBERING = re.compile(r"^\d+\.\s*")
_ALTERNATIVES = re.compile(r"\s*[،,;؛]\s*")
_AR_WORD = re.compile(f"[{ALL_LETTERS}]+")
# Arabic function words inside translations ("من الدرجة الأولى"): never evidence of a rendering.
AR_FUNCTION_WORDS = frozenset(norm(w) for w in (
    "في", "من", "على", "الى", "إلى", "عن", "مع", "او", "أو", "و", "ما", "لا", "لم", "لن", "ان", "أن", "إن",
    "هو", "هي", "هذا", "هذه", "ذلك", "التي", "الذي", "كان", "قد", "ب", "ل", "ك", "ثم", "بين", "كل", "بعض",
    "غير", "عند", "حول", "يكون", "شخص", "شيء", "شيئ"))
# English function words: never a content word left without a rendering (mtkit.align.words), nor
# evidence the aligner weighs (mtkit.align.features)
EN_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "nor",
    "not", "no", "is", "are", "was", "were", "be", "been", "being", "am", "as", "it", "its", "it's", "that",
    "this", "these", "those", "which", "who", "whom", "whose", "what", "there", "here", "has", "have", "had",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "than",
    "then", "so", "such", "very", "also", "just", "about", "into", "onto", "over", "under", "up", "down",
    "out", "off", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your",
    "his", "our", "their", "one's", "if", "when", "while", "because", "although", "though", "after", "before",
    "since", "until", "where", "how", "why", "all", "any", "some", "each", "every", "both", "either",
    "neither", "own", "same", "other", "more", "most", "less", "least", "only", "too", "again", "further",
    "once's"])
_EN_STOP = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "not", "no",
    "is", "be", "as", "it", "its", "that", "this", "which", "who"])


def _b64(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _B64[ch]
    return value


@lru_cache(maxsize=200_000)      # a pure function of the word, asked for every word pair the aligner weighs
def en_key(word: str) -> str:
    """A light English stem, the same for a headword and for a word met in text, so that
    "governments", "governed" and "government's" find "government" and "govern"."""
    word = word.lower()
    word = word.removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("s", ""), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word   # house, housing: hous


def _translations(body: str) -> list[str]:
    """The translations of one dictd entry (its headword line dropped), split at commas."""
    out: list[str] = []
    for line in body.split("\n")[1:]:
        line = _NUMBERING.sub("", line.strip())
        if line:
            out.extend(part for part in _ALTERNATIVES.split(line) if part)
    return out


def _read(directory: Path, name: str) -> list[tuple[str, list[str]]] | None:
    """(headword, translations) for every entry of one dictd dictionary, or None if absent."""
    index, data = directory / f"{name}.index", directory / f"{name}.dict.dz"
    if not index.is_file() or not data.is_file():
        return None
    import gzip           # only to build the cache: a run with a warm one does not import it
    try:
        raw = gzip.decompress(data.read_bytes())
        lines = index.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile):
        return None      # a damaged install is treated as absent: the dictionary is only evidence
    entries = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database") or parts[0].startswith("00-database"):
            continue
        try:
            start, size = _b64(parts[1]), _b64(parts[2])
        except KeyError:
            continue
        body = raw[start:start + size].decode("utf-8", errors="replace")
        entries.append((parts[0], _translations(body)))
    return entries


class Bilingual:
    """English↔Arabic word translations (both FreeDict directions merged)."""

    def __init__(self, en: Mapping[str, str], by_key: Mapping[str, str],
                 stored_reverse: Callable[[], tuple[Mapping[str, str], Mapping[str, str]] | None] | None = None,
                 stems: Mapping[str, str] | None = None):
        # values are SEP-joined strings, not lists: one string per entry, as the cached tables keep them
        self._en = en                  # English word → normalized Arabic phrases
        self._by_key = by_key          # en_key → English single-word headwords
        # the reverse indexes (Arabic phrase → English words; light stem → English words) are
        # derived from ``en`` on first use (about 0.3 s), or read from the cache (``stored_reverse``)
        self._stored_reverse = stored_reverse
        # en_key → the SEP-joined light stems ``ar_stems`` gives (see stem_table): kept with the cached
        # tables, so that a run does not stem every phrase of every word it asks about; None: computed
        self._stems = stems
        self._reverse_tables: tuple[Mapping[str, str], Mapping[str, str]] | None = None
        # memos of this dictionary's own, keyed by the word alone (an lru_cache over (dictionary, word)
        # keeps a tuple per word that the garbage collector tracks): asked for every Arabic word of
        # every pair, by several checks
        self._english = lru_cache(maxsize=100_000)(self._find_english)
        self._stems_by_key = lru_cache(maxsize=100_000)(partial(_ar_stems, self))

    @classmethod
    def from_entries(cls, en_ar: list[tuple[str, list[str]]], ar_en: list[tuple[str, list[str]]]) -> Bilingual:
        en: dict[str, dict[str, None]] = {}       # ordered sets: the same order every run
        for head, translations in en_ar:
            english = head.lower().strip()
            for ar in translations:
                _add(en, english, norm(ar).strip())
        for head, translations in ar_en:
            arabic = norm(head).strip()
            for english in translations:
                _add(en, english.lower().strip(), arabic)
        by_key: dict[str, list[str]] = {}
        for english in en:
            if " " not in english:
                by_key.setdefault(en_key(english), []).append(english)
        return cls({k: SEP.join(v) for k, v in en.items()}, {k: SEP.join(v) for k, v in by_key.items()})

    def _phrases(self, english: str) -> list[str]:
        return self._en[english].split(SEP)

    def _heads(self, key: str) -> list[str]:
        found = self._by_key.get(key)
        return found.split(SEP) if found else []

    def _reverse(self) -> tuple[Mapping[str, str], Mapping[str, str]]:
        if self._reverse_tables is None:
            stored = self._stored_reverse() if self._stored_reverse is not None else None
            self._reverse_tables = stored if stored is not None else self.reverse_tables()
        return self._reverse_tables

    def reverse_tables(self) -> tuple[dict[str, str], dict[str, str]]:
        """Built from ``en``: normalized Arabic phrase → English words, and Arabic light stem
        (:func:`ar_core`, single words) → English words."""
        index: dict[str, dict[str, None]] = {}          # ordered sets: the same order every run
        for english, phrases in self._en.items():
            for arabic in phrases.split(SEP):
                index.setdefault(arabic, {})[english] = None
        cores: dict[str, dict[str, None]] = {}
        for arabic, words in index.items():
            if " " not in arabic:
                cores.setdefault(ar_core(arabic), {}).update(words)
        return {k: SEP.join(v) for k, v in index.items()}, {k: SEP.join(v) for k, v in cores.items()}

    def stem_table(self) -> dict[str, str]:
        """Every ``en_key`` with the light stems :meth:`ar_stems` gives it, SEP-joined (keys without any are left out)."""
        out = {}
        for key in self._by_key:
            stems = _stems_of(self, key)
            if stems:
                out[key] = SEP.join(sorted(stems))
        return out

    def __len__(self) -> int:
        return len(self._en)

    def en_to_ar(self, word: str) -> frozenset[str]:
        """Normalized Arabic renderings of an English word or lemma (exact, else by light stem)."""
        word = word.lower().strip()
        if word in self._en:
            return frozenset(self._phrases(word))
        found: set[str] = set()
        for head in self._heads(en_key(word)):
            found.update(self._phrases(head))
        return frozenset(found)

    def ar_to_en(self, word: str) -> frozenset[str]:
        """English renderings of an Arabic word or phrase: as written, else without its clitics
        and article, else by light stem."""
        return self._english(word)

    def _find_english(self, word: str) -> frozenset[str]:
        text = norm(word).strip()
        phrases, cores = self._reverse()
        for form in (text, *_ar_forms(text)):
            found = phrases.get(form)
            if found is not None:
                return frozenset(found.split(SEP))
        found = cores.get(ar_core(text))
        return frozenset(found.split(SEP)) if found is not None else frozenset()

    def covers(self, en_word: str, ar_token: str) -> bool:
        """Does the dictionary render ``en_word`` with a word whose light stem is ``ar_token``'s?
        Both are matched through light stems; words of long definitions do not count."""
        return ar_key(ar_token) in self.ar_stems(en_word)

    def ar_stems(self, en_word: str) -> frozenset[str]:
        """Light stems (:func:`ar_core`) of the Arabic content words that render ``en_word``."""
        return self._stems_by_key(en_key(en_word))


def english_of(word: str, lex: Bilingual | None) -> frozenset[str]:
    """English renderings of an Arabic word: FreeDict's, and the glosses of its morphological
    analyses (BAMA, :mod:`mtkit.text.bama`), which read the inflected verbs and plurals that
    FreeDict's headwords miss."""
    found = lex.ar_to_en(word) if lex is not None else frozenset()
    from mtkit.text import bama       # the audit's; ``align`` never asks Arabic → English
    analyzer = bama.lexicon()
    return found | analyzer.glosses(norm(word)) if analyzer is not None else found


def ar_key(ar_token: str) -> str:
    """What :meth:`Bilingual.covers` looks an Arabic word up by: its light stem."""
    return ar_core(norm(ar_token))


def _add(table: dict[str, dict[str, None]], english: str, arabic: str) -> None:
    # a word of a text never holds a tab, and the cached tables' keys cannot (mtkit/table.py)
    if english and arabic and "\t" not in english and "\t" not in arabic:
        table.setdefault(english, {})[arabic] = None


def _ar_stems(lex: Bilingual, key: str) -> frozenset[str]:
    if lex._stems is not None:
        found = lex._stems.get(key)
        return frozenset(found.split(SEP)) if found else frozenset()
    return _stems_of(lex, key)


def _stems_of(lex: Bilingual, key: str) -> frozenset[str]:
    if key in _EN_STOP:
        return frozenset()
    stems: set[str] = set()
    for head in lex._heads(key):
        for phrase in lex._phrases(head):
            words = _AR_WORD.findall(phrase)
            if len(words) <= MAX_PHRASE_WORDS:
                for w in words:
                    if w not in AR_FUNCTION_WORDS and len(w) >= 2:
                        # also as if it had the article: a word-initial و is a root letter
                        # (وزارة) or a conjunction, and the stemmer can only tell after ال
                        stems.update((ar_core(w), ar_core(w if w.startswith("ال") else "ال" + w)))
    return frozenset(stems)


def _ar_forms(text: str) -> tuple[str, ...]:
    """A word without a conjunction/preposition proclitic and with or without its article."""
    forms = []
    rest = text[1:] if len(text) > 3 and text[0] in "وفبلك" else text
    if rest != text:
        forms.append(rest)
    if rest.startswith("ال") and len(rest) > 4:
        forms.append(rest[2:])
    elif not rest.startswith("ال"):
        forms.append("ال" + rest)
    return tuple(forms)


def load(directory: str | None = None) -> Bilingual | None:
    """Both dictionaries from ``directory`` (default ``$MTKIT_DICTD_DIR`` or /usr/share/dictd);
    None when neither is installed, one alone is enough.

    Parsing, indexing and stemming every word's renderings take a few seconds, so the tables (with
    each word's Arabic stems), and apart their reverse indexes (read on first use), are kept in
    mtkit's cache directory as tables searched in place (mtkit/table.py, keyed by the dictionary
    files' sizes and times), which open in a few ms; the cache is derived on this machine from the
    installed files, never shipped."""
    where = Path(directory or os.environ.get("MTKIT_DICTD_DIR") or DEFAULT_DIR)
    files = [where / f"{name}{ext}" for name in (ENG_ARA, ARA_ENG) for ext in (".index", ".dict.dz")]
    stamp = [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file()]
    if not stamp:
        return None
    base = _cache_base(where, stamp)
    if base is not None:
        try:
            return _from_cache(base, where)
        except (OSError, ValueError):
            pass                # missing or broken: rebuilt below
    return _build(where, base)


def _from_cache(base: Path, where: Path) -> Bilingual:
    """The cached tables: the stems read now, English → Arabic and the headword index on first
    use (``align`` asks only for stems: 3.7 MB it need not read), the reverse ones likewise."""
    stems = Table(_part(base, "stems").read_bytes(), base.name)
    if not all(_part(base, name).is_file() for name in ("en", "keys")):
        raise OSError("a cached table is missing")
    en, by_key = (Deferred(partial(_open_or_build, base, where, name)) for name in ("en", "keys"))
    return Bilingual(en, by_key, lambda: _read_reverse(base), stems)


def _open_or_build(base: Path, where: Path, name: str) -> Mapping[str, str]:
    try:
        return Table(_part(base, name).read_bytes(), base.name)
    except (OSError, ValueError):       # removed or damaged since the run began: parse again
        lex = _build(where, base)
        return {} if lex is None else lex._en if name == "en" else lex._by_key


def _build(where: Path, base: Path | None) -> Bilingual | None:
    """Both dictionaries parsed from their files, and their tables written to the cache (``base``)."""
    en_ar, ar_en = _read(where, ENG_ARA), _read(where, ARA_ENG)
    if en_ar is None and ar_en is None:
        return None
    lex = Bilingual.from_entries(en_ar or [], ar_en or [])
    if base is not None:
        # the reverse indexes in tables of their own, written first: ``align`` never asks Arabic → English
        reverse, stem_rows = lex.reverse_tables(), lex.stem_table()
        for name, value in zip(("ar", "cores", "stems", "en", "keys"), (*reverse, stem_rows, lex._en, lex._by_key)):
            _write(_part(base, name), table_bytes(value, base.name))
        return Bilingual(lex._en, lex._by_key, lambda: reverse, stem_rows)
    return lex


def _part(base: Path, name: str) -> Path:
    return base.with_name(f"{base.name}.{name}.table")


def _read_reverse(base: Path) -> tuple[Mapping[str, str], Mapping[str, str]] | None:
    try:
        return Table(_part(base, "ar").read_bytes(), base.name), Table(_part(base, "cores").read_bytes(), base.name)
    except (OSError, ValueError):
        return None             # missing or broken: built from the tables instead


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass                    # a read-only home: parse again next time


def _cache_base(where: Path, stamp: list) -> Path | None:
    """``freedict-KEY`` in mtkit's cache directory (MTKIT_CACHE_DIR; "" turns it off), KEY from the
    dictionary files' names, sizes and times; its tables are ``freedict-KEY.NAME.table``."""
    from mtkit.cache import directory
    folder = None if os.environ.get("MTKIT_NO_CACHE") else directory()
    if folder is None:
        return None
    key = hashlib.sha256(repr((str(where.resolve()), stamp, CACHE_VERSION)).encode()).hexdigest()[:16]
    return folder / f"freedict-{key}"


@cache
def _cached(directory: str) -> Bilingual | None:
    return load(directory)


def bilingual() -> Bilingual | None:
    """The installed dictionaries, loaded once per process (per directory); None when absent."""
    return _cached(os.environ.get("MTKIT_DICTD_DIR") or DEFAULT_DIR)
