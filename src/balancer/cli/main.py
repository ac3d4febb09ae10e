"""The ``balancer`` command line: read -> solve -> write -> summarise.

One module per command group: :mod:`.team` (template, validate),
:mod:`.planning` (rota, rebalance, plan, check, demo), :mod:`.replan`,
:mod:`.publish` (ics, diff, statements), :mod:`.board`, :mod:`.serve`
(the web app) and :mod:`.bench`. Options shared
by the solving commands, and the one place they become solver settings,
are in :mod:`.options`.

Exit 0 = done, 1 = no plan could be made (the report says why), 2 = bad
input or usage. Problems are printed without a traceback unless
``--debug`` is given.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from balancer.cli.bench import bench
from balancer.cli.board import board
from balancer.cli.options import EXIT_BAD_INPUT, EXIT_OK
from balancer.cli.planning import check, demo, plan, rebalance, rota
from balancer.cli.publish import diff, ics, statements
from balancer.cli.replan import replan
from balancer.cli.serve import serve
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


def main() -> None:
    """Console entry point: run the CLI, turning known errors into exit 2."""
    debug = "--debug" in sys.argv[1:]
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
    board,
    serve,
    bench,
):
    cli.add_command(command)
