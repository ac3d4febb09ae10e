"""A rota workbook read back as planned: team, month, rota, balances.

``statements`` and ``rewrite`` work on a rota workbook as it stands (hand
edits included) with the team workbook: the month is the rota's own, a
``--month`` that contradicts it is an error, and the balances carried in
are the ones the rota was planned with (its hidden Carried in sheet), not
the team's History, which may have moved on since.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.cli.options import read_team, rota_month

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment

__all__ = ["PlannedRota", "read_planned_rota"]


@dataclass(frozen=True)
class PlannedRota:
    """The team as the rota was planned for it, the month and the rota.

    ``note`` says when the balances came from the team's History instead
    (a rota workbook written before it kept its own), else is empty.
    """

    team: Team
    month: Month
    assignments: tuple[DutyAssignment, ...]
    note: str


def read_planned_rota(
    team_path: Path, rota_path: Path, month_text: str | None
) -> PlannedRota:
    """Read TEAM and ROTA as they were planned together.

    Raises
    ------
    balancer.errors.InputError
        When ``--month`` contradicts the rota's dates, or either file is
        unreadable.
    """
    from balancer.inputs.kept import with_balances
    from balancer.inputs.rota_workbook import open_rota_workbook

    team = read_team(team_path).team
    book = open_rota_workbook(rota_path)
    month = rota_month(month_text, book.month(), rota_path)
    note = ""
    if book.carried_in is None:
        note = (
            f"{rota_path} does not keep the balances it was planned with "
            f"(written by an older balancer); using {team_path}'s History"
        )
    else:
        team = with_balances(team, book.carried_in)
    assignments = tuple(book.assignments(team, month))
    return PlannedRota(team, month, assignments, note)
