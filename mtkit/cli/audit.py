"""``mtkit audit EN AR`` / ``mtkit audit --pairs FILE``."""
from __future__ import annotations

import click

from mtkit import api
from mtkit.audit import default_jobs
from mtkit.checks import all_checks, explain
from mtkit.cli import emit, main, output_options
from mtkit.model import SEVERITIES, AuditResult, severity_rank
from mtkit.report import formats


def _names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@main.command()
@click.argument("en", required=False, type=click.Path())
@click.argument("ar", required=False, type=click.Path())
@click.option("--pairs", type=click.Path(), help="A pairs file (JSONL, TSV, parquet, datasets dir) instead of EN AR.")
@click.option("--presegmented", is_flag=True, help="EN and AR have one unit per line.")
@click.option("--checks", "only", multiple=True, help="Run only these checks or categories (comma-separated, repeatable).")
@click.option("--disable", multiple=True, help="Skip these checks or categories.")
@click.option("--glossary", type=click.Path(), help="Terminology to enforce: CSV en,ar[,note] or TBX.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 when a flag reaches this severity.")
@click.option("--skip-bad", is_flag=True, help="Skip bad pairs lines (listed at the end) instead of stopping.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Worker processes [default: all cores].")
@click.option("--list-checks", is_flag=True, help="List the checks and exit.")
@click.option("--explain", "explain_names", multiple=True, metavar="CHECK",
              help="What a check (or category, or 'all') flags, why, and examples; -f text or md.")
@output_options(tuple(formats(AuditResult)))
def audit(en, ar, pairs, presegmented, only, disable, glossary, fail_on, skip_bad, jobs, list_checks,
          explain_names, fmt, output, quiet):
    """Flag mistranslations: idioms, names, numbers, negation, omissions, untranslated text…"""
    if list_checks:
        for name, chk in all_checks().items():
            click.echo(f"{name:28} {chk.category:13} {chk.description}")
        return
    if explain_names:
        if fmt not in ("text", "md"):
            raise click.UsageError("--explain writes text or md")
        emit(explain(_names(explain_names)), fmt, output)
        return
    if pairs is None and (en is None or ar is None):
        raise click.UsageError("give EN and AR documents, or --pairs FILE")
    if pairs is not None and (en or ar):
        raise click.UsageError("give either EN AR or --pairs, not both")
    result = api.audit(en, ar, pairs=pairs, presegmented=presegmented, checks=_names(only) or None,
                       disable=_names(disable), glossary=glossary, jobs=jobs or default_jobs(),
                       quiet=quiet, skip_bad=skip_bad, stream=fmt == "jsonl")
    if fmt == "jsonl":
        # streamed: note the worst severity while the segments go by
        worst = _WorstSeverity(result.segments)
        result.segments = worst
        emit(result, fmt, output)
        failed = fail_on is not None and worst.rank <= severity_rank(fail_on)
    else:
        emit(result, fmt, output, fail_on=fail_on or "major")
        failed = fail_on is not None and any(severity_rank(f.severity) <= severity_rank(fail_on) for f in result.flags)
    if failed:
        raise SystemExit(1)


class _WorstSeverity:
    """Passes segment results through, remembering the worst severity seen."""

    def __init__(self, segments):
        self.segments = segments
        self.rank = len(SEVERITIES)

    def __iter__(self):
        for seg in self.segments:
            for flag in seg.flags:
                self.rank = min(self.rank, severity_rank(flag.severity))
            yield seg
