"""The engines' public entry points, and the whole plan.

``solve_rota`` plans next month's duty; ``balance_backlog`` shares out the
case backlog on the capacity the rota leaves; ``plan_month`` runs both, in
that order, and adds the baselines' figures for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.result import (
    BacklogResult,
    RotaResult,
    SolveStats,
    SolveStatus,
)
from balancer.solvers.cases import balance_backlog
from balancer.solvers.cases.baselines import BASELINES, baseline_plan
from balancer.solvers.rota import solve_rota
from balancer.solvers.rota.account import summarise
from balancer.solvers.rota.shares import compute_shares
from balancer.solvers.runner import SolveParams

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment

__all__ = [
    "MonthPlan",
    "SolveParams",
    "account_for",
    "balance_backlog",
    "baseline_results",
    "first_opening_day",
    "plan_month",
    "solve_rota",
]

#: Baseline name as planners read it -> engine name.
BASELINE_TITLES = {
    "round_robin": "Fixed key (round robin by type)",
    "least_loaded": "Greedy least loaded",
}


@dataclass(frozen=True)
class MonthPlan:
    """A month's rota and the backlog plan made on its capacity."""

    rota: RotaResult
    backlog: BacklogResult
    baselines: dict[str, BacklogResult]
    start: date


def first_opening_day(team: Team, month: Month) -> date:
    """The month's first opening day (its first day if none is open)."""
    for day in month.days():
        if team.calendar.is_open(day):
            return day
    return month.first


def baseline_results(
    team: Team,
    start: date,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> dict[str, BacklogResult]:
    """What the usual office methods would do with the same backlog.

    The fixed distribution key (round robin by case type) and greedy
    "least loaded first", each as a result shaped like the engine's, keyed
    by its name in planner's words.
    """
    found: dict[str, BacklogResult] = {}
    for name in BASELINES:
        free, plan = baseline_plan(
            name, team, start, rota=rota, horizon_days=horizon_days
        )
        found[BASELINE_TITLES[name]] = BacklogResult(
            stats=SolveStats(status=SolveStatus.FEASIBLE),
            assignments=plan,
            capacity_hours=free,
        )
    return found


def plan_month(
    team: Team,
    month: Month,
    rota_params: SolveParams | None = None,
    backlog_params: SolveParams | None = None,
) -> MonthPlan:
    """Plan the month's duty, then the backlog from its first opening day.

    The backlog sees the rota's duty hours as time not available for
    casework. A rota without a plan leaves the backlog to contracts alone.
    """
    rota = solve_rota(team, month, rota_params)
    start = first_opening_day(team, month)
    duty = rota.assignments
    backlog = balance_backlog(team, start, backlog_params, rota=duty)
    return MonthPlan(
        rota=rota,
        backlog=backlog,
        baselines=baseline_results(team, start, duty),
        start=start,
    )


def account_for(
    team: Team, month: Month, assignments: Sequence[DutyAssignment]
) -> RotaResult:
    """A rota's fairness account, for any rota (a hand-edited one too).

    The result carries the rota and each person's load against their
    fair shares, as a solve's would; its status is FEASIBLE and it has
    no objective, since nothing was searched.
    """
    shares = compute_shares(team, month)
    return RotaResult(
        stats=SolveStats(status=SolveStatus.FEASIBLE),
        assignments=tuple(assignments),
        staff=summarise(team, shares, assignments),
    )
