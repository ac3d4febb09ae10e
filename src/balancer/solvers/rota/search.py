"""``solve_rota``: plan a month's duty rota; never raises for no plan.

The solve runs in phases, because one weighted objective with a
max-deviation term is slow to prove:

0. *Greedy and local search*: a quick rota that keeps every limit and
   leans towards the soft goals (:mod:`.greedy`), then improved by
   handing slots over, swapping and shifting them while that lowers the
   estimated cost (:mod:`.improve`, at most ``IMPROVE_SHARE`` of the
   limit), becomes a *complete* hint (:mod:`.hints`), so the search
   starts from it. If the search then finds nothing in time (a tight
   limit, a busy machine), this rota is returned, FEASIBLE without a
   bound, instead of no rota.
1. *Fairest maximum*: minimise only the largest deviation from fair share
   (``fairness_max``). When that is proven and the starting rota keeps
   it (or there is no starting rota), cap it there: this shrinks the
   search space for everything else. An unproven cap would be a guess,
   and a cap the starting rota breaks made the search trade a good rota
   for one far worse elsewhere, so neither is applied.
2. *Everything*: minimise the weighted sum of all terms, starting from that
   rota (again a complete hint).
3. *Evaluation*: pin the best rota and minimise again, which sets every
   one-sided penalty variable to its exact value (the model uses
   ``penalty >= ...`` forms, lighter to propagate; see
   :func:`.objectives.at_least_max`), so reported terms are exact.

With the cap, OPTIMAL means optimal for "largest deviation first, then
the weighted sum" (lexicographic on ``fairness_max``); without it, for
the weighted sum. The phases say which. The reported bound is phase 2's.

With a published rota to keep (``baseline``), that rota is the start and
phase 1 is skipped, since capping the largest deviation first would force
changes. Teams with shift-work rules the greedy ignores start instead
from a line-by-line rota (:mod:`.lines`): each person planned in turn
under their own rules, against the cover the others left.
"""

from __future__ import annotations

