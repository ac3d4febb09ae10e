"""Tiny backlog instances: one or two full-timers, Monday 4 Jan 2027.

With no daily overhead a full-timer has exactly 8 casework hours on a
Monday (the default opening hours 08:00-16:00), which keeps every
expected number easy to derive by hand.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ortools.sat.python import cp_model

from balancer.domain import Rules, Team, Weights
from balancer.result import SolveStatus
from balancer.solvers.cases.data import prepare
from balancer.solvers.cases.model import build
from tests.factories import make_staff

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from balancer.domain import Case
    from balancer.solvers.cases.data import BacklogData, BacklogOptions
    from balancer.solvers.cases.model import BacklogModel

MONDAY = date(2027, 1, 4)
TUESDAY = date(2027, 1, 5)

#: Every backlog weight off; a test switches on the goal it is about.
NO_WEIGHTS = Weights(
    balance_max=0, balance_spread=0, lateness=0, age=0, moves=0, fit=0
)


def backlog_team(*cases: Case, **overrides: Any) -> Team:
    """Ann and Bo, full time, no overhead, no duties; the given cases."""
    fields: dict[str, Any] = {
        "staff": (make_staff("ann"), make_staff("bo")),
        "rules": Rules(daily_overhead_hours=0),
        "cases": cases,
    }
    fields.update(overrides)
    return Team(**fields)


def data_for(
    team: Team,
    days: int = 1,
    max_moves: int | None = None,
    options: BacklogOptions | None = None,
) -> BacklogData:
    """Prepared data for a horizon of ``days`` opening days from Monday."""
    return prepare(
        team, MONDAY, horizon_days=days, max_moves=max_moves, options=options
    )


def solve_built(built: BacklogModel) -> tuple[SolveStatus, cp_model.CpSolver]:
    """Solve a built model on one worker; status and solver."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10
    code = solver.solve(built.model)
    status = {
        cp_model.OPTIMAL: SolveStatus.OPTIMAL,
        cp_model.FEASIBLE: SolveStatus.FEASIBLE,
        cp_model.INFEASIBLE: SolveStatus.INFEASIBLE,
    }.get(code, SolveStatus.TIME_LIMIT)
    return status, solver


def status_with(
    data: BacklogData,
    rules: Sequence[Callable[..., None]],
    fixes: dict[str, str | None] | None = None,
) -> SolveStatus:
    """Status of the model with only ``rules`` and the cases fixed."""
    built = build(data, rules=rules, goals=())
    for case_id, staff_id in (fixes or {}).items():
        built.variables.fix(case_id, staff_id)
    return solve_built(built)[0]
