"""Solve GAP instances with the backlog engine and score them.

The model is the backlog engine's own, aimed by :data:`GAP_OPTIONS`:
every case must be placed (no shelf), capacities are hard, no classes of
interchangeable cases (every job differs), and only the fit goal counts,
so the objective is the total cost. A regret greedy gives the search a
first plan when it finds one that fits.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.bench.common import BenchRow, find_reference
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import agent_id, gap_team, job_id
from balancer.solvers._cpsat import SolveParams
from balancer.solvers.cases import BacklogOptions, balance_backlog

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.inputs.gap_format import GapInstance, Sense
    from balancer.result import BacklogResult

__all__ = ["GAP_OPTIONS", "GapRun", "greedy_gap", "solve_gap"]

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
    """A first plan: jobs by regret, each to its best agent with room.

    Tried twice, ranking agents by cost, then by the share of capacity
    the job uses (which fits tight instances more often). None when
    neither fits every job.
    """
    sign = 1 if sense == "min" else -1
    m, n = instance.m, instance.n

    def by_cost(i: int, j: int) -> float:
        return sign * instance.cost[i][j]

    def by_room(i: int, j: int) -> float:
        return instance.resource[i][j] / instance.capacity[i]

    for score in (by_cost, by_room):
        ranked = [
            sorted(range(m), key=lambda i: score(i, j)) for j in range(n)
        ]
        regret = [
            score(r[1], j) - score(r[0], j) if m > 1 else 0.0
            for j, r in enumerate(ranked)
        ]
        room = list(instance.capacity)
        plan = [-1] * n
        for j in sorted(range(n), key=lambda j: -regret[j]):
            for i in ranked[j]:
                if instance.resource[i][j] <= room[i]:
                    plan[j] = i
                    room[i] -= instance.resource[i][j]
                    break
            else:
                break
        else:
            return plan
    return None


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
    hint = (
        {}
        if greedy is None
        else {job_id(j): agent_id(i) for j, i in enumerate(greedy)}
    )
    result = balance_backlog(
        team, BENCH_START, params, options=GAP_OPTIONS, hint=hint
    )
    seconds = time.perf_counter() - started
    top = max(max(row) for row in instance.cost)
    shift = 0 if sense == "min" else instance.n * top
    sign = 1 if sense == "min" else -1
    agent_of_job = _plan(instance, result)
    objective = bound = None
    if agent_of_job is not None:
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
        status=result.status.value,
    )
    return GapRun(row, agent_of_job, team, result)


def _plan(instance: GapInstance, result: BacklogResult) -> list[int] | None:
    """Agent index per job, or None when the engine has no full plan."""
    index = {agent_id(i): i for i in range(instance.m)}
    owner = {a.case_id: a.staff_id for a in result.assignments}
    plan = []
    for j in range(instance.n):
        who = owner.get(job_id(j))
        if who is None:
            return None
        plan.append(index[who])
    return plan
