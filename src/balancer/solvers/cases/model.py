"""Build the backlog model from prepared data, solve it, read the plan.

``build`` adds every hard rule of ``HARD_RULES`` and every soft goal of
``SOFT_GOALS`` whose weight is above 0. ``solve`` runs it and turns the
answer into a :class:`BacklogResult` with a forecast; it never raises for
an infeasible or timed-out run but says why in the conflicts.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.result import (
    BacklogResult,
    CaseAssignment,
    Conflict,
    PenaltyTerm,
    SolveStats,
)
from balancer.result import SolveStatus as Status
from balancer.solvers.cases.constraints import HARD_RULES
from balancer.solvers.cases.forecast import forecast
from balancer.solvers.cases.objectives import SOFT_GOALS, Term
from balancer.solvers.cases.reasons import case_notes
from balancer.solvers.cases.variables import BacklogVariables
from balancer.solvers.cases.wording import say
from balancer.solvers.runner import SolveParams, run_model

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from balancer.solvers.cases.constraints import HardRule
    from balancer.solvers.cases.data import BacklogData
    from balancer.solvers.cases.objectives import SoftGoal

__all__ = [
    "BacklogModel",
    "build",
    "explained_plan",
    "fallback_result",
    "solve",
    "within_budget",
]


@dataclass
class BacklogModel:
    """A built model: the CP-SAT model, its variables and its terms."""

    model: cp_model.CpModel
    variables: BacklogVariables
    terms: tuple[Term, ...]
    data: BacklogData


def build(
    data: BacklogData,
    rules: Collection[HardRule] = HARD_RULES,
    goals: Collection[SoftGoal] = SOFT_GOALS,
) -> BacklogModel:
    """Build the model with the given rules and goals (tests pick one)."""
    model = cp_model.CpModel()
    variables = BacklogVariables(model, data)
    for rule in rules:
        rule(model, variables, data)
    terms = tuple(
        term
        for goal in goals
        if (term := goal(model, variables, data)) is not None
    )
    if terms:
        model.minimize(
            cp_model.LinearExpr.weighted_sum(
                [t.expr for t in terms], [t.weight for t in terms]
            )
        )
    return BacklogModel(model, variables, terms, data)


#: The shortest search worth starting; with less time left the greedy
#: first plan is returned without building the model.
MIN_SEARCH_SECONDS = 0.2

#: Above this many (class, person) variables presolve is cut short: on
#: 10,000 cases x 200 people a full presolve alone outlasts a minute.
LARGE_MODEL_PAIRS = 20_000

#: The full-problem search on two workers. CP-SAT's default there
#: (``default_lp``) barely moves the bound past the root; ``max_lp`` adds
#: the stronger linear relaxation (cuts): on the demo (2 workers, 5 s) the
#: bound rises from ~14,700 to ~15,650 and on 10,000 x 200 (60 s) from
#: ~0.53 to ~1.0 million, for the same plans. (One worker runs a single
#: search; bigger portfolios already include ``max_lp``.)
SMALL_PORTFOLIO = ("max_lp",)


def solve(
    data: BacklogData,
    params: SolveParams | None = None,
    hint: Mapping[str, str | None] | None = None,
    started: float | None = None,
) -> BacklogResult:
    """Solve the backlog; the result always carries the capacity.

    ``started`` (a ``time.perf_counter()`` reading) makes the time spent
    before this call count against the time limit too.
    """
    params = params or SolveParams()
    pairs = sum(len(k.candidates) for k in data.classes)
    if pairs > LARGE_MODEL_PAIRS and "max_presolve_iterations" not in (
        params.extra
    ):
        params = replace(
            params, extra={**params.extra, "max_presolve_iterations": 1}
        )
    workers = params.workers or os.cpu_count() or 1
    if workers == 2 and "subsolvers" not in params.extra:
        params = replace(
            params, extra={**params.extra, "subsolvers": SMALL_PORTFOLIO}
        )
    capacity = {p: round(c.free_hours, 2) for p, c in data.capacity.items()}
    if data.infeasible:
        return BacklogResult(
            stats=SolveStats(status=Status.INFEASIBLE),
            capacity_hours=capacity,
            conflicts=tuple(data.conflicts),
            move_budget=data.max_moves,
        )
    started = time.perf_counter() if started is None else started
    # Model building counts against the planner's time limit, and so
    # does reading the plan and its forecast afterwards (about a second
    # per 5,000 cases on a slow machine): the search gets what is left.
    cases = sum(k.size for k in data.classes)
    reserve = min(0.1 * params.time_limit, cases / 5_000)

    def left() -> float:
        return params.time_limit - (time.perf_counter() - started) - reserve

    if hint and left() < MIN_SEARCH_SECONDS and within_budget(data, hint):
        # No time to build and search: the first plan is the answer.
        return fallback_result(data, hint, _no_search(started), capacity)
    built = build(data)
    phases = []
    if hint and left() > 2 * MIN_SEARCH_SECONDS:
        phases.append(_warm_start(built, hint, params, left() / 4))
    run = run_model(
        built.model, params, time_limit=max(MIN_SEARCH_SECONDS, left())
    )
    conflicts = list(data.conflicts)
    if not run.has_solution:
        if run.status is Status.INFEASIBLE:
            conflicts.extend(_explain_infeasible(data))
        elif hint and within_budget(data, hint):
            return fallback_result(
                data, hint, run.stats(tuple(phases)), capacity
            )
        return BacklogResult(
            stats=run.stats(tuple(phases)),
            capacity_hours=capacity,
            conflicts=tuple(conflicts),
            move_budget=data.max_moves,
        )
    owners = built.variables.extract(run.solver)
    plan = explained_plan(data, owners)
    terms = tuple(
        PenaltyTerm(
            name=t.name,
            description=t.description,
            weight=t.weight,
            value=run.solver.value(t.expr) / t.scale,
            texts=dict(t.texts),
        )
        for t in built.terms
    )
    return BacklogResult(
        stats=run.stats(tuple(phases)),
        assignments=plan,
        terms=terms,
        capacity_hours=capacity,
        conflicts=tuple(conflicts),
        move_budget=data.max_moves,
    )


def explained_plan(
    data: BacklogData, owners: Mapping[str, str | None]
) -> tuple[CaseAssignment, ...]:
    """The plan with its forecast, and why each case moved or waits."""
    start = data.days[0] if data.days else date.min
    notes = case_notes(data, owners, start)
    return forecast(data.team, data.capacity, owners, notes)


def _no_search(started: float) -> SolveStats:
    """Stats of a run that never reached the search."""
    return SolveStats(
        status=Status.TIME_LIMIT,
        seconds=round(time.perf_counter() - started, 3),
    )


def _warm_start(
    built: BacklogModel,
    owners: Mapping[str, str | None],
    params: SolveParams,
    budget: float,
) -> str:
    """Complete a simple plan into a full first solution for the search.

    The plan (e.g. the least-loaded baseline) fixes the assignment; a short
    solve of a copy fills in every helper variable (loads, peaks, late
    hours), and the whole solution becomes the hint. On big backlogs this
    gives the search a plan at once instead of none within the limit.
    """
    copy = built.model.clone()
    built.variables.hint(owners)
    for var, value in zip(
        built.model.proto.solution_hint.vars,
        built.model.proto.solution_hint.values,
        strict=True,
    ):
        proxy = copy.get_int_var_from_proto_index(var)
        copy.add(proxy == value)
    copy.clear_hints()  # type: ignore[no-untyped-call]
    limit = min(max(1.0, params.time_limit / 10), budget)
    run = run_model(copy, params, time_limit=limit)
    if run.status is Status.INFEASIBLE:
        return "warm start: the simple plan does not fit the model"
    if not run.has_solution:
        return f"warm start: not completed within {limit:.1f} s"
    built.model.clear_hints()  # type: ignore[no-untyped-call]
    for index in range(len(built.model.proto.variables)):
        var = built.model.get_int_var_from_proto_index(index)
        built.model.add_hint(var, run.solver.value(proxy_of(copy, index)))
    # Written out like the other figures: "23592", not the float's
    # "23592.000000000007" (nor an exponent).
    points = f"{run.objective or 0.0:.2f}".rstrip("0").rstrip(".")
    return f"warm start: simple plan with objective {points}"


def within_budget(data: BacklogData, owners: Mapping[str, str | None]) -> bool:
    """True when the plan respects the move budget."""
    moved = sum(
        1
        for k in data.classes
        if k.owner is not None
        for cid in k.case_ids
        if owners.get(cid) != k.owner
    )
    return moved <= data.max_moves


def fallback_result(
    data: BacklogData,
    hint: Mapping[str, str | None],
    stats: SolveStats,
    capacity: dict[str, float],
) -> BacklogResult:
    """The first plan, when CP-SAT found none within the time limit.

    The greedy first plan (:mod:`.hint`) keeps every hard rule, so a
    planner gets a usable plan instead of none; the status says FEASIBLE
    with no objective or bound, and a phase note says why.
    """
    owners = dict(hint)
    owners.update(data.fixed_owner)
    plan = explained_plan(data, owners)
    note = "no CP-SAT plan within the limit: the greedy first plan"
    return BacklogResult(
        stats=SolveStats(
            status=Status.FEASIBLE,
            seconds=stats.seconds,
            interrupted=stats.interrupted,
            phases=(*stats.phases, note),
        ),
        assignments=plan,
        capacity_hours=capacity,
        conflicts=tuple(data.conflicts),
        move_budget=data.max_moves,
    )


def proxy_of(model: cp_model.CpModel, index: int) -> cp_model.IntVar:
    """The variable at ``index`` of a cloned model."""
    return model.get_int_var_from_proto_index(index)


def _explain_infeasible(data: BacklogData) -> list[Conflict]:
    """Why the rules can't hold: they always can, so this is a bug.

    Every owned case may stay with its owner and every shelf case may
    wait, so leaving everything as it is keeps every rule (the move
    budget included); an infeasible model means a defect.
    """
    text = say("conflict.model")
    return [Conflict(rule="model", message=text["en"], texts=text)]
