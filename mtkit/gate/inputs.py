"""What a gate run looks at: one ``Item`` per translated file, from a document pair, two
directories matched by file name, a pairs file, or an audit JSON written earlier."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Optional

from mtkit.errors import InputError

_LANG_TAG = re.compile(r"\.(en|ar)(?=\.|$)", re.I)


@dataclass(frozen=True)
class Item:
    ar: str                            # the translated file: the scope of per-file rules
    en: Optional[str] = None           # the English original (document input)
    pairs: Optional[str] = None        # a pairs file (en and ar in one file)
    audit_json: Optional[str] = None   # an audit written earlier
    system: Optional[str] = None       # lines to score (default: the Arabic document / pairs' ar side)
    ref: Optional[str] = None
    baseline: Optional[str] = None


def _exists(path: str, what: str) -> str:
    if not os.path.exists(path):
        raise InputError(f"no such {what}", path)
    return path


def _file(path: Optional[str]) -> Optional[str]:
    if path is not None and os.path.isdir(path):
        raise InputError("is a directory; a directory goes with --src-dir/--tgt-dir input", path)
    return path


def match_key(relpath: str) -> str:
    """Files pair up by their path inside the directory, ignoring a language tag in the name:
    ``en/guide/intro.md`` ↔ ``ar/guide/intro.md``, ``en/report.en.txt`` ↔ ``ar/report.ar.txt``."""
    head, name = os.path.split(relpath)
    return os.path.join(head, _LANG_TAG.sub("", name))


def _listing(directory: str) -> dict[str, str]:
    """key -> path for the visible regular files under a directory (recursively, sorted)."""
    if not os.path.isdir(directory):
        raise InputError("no such directory" if not os.path.exists(directory) else "not a directory", directory)
    found: dict[str, str] = {}
    tree = os.path.realpath(directory)
    for root, dirs, files in os.walk(directory):   # symlinked folders are not entered
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            _inside(path, tree, directory)
            key = match_key(os.path.relpath(path, directory))
            if key in found:
                raise InputError(f"two files match the same name: {found[key]} and {path}", path)
            found[key] = path
    return found


def _inside(path: str, tree: str, directory: str) -> None:
    """A gate reads only regular files inside the trees it was given: a symbolic link that leads
    out of the tree (to /etc/passwd, a secret) or a FIFO/device that would block is refused."""
    real = os.path.realpath(path)
    if os.path.commonpath([real, tree]) != tree:
        raise InputError(f"a symbolic link that leads outside {directory}; only files inside it are read", path)
    if not os.path.isfile(real):
        raise InputError("not a regular file", path)


def _matching(directory: Optional[str], key: str, ar: str, option: str) -> Optional[str]:
    """The file in a --ref/--baseline/--system directory that matches one Arabic file."""
    if directory is None:
        return None
    if not os.path.isdir(directory):
        raise InputError(f"with --src-dir/--tgt-dir, {option} must be a directory", directory)
    match = _listing(directory).get(key)
    if match is None:
        raise InputError(f"no file in {directory} matches {ar} (for {option})", ar)
    return match


def from_documents(en: str, ar: str, *, system=None, ref=None, baseline=None) -> list[Item]:
    _exists(en, "file"), _exists(ar, "file")
    return [Item(ar=ar, en=en, system=_file(system), ref=_file(ref), baseline=_file(baseline))]


def from_dirs(src_dir: str, tgt_dir: str, *, system=None, ref=None, baseline=None) -> list[Item]:
    """One item per file name found in both directories; a file with no partner is bad input
    (a missing translation must not pass a gate unnoticed)."""
    src, tgt = _listing(src_dir), _listing(tgt_dir)
    for key, path in src.items():
        if key not in tgt:
            raise InputError(f"no Arabic file in {tgt_dir} matches it", path)
    for key, path in tgt.items():
        if key not in src:
            raise InputError(f"no English file in {src_dir} matches it", path)
    if not src:
        raise InputError("no files", src_dir)
    return [Item(ar=tgt[key], en=src[key],
                 system=_matching(system, key, tgt[key], "--system"),
                 ref=_matching(ref, key, tgt[key], "--ref"),
                 baseline=_matching(baseline, key, tgt[key], "--baseline"))
            for key in sorted(src)]


def from_pairs(pairs: str, *, system=None, ref=None, baseline=None) -> list[Item]:
    _exists(pairs, "file")
    return [Item(ar=pairs, pairs=pairs, system=_file(system), ref=_file(ref), baseline=_file(baseline))]


def from_audit_json(path: str, *, system=None, ref=None, baseline=None) -> list[Item]:
    _exists(path, "file")
    return [Item(ar=path, audit_json=path, system=_file(system), ref=_file(ref), baseline=_file(baseline))]


def select(documents=(), *, src_dir=None, tgt_dir=None, pairs=None, audit_json=None,
           system=None, ref=None, baseline=None) -> list[Item]:
    """The items of exactly one kind of input: EN AR documents (or two directories, as with
    --src-dir/--tgt-dir), two directories, a pairs file, or an audit JSON."""
    given = [bool(documents), bool(src_dir or tgt_dir), bool(pairs), bool(audit_json)]
    if sum(given) != 1:
        raise InputError("give one input: EN AR, --src-dir DIR --tgt-dir DIR, --pairs FILE, or --audit-json FILE")
    paths = dict(system=system, ref=ref, baseline=baseline)
    if documents:
        if len(documents) != 2:
            raise InputError(f"expected two documents, EN AR; got {len(documents)}")
        if all(os.path.isdir(d) for d in documents):
            return from_dirs(*documents, **paths)
        return from_documents(*documents, **paths)
    if src_dir or tgt_dir:
        if not (src_dir and tgt_dir):
            raise InputError("--src-dir and --tgt-dir go together")
        return from_dirs(src_dir, tgt_dir, **paths)
    if pairs:
        return from_pairs(pairs, **paths)
    return from_audit_json(audit_json, **paths)
