"""Solve GAP instances with the backlog engine and score them.

The model is the backlog engine's own, aimed by :data:`GAP_OPTIONS`:
every case must be placed (no shelf), capacities are hard, no classes of
interchangeable cases (every job differs), and only the fit goal counts,
so the objective is the total cost. A regret greedy gives the search a
first plan when it finds one that fits; on big instances the engine's
cost search (:mod:`balancer.bench.cost_search`) improves it
first.
"""

from __future__ import annotations

import heapq
import math
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from balancer.bench.common import (
    LARGE_PAIRS,
    BenchRow,
    bench_extra,
    find_reference,
    plan_by_index,
)
from balancer.bench.cost_search import lower_cost
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import agent_id, gap_team, job_id
from balancer.solvers.cases import BacklogOptions, balance_backlog
from balancer.solvers.runner import SolveParams

if TYPE_CHECKING:
    from collections.abc import Callable

    from balancer.domain import Team
    from balancer.inputs.gap_format import GapInstance, Sense
    from balancer.result import BacklogResult

__all__ = ["GAP_OPTIONS", "GapRun", "greedy_gap", "solve_gap"]

#: From this many job-agent pairs on, the greedy plan is improved by the
#: engine's cost search before CP-SAT starts. Below it CP-SAT does well
#: with the whole limit (at 60 s with the search from 2,000 pairs on,
#: c10400 went from 0.00 % to 0.14 % and d20400 from 0.57 % to 0.73 %),
#: above it the model loads too slowly to improve a greedy much.
SEARCH_PAIRS = LARGE_PAIRS

#: Share of the time limit for that search.
SEARCH_SHARE = 0.3

#: Weights of capacity share against cost tried by :func:`greedy_gap`.
RESOURCE_WEIGHTS = (0.0, 0.5, 1.0, 2.0, 4.0, 1000.0)

#: Every case placed, no aggregation; balance is off through the weights.
GAP_OPTIONS = BacklogOptions(
    relative_balance=False, allow_shelf=False, aggregate=False
)


@dataclass(frozen=True)
class GapRun:
    """A solved GAP problem: the table row, the plan and the engine's run."""

    row: BenchRow
    agent_of_job: list[int] | None
    team: Team
    result: BacklogResult


def greedy_gap(instance: GapInstance, sense: Sense) -> list[int] | None:
    """A first plan: the job with the largest regret goes first.

    Martello and Toth's rule: a job's regret is how much worse its second
    best agent with room is than its best; the job with the largest
    regret goes to its best agent, and regrets are updated as agents fill
    up (a job with one agent left has infinite regret). Agents are ranked
    by cost (scaled to 0..1) plus a weight times the share of the agent's
    capacity the job uses: cost alone rarely fits tight instances, share
    alone costs too much. Each weight of :data:`RESOURCE_WEIGHTS` is
    tried; the cheapest plan that fits wins. None when none fits.
    """
    sign = 1 if sense == "min" else -1
    spread = max(
        1, max(map(max, instance.cost)) - min(map(min, instance.cost))
    )
    best: list[int] | None = None
    for weight in RESOURCE_WEIGHTS:

        def score(i: int, j: int, weight: float = weight) -> float:
            cost = sign * instance.cost[i][j] / spread
            share = instance.resource[i][j] / instance.capacity[i]
            return cost + weight * share

        plan = _regret_plan(instance, score)
        if plan is not None and (
            best is None
            or sign * instance.objective(plan)
            < sign * instance.objective(best)
        ):
            best = plan
    return best


def _regret_plan(
    instance: GapInstance, score: Callable[[int, int], float]
) -> list[int] | None:
    m, n, a = instance.m, instance.n, instance.resource
    room = list(instance.capacity)
    ranked = [sorted(range(m), key=lambda i: score(i, j)) for j in range(n)]
    cursor = [0] * n  # ranked[j][:cursor[j]] are full for job j
    watchers: list[set[int]] = [set() for _ in range(m)]
    heap: list[tuple[float, int, int]] = []
    version = [0] * n
    plan = [-1] * n

    def options(j: int) -> tuple[int, ...]:
        """Best and second-best agent with room (one or none left)."""
        found: list[int] = []
        k = cursor[j]
        order = ranked[j]
        while k < m and len(found) < 2:
            if a[order[k]][j] <= room[order[k]]:
                found.append(order[k])
            elif not found:
                cursor[j] = k + 1  # full for good: rooms only shrink
            k += 1
        return tuple(found)

    def push(j: int) -> bool:
        found = options(j)
        if not found:
            return False
        for i in found:
            watchers[i].add(j)
        regret = (
            math.inf
            if len(found) == 1
            else score(found[1], j) - score(found[0], j)
        )
        version[j] += 1
        heapq.heappush(heap, (-regret, j, version[j]))
        return True

    for j in range(n):
        if not push(j):
            return None
    while heap:
        _, j, seen = heapq.heappop(heap)
        if plan[j] >= 0 or seen != version[j]:
            continue
        best = options(j)
        if not best:
            return None
        i = best[0]
        plan[j] = i
        room[i] -= a[i][j]
        stale = [x for x in watchers[i] if plan[x] < 0 and a[i][x] > room[i]]
        watchers[i].difference_update(stale)
        for x in stale:
            if not push(x):
                return None
    return plan


