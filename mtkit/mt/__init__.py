"""``mtkit translate``: translate line by line with a transformers seq2seq model.

Each line (a paragraph) is split into sentences, the sentences are translated in length-sorted
batches, and each line's translations are joined back, so the output is line-aligned with the
input. torch and transformers load only when a model is used (in :mod:`mtkit.mt.engine`).
"""
from __future__ import annotations

from typing import Sequence

from mtkit.mt.result import Translation
from mtkit.text.sentences import split_sentences

__all__ = ["translate", "translate_lines", "Translation"]


def translate_lines(translator, lines: Sequence[str], *, split: bool = True, batch_size: int = 16,
                    beams: int = 4, max_length: int = 256, quiet: bool = True) -> tuple[list[str], int]:
    """Translated lines (blank lines stay blank) and the number of sentences translated."""
    from mtkit.mt.engine import translate_sentences
    pieces = [(split_sentences(line.strip()) if split else [line.strip()]) if line.strip() else []
              for line in lines]
    flat = [s for sentences in pieces for s in sentences]
    done = iter(translate_sentences(translator, flat, batch_size=batch_size, beams=beams,
                                    max_length=max_length, quiet=quiet))
    return [" ".join(next(done) for _ in sentences) for sentences in pieces], len(flat)


def translate(lines: str | Sequence[str], model: str, *, src_lang: str = "en", tgt_lang: str = "ar",
              batch_size: int = 16, beams: int = 4, max_length: int = 256, device: str = "auto",
              split: bool = True, quiet: bool = True, translator=None) -> Translation:
    """Translate a file (path) or a list of lines with ``model`` (a local directory or hub id)."""
    from mtkit.mt.engine import load
    if isinstance(lines, str):
        from mtkit.io import read_lines
        lines = read_lines(lines)
    if translator is None:
        translator = load(model, src_lang=src_lang, tgt_lang=tgt_lang, device=device)
    out, count = translate_lines(translator, list(lines), split=split, batch_size=batch_size, beams=beams,
                                 max_length=max_length, quiet=quiet)
    return Translation(model, src_lang, tgt_lang, list(lines), out, count)
