"""The ``balancer`` command line: read -> solve -> write -> summarise.

Every command is thin: it calls the readers, engines and writers and maps
the outcome to an exit status. Exit 0 = done, 1 = no plan could be made
(the report says why), 2 = bad input or usage. Problems are printed without
a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import sys

import click

from balancer import __version__
from balancer.errors import BalancerError

EXIT_OK = 0
EXIT_NO_PLAN = 1
EXIT_BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
        cli.main(standalone_mode=False)
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
