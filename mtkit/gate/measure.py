"""Measuring inputs for the rules: flag counts from the audit (run only when a flag rule is
configured) and sacrebleu scores from mtkit.score (only when a score rule is)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any, Optional

from mtkit.errors import InputError
from mtkit.io.inputs import open_input
from mtkit.io.jsontext import json_of
from mtkit.gate import rise
from mtkit.gate.config import ERROR, FLAG_SECTIONS, PROFILE_SECTIONS, SCORE_SECTIONS, GateConfig
from mtkit.gate.inputs import Item
from mtkit.gate.result import RUN, LocatedFlag
from mtkit.gate.rules import Measures, total
from mtkit.io import read_lines, read_pairs
from mtkit.model import AuditResult
from mtkit.progress import progress


@dataclass
class AuditOptions:
    presegmented: bool = False
    disable: tuple[str, ...] = ()
    glossary: Optional[str] = None
    jobs: int = 1
    quiet: bool = True
    waivers: Optional[str] = None    # reviewers' decisions: accepted flags count for no rule


@dataclass
class Measured:
    files: list[Measures]
    run: Measures
    flags: list[LocatedFlag] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


# ---- what the rules need -------------------------------------------------------------------

def _score_rules(config: GateConfig) -> list[tuple[str, str]]:
    """(section, metric) of every score rule, per-file ones too."""
    return [(section, name) for rules in (config.run, config.per_file)
            for section, name, _limit in rules.items() if section in SCORE_SECTIONS and name != ERROR]


def _needs_error_score(config: GateConfig) -> bool:
    return any(section == "max_score" and name == ERROR for rules in (config.run, config.per_file)
               for section, name, _limit in rules.items())


def rise_categories(config: GateConfig) -> list[str]:
    return sorted({name for rules in (config.run, config.per_file)
                   for section, name, _limit in rules.items() if section in PROFILE_SECTIONS})


def score_metrics(config: GateConfig) -> list[str]:
    return sorted({name for _section, name in _score_rules(config)})


def check_inputs(config: GateConfig, items: list[Item]) -> None:
    """A rule whose inputs are missing is a usage error, found before any slow work."""
    if rise_categories(config):
        for item in items:
            if item.baseline is None:
                raise InputError(f"rule max_rise.{rise_categories(config)[0]} needs --baseline SYS "
                                 "(the system output to compare with)")
    rules = _score_rules(config)
    if not rules:
        return
    first = "{}.{}".format(*rules[0])
    drops = [f"max_drop.{name}" for section, name in rules if section == "max_drop"]
    for item in items:
        if item.ref is None:
            raise InputError(f"rule {first} needs --ref REF (a reference translation to score against)")
        if item.audit_json and item.system is None:
            raise InputError(f"rule {first} with --audit-json needs --system SYS (the translation to score)")
        if drops and item.baseline is None:
            raise InputError(f"rule {drops[0]} needs --baseline SYS (the system output to compare with)")


# ---- flags ---------------------------------------------------------------------------------

def _read_audit_json(path: str) -> AuditResult:
    try:
        with open_input(path) as stream:
            text = stream.read().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError("invalid UTF-8, expected an audit JSON", path) from None
    data = json_of(text, path)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise InputError("not an mtkit audit JSON (no 'segments' list)", path)
    problem = _type_problem(data)
    if problem:
        raise InputError(f"not an mtkit audit JSON: {problem}", path)
    try:
        result = AuditResult.from_dict(data)
    except ValueError as exc:       # from_dict says what is wrong
        raise InputError(str(exc), path) from None
    except (KeyError, TypeError) as exc:
        raise InputError(f"not an mtkit audit JSON (missing or bad field {exc})", path) from None
    _check_labels(result, path)
    return result


def audit_label(tgt_path: Optional[str], json_path: str) -> str:
    """The scope of an audit JSON's flags: its ``tgt_path`` when that is a plain relative path (the
    Arabic file in the checkout, for annotations), else the JSON file itself. Only a label: a path
    that came from a data file is never opened."""
    if not tgt_path or os.path.isabs(tgt_path) or any(ord(c) < 32 for c in tgt_path):
        return json_path
    if os.path.normpath(tgt_path).split(os.sep)[0] == "..":
        return json_path
    return tgt_path


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _wrong(where: str, value, expected: str) -> str:
    return f"{where} must be {expected}, not {type(value).__name__}"


_FLAG_TEXT = ("category", "severity", "check", "message", "src_text", "tgt_text", "suggestion")


def _type_problem(data: dict) -> Optional[str]:
    """What is wrong with the types of an audit JSON (hand-edited or from another tool), or None:
    every field the gate reads is checked before it is used."""
    for key in ("src_path", "tgt_path"):
        if data.get(key) is not None and not isinstance(data[key], str):
            return _wrong(key, data[key], "a string")
    skipped = data.get("skipped", [])
    if not isinstance(skipped, list) or not all(isinstance(s, str) for s in skipped):
        return "skipped must be a list of strings"
    for k, seg in enumerate(data["segments"]):
        problem = _segment_problem(seg, f"segments[{k}]")
        if problem:
            return problem
    return None


def _segment_problem(seg, where: str) -> Optional[str]:
    if not isinstance(seg, dict):
        return _wrong(where, seg, "an object")
    if "id" not in seg or not (isinstance(seg["id"], str) or _is_int(seg["id"])):
        return _wrong(f"{where}.id", seg.get("id"), "a string or an integer")
    for key in ("src", "tgt"):
        if not isinstance(seg.get(key), str):
            return _wrong(f"{where}.{key}", seg.get(key), "a string")
    if seg.get("line") is not None and not (_is_int(seg["line"]) and seg["line"] >= 1):
        return _wrong(f"{where}.line", seg["line"], "a line number")
    for key in ("src_units", "tgt_units"):
        units = seg.get(key, [])
        if not isinstance(units, list) or not all(_is_int(u) for u in units):
            return f"{where}.{key} must be a list of integers"
    flags = seg.get("flags", [])
    if not isinstance(flags, list):
        return _wrong(f"{where}.flags", flags, "a list")
    for j, flag in enumerate(flags):
        problem = _flag_problem(flag, f"{where}.flags[{j}]")
        if problem:
            return problem
    return None


def _flag_problem(flag, where: str) -> Optional[str]:
    if not isinstance(flag, dict):
        return _wrong(where, flag, "an object")
    for key in _FLAG_TEXT:
        if key in flag and not isinstance(flag[key], str):
            return _wrong(f"{where}.{key}", flag[key], "a string")
    for key in ("src_span", "tgt_span"):
        span = flag.get(key)
        if span is not None and not (isinstance(span, list) and len(span) == 2 and all(_is_int(x) for x in span)
                                     and 0 <= span[0] <= span[1]):
            return f"{where}.{key} must be null or [start, end] with 0 ≤ start ≤ end"
    confidence = flag.get("confidence", 0.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        return f"{where}.confidence must be a number from 0 to 1"
    return None


def _check_labels(result: AuditResult, path: str) -> None:
    """A hand-edited audit JSON with an unknown severity must not be counted as nothing."""
    from mtkit.model import CATEGORIES, SEVERITIES
    for seg in result.segments:
        for flag in seg.flags:
            if flag.severity not in SEVERITIES:
                raise InputError(f"segment {seg.segment.id}: unknown severity '{flag.severity}'", path)
            if flag.category not in CATEGORIES:
                raise InputError(f"segment {seg.segment.id}: unknown category '{flag.category}'", path)


def audit_item(item: Item, options: AuditOptions) -> AuditResult:
    from mtkit.io.waivers import apply, read_waivers
    if item.audit_json:
        result = _read_audit_json(item.audit_json)
        if options.waivers:
            result.segments = list(apply(result.segments, read_waivers(options.waivers)))
        return result
    from mtkit import api
    kwargs: dict[str, Any] = dict(presegmented=options.presegmented, disable=options.disable,
                                  glossary=options.glossary, jobs=options.jobs, quiet=options.quiet,
                                  waivers=options.waivers)
    if item.pairs:
        return api.audit(pairs=item.pairs, **kwargs)
    return api.audit(item.en, item.ar, **kwargs)


class LineFinder:
    """The 1-based line of the Arabic file where a segment's text is, searching forward from the
    previous hit so that a repeated sentence maps to its own line."""

    def __init__(self, path: Optional[str]):
        self.lines: list[str] = []
        if path and os.path.isfile(path) and not path.lower().endswith((".json", ".jsonl", ".parquet")):
            try:
                self.lines = read_lines(path)
            except InputError:
                self.lines = []
        self.cursor = 0

    def find(self, *texts: str) -> Optional[int]:
        for text in texts:
            probe = " ".join(text.split())[:60]
            if not probe:
                continue
            order = list(range(self.cursor, len(self.lines))) + list(range(0, self.cursor))
            for index in order:
                if probe in " ".join(self.lines[index].split()):
                    self.cursor = index
                    return index + 1
        return None


def locate_flags(result: AuditResult, path: str, *, read: bool = True) -> list[LocatedFlag]:
    """Flags with their Arabic file and line; ``read=False`` when ``path`` came from a data file
    (an audit JSON's tgt_path): then it is only a label and lines come from the segments."""
    finder = LineFinder(path if read else None)
    located = []
    for seg in result.segments:
        if not seg.active_flags:
            continue
        line = seg.segment.line or finder.find(seg.segment.tgt)
        for flag in seg.active_flags:
            located.append(LocatedFlag(path, line or finder.find(flag.tgt_text), seg.segment.id, flag))
    return located


def flag_measures(scope: str, result: AuditResult) -> Measures:
    from mtkit.score.profile import WEIGHTS, per_1k
    summary = result.summary()
    penalty = sum(WEIGHTS[flag.severity] for flag in result.flags)
    return Measures(scope=scope, by_severity=dict(summary["by_severity"]),
                    by_category=dict(summary["by_category"]), src_words=summary["src_words"],
                    error_score=per_1k(penalty, summary["src_words"]))


# ---- error profiles against the baseline -------------------------------------------------------

def _source_lines(item: Item) -> list[str]:
    if item.pairs:
        return [seg.src for seg in read_pairs(item.pairs)]
    return read_lines(item.en) if item.en else []


def _looks_like_json(path: str) -> bool:
    try:
        with open_input(path) as stream:
            start = stream.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path) from None
    return start.startswith(b"{")


