"""``balancer board``: the page for the team's weekly board meeting.

Reads the team workbook as it stands today, the month's rota workbook
(its Board sheet, hand edits and all), and optionally the backlog plan
and last week's team workbook; writes one self-contained HTML page. The
figures are defined in ``docs/board.md`` and
:mod:`balancer.outputs.board_figures`.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from balancer.cli.options import DATE, FILE, LANG
from balancer.files.saving import check_target

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = ["board"]


def _week(text: str | None) -> date | None:
    from balancer.outputs.board_figures import iso_week_monday

    if text is None:
        return None
    try:
        return iso_week_monday(text)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--week") from None


@click.command()
@click.argument("team_path", metavar="TEAM", type=FILE)
@click.option(
    "--rota",
    "rota_path",
    type=FILE,
    required=True,
    help="The month's rota (or plan) workbook; its Board sheet counts.",
)
@click.option(
    "--backlog",
    "backlog_path",
    type=FILE,
    help="Backlog (or plan) workbook: owners and forecasts from it.",
)
@click.option(
    "--previous",
    "previous_path",
    type=FILE,
    help="Last week's team workbook: what arrived, started and closed "
    "since, and each figure's change.",
)
@click.option(
    "--week",
    "week_text",
    metavar="YYYY-Www",
    help="The week to show, e.g. 2027-W10; default: this week, or the "
    "rota's first week when today is outside its month.",
)
@click.option(
    "--today",
    type=DATE,
    help="The board day (highlighted, and what ages count to); default: "
    "today, or the week's first opening day when today is outside it.",
)
@LANG
@click.option(
    "-o",
    "--output",
    type=FILE,
    help="The page to write; default: board-YYYY-Www.html.",
)
def board(
    team_path: Path,
    rota_path: Path,
    backlog_path: Path | None,
    previous_path: Path | None,
    week_text: str | None,
    today: datetime | None,
    lang: Language,
    output: Path | None,
) -> None:
    """Write the board page for the team in TEAM: one HTML file.

    This week's duty, each person's load, the shelf per skill queue, the
    flow figures for the citizen, fairness so far this month, and three
    things to talk about. The page needs no network and prints on one
    landscape page.
    """
    from balancer.errors import InputError, InputProblem
    from balancer.inputs.backlog_workbook import read_backlog_workbook
    from balancer.inputs.loaded import load_team
    from balancer.inputs.rota_workbook import open_rota_workbook
    from balancer.outputs.board_figures import board_day, board_figures
    from balancer.outputs.board_page import write_board_page

    week = _week(week_text)
    inputs = [
        p
        for p in (team_path, rota_path, backlog_path, previous_path)
        if p is not None
    ]
    if output is not None:
        check_target(output, inputs)
    team = load_team(team_path).team
    book = open_rota_workbook(rota_path)
    month = book.month()
    if month is None:
        raise InputError(
            [
                InputProblem(
                    "the Board sheet has no dates, so the rota's month is "
                    "unknown",
                    sheet="Board",
                    fix="give the rota workbook balancer wrote for the month",
                )
            ],
            source=str(rota_path),
        )
    rota = book.assignments(team, month)
    backlog = read_backlog_workbook(backlog_path) if backlog_path else None
    previous = load_team(previous_path).team if previous_path else None
    monday, day = board_day(
        team, month, today.date() if today else date.today(), week
    )
    figures = board_figures(
        team, month, rota, day, monday, backlog=backlog, previous=previous
    )
    year, number, _ = monday.isocalendar()
    target = output or Path(f"board-{year}-W{number:02d}.html")
    written = write_board_page(
        figures,
        target,
        lang,
        sources=[p.name for p in inputs],
        inputs=inputs,
    )
    click.echo(
        f"Wrote {written}: week {number} of {year}, {figures.team_size} "
        f"people, {figures.open_cases} open cases, "
        f"{figures.shelf_length} on the shelf."
    )