import time
from dataclasses import replace
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
from balancer.solvers.runner import (
    Progress,
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

#: Share of the time limit phase 1 may use.
FIRST_PHASE_SHARE = 0.1
#: Most of the time limit the local search on the greedy rota may use.
IMPROVE_SHARE = 0.35

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
    if _left(params, started) <= 0:
        # Building the model used up the limit (a big team, a limit of a
        # second or two): stop now rather than overrun it.
        note = "the time limit ran out while building the model"
        seconds = time.perf_counter() - started
        return to_result(built, SolveRun.nothing(seconds), phases=(note,))
    run, phases, start = _phases(built, params, started, baseline)
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
    if not run.has_solution or (run.interrupted and evaluated is None):
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
    elif greedy_keeps_every_rule(built.team):
        candidate = improve_rota(
            built.variables,
            built.shares,
            greedy_rota(built.variables, built.shares),
            seconds=params.time_limit * IMPROVE_SHARE,
            seed=params.seed,
        )
    else:
        candidate = line_rota(
            built.team,
            built.month,
            time_limit=LINE_SHARE * _left(params, started),
            params=params,
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
            built, candidate, time_limit=pricing, params=params
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
        saved = _Hint.save(built)
        built.model.minimize(top.expr)
        first = run_model(
            built.model,
            _reporting(params, started, "largest deviation, h", top.scale),
            min(
                params.time_limit * FIRST_PHASE_SHARE,
                max(0.1, params.time_limit - (time.perf_counter() - started)),
            ),
        )
        if first.status is SolveStatus.INFEASIBLE:
            return first, phases, start
        if first.interrupted:
            # Ctrl-C in phase 1. Its rota is the best for one goal only
            # (a 12-person demo team: 8,659 points against the start's
            # 829), so the start comes back, priced on every goal; phase
            # 1's rota only when there is no start.
            saved.restore(built)
            built.minimize()
            if start is None and first.has_solution:
                start = built.variables.extract(first.solver)
            stopped = SolveRun.nothing(first.seconds, interrupted=True)
            return stopped, phases, start
        best = (
            round(first.solver.objective_value) if first.has_solution else None
        )
        start_top = saved.value_of(top.expr)
        start_keeps = (
            start_top is not None and best is not None and (start_top <= best)
        )
        if (
            first.status is SolveStatus.OPTIMAL
            and best is not None
            and (start is None or start_keeps)
        ):
            built.model.add(top.expr <= best)
            built.minimize()
            if start is None:
                start = _phase_one_start(built, first, params, started)
            else:
                saved.restore(built)
            phases.append(
                f"largest deviation capped at {best / top.scale:g} h "
                f"({first.seconds:.1f} s)"
            )
        else:
            # Not proven in time, a cap would only be a guess; and a cap
            # the starting rota breaks makes the search give up a good
            # rota for one that is fairer at the top but far worse
            # elsewhere (150 staff: 4,900 points before, 9,300 after).
            # Go on from the starting rota, uncapped; with none, from
            # phase 1's rota, which keeps every hard rule.
            saved.restore(built)
            if start is None and first.has_solution:
                built.minimize()
                start = _phase_one_start(built, first, params, started)
            if first.status is SolveStatus.OPTIMAL and best is not None:
                why = (
                    f"the fairest is {best / top.scale:g} h, the starting "
                    f"rota's {(start_top or 0) / top.scale:g} h"
                )
            else:
                why = f"not proven in {first.seconds:.1f} s"
            phases.append(f"largest deviation not capped: {why}")
    built.minimize()
    left = params.time_limit - (time.perf_counter() - started)
    scale = built.shares.per_unit
    run = run_model(
        built.model,
        _reporting(params, started, "all goals, points", scale),
        max(left, 0.1),
    )
    phases.append(f"all goals: {run.status.value} in {run.seconds:.1f} s")
    return run, phases, start


def _reporting(
    params: SolveParams, started: float, label: str, scale: int
) -> SolveParams:
    """``params`` whose live progress reads in the planner's units.

    The model counts in steps (half hours on the demo); progress lines
    show hours or points, name the phase, and count seconds from the
    start of the whole solve.
    """
    listener = params.on_progress
    if listener is None:
        return params

    def report(progress: Progress) -> None:
        listener(
            Progress(
                seconds=time.perf_counter() - started,
                objective=progress.objective / scale,
                bound=progress.bound / scale,
                solutions=progress.solutions,
                label=label,
            )
        )

    return replace(params, on_progress=report)


def _phase_one_start(
    built: RotaModel, first: SolveRun, params: SolveParams, started: float
) -> tuple[DutyAssignment, ...] | None:
    """Phase 1's rota as phase 2's complete hint; None if it can't be."""
    found = built.variables.extract(first.solver)
    cost = complete_hint(
        built, found, time_limit=_hint_limit(params, started), params=params
    )
    return found if cost is not None else None


class _Hint:
    """A copy of the model's solution hint, to put back later."""

    def __init__(self, values: dict[int, int]) -> None:
        self.values = values

    @classmethod
    def save(cls, built: RotaModel) -> _Hint:
        hint = built.model.proto.solution_hint
        return cls(dict(zip(hint.vars, hint.values, strict=True)))

    def value_of(self, expr: object) -> int | None:
        index = getattr(expr, "index", None)
        return None if index is None else self.values.get(index)

    def restore(self, built: RotaModel) -> None:
        built.model.clear_hints()  # type: ignore[no-untyped-call]
        hint = built.model.proto.solution_hint
        hint.vars.extend(list(self.values))
        hint.values.extend(list(self.values.values()))


def _hint_limit(params: SolveParams, started: float) -> float:
    """Time for pricing a starting rota: a small part of what is left."""
    left = _left(params, started)
    return max(0.1, min(max(0.5, params.time_limit / 10), left / 4))


def _left(params: SolveParams, started: float) -> float:
    """Seconds of the time limit still unspent."""
    return params.time_limit - (time.perf_counter() - started)


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