def rise_rows(item: Item, options: AuditOptions, candidate: Optional[AuditResult] = None) -> rise.Rows:
    """The paired rows max_rise compares: two audit JSONs' segments, or source lines audited here."""
    assert item.baseline is not None, "max_rise items have a baseline (check_inputs)"
    if item.audit_json:
        if not _looks_like_json(item.baseline):
            raise InputError("with --audit-json, max_rise needs --baseline as the baseline's audit JSON "
                             "(mtkit audit --format json), not its text", item.baseline)
        audited = candidate if candidate is not None else audit_item(item, options)
        baseline = audit_item(replace(item, audit_json=item.baseline), options)
        return rise.from_audits(audited.segments, baseline.segments, sys_path=item.audit_json, base_path=item.baseline)
    system, system_path = _system_lines(item)
    return rise.from_texts(_source_lines(item), system, read_lines(item.baseline),
                           paths={"system": system_path, "baseline": item.baseline}, glossary=options.glossary,
                           disable=options.disable, jobs=options.jobs, waivers=options.waivers)


# ---- scores --------------------------------------------------------------------------------

@dataclass
class Texts:
    """Line-aligned texts of one item: the system, its reference and (maybe) the baseline."""
    system: list[str]
    ref: list[str]
    baseline: Optional[list[str]] = None


