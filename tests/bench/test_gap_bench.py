"""The backlog engine solves GAP problems to their optimum, validly."""

from __future__ import annotations

from itertools import product
from pathlib import Path

import pytest

from balancer.bench.gap import greedy_gap, solve_gap
from balancer.inputs.bench_numbers import BENCH_START
from balancer.inputs.gap_format import GapInstance, read_gap
from balancer.result import SolveStatus
from balancer.solvers.runner import SolveParams
from balancer.validate.cases import check_backlog

TINY = Path(__file__).parents[1] / "data" / "gap_tiny.txt"
FAST = SolveParams(time_limit=5.0, workers=1)


def _brute_force(instance: GapInstance, sense: str) -> int:
    """The optimum by trying every assignment (tiny instances only)."""
    values = []
    for plan in product(range(instance.m), repeat=instance.n):
        loads = instance.loads(list(plan))
        if all(u <= b for u, b in zip(loads, instance.capacity, strict=True)):
            values.append(instance.objective(list(plan)))
    return min(values) if sense == "min" else max(values)


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize("sense", ["min", "max"])
def test_tiny_gap_solved_to_optimum_and_valid(index: int, sense: str) -> None:
    """Problem 1's capacities bind: the cheapest agent can't take all
    three of its cheap jobs (9 > 6), so the optimum (14 for min) differs
    from the unconstrained one (6 + 6 + 0)."""
    instance = read_gap(TINY)[index]
    run = solve_gap(instance, sense, FAST)  # type: ignore[arg-type]
    assert run.result.status is SolveStatus.OPTIMAL
    assert run.agent_of_job is not None
    best = _brute_force(instance, sense)
    assert run.row.objective == best
    assert run.row.bound == best
    if (index, sense) == (0, "min"):
        assert best == 14
    # The independent validator recomputes capacity from the team.
    assert check_backlog(run.team, BENCH_START, run.result.assignments) == []


def test_greedy_fits_or_says_none() -> None:
    instance = read_gap(TINY)[0]
    plan = greedy_gap(instance, "min")
    assert plan is not None
    loads = instance.loads(plan)
    assert all(u <= b for u, b in zip(loads, instance.capacity, strict=True))


def test_greedy_gives_up_when_nothing_fits(tmp_path: Path) -> None:
    """Two jobs of 2 units, one agent with room for 3: no full plan."""
    path = tmp_path / "tight.txt"
    path.write_text("1 2\n1 1\n2 2\n3\n")
    (instance,) = read_gap(path)
    assert greedy_gap(instance, "min") is None
    run = solve_gap(instance, "min", FAST)
    assert run.result.status is SolveStatus.INFEASIBLE
    assert run.row.objective is None


def test_no_search_plan_reports_the_greedy_plan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When CP-SAT finds nothing in time the engine answers with the start
    plan and no objective; the row says so instead of stopping the run."""
    from balancer.solvers.cases import model
    from balancer.solvers.runner import SolveRun
    from tests.factories import found_nothing

    real = model.run_model

    def nothing_in_time(*args: object, **kwargs: object) -> SolveRun:
        return found_nothing(real(*args, **kwargs))  # type: ignore[arg-type]

    monkeypatch.setattr(model, "run_model", nothing_in_time)
    instance = read_gap(TINY)[0]
    run = solve_gap(instance, "min", FAST)
    greedy = greedy_gap(instance, "min")
    assert run.agent_of_job == greedy
    assert run.row.status == "FEASIBLE (greedy plan)"
    assert greedy is not None
    assert run.row.objective == instance.objective(greedy)
    assert run.row.bound is None
