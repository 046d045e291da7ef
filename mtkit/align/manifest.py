"""``mtkit align --manifest FILE``: many document pairs aligned in one run, on local processes
(``jobs``) or a Dask cluster (``dask``), each document's beads written as one JSON line in
manifest order, then a summary line.

The manifest is a table (JSON Lines, or TSV with a header or in the pairs layout ``en<TAB>ar`` /
``id<TAB>en<TAB>ar``) with an English path, an Arabic path and an optional id (default: the row's
default id, as for pairs files). Relative paths are relative to the manifest's folder; paths may
be fsspec URLs. Documents are read by the workers, so on a cluster they must be on storage the
workers see (a shared file system or object storage).
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mtkit.errors import InputError


@dataclass(frozen=True)
class Document:
    id: str
    en: str             # as written in the manifest (shown in the output)
    ar: str
    en_path: str        # resolved against the manifest's folder, absolute (workers have their own cwd)
    ar_path: str
    en_shown: str       # the same, relative to the current folder: how messages name it
    ar_shown: str


@dataclass(frozen=True)
class AlignSettings:
    presegmented: bool = False
    level: str = "sentence"
    max_bead: int = 2


def _resolve(path: str, base: str) -> str:
    if "://" in path or os.path.isabs(path):
        return path
    return os.path.normpath(os.path.join(base, path))


def _document(record, path: str) -> Document:
    data = record.data
    values = {}
    for key in ("en", "ar"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"missing the '{key}' document path", path, record.line)
        values[key] = value.strip()
    doc_id = data.get("id")
    folder = os.path.dirname(path) if "://" not in path else path.rsplit("/", 1)[0]
    absolute = os.path.abspath(folder) if "://" not in path else folder
    return Document(record.default_id if doc_id in (None, "") else str(doc_id), values["en"], values["ar"],
                    _resolve(values["en"], absolute), _resolve(values["ar"], absolute),
                    _resolve(values["en"], folder), _resolve(values["ar"], folder))


def read_manifest(path: str) -> list[Document]:
    """The manifest's documents, in order; a bad row or a repeated id is bad input."""
    from mtkit.io.sources import local_table
    from mtkit.io.tables import read_records
    with local_table(path) as local:
        documents = [_document(record, path) for record in read_records(local)]
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"document id {doc.id!r} appears twice", path)
        seen.add(doc.id)
    if not documents:
        raise InputError("the manifest lists no documents", path)
    return documents


def align_document(doc: Document, settings: AlignSettings) -> tuple[dict | None, str | None]:
    """One document's alignment as the contract's align JSON (with id and paths), or the bad
    input message (returned, not raised, so the driver decides what ``--skip-bad`` does)."""
    from mtkit import api
    from mtkit.io.sources import local_copy
    try:
        with local_copy(doc.en_path) as en, local_copy(doc.ar_path) as ar:
            try:
                alignment = api.align(en, ar, presegmented=settings.presegmented, level=settings.level,
                                      max_bead=settings.max_bead)
            except InputError as exc:   # name the manifest's path, not a local copy of a URL
                names = {en: doc.en_shown, ar: doc.ar_shown}
                raise InputError(exc.message, names.get(exc.path or "", exc.path), exc.line) from None
    except InputError as exc:
        if exc.path in (doc.en_path, doc.ar_path):   # raised by local_copy for a URL
            exc = InputError(exc.message, doc.en_shown if exc.path == doc.en_path else doc.ar_shown, exc.line)
        return None, str(exc) if exc.path else f"{doc.en_shown}: {exc}"
    return {"id": doc.id, "en": doc.en, "ar": doc.ar, **alignment.to_dict()}, None


def _local(documents: list[Document], settings: AlignSettings, jobs: int) -> Iterator[tuple]:
    if jobs <= 1:
        for doc in documents:
            yield doc, align_document(doc, settings)
        return
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = []
        for doc in documents:
            pending.append((doc, pool.submit(align_document, doc, settings)))
            if len(pending) >= 2 * jobs:
                done_doc, future = pending.pop(0)
                yield done_doc, future.result()
        for doc, future in pending:
            yield doc, future.result()


def _on_dask(documents: list[Document], settings: AlignSettings, address: str) -> Iterator[tuple]:
    from mtkit.dask.cluster import dask_client, ordered
    with dask_client(address) as client:
        yield from ordered(client, ((doc, (doc, settings)) for doc in documents), align_document, "mtkit-align")


def align_manifest(documents: list[Document], settings: AlignSettings, *, jobs: int = 1,
                   dask: str | None = None, skipped: list | None = None) -> Iterator[dict]:
    """Each document's alignment, in manifest order. A bad document raises InputError, or with a
    ``skipped`` list is noted there and passed over."""
    results: Iterable[tuple] = _on_dask(documents, settings, dask) if dask else _local(documents, settings, jobs)
    for _doc, (aligned, error) in results:
        if error is not None:
            if skipped is None:
                raise InputError(error)
            skipped.append(error)
            continue
        yield aligned


def write_jsonl(aligned: Iterable[dict], stream, documents: int, skipped: list) -> None:
    """One line per document, then a summary line (with the skipped documents, if any)."""
    from mtkit import __version__
    done = beads = 0
    for doc in aligned:
        stream.write(json.dumps(doc, ensure_ascii=False) + "\n")
        done += 1
        beads += len(doc["beads"])
    last: dict = {"tool": "mtkit", "version": __version__,
                  "summary": {"documents": documents, "aligned": done, "beads": beads}}
    if skipped:
        last["skipped"] = skipped
    stream.write(json.dumps(last, ensure_ascii=False) + "\n")