def _system_lines(item: Item) -> tuple[list[str], str]:
    if item.system:
        return read_lines(item.system), item.system
    if item.pairs:
        return [seg.tgt for seg in read_pairs(item.pairs)], item.pairs
    if item.audit_json:   # item.ar is then a label from the JSON: never read
        raise InputError("score rules with --audit-json need --system SYS", item.audit_json)
    return read_lines(item.ar), item.ar


def item_texts(item: Item) -> Texts:
    system, system_path = _system_lines(item)
    assert item.ref is not None, "scored items have a reference (gate.inputs checks it)"
    ref = read_lines(item.ref)
    if len(ref) != len(system):
        raise InputError(f"{len(ref)} reference lines but {len(system)} lines in {system_path} "
                         "(a reference needs one line per translated line)", item.ref)
    baseline = None
    if item.baseline:
        baseline = read_lines(item.baseline)
        if len(baseline) != len(system):
            raise InputError(f"{len(baseline)} baseline lines but {len(system)} lines in {system_path}",
                             item.baseline)
    return Texts(system, ref, baseline)


def score_texts(texts: Texts, metrics: list[str], item: Optional[Item] = None
                ) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    """(system scores, baseline score and p-value) by metric, through mtkit.score."""
    from mtkit.score import score_systems
    systems = {"system": texts.system}
    if texts.baseline is not None:
        systems["baseline"] = texts.baseline
    paths = None
    if item is not None:
        paths = {"system": item.system or item.ar}
        if texts.baseline is not None and item.baseline:
            paths["baseline"] = item.baseline
    result = score_systems([texts.ref], systems, metrics=tuple(metrics),
                           baseline="baseline" if texts.baseline is not None else None,
                           paths=paths, ref_paths=[item.ref] if item is not None and item.ref else None,
                           segment_chrf=False)     # the rules read corpus scores only
    scores = {m: float(result.system("system").scores[m].score) for m in metrics}
    base: dict[str, tuple[float, float]] = {}
    if texts.baseline is not None:
        for metric in metrics:
            comparison = result.comparison("system", metric)
            assert comparison is not None, "a baseline was given: every metric is compared"
            base[metric] = (float(result.system("baseline").scores[metric].score), float(comparison.p_value))
    return scores, base


