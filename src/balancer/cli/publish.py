"""Commands for after a rota is published: ics, diff, statements.

``ics`` turns the rota workbook into one calendar file per person,
``diff`` lists who gains and loses which duty between two rota workbooks,
and ``statements`` prints each person's fairness statement. ``ics`` and
``diff`` read the rota workbook alone (its Board sheet); ``statements``
needs the team workbook too, for contracts, absences and balances.

Registered on the ``balancer`` group in :mod:`balancer.cli.main`. Bad input
raises :class:`~balancer.errors.InputError`, which the group reports
plainly with exit status 2.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from balancer.cli.options import FILE, LANG

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = ["diff", "ics", "statements"]


@click.command()
@click.argument("rota_path", metavar="ROTA", type=FILE)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("calendars"),
    show_default=True,
    help="Folder for the .ics files (one per person).",
)
@click.option(
    "--team",
    "team_name",
    default="team",
    show_default=True,
    help="The team's name; part of every event's id, so keep it the "
    "same from month to month.",
)
@click.option(
    "--previous",
    "previous_path",
    type=FILE,
    help="The rota published before; its duties that are gone are "
    "sent as cancelled.",
)
@LANG
def ics(
    rota_path: Path,
    out_dir: Path,
    team_name: str,
    previous_path: Path | None,
    lang: Language,
) -> None:
    """Write a calendar file per person with their duties from ROTA.

    Each person gets OUT/<staff id>.ics with one event per duty block,
    in Danish time. Publishing a changed rota again updates the events
    in people's calendars instead of adding copies.
    """
    from balancer.inputs.rota_workbook import read_board
    from balancer.language import Words
    from balancer.outputs.ics import calendar_files, write_calendars

    rota = read_board(rota_path)
    previous = read_board(previous_path) if previous_path else None
    # The rota's save time stamps the publication: publishing the same
    # file twice gives the same files, and a newer rota outranks it.
    stamp = datetime.fromtimestamp(rota_path.stat().st_mtime, tz=UTC)
    files = calendar_files(
        rota, team=team_name, stamp=stamp.replace(microsecond=0),
        previous=previous, lang=lang,
    )  # fmt: skip
    inputs = [p for p in (rota_path, previous_path) if p is not None]
    written = write_calendars(files, out_dir, inputs)
    people = len({s.staff_id for s in rota.shifts})
    click.echo(
        Words(lang)(
            "ics.written", count=len(written), folder=out_dir, people=people
        )
    )


@click.command()
@click.argument("old_path", metavar="OLD", type=FILE)
@click.argument("new_path", metavar="NEW", type=FILE)
@LANG
def diff(old_path: Path, new_path: Path, lang: Language) -> None:
    """List what changed per person from rota OLD to rota NEW.

    One line per person, ``+`` for duty gained and ``-`` for duty lost,
    ready to paste into the message to the team.
    """
    from balancer.inputs.rota_workbook import read_board
    from balancer.outputs.changes import diff_rotas

    old = read_board(old_path)
    new = read_board(new_path)
    found = diff_rotas(old.shifts, new.shifts)
    click.echo(found.headline(lang))
    names = {**old.names, **new.names}
    titles = {**old.duty_titles, **new.duty_titles}
    for line in found.lines(
        lambda s: names.get(s) or s, lang, lambda d: titles.get(d) or d
    ):
        click.echo(line)


@click.command()
@click.argument("team_path", metavar="TEAM", type=FILE)
@click.argument("rota_path", metavar="ROTA", type=FILE)
@click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="The rota's month; default: the month of its dates.",
)
@LANG
def statements(
    team_path: Path, rota_path: Path, month_text: str | None, lang: Language
) -> None:
    """Print each person's fairness statement for rota ROTA.

    The same lines as the rota workbook's Statements sheet, for a
    hand-edited rota too: the shares come from the team workbook TEAM
    (contracts, absences, duties) and the rota's Board, and the balances
    carried in are the ones the rota was planned with, kept in the rota
    workbook (not TEAM's History, which may have moved on). A rota
    workbook from before they were kept uses TEAM's History, and says so.
    """
    from balancer.cli.rota_file import read_planned_rota
    from balancer.outputs.statements import fairness_statements
    from balancer.solvers.planning import account_for

    planned = read_planned_rota(team_path, rota_path, month_text)
    if planned.note:
        click.echo(planned.note, err=True)
    team, month = planned.team, planned.month
    result = account_for(team, month, planned.assignments)
    for line in fairness_statements(team, month, result, lang).lines():
        click.echo(line)
