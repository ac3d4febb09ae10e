"""``solve_rota``: plan a month's duty rota; never raises for no plan."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from balancer.result import SolveStatus
from balancer.solvers._cpsat import SolveParams, run_model
from balancer.solvers.rota.explain import demand_conflicts, solve_relaxed
from balancer.solvers.rota.model import build_model, to_result

if TYPE_CHECKING:
    from balancer.domain import Month, Team
    from balancer.result import RotaResult

__all__ = ["solve_rota"]


def solve_rota(
    team: Team, month: Month, params: SolveParams | None = None
) -> RotaResult:
    """Plan ``month``'s duty rota for ``team``.

    Parameters
    ----------
    team
        Staff, duties, absences, calendar, rules, weights, preferences and
        carried balances.
    month
        The month to plan.
    params
        Time limit, workers, seed; defaults to :class:`SolveParams`.

    Returns
    -------
    RotaResult
        OPTIMAL or FEASIBLE with the rota, its terms and per-person
        summaries; TIME_LIMIT without a rota when none was found in time;
        INFEASIBLE with the conflicts in the planner's words and, marked
        ``relaxed``, the rota that breaks the fewest demands.
    """
    params = params or SolveParams()
    started = time.perf_counter()
    known = demand_conflicts(team, month)
    if known:
        return solve_relaxed(team, month, params, known, started=started)
    built = build_model(team, month)
    run = run_model(built.model, params)
    if run.status is SolveStatus.INFEASIBLE:
        left = params.time_limit - (time.perf_counter() - started)
        return solve_relaxed(
            team,
            month,
            params,
            time_limit=max(left, params.time_limit / 4),
            started=started,
        )
    return to_result(built, run)
