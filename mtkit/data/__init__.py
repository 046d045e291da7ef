"""Data files (lexicons, gazetteers, tables) shipped with mtkit. Each file starts with `#`
comment lines that say where its entries come from; loaders skip them."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Iterator


def data_path(name: str):
    return resources.files(__name__).joinpath(name)


def data_lines(name: str) -> Iterator[str]:
    """Non-blank, non-comment lines of a data file."""
    with data_path(name).open(encoding="utf-8") as stream:
        for line in stream:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


def tsv_rows(name: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.split("\t")] for line in data_lines(name)]


@lru_cache(maxsize=None)
def jsonl(name: str) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in data_lines(name))


def alternatives(cell: str) -> list[str]:
    """A cell's `|`-separated alternatives."""
    return [part.strip() for part in cell.split("|") if part.strip()]
