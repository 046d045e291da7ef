"""Subtitles (SubRip ``.srt`` through ``srt``, WebVTT through ``webvtt-py``): two files become
segments by pairing cues, by index when both have as many cues, else by overlapping time. Cue
numbers and timecodes are never text; styling tags (``<i>``, ``{\\an8}``, ``<v Name>``) are codes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from mtkit.errors import InputError
from mtkit.io.documents import read_text
from mtkit.io.extras import need
from mtkit.io.inline import tidy
from mtkit.model import Segment

# Markup inside a cue: HTML-like tags of SRT and WebVTT, ASS overrides of SRT, WebVTT timestamps.
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}")


@dataclass(frozen=True)
class Cue:
    number: int            # 1-based position in the file
    start: float           # seconds
    end: float
    text: str
    codes: tuple[str, ...]
    line: int              # 1-based line of the cue's first text line


def _clean(raw: str) -> tuple[str, tuple[str, ...]]:
    codes = tuple(m.group().split(" ")[0].rstrip(">") + (">" if m.group().startswith("<") else "")
                  for m in _MARKUP.finditer(raw))
    return tidy(_MARKUP.sub("", raw)), codes


def _text_lines(text: str) -> list[int]:
    """1-based line of the first text line of each cue: the line after each timecode line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [n + 1 for n, line in enumerate(lines, start=1) if "-->" in line]


def _cue(number: int, start: float, end: float, raw: str, line: int, path: str) -> Cue:
    """A cue, checked: a cue that ends before it starts, or a timecode line inside a cue's text (a
    cue whose own timecode was not valid, read by the parser as the text of the cue before it:
    its number and timecode would be audited as words), is bad input naming its line."""
    for offset, text_line in enumerate(raw.split("\n")):
        if "-->" in text_line:
            raise InputError("not a valid cue timecode (a '-->' line inside a cue's text)", path,
                             line + offset if line else None)
    if end < start:
        raise InputError(f"cue {number} ends before it starts", path, line - 1 if line else None)
    body, codes = _clean(raw)
    return Cue(number, start, end, body, codes, line)


def read_srt(path: str) -> list[Cue]:
    srt = need("srt", "files", "SubRip (.srt)", path)
    text = read_text(path)
    try:
        subs = list(srt.parse(text))
    except srt.SRTParseError as exc:
        line = text[:exc.actual_start].count("\n") + 1
        raise InputError(f"SubRip (.srt): not a valid cue ({str(exc).split('.')[0]})", path, line) from None
    lines = _text_lines(text)
    cues = []
    for k, sub in enumerate(subs):
        cues.append(_cue(k + 1, sub.start.total_seconds(), sub.end.total_seconds(), sub.content,
                         lines[k] if k < len(lines) else 0, path))
    return cues


def read_vtt(path: str) -> list[Cue]:
    webvtt = need("webvtt", "files", "WebVTT (.vtt)", path)
    text = read_text(path)
    try:
        captions = list(webvtt.from_string(text))
    except webvtt.errors.MalformedFileError as exc:
        raise InputError(f"WebVTT (.vtt): {exc}", path) from None
    lines = _text_lines(text)
    cues = []
    for k, cap in enumerate(captions):
        cues.append(_cue(k + 1, cap.start_time.in_milliseconds() / 1000, cap.end_time.in_milliseconds() / 1000,
                         cap.raw_text, lines[k] if k < len(lines) else 0, path))
    return cues


def _overlap(a: Cue, b: Cue) -> float:
    return min(a.end, b.end) - max(a.start, b.start)


def pair_cues(en: list[Cue], ar: list[Cue]) -> list[tuple[list[Cue], list[Cue]]]:
    """Cue N with cue N when the counts agree (a retimed cue is still the same cue); otherwise each
    Arabic cue joins the English cue it overlaps most (the nearest one when it overlaps none)."""
    if len(en) == len(ar):
        return [([e], [a]) for e, a in zip(en, ar)]
    groups: list[tuple[list[Cue], list[Cue]]] = [([e], []) for e in en]
    orphans: list[tuple[list[Cue], list[Cue]]] = []
    for cue in ar:
        if not en:
            orphans.append(([], [cue]))
            continue
        mid = (cue.start + cue.end) / 2
        best = max(range(len(en)), key=lambda i: (_overlap(en[i], cue), -abs((en[i].start + en[i].end) / 2 - mid)))
        groups[best][1].append(cue)
    return groups + orphans


def read_pair(en_path: str, ar_path: str) -> list[Segment]:
    """Segments of two subtitle files, numbered by the English cue (the Arabic one when alone)."""
    en, ar = read_cues(en_path), read_cues(ar_path)
    segments = []
    for en_cues, ar_cues in pair_cues(en, ar):
        first = en_cues[0] if en_cues else ar_cues[0]
        segments.append(Segment(
            id=str(first.number), src=" ".join(c.text for c in en_cues), tgt=" ".join(c.text for c in ar_cues),
            src_units=tuple(c.number - 1 for c in en_cues), tgt_units=tuple(c.number - 1 for c in ar_cues),
            line=ar_cues[0].line if ar_cues and ar_cues[0].line else None,
            src_codes=tuple(x for c in en_cues for x in c.codes), tgt_codes=tuple(x for c in ar_cues for x in c.codes)))
    return segments


def read_cues(path: str) -> list[Cue]:
    from mtkit.io.formats import sniff
    kind = sniff(path)
    if kind == "srt":
        return read_srt(path)
    if kind == "vtt":
        return read_vtt(path)
    raise InputError(f"expected subtitles (.srt or .vtt), found {kind}", path)
