"""Figures that compare backlog plans, from the plan alone.

Depends only on the domain and result models, so outputs and benchmarks
can use it without importing a solver.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Team
    from balancer.result import CaseAssignment

__all__ = [
    "BacklogFigures",
    "backlog_figures",
    "owned_hours",
    "utilisation",
]


@dataclass(frozen=True)
class BacklogFigures:
    """How a backlog plan shares out the work.

    Utilisation is kept + planned hours over casework hours, in %.
    """

    max_utilisation: float
    min_utilisation: float
    spread: float
    deadline_misses: int
    moves: int
    assigned: int
    shelved: int


def owned_hours(
    team: Team, assignments: Sequence[CaseAssignment]
) -> tuple[dict[str, float], dict[str, float]]:
    """Per person: hours of every case they own, and of those they keep.

    Hours are each case's effort for its owner (``Case.effort_for``);
    *kept* cases are the in-progress or pinned ones that stay with their
    owner. Assignments to unknown cases count 0 hours.
    """
    cases = {c.id: c for c in team.cases}
    load: dict[str, float] = {}
    kept: dict[str, float] = {}
    for entry in assignments:
        if entry.staff_id is None:
            continue
        case = cases.get(entry.case_id)
        hours = case.effort_for(entry.staff_id) if case else 0.0
        load[entry.staff_id] = load.get(entry.staff_id, 0.0) + hours
        if case is not None and case.fixed and case.owner == entry.staff_id:
            kept[entry.staff_id] = kept.get(entry.staff_id, 0.0) + hours
    return load, kept


def utilisation(
    team: Team,
    assignments: Sequence[CaseAssignment],
    capacity_hours: Mapping[str, float],
) -> dict[str, float]:
    """Staff id -> utilisation in % for everyone who does casework.

    ``capacity_hours`` are the *free* hours (after kept cases), as in
    :class:`~balancer.result.BacklogResult`; casework hours are those plus
    the kept cases. People without casework hours are left out.
    """
    load, kept = owned_hours(team, assignments)
    found = {}
    for person in team.staff:
        if not person.casework:
            continue
        total = capacity_hours.get(person.id, 0.0) + kept.get(person.id, 0.0)
        if total > 1e-9:
            found[person.id] = 100 * load.get(person.id, 0.0) / total
    return found


def backlog_figures(
    team: Team,
    assignments: Sequence[CaseAssignment],
    capacity_hours: Mapping[str, float],
) -> BacklogFigures:
    """Max and min utilisation, spread, forecast misses, moves, counts."""
    shares = utilisation(team, assignments, capacity_hours)
    top = max(shares.values(), default=0.0)
    bottom = min(shares.values(), default=0.0)
    return BacklogFigures(
        max_utilisation=round(top, 1),
        min_utilisation=round(bottom, 1),
        spread=round(top - bottom, 1),
        deadline_misses=sum(1 for a in assignments if a.late),
        moves=sum(1 for a in assignments if a.moved),
        assigned=sum(1 for a in assignments if a.staff_id is not None),
        shelved=sum(1 for a in assignments if a.staff_id is None),
    )
