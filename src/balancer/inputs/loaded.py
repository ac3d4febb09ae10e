"""A team read from a file, with its notes and where each record came from.

Readers return a :class:`LoadedTeam` so that later checks (the month-aware
ones in :mod:`balancer.inputs.month_checks`, a solver's explanation) can
name a record the way the planner sees it: sheet, row and column in a
workbook, or a path such as ``absences[2].start`` in a JSON file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from balancer.domain import Problem, Team
    from balancer.errors import InputProblem

__all__ = ["LoadedTeam", "Locator", "load_team", "locate_problem"]


class Locator(Protocol):
    """Turns a record position into a problem a planner can find."""

    def problem(
        self,
        sheet: str,
        index: int | None,
        field: str | None,
        message: str,
        fix: str = "",
        slot: int | None = None,
    ) -> InputProblem:
        """A problem about record ``index`` of ``sheet`` (English name).

        ``slot`` places it on slot ``slot`` of duty ``index`` (Duties).
        """
        ...


@dataclass(frozen=True)
class LoadedTeam:
    """A valid team, the notes (warnings) about its file, and a locator.

    Attributes
    ----------
    team
        The team, already checked record by record and across records.
    notes
        Things worth knowing that did not stop reading, e.g. an ignored
        column.
    locator
        Names a record's place in the file, see :class:`Locator`.
    source
        The file read, for messages.
    """

    team: Team
    notes: tuple[InputProblem, ...]
    locator: Locator
    source: str


def locate_problem(locator: Locator, problem: Problem) -> InputProblem:
    """A domain :class:`~balancer.domain.Problem` placed in the file."""
    return locator.problem(
        problem.sheet, problem.index, problem.field, problem.message
    )


def load_team(path: str | Path) -> LoadedTeam:
    """Read a team from ``.json`` or an Excel workbook, by file suffix.

    Raises
    ------
    balancer.errors.InputError
        With every problem in the file.
    """
    if Path(path).suffix.lower() == ".json":
        from balancer.inputs.json_io import load_team_json

        return load_team_json(path)
    from balancer.inputs.excel import read_team_workbook_with_notes

    return read_team_workbook_with_notes(path)
