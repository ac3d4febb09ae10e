"""The shared CP-SAT runner maps statuses honestly."""

from __future__ import annotations

from ortools.sat.python import cp_model

from balancer.result import SolveStatus
from balancer.solvers.runner import SolveParams, run_model


def test_optimal_run_reports_objective_and_bound() -> None:
    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.add(x >= 3)
    model.minimize(x)
    run = run_model(model, SolveParams(time_limit=5, workers=1))
    assert run.status is SolveStatus.OPTIMAL
    assert (run.objective, run.bound) == (3, 3)


def test_infeasible_run_is_reported_not_raised() -> None:
    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.add(x >= 11)
    run = run_model(model, SolveParams(time_limit=5, workers=1))
    assert run.status is SolveStatus.INFEASIBLE
    assert run.objective is None


def test_progress_listener_sees_each_better_plan() -> None:
    seen: list[float] = []
    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.minimize(x)
    params = SolveParams(
        time_limit=5, workers=1, on_progress=lambda p: seen.append(p.objective)
    )
    run_model(model, params)
    assert seen and seen[-1] == 0


def test_extra_parameters_may_be_lists() -> None:
    # `subsolvers` is a repeated field: it is replaced, not assigned.
    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.add(x >= 2)
    model.minimize(x)
    params = SolveParams(
        time_limit=5, workers=2, extra={"subsolvers": ["max_lp"]}
    )
    run = run_model(model, params)
    assert run.status is SolveStatus.OPTIMAL
    assert list(run.solver.parameters.subsolvers) == ["max_lp"]
