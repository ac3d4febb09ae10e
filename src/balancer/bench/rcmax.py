"""Solve R||Cmax instances with the backlog engine's balance goal.

Aimed by :data:`RCMAX_OPTIONS`: balance in absolute minutes (the
makespan), every case placed, no classes. A greedy plan improved by
the engine's peak search (half the time limit) gives CP-SAT its start,
and its makespan becomes everyone's capacity (no better plan needs
more), which also drops every job-machine pair slower than it from the
model. The reported bound is the better of the search's and the trivial
bound.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from balancer.bench.common import (
    BenchRow,
    bench_extra,
    find_reference,
    plan_by_index,
)
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import agent_id, job_id
from balancer.inputs.rcmax_format import rcmax_team
from balancer.result import SolveStatus
from balancer.solvers.cases import BacklogOptions, balance_backlog
from balancer.solvers.cases.peak_search import lower_peak
from balancer.solvers.runner import SolveParams

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Team
    from balancer.inputs.rcmax_format import RcmaxInstance
    from balancer.result import BacklogResult

__all__ = [
    "RCMAX_OPTIONS",
    "RcmaxRow",
    "RcmaxRun",
    "greedy_rcmax",
    "solve_rcmax",
    "summary_by_type",
]

#: Share of the time limit for the greedy start and its local search.
GREEDY_SHARE = 0.5

#: Of that share, what the two greedy starts' plain descents may use;
#: the rest goes to the engine's peak search (:mod:`.peak_search`).
DESCENT_SHARE = 0.1

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


def greedy_rcmax(
    instance: RcmaxInstance, seconds: float = 1.0, seed: int = 0
) -> list[int]:
    """A good first plan: two greedy starts, then the engine's search.

    Starts: each job (by falling fastest time) to the machine where it
    would finish first; and each job to its fastest machine. Both are
    improved by :func:`_descend` (a tenth of ``seconds``); the better one
    then goes to the backlog engine's peak search
    (:func:`~balancer.solvers.cases.peak_search.lower_peak`) for the rest.
    """
    started = time.perf_counter()
    n, m, p = instance.n, instance.m, instance.p
    load = [0] * m
    earliest = [0] * n
    for j in sorted(range(n), key=lambda j: -min(p[j])):
        i = min(range(m), key=lambda i: (load[i] + p[j][i], p[j][i]))
        earliest[j] = i
        load[i] += p[j][i]
    fastest = [min(range(m), key=lambda i: row[i]) for row in p]
    share = seconds * DESCENT_SHARE / 2
    plans = [_descend(instance, earliest, time.perf_counter() + share)]
    plans.append(_descend(instance, fastest, time.perf_counter() + share))
    first = min(plans, key=instance.makespan)
    plan = lower_peak(
        np.array(instance.p, dtype=np.float64),
        np.array(first, dtype=np.int64),
        started + seconds,
        floor=instance.trivial_bound(),
        seed=seed,
    )
    return [int(i) for i in plan]


def _descend(
    instance: RcmaxInstance, start: list[int], deadline: float
) -> list[int]:
    """Move or swap jobs off the busiest machine while that helps.

    A step lowers the busiest machine's load without lifting another to
    the makespan: first the best single move, else the first swap of two
    jobs. Stops at a local optimum or at ``deadline``.
    """
    m, p = instance.m, instance.p
    plan = list(start)
    load = instance.loads(plan)
    on: list[list[int]] = [[] for _ in range(m)]
    for j, i in enumerate(plan):
        on[i].append(j)

    def put(j: int, src: int, dst: int) -> None:
        on[src].remove(j)
        on[dst].append(j)
        load[src] -= p[j][src]
        load[dst] += p[j][dst]
        plan[j] = dst

    while time.perf_counter() < deadline:
        top = max(range(m), key=lambda i: load[i])
        peak = load[top]
        best: tuple[int, int, int] | None = None
        for j in on[top]:
            row = p[j]
            for k in range(m):
                after = load[k] + row[k]
                if (
                    k != top
                    and after < peak
                    and (best is None or after < best[0])
                ):
                    best = (after, j, k)
        if best is not None:
            put(best[1], top, best[2])
            continue
        swap = _find_swap(p, on, load, top, peak)
        if swap is None:
            break
        j, k, other = swap
        put(j, top, k)
        put(other, k, top)
    return plan


def _find_swap(
    p: tuple[tuple[int, ...], ...],
    on: list[list[int]],
    load: list[int],
    top: int,
    peak: int,
) -> tuple[int, int, int] | None:
    """A job on ``top`` and one elsewhere whose exchange keeps both
    machines below ``peak``; None when there is none."""
    for j in on[top]:
        free_top = load[top] - p[j][top]
        for k, jobs in enumerate(on):
            if k == top:
                continue
            base = load[k] + p[j][k]
            if not jobs or base - peak >= max(p[x][k] for x in jobs):
                continue  # no job of k is long enough to make room
            for other in jobs:
                if (
                    free_top + p[other][top] < peak
                    and base - p[other][k] < peak
                ):
                    return j, k, other
    return None


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
    greedy = greedy_rcmax(
        instance, params.time_limit * GREEDY_SHARE, params.seed
    )
    team = rcmax_team(instance, instance.makespan(greedy))
    hint = {job_id(j): agent_id(i) for j, i in enumerate(greedy)}
    # Start from the greedy, but only for the first solution: followed
    # further, the hint keeps CP-SAT's LP-guided worker diving around it
    # instead of on the LP, which finds far better makespans (fr1351:
    # 2584 after 7 s this way, 2640 after 19 s with the default limit).
    extra = bench_extra(
        instance.n * instance.m, {"hint_conflict_limit": 0, **params.extra}
    )
    left = params.time_limit - (time.perf_counter() - started)
    result = balance_backlog(
        team,
        BENCH_START,
        replace(params, time_limit=max(1.0, left), extra=extra),
        options=RCMAX_OPTIONS,
        hint=hint,
    )
    seconds = time.perf_counter() - started
    plan = plan_by_index(instance.n, instance.m, result)
    status = result.status.value
    if plan is None and result.status is not SolveStatus.INFEASIBLE:
        # No plan from the search in time: report the greedy's, saying so.
        plan, status = greedy, f"{status} (greedy plan)"
    elif plan is not None and result.stats.objective is None:
        # The engine itself fell back to the start plan (CP-SAT found
        # none in time); that plan is the greedy's, so say so.
        if plan != greedy:
            raise RuntimeError(
                f"{instance.name}: a plan without an objective that is "
                "not the start plan"
            )
        plan, status = greedy, f"{status} (greedy plan)"
    objective = None
    bound = instance.trivial_bound()
    if plan is not None:
        objective = instance.makespan(plan)
        engine = result.stats.objective
        if plan is not greedy and (
            engine is None or round(engine) != objective
        ):
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
        status=status,
        kind=kind,
    )
    return RcmaxRun(row, plan, team, result)


def summary_by_type(
    rows: Sequence[RcmaxRow], within: float = 2.0
) -> list[str]:
    """Markdown table: per type and job count, how many rows are within
    ``within`` % of the best known (of those run) and the worst gap."""
    cells: dict[tuple[str, int], list[float]] = {}
    for r in rows:
        if r.gap is None:
            continue
        n = int(r.size.split("x")[1])
        cells.setdefault((r.kind, n), []).append(r.gap)
    kinds = sorted({k for k, _ in cells}, key=_kind_order)
    sizes = sorted({n for _, n in cells})
    lines = [
        "| type | " + " | ".join(f"n={n}" for n in sizes) + " | all |",
        "|---|" + "---:|" * (len(sizes) + 1),
    ]
    for kind in kinds:
        row_gaps: list[float] = []
        parts = []
        for n in sizes:
            gaps = cells.get((kind, n), [])
            row_gaps.extend(gaps)
            parts.append(_cell(gaps, within))
        lines.append(
            f"| {kind} | "
            + " | ".join(parts)
            + f" | {_cell(row_gaps, within)} |"
        )
    every = [g for gaps in cells.values() for g in gaps]
    totals = [
        _cell(
            [g for (_, n), gaps in cells.items() if n == s for g in gaps],
            within,
        )
        for s in sizes
    ]
    lines.append(
        "| all | " + " | ".join(totals) + f" | {_cell(every, within)} |"
    )
    return lines


def _cell(gaps: list[float], within: float) -> str:
    if not gaps:
        return "-"
    ok = sum(g <= within + 1e-9 for g in gaps)
    return f"{ok}/{len(gaps)} (max {max(gaps):.1f})"


def _kind_order(kind: str) -> tuple[int, str]:
    order = ("U1a100", "U10a100", "U100a120", "U100a200", "U1000a1100")
    return (order.index(kind), kind) if kind in order else (len(order), kind)