# ---- all together --------------------------------------------------------------------------

def measure(config: GateConfig, items: list[Item], options: AuditOptions) -> Measured:
    check_inputs(config, items)
    need_flags = config.needs(FLAG_SECTIONS) or _needs_error_score(config)
    metrics = score_metrics(config)
    rises = rise_categories(config)
    all_rows = rise.Rows()
    files: list[Measures] = []
    flags: list[LocatedFlag] = []
    all_texts: list[Texts] = []
    resolved: list[Item] = []
    for item in progress(items, total=len(items), desc="gate", quiet=options.quiet, unit="file"):
        scope = item.ar
        measures = Measures(scope=scope)
        candidate: Optional[AuditResult] = None    # an audit JSON read once for both kinds of rule
        if need_flags:
            result = audit_item(item, options)
            candidate = result if item.audit_json else None
            if item.audit_json:   # annotate the Arabic file the audit was run on, never reading it
                scope = audit_label(result.tgt_path, item.audit_json)
                item = replace(item, ar=scope)
            measures = flag_measures(scope, result)
            flags.extend(locate_flags(result, scope, read=not item.audit_json))
        if metrics:
            texts = item_texts(item)
            measures.scores, measures.baseline = score_texts(texts, metrics, item)
            all_texts.append(texts)
        if rises:
            rows = rise_rows(item, options, candidate)
            measures.rise = rise.measures(rows, rises)
            all_rows.extend(rows)
        files.append(measures)
        resolved.append(item)
    run = total(RUN, files)
    if metrics:
        if len(files) == 1:
            run.scores, run.baseline = files[0].scores, files[0].baseline
        else:  # corpus-level scores over all files, not an average of file scores
            joined = Texts([line for t in all_texts for line in t.system], [line for t in all_texts for line in t.ref],
                           [line for t in all_texts for line in t.baseline or []]
                           if all_texts[0].baseline is not None else None)
            run.scores, run.baseline = score_texts(joined, metrics)
    if rises:  # one paired test over the rows of all files
        run.rise = files[0].rise if len(files) == 1 else rise.measures(all_rows, rises)
    return Measured(files, run, flags, resolved)
