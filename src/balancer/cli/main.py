"""The ``balancer`` command line: read -> solve -> write -> summarise.

One module per command group: :mod:`.team` (template, validate),
:mod:`.planning` (rota, rebalance, plan, check, demo), :mod:`.replan`,
:mod:`.publish` (ics, diff, statements) and :mod:`.bench`. Options shared
by the solving commands, and the one place they become solver settings,
are in :mod:`.options`.

Exit 0 = done, 1 = no plan could be made (the report says why), 2 = bad
input or usage. Problems are printed without a traceback unless
``--debug`` is given.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import IO, Any

import click

from balancer.cli.bench import bench
from balancer.cli.options import EXIT_BAD_INPUT, EXIT_OK
from balancer.cli.planning import check, demo, plan, rebalance, rota
from balancer.cli.publish import diff, ics, statements
from balancer.cli.replan import replan
from balancer.cli.rewrite import rewrite
from balancer.cli.team import template, validate
from balancer.errors import BalancerError
from balancer.version import __version__

__all__ = ["cli", "main"]


class _PlannerGroup(click.Group):
    """A group that reports balancer errors plainly and exits with 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BalancerError as error:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {error}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(
    cls=_PlannerGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="balancer")
@click.option(
    "--debug", is_flag=True, help="Show a traceback when something fails."
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Fair duty rotas and balanced case backlogs for service teams."""
    ctx.obj = {"debug": debug}


class _ReaderMayLeave:
    """A standard stream whose reader may go away mid-run.

    Rule: when the reader closes the pipe (``balancer rota ... | head
    -5``), the rest of that stream's output is dropped and the command
    goes on, so the workbook is still written and the exit status is the
    command's own. Without this, the first line after ``head`` left
    raised BrokenPipeError and the plan was lost.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.reader_left = False

    def write(self, text: str) -> int:
        if not self.reader_left:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.reader_left:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self.reader_left = True
        # What is still buffered goes nowhere when Python flushes at exit,
        # instead of failing there with "Exception ignored".
        try:
            nowhere = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nowhere, self._stream.fileno())
            os.close(nowhere)
        except (OSError, ValueError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main() -> None:
    """Console entry point: run the CLI, turning known errors into exit 2."""
    debug = "--debug" in sys.argv[1:]
    if sys.stdout is not None:
        sys.stdout = _ReaderMayLeave(sys.stdout)
    if sys.stderr is not None:
        sys.stderr = _ReaderMayLeave(sys.stderr)
    # SIGTERM (a closed terminal, a scheduler's stop) ends balancer as an
    # exception, so a save in progress removes its temporary file.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        # Without standalone mode click returns ctx.exit(n)'s code instead
        # of exiting, so pass it on.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code != EXIT_OK:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except BalancerError as error:
        if debug:
            raise
        click.echo(f"Error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as error:  # the last line of defence for planners
        if debug:
            raise
        click.echo(
            f"Error: unexpected failure ({type(error).__name__}: {error}). "
            "Run again with --debug and report the traceback.",
            err=True,
        )
        sys.exit(EXIT_BAD_INPUT)


def _terminated(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


for command in (
    template,
    validate,
    rota,
    rebalance,
    plan,
    check,
    demo,
    ics,
    diff,
    statements,
    replan,
    rewrite,
    bench,
):
    cli.add_command(command)
