"""What happens at the edge of the process: exit codes, signals and the last safety net.

- bad input (``InputError``): one line on stderr, exit 2;
- Ctrl-C: exit 130; SIGTERM/SIGHUP: exit 128 + the signal. Both arrive as exceptions, so every
  ``finally`` runs: temporary output files are removed and worker processes are stopped;
- a closed pipe (``mtkit … | head -1``): silent, exit 141 (128 + SIGPIPE), as Unix tools do;
- anything unexpected: a bug, not a verdict on the translation: one line, exit 3 (the traceback only
  with ``MTKIT_DEBUG=1``). Exit 1 stays reserved for "the translation failed a rule"."""
from __future__ import annotations

import os
import signal
import sys
import traceback
from typing import Optional

import click

from mtkit.errors import InputError
from mtkit.report.escape import terminal

EXIT_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPT = 128 + signal.SIGINT
EXIT_PIPE = 128 + signal.SIGPIPE
TERMINATING = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class Terminated(BaseException):
    """A termination signal, raised in the main thread so that cleanup code runs."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, _frame) -> None:
    signal.signal(signum, signal.SIG_DFL)   # a second signal ends the process at once
    raise Terminated(signum)


def install_signal_handlers() -> dict:
    """Termination signals raise ``Terminated``; returns the handlers they replaced."""
    previous = {}
    for signum in TERMINATING:
        try:
            previous[signum] = signal.signal(signum, _raise_terminated)
        except ValueError:   # not the main thread: leave signals alone
            pass
    return previous


def restore_signal_handlers(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def reset_signals_in_worker() -> None:
    """In a worker process: Ctrl-C is the parent's to handle (it stops the workers), SIGTERM ends
    the worker plainly, and the worker dies with its parent (Linux) instead of lingering."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in TERMINATING:
        signal.signal(signum, signal.SIG_DFL)
    try:
        import ctypes
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):   # not Linux: workers still stop when the pool is shut down
        pass


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def error_line(message: str) -> None:
    click.echo(f"mtkit: error: {terminal(message)}", err=True)


SHOWN_SKIPPED = 5


def warn_skipped(skipped: list[str]) -> None:
    """--skip-bad: what was passed over is said on stderr too, whatever the output format."""
    if not skipped:
        return
    click.echo(f"mtkit: warning: skipped {len(skipped)} bad input line{'s' if len(skipped) != 1 else ''} "
               "(--skip-bad):", err=True)
    for line in skipped[:SHOWN_SKIPPED]:
        click.echo(f"  {terminal(line)}", err=True)
    if len(skipped) > SHOWN_SKIPPED:
        click.echo(f"  … and {len(skipped) - SHOWN_SKIPPED} more (listed in the output)", err=True)


def warn_untranslated(untranslated: dict[str, int]) -> None:
    """The units of a CAT file left out of the audit for having no translation, a line per file."""
    for path, count in untranslated.items():
        click.echo(f"mtkit: {terminal(path)}: {count} untranslated unit{'s' if count != 1 else ''} skipped "
                   "(no target text to audit)", err=True)


def handle(exc: BaseException) -> Optional[int]:
    """The exit code for an exception that reached the edge, after saying what is needed;
    ``None`` for exceptions that are click's own (usage errors, --help, ctx.exit)."""
    if isinstance(exc, (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort,
                        SystemExit)):
        return None
    if isinstance(exc, InputError):
        error_line(str(exc))
        return EXIT_INPUT
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPT
    if isinstance(exc, Terminated):
        return 128 + exc.signum
    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        return EXIT_PIPE
    if isinstance(exc, MemoryError):
        error_line("out of memory: the input is too large for this machine")
        return EXIT_INPUT
    if not isinstance(exc, Exception):
        return None
    if os.environ.get("MTKIT_DEBUG"):
        traceback.print_exception(exc)
    text = str(exc).splitlines()[0] if str(exc) else ""
    click.echo(f"mtkit: internal error: {type(exc).__name__}: {terminal(text)[:300]} "
               "(a bug in mtkit; set MTKIT_DEBUG=1 for the traceback)", err=True)
    return EXIT_INTERNAL
