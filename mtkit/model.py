"""mtkit's one data model. Every stage and every writer uses these classes unchanged;
the contract's JSON is these objects serialized (``to_dict``)."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional

SEVERITIES = ("critical", "major", "minor")


@dataclass(frozen=True)
class Category:
    """What a flag category is. ``priority``: when two checks flag the same words, the flag of the
    lower number wins (the more specific diagnosis: an idiom or a wrong term over a "missing
    name" on the same words)."""
    name: str
    priority: int
    description: str


# The contract's categories, in its order; a check module may declare more
# (``mtkit.checks.category``), which land in the same table.
_CATEGORIES: dict[str, Category] = {c.name: c for c in (
    Category("idiom", 10, "idiom, metaphor or fixed phrase rendered word for word"),
    Category("entity", 50, "a name mistranslated, dropped, or turned into a common noun"),
    Category("number", 30, "number, date, amount or unit differs"),
    Category("negation", 40, "polarity lost, added or flipped"),
    Category("omission", 80, "source content missing"),
    Category("addition", 90, "content not in the source"),
    Category("untranslated", 70, "source text left in English"),
    Category("terminology", 20, "glossary violation or wrong term for the domain"),
    Category("spacing", 110, "glued or split words"),
    Category("punctuation", 100, "stray or unbalanced quotes, brackets, punctuation"),
    Category("grammar", 60, "an English structure copied into the Arabic"),
)}
CATEGORIES = tuple(_CATEGORIES)


def add_category(name: str, *, priority: int, description: str) -> Category:
    """Declare a category beyond the contract's (from the check module that uses it)."""
    known = _CATEGORIES.get(name)
    new = Category(name, priority, description)
    if known is not None and known != new:
        raise ValueError(f"category {name!r} is already declared differently")
    _CATEGORIES[name] = new
    return new


def category(name: str) -> Category:
    """A category's facts; ValueError for an unknown one."""
    try:
        return _CATEGORIES[name]
    except KeyError:
        raise ValueError(f"unknown category {name!r}") from None


def known_categories() -> tuple[str, ...]:
    """The contract's categories and those declared since."""
    return tuple(_CATEGORIES)


def severity_rank(severity: str) -> int:
    """0 for critical, 1 for major, 2 for minor: lower is worse."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Span:
    """A ``[start, end)`` character range into the original (unnormalized) text."""
    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Bead:
    """One alignment unit: source unit indices and target unit indices (either may be empty)."""
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def to_dict(self) -> dict:
        return {"src": list(self.src), "tgt": list(self.tgt), "score": round(self.score, 4)}


@dataclass
class Alignment:
    src_units: list[str]
    tgt_units: list[str]
    beads: list[Bead]
    # for sentence units: the index of the paragraph each unit comes from (empty when units are lines)
    src_parent: list[int] = field(default_factory=list)
    tgt_parent: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        from mtkit.version import header
        return {**header(), "src_units": self.src_units, "tgt_units": self.tgt_units,
                "beads": [b.to_dict() for b in self.beads]}


@dataclass(frozen=True)
class Segment:
    """A source/target pair that checks look at: one pairs-file line, or one aligned bead."""
    id: str
    src: str
    tgt: str
    src_units: tuple[int, ...] = ()
    tgt_units: tuple[int, ...] = ()
    score: Optional[float] = None   # alignment score, when the segment comes from an alignment
    line: Optional[int] = None      # 1-based line in the Arabic input, when known (for annotations)
    # inline markup and placeholders kept out of src/tgt (CAT files, subtitles): '<g id="1">', '{0}'
    src_codes: tuple[str, ...] = ()
    tgt_codes: tuple[str, ...] = ()
    # the document the pair belongs to: consecutive segments of one doc are read together (names
    # seen elsewhere in the article); "" for the two files of an audit, None: read alone
    doc: Optional[str] = None


@dataclass(frozen=True)
class Flag:
    category: str
    severity: str
    check: str
    message: str
    src_span: Optional[Span] = None
    tgt_span: Optional[Span] = None
    src_text: str = ""
    tgt_text: str = ""
    suggestion: str = ""
    confidence: float = 0.8
    fingerprint: str = ""     # stable identity for review decisions (see ``fingerprint``)
    waived: bool = False      # a reviewer accepted it (--waivers): counts for no rule

    def to_dict(self) -> dict:
        out = {
            "category": self.category, "severity": self.severity, "check": self.check,
            "src_span": self.src_span.to_list() if self.src_span else None,
            "tgt_span": self.tgt_span.to_list() if self.tgt_span else None,
            "src_text": self.src_text, "tgt_text": self.tgt_text,
            "message": self.message, "suggestion": self.suggestion,
            "confidence": round(self.confidence, 2), "fingerprint": self.fingerprint,
        }
        if self.waived:
            out["waived"] = True
        return out


_FOLD = re.compile(r"[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]")
CONTEXT_WORDS = 3   # words on each side of a span that belong to a flag's identity


def _fold(text: str) -> str:
    """Case, Unicode form, diacritics, tatweel, bidi marks and spacing do not change identity."""
    return " ".join(_FOLD.sub("", unicodedata.normalize("NFKC", text)).casefold().split())


def _around(text: str, span: Optional[Span]) -> str:
    """A few words either side of the span (the whole text when there is no span): edits
    further away in the segment, or anywhere else in the file, leave the fingerprint alone."""
    if span is None:
        return _fold(text)
    before = text[:span.start].split()[-CONTEXT_WORDS:]
    after = text[span.end:].split()[:CONTEXT_WORDS]
    return _fold(" ".join(before)) + "[" + _fold(text[span.start:span.end]) + "]" + _fold(" ".join(after))


def fingerprint(flag: Flag, segment: Segment) -> str:
    """The flag's identity: its check, the English and Arabic span texts and the words around
    them, normalized; never its position, segment id or message."""
    parts = [flag.check, _fold(flag.src_text), _fold(flag.tgt_text),
             _around(segment.src, flag.src_span), _around(segment.tgt, flag.tgt_span)]
    if flag.src_span is None and flag.tgt_span is None:
        parts.append(flag.message)   # about the whole segment: which tag is missing, say

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def with_fingerprints(flags: list[Flag], segment: Segment) -> list[Flag]:
    return [replace(f, fingerprint=fingerprint(f, segment)) for f in flags]


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on one flag, one line of a waivers file. ``accept`` waives the flag
    (a false alarm or an accepted choice); ``reject`` confirms it as an error."""
    fingerprint: str
    check: str
    decision: str                    # "accept" or "reject"
    src_text: str = ""
    tgt_text: str = ""
    note: str = ""
    who: str = ""
    when: str = ""

    def to_dict(self) -> dict:
        return {"fingerprint": self.fingerprint, "check": self.check,
                "spans": {"en": self.src_text, "ar": self.tgt_text},
                "decision": self.decision, "note": self.note, "who": self.who, "when": self.when}


@dataclass
class SegmentResult:
    segment: Segment
    flags: list[Flag] = field(default_factory=list)

    @property
    def active_flags(self) -> list[Flag]:
        """The flags no reviewer waived."""
        return [f for f in self.flags if not f.waived]

    def to_dict(self) -> dict:
        seg = self.segment
        out: dict = {"id": seg.id, "src": seg.src, "tgt": seg.tgt,
                     "src_units": list(seg.src_units), "tgt_units": list(seg.tgt_units)}
        if seg.line is not None:
            out["line"] = seg.line
        if seg.src_codes or seg.tgt_codes:
            out["src_codes"], out["tgt_codes"] = list(seg.src_codes), list(seg.tgt_codes)
        out["flags"] = [f.to_dict() for f in self.flags]
        return out


@dataclass
class Tally:
    """The audit summary's counts, kept up to date one segment at a time (for streaming)."""
    segments: int = 0
    flagged_segments: int = 0
    src_words: int = 0
    by_severity: dict = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    by_category: dict = field(default_factory=dict)
    waived: int = 0

    def add(self, result: "SegmentResult") -> None:
        """Waived flags are counted apart: they count for no rule and no --fail-on."""
        self.segments += 1
        active = result.active_flags
        self.flagged_segments += bool(active)
        self.src_words += len(result.segment.src.split())
        self.waived += len(result.flags) - len(active)
        for flag in active:
            self.by_severity[flag.severity] += 1
            self.by_category[flag.category] = self.by_category.get(flag.category, 0) + 1

    def to_dict(self) -> dict:
        out = {"segments": self.segments, "flagged_segments": self.flagged_segments,
               "src_words": self.src_words, "by_severity": dict(self.by_severity),
               "by_category": dict(sorted(self.by_category.items()))}
        if self.waived:
            out["waived"] = self.waived
        return out


@dataclass
class AuditResult:
    segments: list[SegmentResult]      # (an iterator consumed once, for streamed JSON Lines: api.audit)
    src_path: Optional[str] = None
    tgt_path: Optional[str] = None
    skipped: list[str] = field(default_factory=list)   # "file:line: reason" for --skip-bad
    # units of a CAT file (XLIFF, PO, TMX) with no translation, passed over: how many, by file
    # (filled while the segments are read, as ``skipped``)
    untranslated: dict[str, int] = field(default_factory=dict)
    # what made these results, like sacrebleu's signature: mtkit's version, the checks run, a hash
    # of the data files (and of the glossary, when there is one); see mtkit.checks.signature
    signature: str = ""
    decisions: list[Decision] = field(default_factory=list)   # the waivers file read (for the report)

    @property
    def flags(self) -> list[Flag]:
        return [f for s in self.segments for f in s.flags]

    @property
    def active_flags(self) -> list[Flag]:
        return [f for s in self.segments for f in s.active_flags]

    def summary(self) -> dict:
        tally = Tally()
        for seg in self.segments:
            tally.add(seg)
        return self.summary_of(tally)

    def summary_of(self, tally: Tally) -> dict:
        """The summary of segments ``tally`` counted, with the untranslated units passed over (if any)."""
        out = tally.to_dict()
        if self.untranslated:
            out["skipped_untranslated"] = sum(self.untranslated.values())
        return out

    def to_dict(self) -> dict:
        from mtkit.version import header
        out: dict = {**header(), "signature": self.signature, "summary": self.summary()}
        if self.src_path or self.tgt_path:
            out["src_path"], out["tgt_path"] = self.src_path, self.tgt_path
        out["segments"] = [s.to_dict() for s in self.segments]
        if self.skipped:
            out["skipped"] = self.skipped
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "AuditResult":
        """Read back an audit JSON written earlier (for ``gate --audit-json``); a malformed one
        raises ValueError saying what is wrong."""
        try:
            return cls._from_dict(data)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not an mtkit audit JSON (missing or bad field {exc})") from None

    @classmethod
    def _from_dict(cls, data: dict) -> "AuditResult":
        segments = []
        for s in data["segments"]:
            seg = Segment(id=str(s["id"]), src=s["src"], tgt=s["tgt"], line=s.get("line"),
                          src_units=tuple(s.get("src_units", ())), tgt_units=tuple(s.get("tgt_units", ())),
                          src_codes=tuple(s.get("src_codes", ())), tgt_codes=tuple(s.get("tgt_codes", ())))
            for f in s.get("flags", []):
                if f.get("severity") not in SEVERITIES or f.get("category") not in known_categories():
                    raise ValueError(f"segment {s['id']}: unknown severity or category "
                                     f"{f.get('severity')!r}/{f.get('category')!r}")
            flags = [Flag(category=f["category"], severity=f["severity"], check=f["check"],
                          message=f.get("message", ""),
                          src_span=Span(*f["src_span"]) if f.get("src_span") else None,
                          tgt_span=Span(*f["tgt_span"]) if f.get("tgt_span") else None,
                          src_text=f.get("src_text", ""), tgt_text=f.get("tgt_text", ""),
                          suggestion=f.get("suggestion", ""), confidence=f.get("confidence", 0.8),
                          fingerprint=f.get("fingerprint", ""), waived=f.get("waived") is True)
                     for f in s.get("flags", [])]
            # an audit written before fingerprints existed gets them now
            flags = [f if f.fingerprint else replace(f, fingerprint=fingerprint(f, seg)) for f in flags]
            segments.append(SegmentResult(seg, flags))
        return cls(segments=segments, src_path=data.get("src_path"), tgt_path=data.get("tgt_path"),
                   skipped=list(data.get("skipped", [])), signature=data.get("signature", ""))