def _reference(instance: GapInstance, sense: Sense) -> tuple[int | None, bool]:
    for row in find_reference(instance.source):
        if (
            row.get("set") == instance.set_name
            and row.get("instance") == instance.name
            and row.get("objective_sense") == sense
            and row.get("best_known")
        ):
            return int(row["best_known"]), row.get("optimal") == "yes"
    return None, False


def solve_gap(
    instance: GapInstance,
    sense: Sense | None = None,
    params: SolveParams | None = None,
) -> GapRun:
    """Solve one GAP problem with the backlog engine.

    ``sense`` defaults to the published one (max for gap1..gap12). The
    row's objective is recomputed from the plan with the instance's costs
    and checked against the engine's own objective.
    """
    sense = sense or instance.published_sense
    params = params or SolveParams(time_limit=10.0)
    started = time.perf_counter()
    team = gap_team(instance, sense)
    greedy = greedy_gap(instance, sense)
    if greedy is not None and instance.m * instance.n >= SEARCH_PAIRS:
        sign = 1 if sense == "min" else -1
        plan = lower_cost(
            sign * np.array(instance.cost, dtype=np.float64).T,
            np.array(instance.resource, dtype=np.float64).T,
            np.array(instance.capacity, dtype=np.float64),
            np.array(greedy, dtype=np.int64),
            started + SEARCH_SHARE * params.time_limit,
            seed=params.seed,
        )
        greedy = [int(i) for i in plan]
    hint = (
        {}
        if greedy is None
        else {job_id(j): agent_id(i) for j, i in enumerate(greedy)}
    )
    left = params.time_limit - (time.perf_counter() - started)
    result = balance_backlog(
        team,
        BENCH_START,
        replace(
            params,
            time_limit=max(1.0, left),
            extra=bench_extra(instance.m * instance.n, params.extra),
        ),
        options=GAP_OPTIONS,
        hint=hint,
    )
    seconds = time.perf_counter() - started
    top = max(max(row) for row in instance.cost)
    shift = 0 if sense == "min" else instance.n * top
    sign = 1 if sense == "min" else -1
    agent_of_job = plan_by_index(instance.n, instance.m, result)
    objective = bound = None
    status = result.status.value
    if agent_of_job is not None and result.stats.objective is None:
        # The engine fell back to the start plan (CP-SAT found none in
        # time): that plan is the greedy's, so say so.
        if agent_of_job != greedy:
            raise RuntimeError(
                f"{instance.name}: a plan without an objective that is "
                "not the start plan"
            )
        objective = instance.objective(agent_of_job)
        status = f"{status} (greedy plan)"
    elif agent_of_job is not None:
        objective = instance.objective(agent_of_job)
        engine = result.stats.objective
        if engine is None or sign * (round(engine) - shift) != objective:
            raise RuntimeError(
                f"{instance.name}: the engine's objective {engine} does "
                f"not match the plan's {objective}"
            )
        if result.stats.bound is not None:
            # The engine minimises cost C - c for max: undo the shift.
            low = math.ceil(result.stats.bound - 1e-6)
            bound = sign * (low - shift)
    best, optimal = _reference(instance, sense)
    label = (
        instance.name
        if instance.set_name == "yagiura"
        else f"{instance.set_name}:{instance.index} {instance.name}"
    )
    row = BenchRow(
        instance=label,
        size=f"{instance.m}x{instance.n}",
        sense=sense,
        objective=objective,
        bound=bound,
        best_known=best,
        optimal_known=optimal,
        seconds=round(seconds, 2),
        status=status,
    )
    return GapRun(row, agent_of_job, team, result)
