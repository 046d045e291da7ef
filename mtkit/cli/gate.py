"""``mtkit gate``: pass/fail translations against quality thresholds, for CI.
Exit 0 when every rule passes, 1 when one fails, 2 for bad input or configuration."""
from __future__ import annotations

import os
import sys

import click

from mtkit.cli import emit, main, output_options
from mtkit.errors import InputError
from mtkit.gate.config import OVERRIDES
from mtkit.report import write


def _override_options(func):
    for option, section, metavar, text in reversed(OVERRIDES):
        func = click.option(option, section, multiple=True, metavar=metavar,
                            help=text + " Repeatable; per_file.NAME=LIMIT for each file.")(func)
    return func


def _check_writable(*paths) -> None:
    """Report files go where asked; a missing folder is found before the slow work, not after."""
    for path in paths:
        if path and path != "-":
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise InputError("cannot write: no such directory", path)


@main.command()
@click.argument("documents", nargs=-1, metavar="[EN AR]")
@click.option("--src-dir", default=None, metavar="DIR", help="English files; matched by file name with --tgt-dir.")
@click.option("--tgt-dir", default=None, metavar="DIR", help="Arabic files; matched by file name with --src-dir.")
@click.option("--pairs", default=None, metavar="FILE",
              help="A pairs file (XLIFF, TMX, PO, CSV/TSV, JSON Lines, parquet, datasets directory).")
@click.option("--audit-json", default=None, metavar="FILE", help="An audit written earlier by mtkit audit --format json.")
@click.option("--ref", default=None, metavar="FILE", help="Reference translation (a directory with --src-dir/--tgt-dir).")
@click.option("--system", default=None, metavar="FILE", help="Translation to score (default: the Arabic document).")
@click.option("--baseline", default=None, metavar="FILE", help="Baseline system output, for max_drop.")
@click.option("--config", "config_path", default=None, metavar="FILE", help="Rules file (TOML, table [gate]).")
@_override_options
@click.option("--junit", default=None, metavar="FILE", help="Also write JUnit XML here (a testcase per rule per file).")
@click.option("--markdown", default=None, metavar="FILE", help="Also write a Markdown summary here (for a CI job summary).")
@click.option("--github", is_flag=True, help="Print GitHub Actions annotations after the verdict.")
@click.option("--presegmented", is_flag=True, help="Documents have one unit per line.")
@click.option("--disable", multiple=True, metavar="CHECK", help="Audit check to turn off (repeatable).")
@click.option("--glossary", default=None, metavar="FILE", help="Glossary for the terminology check.")
@click.option("--waivers", default=None, metavar="FILE",
              help="Reviewers' decisions (JSON Lines, from audit --write-waivers): accepted flags count for no rule.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Audit worker processes.")
@output_options(("text", "json", "junit", "md", "markdown", "github"))
@click.pass_context
def gate(ctx, documents, src_dir, tgt_dir, pairs, audit_json, ref, system, baseline, config_path,
         junit, markdown, github, presegmented, disable, glossary, waivers, jobs, fmt, output, quiet, **overrides):
    """Pass or fail translations against quality thresholds (exit 0 pass, 1 fail, 2 bad input).

    Rules come from --config FILE, else mtkit.toml [gate], else pyproject.toml [tool.mtkit.gate];
    the rule options override them.
    """
    from mtkit import api
    _check_writable(output, junit, markdown)
    result = api.gate(documents, src_dir=src_dir, tgt_dir=tgt_dir, pairs=pairs, audit_json=audit_json, ref=ref,
                      system=system, baseline=baseline, config=config_path, overrides=overrides,
                      presegmented=presegmented, disable=disable, glossary=glossary, jobs=jobs, quiet=quiet,
                      waivers=waivers)
    emit(result, fmt, output)
    for path, kind in ((junit, "junit"), (markdown, "markdown")):
        if path:
            emit(result, kind, path)
    if github:
        write(result, "github", sys.stdout)
        sys.stdout.flush()
    ctx.exit(0 if result.passed else 1)
