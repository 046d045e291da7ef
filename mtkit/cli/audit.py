"""``mtkit audit EN AR`` / ``mtkit audit --pairs FILE``."""
from __future__ import annotations

import click

from mtkit import api
from mtkit.audit import default_jobs
from mtkit.checks import all_checks, explain
from mtkit.cli import emit, main, output_options
from mtkit.io.formats import PAIRS_FORMATS
from mtkit.io.waivers import accepted
from mtkit.io.waivers import write_waivers as write_waivers_file
from mtkit.cli.edge import warn_skipped, warn_untranslated
from mtkit.model import SEVERITIES, AuditResult, severity_rank
from mtkit.report import formats


def _names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


# formats written while the segments are audited, never held in memory whole
STREAMED = ("jsonl", "parquet")


@main.command()
@click.argument("en", required=False, type=click.Path())
@click.argument("ar", required=False, type=click.Path())
@click.option("--pairs", type=click.Path(),
              help="A pairs file instead of EN AR: XLIFF 1.2/2.0, TMX, PO, CSV/TSV, JSONL, parquet, datasets dir.")
@click.option("--pairs-format", type=click.Choice(PAIRS_FORMATS), default=None,
              help="Read --pairs as this format [default: found from the content].")
@click.option("--columns", default=None, metavar="EN,AR[,ID]", help="Column names of a CSV/TSV/table --pairs file.")
@click.option("--presegmented", is_flag=True, help="EN and AR have one unit per line.")
@click.option("--parallel", is_flag=True, help="Line N of EN goes with line N of AR; nothing is re-aligned.")
@click.option("--waivers", type=click.Path(), default=None,
              help="Reviewers' decisions (JSON Lines): accepted flags are shown as waived and count for nothing.")
@click.option("--write-waivers", type=click.Path(dir_okay=False), default=None,
              help="Write a waivers file: the decisions of --waivers plus every other flag accepted.")
@click.option("--checks", "only", multiple=True, help="Run only these checks or categories (comma-separated, repeatable).")
@click.option("--disable", multiple=True, help="Skip these checks or categories.")
@click.option("--glossary", type=click.Path(), help="Terminology to enforce: CSV en,ar[,note] or TBX.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 when a flag reaches this severity.")
@click.option("--skip-bad", is_flag=True, help="Skip bad pairs lines (listed at the end) instead of stopping.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None, help="Worker processes [default: all cores].")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Audit on a Dask cluster: tcp://host:8786, or local[:N] to start N local workers.")
@click.option("--list-checks", is_flag=True, help="List the checks and exit.")
@click.option("--explain", "explain_names", multiple=True, metavar="CHECK",
              help="What a check (or category, or 'all') flags, why, and examples; -f text or md.")
@output_options(tuple(formats(AuditResult)), dir_okay=True)
def audit(en, ar, pairs, pairs_format, columns, presegmented, parallel, waivers, write_waivers, only, disable,
          glossary, fail_on, skip_bad, jobs, dask_address,
          list_checks, explain_names, fmt, output, quiet):
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
    if parallel and pairs is not None:
        raise click.UsageError("--parallel pairs the lines of EN and AR; a --pairs file is paired already")
    result = api.audit(en, ar, pairs=pairs, pairs_format=pairs_format, columns=columns,
                       presegmented=presegmented, parallel=parallel, checks=_names(only) or None,
                       disable=_names(disable), glossary=glossary, jobs=jobs or default_jobs(),
                       quiet=quiet, skip_bad=skip_bad, stream=fmt in STREAMED, waivers=waivers,
                       dask=dask_address)
    # streamed or not, note the worst severity and every flag while the segments go by
    seen = _Seen(result.segments, keep_flags=bool(write_waivers))
    result.segments = seen if fmt in STREAMED else list(seen)
    if fmt == "parquet" and output not in (None, "-"):
        from mtkit.report.parquet import write_parquet
        write_parquet(result, output)
    else:
        emit(result, fmt, output, fail_on=fail_on or "major")
    if write_waivers:
        write_waivers_file(write_waivers, accepted(seen.flags, result.decisions))
    warn_skipped(result.skipped)
    if not quiet:
        warn_untranslated(result.untranslated)
    if fail_on is not None and seen.rank <= severity_rank(fail_on):
        raise SystemExit(1)


class _Seen:
    """Passes segment results through, remembering the worst severity of the flags no reviewer
    waived, and every flag when --write-waivers needs them (kept otherwise, they would make a
    streamed audit's memory grow with its input)."""

    def __init__(self, segments, keep_flags: bool):
        self.segments = segments
        self.keep_flags = keep_flags
        self.rank = len(SEVERITIES)
        self.flags: list = []

    def __iter__(self):
        for seg in self.segments:
            for flag in seg.active_flags:
                self.rank = min(self.rank, severity_rank(flag.severity))
            if self.keep_flags:
                self.flags.extend(seg.flags)
            yield seg
