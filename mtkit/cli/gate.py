"""``mtkit gate``: pass/fail translations against quality thresholds, for CI.
Exit 0 when every rule passes, 1 when one fails, 2 for bad input or configuration."""
from __future__ import annotations

import os
import sys

import click

from mtkit.cli import emit, main, output_options
from mtkit.errors import InputError
from mtkit.gate import apply_override, evaluate, load_config
from mtkit.gate import inputs
from mtkit.gate.measure import AuditOptions, measure
from mtkit.report import write

# option -> config section; each takes NAME=LIMIT (or per_file.NAME=LIMIT) and may repeat
OVERRIDES = (
    ("--max-flags", "max_flags", "SEVERITY=N", "Most flags of a severity in the run."),
    ("--max-flags-per-1k", "max_flags_per_1k_words", "SEVERITY=X", "Most flags of a severity per 1,000 source words."),
    ("--max-category", "max_category", "CATEGORY=N", "Most flags of a category in the run."),
    ("--max-category-per-1k", "max_category_per_1k_words", "CATEGORY=X", "Most flags of a category per 1,000 source words."),
    ("--min-score", "min_score", "METRIC=X", "Lowest bleu/chrf allowed against --ref."),
    ("--max-score", "max_score", "METRIC=X", "Highest score allowed against --ref (ter)."),
    ("--max-drop", "max_drop", "METRIC=X", "Largest significant drop allowed against --baseline."),
)
NO_RULES = ("no gate rules: give --config FILE, a [gate] table in mtkit.toml, a [tool.mtkit.gate] table "
            "in pyproject.toml, or rule options such as --max-flags critical=0")


def _override_options(func):
    for option, section, metavar, text in reversed(OVERRIDES):
        func = click.option(option, section, multiple=True, metavar=metavar,
                            help=text + " Repeatable; per_file.NAME=LIMIT for each file.")(func)
    return func


def _items(documents, src_dir, tgt_dir, pairs, audit_json, system, ref, baseline) -> list[inputs.Item]:
    """Exactly one kind of input."""
    given = [bool(documents), bool(src_dir or tgt_dir), bool(pairs), bool(audit_json)]
    if sum(given) != 1:
        raise click.UsageError("give one input: EN AR, --src-dir DIR --tgt-dir DIR, --pairs FILE, "
                               "or --audit-json FILE")
    paths = dict(system=system, ref=ref, baseline=baseline)
    if documents:
        if len(documents) != 2:
            raise click.UsageError(f"expected two documents, EN AR; got {len(documents)}")
        return inputs.from_documents(*documents, **paths)
    if src_dir or tgt_dir:
        if not (src_dir and tgt_dir):
            raise click.UsageError("--src-dir and --tgt-dir go together")
        return inputs.from_dirs(src_dir, tgt_dir, **paths)
    if pairs:
        return inputs.from_pairs(pairs, **paths)
    return inputs.from_audit_json(audit_json, **paths)


def _check_writable(*paths) -> None:
    """Report files go where asked; a missing folder is found before the slow work, not after."""
    for path in paths:
        if path and path != "-":
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                raise InputError("cannot write: no such directory", path)


def _config_label(path):
    if path is None:
        return None
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else path


@main.command()
@click.argument("documents", nargs=-1, metavar="[EN AR]")
@click.option("--src-dir", default=None, metavar="DIR", help="English files; matched by file name with --tgt-dir.")
@click.option("--tgt-dir", default=None, metavar="DIR", help="Arabic files; matched by file name with --src-dir.")
@click.option("--pairs", default=None, metavar="FILE", help="A pairs file (JSON Lines, TSV, parquet, datasets directory).")
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
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True, help="Audit worker processes.")
@output_options(("text", "json", "junit", "md", "markdown", "github"))
@click.pass_context
def gate(ctx, documents, src_dir, tgt_dir, pairs, audit_json, ref, system, baseline, config_path,
         junit, markdown, github, presegmented, disable, glossary, jobs, fmt, output, quiet, **overrides):
    """Pass or fail translations against quality thresholds (exit 0 pass, 1 fail, 2 bad input).

    Rules come from --config FILE, else mtkit.toml [gate], else pyproject.toml [tool.mtkit.gate];
    the rule options override them.
    """
    _check_writable(output, junit, markdown)
    items = _items(documents, src_dir, tgt_dir, pairs, audit_json, system, ref, baseline)
    config = load_config(config_path)
    for option, section, _metavar, _text in OVERRIDES:
        for assignment in overrides[section]:
            apply_override(config, option, section, assignment)
    if config.empty():
        raise InputError(NO_RULES)
    config.source = _config_label(config.source)
    options = AuditOptions(presegmented=presegmented, disable=tuple(disable), glossary=glossary,
                           jobs=jobs, quiet=quiet)
    measured = measure(config, items, options)
    result = evaluate(config, measured.files, measured.run, measured.flags)
    emit(result, fmt, output)
    for path, kind in ((junit, "junit"), (markdown, "markdown")):
        if path:
            emit(result, kind, path)
    if github:
        write(result, "github", sys.stdout)
        sys.stdout.flush()
    ctx.exit(0 if result.passed else 1)
