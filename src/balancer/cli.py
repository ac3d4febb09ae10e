"""The ``balancer`` command line: read -> solve -> write -> summarise.

Every command is thin: it calls the readers, engines and writers and maps
the outcome to an exit status. Exit 0 = done, 1 = no plan could be made
(the report says why), 2 = bad input or usage. Problems are printed without
a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from balancer import __version__
from balancer.domain import Month
from balancer.errors import BalancerError, InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.errors import InputProblem

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


# --------------------------------------------------------------------------
# Team workbook: template and validate
# --------------------------------------------------------------------------


def _month_option(text: str | None) -> Month:
    """The --month value, defaulting to the month after today."""
    if text is None:
        return Month.following(date.today())
    try:
        return Month.parse(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a month; write it like 2027-01",
            param_hint="--month",
        ) from None


def _echo_problems(title: str, problems: Sequence[InputProblem]) -> None:
    click.echo(title)
    for problem in problems:
        click.echo(f"  - {problem}")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def template(path: Path) -> None:
    """Write an empty team workbook to PATH, with examples and help."""
    from balancer.inputs.template import write_template

    written = write_template(path)
    click.echo(
        f"Wrote {written}. Fill it in, then run: balancer validate {written}"
    )


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="Month to plan; default: next month.",
)
@click.pass_context
def validate(ctx: click.Context, path: Path, month_text: str | None) -> None:
    """Check a team workbook (or .json) and list every problem.

    Exit 0 when it can be planned (warnings are printed), 2 otherwise.
    """
    from balancer.inputs.loaded import load_team
    from balancer.inputs.month_checks import check_month

    month = _month_option(month_text)
    try:
        loaded = load_team(path)
    except InputError as error:
        count = len(error.problems)
        _echo_problems(
            f"{path}: {count} problem{'s' if count != 1 else ''} found:",
            error.problems,
        )
        ctx.exit(EXIT_BAD_INPUT)
    checked = check_month(loaded, month)
    notes = (*loaded.notes, *checked.warnings)
    if notes:
        _echo_problems(f"{path}: {len(notes)} note(s):", notes)
    if checked.problems:
        _echo_problems(
            f"{path}: {len(checked.problems)} problem(s) for {month}:",
            checked.problems,
        )
        ctx.exit(EXIT_BAD_INPUT)
    team = loaded.team
    slots = sum(len(duty.slots) for duty in team.duties)
    click.echo(
        f"{path}: OK. {len(team.staff)} staff, {len(team.duties)} duties "
        f"({slots} slots), {len(team.absences)} absences, "
        f"{len(team.cases)} cases; {month} has {checked.opening_days} "
        "opening days."
    )
