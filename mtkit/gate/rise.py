"""``max_rise``: the candidate's error profile against the baseline's, on paired rows of source
text. The rows are source lines audited here (EN AR, --pairs), or the segments of two audit JSONs
written earlier (--audit-json with --baseline as the baseline's audit JSON), paired on the English."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from mtkit.errors import InputError
from mtkit.gate.config import ERROR
from mtkit.model import Segment, SegmentResult


@dataclass
class Rows:
    """Row k of both systems covers the same source text, of ``words[k]`` words."""
    words: list[int] = field(default_factory=list)
    baseline: list[SegmentResult] = field(default_factory=list)
    system: list[SegmentResult] = field(default_factory=list)

    def extend(self, other: "Rows") -> None:
        self.words += other.words
        self.baseline += other.baseline
        self.system += other.system


def _active(results: list[SegmentResult]) -> list[SegmentResult]:
    """Waived flags count for no gate rule, this one included."""
    return [SegmentResult(r.segment, r.active_flags) for r in results]


def from_texts(src: list[str], system: list[str], baseline: list[str], *, paths: dict[str, str],
               glossary: Optional[str], disable: tuple[str, ...], jobs: int, waivers: Optional[str]) -> Rows:
    """Line N of each system audited against line N of the source."""
    from mtkit.io.glossary import read_glossary
    from mtkit.io.waivers import apply, read_waivers
    from mtkit.score.profile import audit_system
    for name, hyps in (("system", system), ("baseline", baseline)):
        if len(hyps) != len(src):
            raise InputError(f"{len(hyps)} lines, but the source has {len(src)} (the audit pairs line N "
                             "of the source with line N of each system)", paths.get(name, name))
    options = {"glossary": read_glossary(glossary) if glossary else ()}
    audited = []
    for hyps in (baseline, system):
        results = audit_system(src, hyps, options=options, disable=disable, jobs=jobs)
        if waivers:
            results = list(apply(results, read_waivers(waivers)))
        audited.append(_active(results))
    return Rows([len(line.split()) for line in src], audited[0], audited[1])


# ---- two audit JSONs -----------------------------------------------------------------------

def _words(results: list[SegmentResult]) -> int:
    return sum(len(r.segment.src.split()) for r in results)


def _merged(results: list[SegmentResult]) -> SegmentResult:
    """Several segments as one row: their texts joined, their flags together."""
    if len(results) == 1:
        return results[0]
    seg = Segment(id="+".join(r.segment.id for r in results), src=" ".join(r.segment.src for r in results),
                  tgt=" ".join(r.segment.tgt for r in results), line=results[0].segment.line)
    return SegmentResult(seg, [f for r in results for f in r.flags])


def _same_source(system: list[SegmentResult], baseline: list[SegmentResult]) -> bool:
    return len(system) == len(baseline) and all(
        a.segment.src.split() == b.segment.src.split() for a, b in zip(system, baseline))


def _blocks(system: list[SegmentResult], baseline: list[SegmentResult], base_path: str, sys_path: str
            ) -> list[tuple[list[SegmentResult], list[SegmentResult]]]:
    """The smallest runs of segments that cover the same English sentences in both audits (each
    aligned its own Arabic, so one may pair two sentences with one Arabic sentence where the other
    pairs them one by one). A segment with no English (an Arabic-only bead) joins the run it is in."""
    out = []
    i = j = 0
    while i < len(system) or j < len(baseline):
        mine: list[SegmentResult] = []
        theirs: list[SegmentResult] = []
        units_a: set[int] = set()
        units_b: set[int] = set()
        while True:
            if i < len(system) and (not units_a or units_a <= units_b or not system[i].segment.src_units):
                units_a.update(system[i].segment.src_units)
                mine.append(system[i])
                i += 1
            elif j < len(baseline) and (not units_b or units_b < units_a or not baseline[j].segment.src_units):
                units_b.update(baseline[j].segment.src_units)
                theirs.append(baseline[j])
                j += 1
            else:
                break
            if units_a and units_a == units_b:
                break
        if units_a != units_b:
            raise InputError(f"its segments do not pair with {sys_path}'s: English sentences "
                             f"{_listing(units_b)} here, {_listing(units_a)} there (audits of the same English "
                             "document are needed)", base_path)
        # the Arabic-only segments right after the run belong to it
        while i < len(system) and not system[i].segment.src_units:
            mine.append(system[i])
            i += 1
        while j < len(baseline) and not baseline[j].segment.src_units:
            theirs.append(baseline[j])
            j += 1
        out.append((mine, theirs))
    return out


def _listing(units: set[int]) -> str:
    return "{" + ", ".join(str(u + 1) for u in sorted(units)) + "}" if units else "none"


def from_audits(system: list[SegmentResult], baseline: list[SegmentResult], *, sys_path: str, base_path: str) -> Rows:
    """Rows from the candidate's and the baseline's audit JSONs: segment by segment when both have
    the same source segments (pairs files, --parallel), else runs of segments over the same English
    sentences (documents, aligned per system). The rows' word counts come from the segments' own
    source text, which must be there."""
    for results, path in ((system, sys_path), (baseline, base_path)):
        if not _words(results):
            raise InputError("the audit JSON has no source text (no segment has 'src' words): max_rise counts "
                             "flags per 1,000 source words", path)
    system, baseline = _active(system), _active(baseline)
    if _same_source(system, baseline):
        return Rows([len(r.segment.src.split()) for r in system], baseline, system)
    _check_english(system, baseline, sys_path, base_path)
    lacking = [(path, r) for results, path in ((system, sys_path), (baseline, base_path))
               for r in results if r.segment.src.strip() and not r.segment.src_units]
    if lacking:
        path, seg = lacking[0]
        raise InputError(f"segment {seg.segment.id} has no src_units, and the two audits' segments differ: "
                         "max_rise cannot pair them (audit both systems with the same segments, e.g. --pairs "
                         "or --parallel)", path)
    rows = Rows()
    for mine, theirs in _blocks(system, baseline, base_path, sys_path):
        rows.words.append(_words(mine))
        rows.system.append(_merged(mine))
        rows.baseline.append(_merged(theirs))
    return rows


def _check_english(system: list[SegmentResult], baseline: list[SegmentResult], sys_path: str, base_path: str) -> None:
    """Both audits read the same English document, word for word, or nothing pairs."""
    theirs = [w for r in system for w in r.segment.src.split()]
    seen = 0
    for r in baseline:
        words = r.segment.src.split()
        if words != theirs[seen:seen + len(words)]:
            raise InputError(f"segment {r.segment.id}: its English is not that of {sys_path} at the same place "
                             "(max_rise pairs audits of the same English document)", base_path)
        seen += len(words)
    if seen != len(theirs):
        raise InputError(f"its English ends before that of {sys_path} (max_rise pairs audits of the same English "
                         "document)", base_path)


# ---- the measure -----------------------------------------------------------------------------

def measures(rows: Rows, categories: list[str]) -> dict[str, tuple[float, float, float]]:
    """category (or error) → (baseline per 1k words, system per 1k words, paired-bs p-value)."""
    from mtkit.score.profile import ERROR_SCORE, assemble
    profile = assemble(rows.words, {"baseline": rows.baseline, "system": rows.system})
    out = {}
    for category in categories:
        comp = profile.comparison("system", ERROR_SCORE if category == ERROR else category)
        if comp is None:     # neither system has a flag of this category
            out[category] = (0.0, 0.0, 1.0)
        else:
            out[category] = (comp.baseline_value, comp.value, comp.p_value)
    return out
