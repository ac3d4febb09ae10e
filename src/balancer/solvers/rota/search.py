"""``solve_rota``: plan a month's duty rota; never raises for no plan.

The solve runs in steps:

0. *A start*: a quick rota that keeps every limit and leans towards the
   soft goals (:mod:`.greedy`), improved by handing slots over, swapping
   and shifting them while that lowers the estimated cost
   (:mod:`.improve`, at most ``IMPROVE_SHARE`` of the limit); for teams
   with shift-work rules the greedy ignores, a line-by-line rota
   (:mod:`.lines`); with a published rota to keep, that rota. Priced on
   every goal it becomes a *complete* hint (:mod:`.hints`), so each
   search starts from it; and if no search finds anything in time (a
   tight limit, a busy machine, Ctrl-C), it is returned, FEASIBLE without
   a bound, instead of no rota.
1. *The tiers* (:mod:`.tiers`): staffing, then fairness, then the sums of
   deviations are each minimised in turn and, when proven optimal, kept
   (capped) for everything after; then the whole weighted objective is
   minimised under those caps. A team can switch this off
   (``Rules.goals_in_tiers``, as the benchmarks do): one weighted search.
   With a published rota to keep (``--keep``, ``replan``) the fewest
   changes come first by their weight, so there are no tiers either.
2. *Evaluation*: the best rota is pinned and minimised once more, which
   sets every one-sided penalty variable to its exact value (the model
   uses ``penalty >= ...`` forms, lighter to propagate; see
   :func:`.objectives.at_least_max`), so reported terms are exact.

The reported objective is the whole weighted objective of the rota
returned; the bound is the last search's, under the caps of the proven
tiers. ``SolveStats.tiers`` says, tier by tier, what was proven.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from balancer.result import SolveStats, SolveStatus
from balancer.solvers.rota.constraints import greedy_keeps_every_rule
from balancer.solvers.rota.explain import demand_conflicts, solve_relaxed
from balancer.solvers.rota.greedy import greedy_rota
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.rota.improve import improve_rota
from balancer.solvers.rota.kept import kept_conflicts
from balancer.solvers.rota.lines import line_rota
from balancer.solvers.rota.model import build_model, to_result
from balancer.solvers.rota.tiers import (
    TieredRun,
    emphasised,
    hint_limit,
    reporting,
    run_tiers,
    time_left,
)
from balancer.solvers.runner import (
    SolveParams,
    SolveRun,
    interruptible,
    run_model,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment, RotaBaseline, RotaResult
    from balancer.solvers.rota.model import RotaModel

__all__ = ["solve_rota"]

#: Most of the time limit the local search on the greedy rota may use.
IMPROVE_SHARE = 0.1

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
    with interruptible():
        return _solve(team, month, params or SolveParams(), baseline)


def _solve(
    team: Team,
    month: Month,
    params: SolveParams,
    baseline: RotaBaseline | None,
) -> RotaResult:
    """The phases of :func:`solve_rota`, inside its Ctrl-C scope."""
    started = time.perf_counter()
    known = demand_conflicts(team, month)
    if known:
        return solve_relaxed(
            team, month, params, known, started=started, baseline=baseline
        )
    built = build_model(team, month, exact=False, baseline=baseline)
    if time_left(params, started) <= 0:
        # Building the model used up the limit (a big team, a limit of a
        # second or two): stop now rather than overrun it.
        note = "the time limit ran out while building the model"
        seconds = time.perf_counter() - started
        return to_result(built, SolveRun.nothing(seconds), phases=(note,))
    tiered = _phases(built, params, started, baseline)
    run, phases, start = tiered.run, tiered.phases, tiered.start
    evaluated: SolveRun | None = None
    stopped = run.interrupted
    if not run.has_solution and start is not None:
        # The search found nothing in time (a busy machine, a tight
        # limit), or Ctrl-C came before it did; but the starting rota
        # keeps every hard rule: return it rather than no rota at all.
        phases.append(
            "stopped by Ctrl-C before the search found a rota: the "
            "starting rota"
            if stopped
            else "no better rota in time: the starting rota"
        )
        run = _evaluate(built, start, params, run)
        if run.has_solution:
            run.status = SolveStatus.FEASIBLE
            run.bound = None
            run.interrupted = stopped
            evaluated = run
    if run.status is SolveStatus.INFEASIBLE:
        if baseline is not None:
            blamed = kept_conflicts(team, month, baseline, params=params)
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
    tiers = tuple(tiered.tiers)
    if not run.has_solution or (run.interrupted and evaluated is None):
        return to_result(built, run, phases=tuple(phases), tiers=tiers)
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
        tiers=tiers,
    )
    return to_result(built, final, status_override=stats)


def _phases(
    built: RotaModel,
    params: SolveParams,
    started: float,
    baseline: RotaBaseline | None = None,
) -> TieredRun:
    """The start, then the tiers (or one weighted search).

    The result's ``start`` is the last starting rota that keeps every
    hard rule and every cap (None when there is none), for when the last
    search finds nothing in time.
    """
    built.minimize()
    candidate: Sequence[DutyAssignment] | None = None
    origin = "greedy"
    if baseline is not None:
        candidate, origin = baseline.current, "current"
    elif greedy_keeps_every_rule(built.team):
        weights = built.team.weights
        if built.team.rules.goals_in_tiers:
            weights = emphasised(weights)
        candidate = improve_rota(
            built.variables,
            built.shares,
            greedy_rota(built.variables, built.shares, weights),
            seconds=params.time_limit * IMPROVE_SHARE,
            seed=params.seed,
            weights=weights,
        )
    else:
        candidate = line_rota(
            built.team,
            built.month,
            time_limit=LINE_SHARE * time_left(params, started),
            params=params,
        )
        origin = "line-by-line"
    phases: list[str] = []
    start: tuple[DutyAssignment, ...] | None = None
    priced = None
    if candidate is not None:
        candidate = tuple(candidate)
        pricing = hint_limit(params, started)
        if origin == "line-by-line":
            # On a long horizon the lines may use up the limit; then this
            # start is the only rota there will be, and pricing it on a
            # big model takes seconds (6.6 s on Instance21): allow that.
            pricing = max(pricing, min(10.0, params.time_limit / 6))
        priced = complete_hint(
            built, candidate, time_limit=pricing, params=params
        )
        if priced is not None:
            start = candidate
            points = priced.cost / built.shares.per_unit
            phases.append(f"{origin} start: {points:g} points")
    if baseline is None and built.team.rules.goals_in_tiers:
        tiered = run_tiers(built, params, started, start, priced)
        tiered.phases[:0] = phases
        return tiered
    run = run_model(
        built.model,
        reporting(params, started, "all goals, points", built.shares.per_unit),
        max(time_left(params, started), 0.1),
    )
    phases.append(f"all goals: {run.status.value} in {run.seconds:.1f} s")
    return TieredRun(run, phases, [], start, priced)


def _evaluate(
    built: RotaModel,
    rota: tuple[DutyAssignment, ...],
    params: SolveParams,
    run: SolveRun,
) -> SolveRun:
    """Pin the rota and minimise once more: exact penalty values.

    With everything pinned this takes well under a second; its own limit
    is a tenth of the planner's (1-10 s), so it cannot run on long past
    the time limit. Should it run out, the search's values stand.
    """
    built.model.clear_hints()  # type: ignore[no-untyped-call]
    built.variables.pin(rota)
    limit = min(10.0, max(1.0, params.time_limit / 10))
    exact = run_model(built.model, params.step(limit), after_stop=True)
    return exact if exact.has_solution else run
