"""Solve R||Cmax instances with the backlog engine's balance goal.

Aimed by :data:`RCMAX_OPTIONS`: balance in absolute minutes (the
makespan), every case placed, no classes. A greedy plan improved by
moving jobs off the busiest machine gives the search its start, and its
makespan becomes everyone's capacity (no better plan needs more), which
also drops every job-machine pair slower than it from the model. The
reported bound is the better of the search's and the trivial bound.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.bench.common import BenchRow, find_reference
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import agent_id, job_id
from balancer.inputs.rcmax_format import rcmax_team
from balancer.solvers._cpsat import SolveParams
from balancer.solvers.cases import BacklogOptions, balance_backlog

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.inputs.rcmax_format import RcmaxInstance
    from balancer.result import BacklogResult

__all__ = ["RCMAX_OPTIONS", "RcmaxRun", "greedy_rcmax", "solve_rcmax"]

#: Makespan: absolute balance, every case placed, no aggregation.
RCMAX_OPTIONS = BacklogOptions(
    relative_balance=False, allow_shelf=False, aggregate=False
)


@dataclass(frozen=True)
class RcmaxRun:
    """A solved instance: the table row, the plan and the engine's run."""

    row: RcmaxRow
    machine_of_job: list[int] | None
    team: Team
    result: BacklogResult


@dataclass(frozen=True)
class RcmaxRow(BenchRow):
    """A table row that also knows the instance's type (for summaries)."""

    kind: str = ""


def greedy_rcmax(instance: RcmaxInstance, max_moves: int = 5000) -> list[int]:
    """Earliest finish, longest jobs first; then move jobs off the peak.

    Each job (by falling fastest time) goes to the machine where it would
    finish first. Then, while some job on the busiest machine fits on
    another machine below the current makespan, it moves there.
    """
    n, m, p = instance.n, instance.m, instance.p
    load = [0] * m
    plan = [0] * n
    for j in sorted(range(n), key=lambda j: -min(p[j])):
        i = min(range(m), key=lambda i: (load[i] + p[j][i], p[j][i]))
        plan[j] = i
        load[i] += p[j][i]
    on: list[list[int]] = [[] for _ in range(m)]
    for j, i in enumerate(plan):
        on[i].append(j)
    for _ in range(max_moves):
        top = max(range(m), key=lambda i: load[i])
        peak = load[top]
        best: tuple[int, int, int] | None = None
        for j in on[top]:
            for k in range(m):
                after = load[k] + p[j][k]
                if (
                    k != top
                    and after < peak
                    and (best is None or after < best[0])
                ):
                    best = (after, j, k)
        if best is None:
            break
        _, j, k = best
        on[top].remove(j)
        on[k].append(j)
        load[top] -= p[j][top]
        load[k] += p[j][k]
        plan[j] = k
    return plan


def _reference(instance: RcmaxInstance) -> tuple[int | None, bool, str]:
    for row in find_reference(instance.source):
        if row.get("file") == instance.name and row.get("best_known"):
            return (
                int(row["best_known"]),
                row.get("optimal") == "yes",
                row.get("type", ""),
            )
    return None, False, ""


def solve_rcmax(
    instance: RcmaxInstance, params: SolveParams | None = None
) -> RcmaxRun:
    """Solve one R||Cmax instance with the backlog engine."""
    params = params or SolveParams(time_limit=10.0)
    started = time.perf_counter()
    greedy = greedy_rcmax(instance)
    team = rcmax_team(instance, instance.makespan(greedy))
    hint = {job_id(j): agent_id(i) for j, i in enumerate(greedy)}
    result = balance_backlog(
        team, BENCH_START, params, options=RCMAX_OPTIONS, hint=hint
    )
    seconds = time.perf_counter() - started
    plan = _plan(instance, result)
    objective = None
    bound = instance.trivial_bound()
    if plan is not None:
        objective = instance.makespan(plan)
        engine = result.stats.objective
        if engine is None or round(engine) != objective:
            raise RuntimeError(
                f"{instance.name}: the engine's makespan {engine} does not "
                f"match the plan's {objective}"
            )
        if result.stats.bound is not None:
            bound = max(bound, math.ceil(result.stats.bound - 1e-6))
    best, optimal, kind = _reference(instance)
    row = RcmaxRow(
        instance=instance.name,
        size=f"{instance.m}x{instance.n}",
        sense="min",
        objective=objective,
        bound=bound,
        best_known=best,
        optimal_known=optimal,
        seconds=round(seconds, 2),
        status=result.status.value,
        kind=kind,
    )
    return RcmaxRun(row, plan, team, result)


def _plan(instance: RcmaxInstance, result: BacklogResult) -> list[int] | None:
    """Machine index per job, or None when the engine has no full plan."""
    index = {agent_id(i): i for i in range(instance.m)}
    owner = {a.case_id: a.staff_id for a in result.assignments}
    plan = []
    for j in range(instance.n):
        who = owner.get(job_id(j))
        if who is None:
            return None
        plan.append(index[who])
    return plan
