"""The peak search: lowers the busiest load, keeps every hard limit."""

from __future__ import annotations

import random
import time
from itertools import product

import numpy as np

from balancer.domain import Case, Weights
from balancer.solvers.cases import balance_backlog
from balancer.solvers.cases.peak_search import balance_hint, lower_peak
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog
from tests.factories import make_case
from tests.solvers.cases.helpers import (
    MONDAY,
    NO_WEIGHTS,
    backlog_team,
    data_for,
)

INF = np.inf


def _peak(effort: np.ndarray, plan: np.ndarray, m: int) -> float:
    load = np.zeros(m)
    for j, i in enumerate(plan):
        load[i] += effort[j, i]
    return float(load.max())


def test_lower_peak_finds_the_best_makespan_of_a_small_instance() -> None:
    # 7 jobs on 3 unrelated machines, all started on machine 0: the
    # search must reach the makespan that trying all 3^7 plans gives.
    rng = random.Random(5)
    effort = np.array(
        [[rng.randint(1, 20) for _ in range(3)] for _ in range(7)],
        dtype=np.float64,
    )
    best = min(
        _peak(effort, np.array(plan), 3)
        for plan in product(range(3), repeat=7)
    )
    start = np.zeros(7, dtype=np.int64)
    plan = lower_peak(
        effort, start, time.perf_counter() + 2.0, floor=best, seed=1
    )
    assert _peak(effort, plan, 3) == best < _peak(effort, start, 3)


def test_lower_peak_keeps_forbidden_pairs_and_capacities() -> None:
    # Job 0 may only go to machine 0; machine 2 holds at most 5 (base 2
    # included). Started with everything on machine 0 (load 18).
    effort = np.array(
        [[4, INF, INF], [3, 3, 2], [5, 4, 2], [6, 2, 4]], dtype=np.float64
    )
    base = np.array([0.0, 0.0, 2.0])
    capacity = np.array([INF, INF, 5.0])
    start = np.zeros(4, dtype=np.int64)
    plan = lower_peak(
        effort,
        start,
        time.perf_counter() + 0.5,
        base=base,
        capacity=capacity,
        seed=0,
    )
    assert plan[0] == 0
    loads = base.copy()
    for j, i in enumerate(plan):
        assert np.isfinite(effort[j, i])
        loads[i] += effort[j, i]
    assert loads[2] <= 5
    # Machine 2 has room 3, so it takes job 1 or job 2 (2 each), not
    # both; job 0 gives machine 0 a 4. With job 2 on machine 2, jobs 1
    # and 3 on machine 1 make 5 (any other split costs 6 or more); with
    # job 1 there, jobs 2 and 3 make 6 on machine 1. So 5 is the best.
    assert loads.max() == 5


def _specialist_team() -> tuple[tuple[Case, ...], int]:
    """Six cases whose hours differ between Ann and Bo (8 h each)."""
    ann = [1, 1, 2, 1, 1, 2]
    bo = [2, 1, 1, 3, 2, 1]
    cases = tuple(
        make_case(
            f"c{j}",
            effort_hours=max(a, b),
            effort_by_staff={"ann": a, "bo": b},
        )
        for j, (a, b) in enumerate(zip(ann, bo, strict=True))
    )
    best = min(
        max(
            sum(a for a, who in zip(ann, plan, strict=True) if who == 0),
            sum(b for b, who in zip(bo, plan, strict=True) if who == 1),
        )
        for plan in product((0, 1), repeat=6)
    )
    return cases, best


def test_balance_hint_lowers_the_busiest_utilisation() -> None:
    cases, best = _specialist_team()
    weights = NO_WEIGHTS.model_copy(update={"balance_max": 1})
    data = data_for(backlog_team(*cases, weights=weights))
    all_on_ann = {f"c{j}": "ann" for j in range(6)}  # 8 h: Ann is full
    owners = balance_hint(data, all_on_ann, time.perf_counter() + 1.0)
    hours = {"ann": 0.0, "bo": 0.0}
    for case in cases:
        who = owners[case.id]
        assert who is not None
        hours[who] += case.effort_by_staff[who]
    # Both have 8 casework hours, so the lowest peak in hours is the
    # brute-force best over the 2^6 plans.
    assert max(hours.values()) == best < 8


def test_balance_hint_leaves_the_plan_when_other_goals_count() -> None:
    cases, _ = _specialist_team()
    weights = NO_WEIGHTS.model_copy(update={"balance_max": 1, "moves": 1})
    data = data_for(backlog_team(*cases, weights=weights))
    all_on_ann: dict[str, str | None] = {f"c{j}": "ann" for j in range(6)}
    assert balance_hint(data, all_on_ann, time.perf_counter() + 1.0) == (
        all_on_ann
    )


def test_balance_only_backlog_with_the_search_passes_the_validator() -> None:
    cases, best = _specialist_team()
    weights: Weights = NO_WEIGHTS.model_copy(update={"balance_max": 1})
    team = backlog_team(*cases, weights=weights)
    result = balance_backlog(
        team, MONDAY, SolveParams(time_limit=4, workers=1), horizon_days=1
    )
    assert (
        check_backlog(team, MONDAY, result.assignments, horizon_days=1) == []
    )
    (term,) = result.terms
    # Whole % of 8 casework hours: the best peak in hours over 8.
    assert term.value == -(-100 * best // 8)
