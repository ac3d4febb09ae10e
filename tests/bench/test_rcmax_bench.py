"""The backlog engine's balance goal solves R||Cmax to its optimum."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from balancer.bench.rcmax import (
    RcmaxRow,
    greedy_rcmax,
    solve_rcmax,
    summary_by_type,
)
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.rcmax_format import read_rcmax
from balancer.result import SolveStatus
from balancer.solvers.runner import SolveParams
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


def _row(kind: str, size: str, objective: int, best: int) -> RcmaxRow:
    return RcmaxRow(
        instance=f"{kind}-{size}",
        size=size,
        sense="min",
        objective=objective,
        bound=None,
        best_known=best,
        optimal_known=False,
        seconds=1.0,
        status="FEASIBLE",
        kind=kind,
    )


def test_summary_counts_rows_within_two_percent_by_type_and_size() -> None:
    rows = [
        _row("U1a100", "10x100", 102, 100),  # 2.0 %: within
        _row("U1a100", "20x100", 53, 51),  # 3.9 %: a miss
        _row("U1a100", "10x200", 200, 200),
        _row("MaqCorre", "10x100", 101, 100),
    ]
    lines = summary_by_type(rows)
    assert lines[0] == "| type | n=100 | n=200 | all |"
    assert lines[2] == (
        "| U1a100 | 1/2 (max 3.9) | 1/1 (max 0.0) | 2/3 (max 3.9) |"
    )
    assert lines[3] == "| MaqCorre | 1/1 (max 1.0) | - | 1/1 (max 1.0) |"
    assert lines[4] == (
        "| all | 2/3 (max 3.9) | 1/1 (max 0.0) | 3/4 (max 3.9) |"
    )
