"""JSON: the contract's shapes, which are the data model's ``to_dict()``."""
from __future__ import annotations

import json
from typing import TextIO

from mtkit.report import writer


@writer("json")  # any result: the contract JSON is its to_dict()
def write_json(result, stream: TextIO, **_options) -> None:
    json.dump(result.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
