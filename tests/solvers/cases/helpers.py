"""Tiny backlog instances: one or two full-timers, Monday 4 Jan 2027.

With no daily overhead a full-timer has exactly 8 casework hours on a
Monday (the default opening hours 08:00-16:00), which keeps every
expected number easy to derive by hand.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ortools.sat.python import cp_model

from balancer.domain import CaseStatus, Rules, ShelfOrder, Team, Weights
from balancer.result import SolveStatus
from balancer.solvers.cases.data import prepare
from balancer.solvers.cases.model import build
from tests.factories import make_case, make_staff

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


def pack_team(*cases: Case, **overrides: Any) -> Team:
    """:func:`backlog_team` with ``shelf_order = pack``."""
    rules = Rules(daily_overhead_hours=0, shelf_order=ShelfOrder.PACK)
    return backlog_team(*cases, rules=rules, **overrides)


def due_case_team() -> Team:
    """Ann keeps an old 8 h case, Bo a fresh 9 h one; a 1 h case is due.

    Mon-Tue, 8 h a day each. Anything Ann gets is queued behind her old
    case (its target passed), so the 1 h case due Monday would be 1 h
    late with her; with Bo nothing due sooner is ahead of it. Balance is
    off, so only lateness decides: the case belongs with Bo.
    """
    sunday = date(2027, 1, 3)
    return backlog_team(
        make_case(
            "old", owner="ann", status=CaseStatus.ASSIGNED, effort_hours=8
        ),
        make_case(
            "fresh",
            owner="bo",
            status=CaseStatus.ASSIGNED,
            effort_hours=9,
            received=sunday,
        ),
        make_case("due", effort_hours=1, received=sunday, deadline=MONDAY),
        weights=Weights(balance_max=0, balance_spread=0),
    )


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
