"""The backlog engine's balance goal solves R||Cmax to its optimum."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from balancer.bench.rcmax import greedy_rcmax, solve_rcmax
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.rcmax_format import read_rcmax
from balancer.result import SolveStatus
from balancer.solvers._cpsat import SolveParams
from balancer.validate.cases import check_backlog

TINY = Path(__file__).parents[1] / "data" / "rcmax_tiny.txt"


def test_tiny_rcmax_solved_to_optimum_and_valid() -> None:
    instance = read_rcmax(TINY)
    best = min(
        instance.makespan(list(plan))
        for plan in product(range(instance.m), repeat=instance.n)
    )
    run = solve_rcmax(instance, SolveParams(time_limit=5.0, workers=1))
    assert run.result.status is SolveStatus.OPTIMAL
    assert run.row.objective == best == run.row.bound
    assert check_backlog(run.team, BENCH_START, run.result.assignments) == []


def test_greedy_plan_is_complete_and_above_the_bound() -> None:
    instance = read_rcmax(TINY)
    plan = greedy_rcmax(instance, seconds=0.5)
    assert len(plan) == instance.n
    assert instance.makespan(plan) >= instance.trivial_bound()
