"""What ``mtkit translate`` returns (no torch here: importing this stays light)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Translation:
    model: str
    src_lang: str
    tgt_lang: str
    src: list[str]
    lines: list[str]                       # one output line per input line
    sentences: int = 0                     # sentences actually translated
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        from mtkit.version import header
        return {**header(), "model": self.model, "src_lang": self.src_lang, "tgt_lang": self.tgt_lang,
                "sentences": self.sentences,
                "lines": [{"src": s, "tgt": t} for s, t in zip(self.src, self.lines)]}
