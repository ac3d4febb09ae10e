"""Small helpers shared by the rota engine's tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from balancer.domain import Team
from balancer.result import DutyAssignment, SolveStatus
from balancer.solvers.rota.model import RotaModel
from balancer.solvers.runner import SolveParams, SolveRun, run_model
from tests.factories import JANUARY

#: Tiny solves: one worker, a few seconds at most.
FAST = SolveParams(time_limit=10, workers=1, seed=1)

#: The four Mondays of January 2027 (1 Jan, a Friday, is New Year).
MONDAYS = (
    date(2027, 1, 4),
    date(2027, 1, 11),
    date(2027, 1, 18),
    date(2027, 1, 25),
)


def run(built: RotaModel) -> SolveRun:
    """Solve a built model with the tiny-solve parameters."""
    return run_model(built.model, FAST)


def status(built: RotaModel) -> SolveStatus:
    """How a tiny solve of the model ends."""
    return run(built).status


def rota(*entries: tuple[str, date, str, int]) -> tuple[DutyAssignment, ...]:
    """Assignments from (staff, day, duty, slot index) tuples."""
    return tuple(
        DutyAssignment(staff_id=s, day=d, duty_id=u, slot_index=k)
        for s, d, u, k in entries
    )


def loads(
    assignments: Iterable[DutyAssignment], team: Team
) -> dict[str, float]:
    """Duty hours per person in a rota."""
    hours: dict[str, float] = {p.id: 0.0 for p in team.staff}
    for a in assignments:
        hours[a.staff_id] += (
            team.duty_by_id[a.duty_id].slots[a.slot_index].hours
        )
    return hours


__all__ = ["FAST", "JANUARY", "MONDAYS", "loads", "rota", "run", "status"]
