"""The backlog balancer: assign open cases to caseworkers (issue 4).

``balance_backlog`` computes everyone's casework capacity over the
horizon (contract, absences, duty rota, overhead, kept cases), builds one
CP-SAT model with the hard rules of :mod:`.constraints` and the weighted
soft goals of :mod:`.objectives`, and returns the plan with a forecast of
when each case is worked and which will miss their deadline.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from balancer.solvers.cases.data import BacklogOptions, prepare
from balancer.solvers.cases.hint import greedy_hint
from balancer.solvers.cases.local_search import polish
from balancer.solvers.cases.model import solve
from balancer.solvers.cases.peak_search import balance_hint
from balancer.solvers.runner import SolveParams, interruptible

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Team
    from balancer.result import BacklogResult, DutyAssignment

__all__ = ["BacklogOptions", "balance_backlog"]

#: Local search on the first plan (:mod:`.local_search`) gets this share of
#: the time limit, at most :data:`POLISH_SECONDS`; it usually stops
#: earlier, when no move helps (on a busy 2-core machine: demo 0.3 s,
#: 10,000 x 200 about 3 s).
POLISH_SHARE = 0.25
POLISH_SECONDS = 10.0
#: Share of the time limit the peak search may spend on the first plan
#: when balance is the only goal (:func:`.peak_search.balance_hint`).
PEAK_SHARE = 0.25


def balance_backlog(
    team: Team,
    start: date,
    params: SolveParams | None = None,
    *,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
    max_moves: int | None = None,
    options: BacklogOptions | None = None,
    hint: Mapping[str, str | None] | None = None,
) -> BacklogResult:
    """Assign the team's open cases for the horizon starting at ``start``.

    Parameters
    ----------
    team:
        The team, with its cases, weights and rules.
    start:
        First day of the horizon (the next opening day on or after it).
    params:
        Time limit, workers, seed.
    rota:
        The duty rota; its hours are taken off casework time.
    horizon_days:
        Opening days to plan; default ``Rules.horizon_working_days``.
    max_moves:
        Hard budget on reassigning already-assigned cases; None = no limit.
    options:
        Aim the model at a benchmark (absolute makespan, no shelf).
    hint:
        A plan to start the search from (case id -> owner); None: the
        greedy of :mod:`.hint`, improved by the local search of
        :mod:`.local_search`, and by the peak search (:mod:`.peak_search`)
        when balance is the only goal; empty: no start plan. Benchmarks
        pass
        their own greedy, which knows what the baseline can't (e.g. that
        every case must be placed).

    Returns
    -------
    BacklogResult
        Status, the plan with a forecast, each term's value, each
        person's free casework hours, and conflicts in planner's words.
        Never raises for an infeasible or timed-out run.
    """
    started = time.perf_counter()
    limit = (params or SolveParams()).time_limit
    with interruptible():
        data = prepare(
            team,
            start,
            rota,
            horizon_days,
            max_moves=max_moves,
            options=options,
        )
        if hint is None and not data.infeasible:
            budget = min(POLISH_SECONDS, POLISH_SHARE * limit)
            hint = polish(data, greedy_hint(data), budget)
            hint = balance_hint(
                data,
                hint,
                time.perf_counter() + PEAK_SHARE * limit,
                (params or SolveParams()).seed,
            )
        return solve(data, params, hint, started)
