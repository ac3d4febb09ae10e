"""Options every command shares, and the one place they become settings.

Every solving command takes the same search options (``--time-limit``,
``--workers``, ``--seed``, ``--quiet``) through :func:`solve_options`, and
:func:`solve_params` is the only place that turns them into
:class:`~balancer.solvers.runner.SolveParams`: so every solve shows the
same live progress and stops the same way on Ctrl-C.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from balancer.domain import Month

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from balancer.errors import InputProblem
    from balancer.inputs.loaded import LoadedTeam
    from balancer.solvers.runner import Progress, SolveParams

__all__ = [
    "DATE",
    "EXIT_BAD_INPUT",
    "EXIT_NO_PLAN",
    "EXIT_OK",
    "FILE",
    "LANG",
    "MONTH",
    "echo_problems",
    "exit_for",
    "month_option",
    "read_team",
    "rota_month",
    "solve_options",
    "solve_params",
]

_F = TypeVar("_F", bound="Callable[..., Any]")

EXIT_OK = 0
EXIT_NO_PLAN = 1
EXIT_BAD_INPUT = 2

#: A file argument or option (never a folder).
FILE = click.Path(dir_okay=False, path_type=Path)


class _Day(click.DateTime):
    """A date option, as ISO or Danish day-first, in the months planned.

    Rule: a date given on the command line lies in a month balancer
    plans (2000-01 to 2100-12, as :class:`~balancer.domain.Month`); a
    horizon from 31.12.9999 ran past the end of the calendar.
    """

    first = date(2000, 1, 1)
    last = date(2100, 12, 31)

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d", "%d.%m.%Y"])

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: Any
    ) -> Any:
        day = super().convert(value, param, ctx)
        if not self.first <= day.date() <= self.last:
            self.fail(
                f"{value!r} is outside the months balancer plans "
                f"({self.first:%d.%m.%Y}-{self.last:%d.%m.%Y}); check the "
                "year",
                param,
                ctx,
            )
        return day


#: A date option, as ISO or Danish day-first.
DATE = _Day()


class _Seconds(click.ParamType):  # type: ignore[type-arg]
    """Seconds as a finite number of at least ``least``."""

    name = "seconds"

    def __init__(self, least: float) -> None:
        self.least = least

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: Any
    ) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not math.isfinite(seconds) or seconds < self.least:
            self.fail(
                f"{value!r} is not a time limit; give seconds of at least "
                f"{self.least:g}, e.g. 30",
                param,
                ctx,
            )
        return seconds


def solve_options(
    default_limit: float = 30.0, per: str = "solve", seed: bool = True
) -> Callable[[_F], _F]:
    """--time-limit, --workers, --seed and --quiet for a solving command.

    ``per`` names what one time limit covers ("solve", "instance").
    """

    def decorate(func: _F) -> _F:
        options = [
            click.option(
                "--time-limit",
                type=_Seconds(0.1),
                default=default_limit,
                show_default=True,
                help=f"Seconds to search per {per}.",
            ),
            click.option(
                "--workers",
                type=click.IntRange(min=1, max=256),
                default=None,
                help="CPU cores to use; default: all.",
            ),
        ]
        if seed:
            options.append(
                click.option(
                    "--seed",
                    type=click.IntRange(min=0, max=2**31 - 1),
                    default=0,
                    help="Random seed.",
                )
            )
        options.append(
            click.option(
                "--quiet", is_flag=True, help="Don't show live progress."
            )
        )
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def solve_params(
    time_limit: float,
    workers: int | None = None,
    seed: int = 0,
    quiet: bool = False,
) -> SolveParams:
    """The search options as solver settings, with live progress lines.

    Progress goes to stderr, one line per better plan, unless ``quiet``.
    """
    from balancer.outputs.console import progress_line
    from balancer.solvers.runner import SolveParams

    def show(progress: Progress) -> None:
        click.echo(progress_line(progress), err=True)

    return SolveParams(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        on_progress=None if quiet else show,
    )


def month_option(text: str | None, found: Month | None = None) -> Month:
    """The --month value; else ``found`` (e.g. a rota's); else next month."""
    if text is None:
        return found or Month.following(date.today())
    try:
        return Month.parse(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a month; write it like 2027-01",
            param_hint="--month",
        ) from None


def rota_month(
    text: str | None, found: Month | None, rota_path: Path
) -> Month:
    """The month of a rota workbook: its Board's, or a --month agreeing.

    Rule: without --month, the month is the one of the rota's dates
    (``found``); a --month that contradicts them is bad input (exit 2),
    since every date of the rota would then be out of the month.
    """
    from balancer.errors import InputError, InputProblem

    month = month_option(text, found)
    if found is not None and month != found:
        raise InputError(
            [
                InputProblem(
                    f"--month {month} does not match the rota, which is "
                    f"for {found}",
                    fix=f"leave --month out, or give --month {found}",
                )
            ],
            source=str(rota_path),
        )
    return month


MONTH = click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="Month to plan; default: next month.",
)


def _language(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str:
    """``--lang`` as given, else the ``BALANCER_LANG`` setting, else en."""
    from balancer.language import terminal_language

    return value or terminal_language()


LANG = click.option(
    "--lang",
    type=click.Choice(["en", "da"]),
    default=None,
    callback=_language,
    help="Language of everything the command writes and prints (da = "
    "Danish); default: the BALANCER_LANG setting, else en.",
)


def echo_problems(title: str, problems: Sequence[InputProblem]) -> None:
    """A title line, then one line per problem, at most a screenful.

    See :func:`balancer.errors.problem_lines` for the cap.
    """
    from balancer.errors import problem_lines

    click.echo(title)
    for line in problem_lines(problems):
        click.echo(line)


def read_team(path: Path, month: Month | None = None) -> LoadedTeam:
    """Read the team in ``path``, showing on stderr what is worth a look.

    Rule: every command that reads the team shows the reader's notes (a
    sheet read by its headers, a sheet or column ignored, a formula
    without a saved value) and, given ``month``, the warnings that change
    its plan (a slot outside the opening hours, a weekday short every
    week): nothing about the input is skipped quietly. Problems raise
    :class:`~balancer.errors.InputError` (exit 2), including a month the
    team is never open in.
    """
    from balancer.errors import InputError, problem_lines
    from balancer.inputs.loaded import load_team
    from balancer.inputs.month_checks import check_month
    from balancer.language import Words

    loaded = load_team(path)
    notes = list(loaded.notes)
    if month is not None:
        checked = check_month(loaded, month)
        if checked.problems:
            raise InputError(list(checked.problems), source=str(path))
        notes += checked.warnings
    if notes:
        heading = Words()("cli.notes", source=path, count=len(notes))
        click.echo(heading, err=True)
        for line in problem_lines(notes):
            click.echo(line, err=True)
    return loaded


def exit_for(has_plan: bool) -> int:
    """Exit status for a solve: 0 with a plan, 1 without."""
    return EXIT_OK if has_plan else EXIT_NO_PLAN
