"""The ``mtkit`` command: a thin shell over the library. Each subcommand lives in its own module;
bad input (``InputError``) becomes one stderr line and exit code 2 here, at the edge (signals,
closed pipes and unexpected errors too: see ``mtkit.cli.edge``)."""
from __future__ import annotations

import importlib
import os
import sys

# mtkit's numpy work is elementwise (the aligner's DP, vector dot products): OpenBLAS's thread pool,
# started when numpy is imported, only costs start-up CPU (about 0.06 s on two cores). Set before
# any import of numpy; a user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click  # noqa: E402

from mtkit.cli import edge  # noqa: E402
from mtkit.io import atomic_output  # noqa: E402
from mtkit.io.inputs import input_run  # noqa: E402
from mtkit.report import stream_options, write  # noqa: E402


class MtkitGroup(click.Group):
    """Commands are imported when asked for, so ``mtkit align`` does not load the audit's checks
    (start-up time: a command costs only its own imports)."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name in COMMANDS and name not in self.commands:
            importlib.import_module(f"mtkit.cli.{name}")   # registers itself on ``main``
        return super().get_command(ctx, name)

    def main(self, *args, **kwargs):
        previous = edge.install_signal_handlers()
        try:
            return self._main(*args, **kwargs)
        finally:   # called in-process (click's CliRunner): leave the caller's handlers as they were
            edge.restore_signal_handlers(previous)

    def _main(self, *args, **kwargs):
        try:
            # a lone surrogate (a non-UTF-8 file name) must not stop the output half-way
            sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
            sys.stderr.reconfigure(errors="replace")  # type: ignore[union-attr]
        except AttributeError:   # replaced streams (tests) may not have reconfigure
            pass
        try:
            return super().main(*args, **kwargs)
        except BaseException as exc:
            code = edge.handle(exc)   # what escaped click (e.g. Ctrl-C while parsing)
            if code is None:
                raise
            sys.exit(code)

    def invoke(self, ctx):
        try:
            with input_run():       # what the command reads is its own (mtkit.io.inputs)
                return super().invoke(ctx)
        except BaseException as exc:
            code = edge.handle(exc)
            if code is None:
                raise
            ctx.exit(code)


def output_options(formats: tuple[str, ...], default: str = "text", dir_okay: bool = False):
    """``--format``, ``-o/--output`` and ``--quiet``, shared by every command (``dir_okay``: a
    format writes a directory)."""
    def decorate(func):
        func = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")(func)
        func = click.option("-o", "--output", type=click.Path(dir_okay=dir_okay, writable=True),
                            default=None, help="Write here (atomically) instead of standard output.")(func)
        func = click.option("-f", "--format", "fmt", type=click.Choice(formats), default=default,
                            show_default=True, help="Output format.")(func)
        return func
    return decorate


def emit(result, fmt: str, output, **options) -> None:
    """Write a result in a format, atomically when to a file."""
    with atomic_output(output, **stream_options(fmt)) as stream:
        write(result, fmt, stream, **options)


def model_options(func):
    """How a seq2seq model translates (``mtkit translate``, and ``mtkit score --model``): languages,
    batch size, beams, length and device."""
    from mtkit.mt.languages import LANGUAGES      # (only the commands that translate import it)
    options = [
        click.option("--src-lang", type=click.Choice(LANGUAGES), default="en", show_default=True),
        click.option("--tgt-lang", type=click.Choice(LANGUAGES), default="ar", show_default=True),
        click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True),
        click.option("--beams", type=click.IntRange(1), default=4, show_default=True),
        click.option("--max-length", type=click.IntRange(1), default=256, show_default=True,
                     help="Most tokens per input sentence and per translation."),
        click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True)]
    for option in reversed(options):
        func = option(func)
    return func


def input_file(*names, **kwargs):
    """A path argument whose existence is checked by mtkit (so the message names the file, exit 2)."""
    return click.argument(*names, type=click.Path(dir_okay=True), **kwargs)


def _print_version(ctx: click.Context, _param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from mtkit.version import version
        click.echo(f"mtkit {version()}")
        ctx.exit()


@click.group(cls=MtkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version (from the installed package) and exit.")
def main() -> None:
    """English→Arabic translation quality: align, audit, score, translate, gate."""


COMMANDS = ("align", "audit", "score", "translate", "gate")

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
