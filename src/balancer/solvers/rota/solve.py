"""``solve_rota``: plan a month's duty rota; never raises for no plan.

The solve runs in phases, because one weighted objective with a
max-deviation term is slow to prove:

0. *Greedy*: a quick rota that keeps every limit and leans towards the
   soft goals (:mod:`.greedy`) becomes a *complete* hint
   (:mod:`.hints`), so the search starts from it. If the search then
   finds nothing in time (a tight limit, a busy machine), this rota is
   returned, FEASIBLE without a bound, instead of no rota.
1. *Fairest maximum*: minimise only the largest deviation from fair share
   (``fairness_max``), then cap it there. This is quick and shrinks the
   search space for everything else.
2. *Everything*: minimise the weighted sum of all terms, starting from the
   phase-1 rota (again a complete hint).
3. *Evaluation*: pin the best rota and minimise again, which sets every
   one-sided penalty variable to its exact value (the model uses
   ``penalty >= ...`` forms, lighter to propagate; see
   :func:`.objectives.at_least_max`), so reported terms are exact.

The result is optimal for "largest deviation first, then the weighted
sum" (lexicographic on ``fairness_max``); the reported bound is phase 2's.

With a published rota to keep (``baseline``), that rota is the start and
phase 1 is skipped, since capping the largest deviation first would force
changes. Teams with shift-work rules the greedy ignores start instead
from a line-by-line rota (:mod:`.lines`): each person planned in turn
under their own rules, against the cover the others left.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.result import SolveStats, SolveStatus
from balancer.solvers._cpsat import SolveParams, SolveRun, run_model
from balancer.solvers.rota.explain import demand_conflicts, solve_relaxed
from balancer.solvers.rota.greedy import greedy_rota
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.rota.kept import kept_conflicts
from balancer.solvers.rota.lines import line_rota
from balancer.solvers.rota.model import build_model, to_result

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment, RotaBaseline, RotaResult
    from balancer.solvers.rota.model import RotaModel

__all__ = ["solve_rota"]

#: Share of the time limit phase 1 may use.
FIRST_PHASE_SHARE = 0.2

#: Share of the time left that building a shift-work start may use.
LINE_SHARE = 0.25


def solve_rota(
    team: Team,
    month: Month,
    params: SolveParams | None = None,
    *,
    baseline: RotaBaseline | None = None,
) -> RotaResult:
    """Plan ``month``'s duty rota for ``team``.

    Parameters
    ----------
    team
        Staff, duties, absences, calendar, rules, weights, preferences and
        carried balances.
    month
        The month to plan.
    params
        Time limit (for all phases together), workers, seed; defaults to
        :class:`SolveParams`.
    baseline
        A published rota to keep (``--keep``, ``replan``): its hand
        edits and frozen days hold exactly, and every other change to it
        costs ``baseline.change_weight``. Phase 1 is skipped then, as
        capping the largest deviation first would force changes. When
        the edits cannot hold, the result is INFEASIBLE with conflicts
        naming them.

    Returns
    -------
    RotaResult
        OPTIMAL or FEASIBLE with the rota, its terms and per-person
        summaries; TIME_LIMIT without a rota when none was found in time;
        INFEASIBLE with the conflicts in the planner's words and, marked
        ``relaxed``, the rota that breaks the fewest demands.
    """
    params = params or SolveParams()
    started = time.perf_counter()
    known = demand_conflicts(team, month)
    if known:
        return solve_relaxed(
            team, month, params, known, started=started, baseline=baseline
        )
    built = build_model(team, month, exact=False, baseline=baseline)
    if _left(params, started) <= 0:
        # Building the model used up the limit (a big team, a limit of a
        # second or two): stop now rather than overrun it.
        note = "the time limit ran out while building the model"
        return to_result(built, _no_search(started), phases=(note,))
    run, phases, start = _phases(built, params, started, baseline)
    evaluated: SolveRun | None = None
    if not run.has_solution and not run.interrupted and start is not None:
        # The search found nothing in time (a busy machine, a tight
        # limit), but the starting rota keeps every hard rule: return it
        # rather than no rota at all.
        phases.append("no better rota in time: the starting rota")
        run = _evaluate(built, start, params, run)
        if run.has_solution:
            run.status = SolveStatus.FEASIBLE
            run.bound = None
            evaluated = run
    if run.status is SolveStatus.INFEASIBLE:
        if baseline is not None:
            blamed = kept_conflicts(team, month, baseline)
            if blamed:
                stats = SolveStats(
                    status=SolveStatus.INFEASIBLE,
                    seconds=round(time.perf_counter() - started, 3),
                    phases=("the hand edits cannot all hold",),
                )
                return to_result(
                    built, run, conflicts=blamed, status_override=stats
                )
        left = params.time_limit - (time.perf_counter() - started)
        return solve_relaxed(
            team,
            month,
            params,
            time_limit=max(left, params.time_limit / 4),
            started=started,
            baseline=baseline,
        )
    if not run.has_solution or run.interrupted:
        return to_result(built, run, phases=tuple(phases))
    final = evaluated or _evaluate(
        built, built.variables.extract(run.solver), params, run
    )
    scale = built.shares.per_unit
    stats = SolveStats(
        status=run.status,
        objective=final.objective / scale if final.objective else 0.0,
        bound=None if run.bound is None else run.bound / scale,
        seconds=round(time.perf_counter() - started, 3),
        interrupted=run.interrupted,
        phases=tuple(phases),
    )
    return to_result(built, final, status_override=stats)


def _phases(
    built: RotaModel,
    params: SolveParams,
    started: float,
    baseline: RotaBaseline | None = None,
) -> tuple[SolveRun, list[str], tuple[DutyAssignment, ...] | None]:
    """Phase 1 (cap the largest deviation), then phase 2 (everything).

    With a baseline the current rota is the start and phase 1 is skipped.
    Also returns the last starting rota that keeps every hard rule (None
    when there is none), for when the search finds nothing in time.
    """
    phases: list[str] = []
    built.minimize()
    candidate: Sequence[DutyAssignment] | None = None
    origin = "greedy"
    if baseline is not None:
        candidate, origin = baseline.current, "current"
    elif _greedy_keeps_every_rule(built.team):
        candidate = greedy_rota(built.variables, built.shares)
    else:
        candidate = line_rota(
            built.team,
            built.month,
            time_limit=LINE_SHARE * _left(params, started),
            seed=params.seed,
        )
        origin = "line-by-line"
    start: tuple[DutyAssignment, ...] | None = None
    if candidate is not None:
        candidate = tuple(candidate)
        pricing = _hint_limit(params, started)
        if origin == "line-by-line":
            # On a long horizon the lines may use up the limit; then this
            # start is the only rota there will be, and pricing it on a
            # big model takes seconds (6.6 s on Instance21): allow that.
            pricing = max(pricing, min(10.0, params.time_limit / 6))
        cost = complete_hint(
            built, candidate, time_limit=pricing, seed=params.seed
        )
        if cost is not None:
            start = candidate
            points = cost / built.shares.per_unit
            phases.append(f"{origin} start: {points:g} points")
    top = next((t for t in built.terms if t.name == "fairness_max"), None)
    if (
        top is not None
        and len(built.terms) > 1
        and FIRST_PHASE_SHARE > 0
        and baseline is None
    ):
        built.model.minimize(top.expr)
        first = run_model(
            built.model,
            params,
            min(
                params.time_limit * FIRST_PHASE_SHARE,
                max(0.1, params.time_limit - (time.perf_counter() - started)),
            ),
        )
        if first.status is SolveStatus.INFEASIBLE or first.interrupted:
            return first, phases, start
        if first.has_solution:
            best = round(first.solver.objective_value)
            built.model.add(top.expr <= best)
            built.minimize()
            capped = built.variables.extract(first.solver)
            if (
                complete_hint(
                    built,
                    capped,
                    time_limit=_hint_limit(params, started),
                    seed=params.seed,
                )
                is not None
            ):
                start = capped
            elif start is not None:
                # The greedy rota may break the new cap: keep none.
                start = None
            phases.append(
                f"largest deviation capped at {best / top.scale:g} h "
                f"({first.status.value}, {first.seconds:.1f} s)"
            )
    built.minimize()
    left = params.time_limit - (time.perf_counter() - started)
    run = run_model(built.model, params, max(left, 0.1))
    phases.append(f"all goals: {run.status.value} in {run.seconds:.1f} s")
    return run, phases, start


def _hint_limit(params: SolveParams, started: float) -> float:
    """Time for pricing a starting rota: a small part of what is left."""
    left = _left(params, started)
    return max(0.1, min(max(0.5, params.time_limit / 10), left / 4))


def _left(params: SolveParams, started: float) -> float:
    """Seconds of the time limit still unspent."""
    return params.time_limit - (time.perf_counter() - started)


def _no_search(started: float) -> SolveRun:
    """A run that never started: TIME_LIMIT, nothing found."""
    return SolveRun(
        solver=cp_model.CpSolver(),
        status=SolveStatus.TIME_LIMIT,
        objective=None,
        bound=None,
        seconds=time.perf_counter() - started,
        interrupted=False,
    )


def _greedy_keeps_every_rule(team: Team) -> bool:
    """False when the team has shift-work rules the greedy rota ignores.

    Its rota would then break them, and such a hint misleads the search
    (on Curtois Instance18 no rota at all in 60 s with it, one without).
    """
    period_limits = (
        "max_slots_by_duty",
        "min_duty_minutes",
        "max_duty_minutes",
        "max_consecutive_duty_days",
        "min_consecutive_duty_days",
        "min_consecutive_days_off",
        "max_duty_weekends",
    )
    limited = any(
        getattr(person, name) not in (None, {})
        for person in team.staff
        for name in period_limits
    )
    return not limited and not any(d.not_followed_by for d in team.duties)


def _evaluate(
    built: RotaModel,
    rota: tuple[DutyAssignment, ...],
    params: SolveParams,
    run: SolveRun,
) -> SolveRun:
    """Pin the rota and minimise once more: exact penalty values."""
    built.model.clear_hints()  # type: ignore[no-untyped-call]
    built.variables.pin(rota)
    exact = run_model(
        built.model,
        SolveParams(time_limit=10, workers=params.workers, seed=params.seed),
    )
    return exact if exact.has_solution else run
