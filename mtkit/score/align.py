"""Scoring documents whose lines do not match the reference: split both sides into sentences,
align each system with the reference (Arabic with Arabic), and score groups of reference
sentences that every system's alignment agrees on, so paired tests still compare like with like."""
from __future__ import annotations

from typing import Sequence

from mtkit.align.dp import align_features
from mtkit.align.features import LENGTH_RATIO, UnitFeatures, ar_features
from mtkit.model import Bead
from mtkit.text.sentences import split_sentences

MAX_BEAD = 3


def sentences(lines: Sequence[str]) -> list[str]:
    return [s for line in lines if line.strip() for s in split_sentences(line.strip())]


def _features(units: Sequence[str], scale: float) -> list[UnitFeatures]:
    # The aligner's length model expects target ≈ LENGTH_RATIO × source (English→Arabic); for
    # Arabic against Arabic the ratio is 1, so the system side's lengths are divided by it.
    feats = [ar_features(u) for u in units]
    return [UnitFeatures(max(1, round(f.length / scale)), f.anchors) for f in feats]


def align_pair(hyp_units: Sequence[str], ref_units: Sequence[str]) -> list[Bead]:
    return align_features(_features(hyp_units, LENGTH_RATIO), _features(ref_units, 1.0), max_bead=MAX_BEAD)


def _boundaries(beads: Sequence[Bead]) -> set[int]:
    """Reference positions (exclusive ends) where one of this alignment's beads ends."""
    return {bead.tgt[-1] + 1 for bead in beads if bead.tgt}


def _group_texts(beads: Sequence[Bead], hyp_units: Sequence[str], ends: list[int]) -> list[str]:
    """The system's text for each reference group; inserted system sentences join the current group."""
    parts: list[list[str]] = [[] for _ in ends]
    group = 0
    for bead in beads:
        if bead.tgt:
            while bead.tgt[0] >= ends[group]:
                group += 1
        parts[group].extend(hyp_units[i] for i in bead.src)
    return [" ".join(p) for p in parts]


def align_documents(ref_lines: Sequence[str], systems: dict[str, Sequence[str]]
                    ) -> tuple[list[str], dict[str, list[str]], dict]:
    """Reference segments, each system's segments, and a summary of what was done."""
    ref_units = sentences(ref_lines)
    hyp_units = {name: sentences(lines) for name, lines in systems.items()}
    alignments = {name: align_pair(units, ref_units) for name, units in hyp_units.items()}
    common = set(range(1, len(ref_units) + 1))
    for beads in alignments.values():
        common &= _boundaries(beads)
    ends = sorted(common | {len(ref_units)})
    starts = [0] + ends[:-1]
    ref_segments = [" ".join(ref_units[s:e]) for s, e in zip(starts, ends)]
    sys_segments = {name: _group_texts(alignments[name], hyp_units[name], ends) for name in systems}
    info = {"method": "sentence alignment (mtkit.align, Arabic with Arabic)",
            "ref_sentences": len(ref_units),
            "system_sentences": {name: len(units) for name, units in hyp_units.items()},
            "segments": len(ref_segments),
            "ref_units": [[s, e] for s, e in zip(starts, ends)]}
    return ref_segments, sys_segments, info
