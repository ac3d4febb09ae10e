"""The rota's goals in tiers, each proven in turn and then kept.

A team wants its slots staffed first, then duty shared fairly, and only
then fewer scattered blocks and more wishes met. One weighted sum mixes
these and is slow to prove; so the goals are ranked in :data:`TIERS` and
solved one after the other, in the order listed (within a tier too: the
largest deviation overall before the unpopular slots before the largest
deviation per duty). A goal proven optimal is *capped* at its optimum:
every later search keeps it, so the rota returned is never worse on a
proven goal (and so on a proven tier) than its proven optimum. A goal
not proven in its share of the time (:data:`GOAL_SHARES`) is not capped
(a cap would be a guess); the last search still weighs it with the
rest, and so it does every tier after one not fully proven: the ranking
holds only as far as it is proven.

The last tier's search minimises the whole weighted objective under the
caps; its bound is the bound the solve reports.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from balancer.result import SolveStatus, TierReport
from balancer.solvers.rota.hints import complete_hint
from balancer.solvers.runner import Progress, SolveRun, run_model

if TYPE_CHECKING:
    from balancer.domain import Weights
    from balancer.result import DutyAssignment
    from balancer.solvers.rota.hints import Priced
    from balancer.solvers.rota.model import RotaModel
    from balancer.solvers.runner import SolveParams

__all__ = [
    "GOAL_SHARES",
    "TIERS",
    "TIER_EMPHASIS",
    "Tier",
    "TieredRun",
    "emphasised",
    "final_search",
    "hint_limit",
    "reporting",
    "run_tiers",
    "time_left",
]


@dataclass(frozen=True)
class Tier:
    """A rank of goals: its name for planners and its goals' names."""

    name: str
    goals: tuple[str, ...]


#: The tiers, most important first. A goal in none of them (changes to a
#: published rota, unmet demands) goes with the last.
TIERS: tuple[Tier, ...] = (
    Tier("staffing", ("target_staffing", "over_target")),
    Tier(
        "fairness",
        ("fairness_max", "unpopular_fairness", "duty_fairness_max"),
    ),
    Tier("sums of deviations", ("fairness_sum", "duty_fairness")),
    Tier(
        "casework time, blocks and wishes",
        ("casework_time", "blocks", "preferences", "variety", "requests"),
    ),
)

#: Most of the time limit each goal of the first tiers may use; what a
#: goal proven early leaves goes on to the next, and the last search
#: (every goal) gets the rest.
GOAL_SHARES: dict[str, float] = {
    "target_staffing": 0.08,
    "over_target": 0.02,
    "fairness_max": 0.15,
    "unpopular_fairness": 0.08,
    "duty_fairness_max": 0.12,
    "fairness_sum": 0.1,
    "duty_fairness": 0.07,
}

#: Most of the time limit a repair of the start may use after a cap.
REPAIR_SHARE = 0.05

#: How much more each tier weighs than the next in the quick start, so
#: the start already puts staffing first, then fairness, then the rest.
TIER_EMPHASIS = (10_000, 100, 10, 1)


def emphasised(weights: Weights) -> Weights:
    """The weights with each tier scaled by :data:`TIER_EMPHASIS`."""
    scaled: dict[str, int] = {}
    for tier, factor in zip(TIERS, TIER_EMPHASIS, strict=True):
        for goal in tier.goals:
            scaled[goal] = getattr(weights, goal) * factor
    return weights.model_copy(update=scaled)


@dataclass
class TieredRun:
    """What the tiers gave: the last search, notes, reports and a start.

    ``start`` is the best rota known to keep every hard rule and every
    cap (None when there is none), for when the last search finds nothing.
    """

    run: SolveRun
    phases: list[str]
    tiers: list[TierReport]
    start: tuple[DutyAssignment, ...] | None
    priced: Priced | None


def run_tiers(
    built: RotaModel,
    params: SolveParams,
    started: float,
    start: tuple[DutyAssignment, ...] | None,
    priced: Priced | None,
) -> TieredRun:
    """Prove the goals of the first tiers in turn, then search them all.

    ``built`` carries the complete hint of ``start`` (priced as
    ``priced``). Ctrl-C in a search stops the solve: the start comes back.
    """
    weights = {t.name: t.weight for t in built.terms}
    out = TieredRun(SolveRun.nothing(0.0), [], [], start, priced)
    scale = built.shares.per_unit
    for tier in TIERS[:-1]:
        if out.tiers and not out.tiers[-1].proven:
            # The ranking holds only while each tier is proven: after a
            # tier that is not, the rest are weighed together at the end.
            break
        steps: list[tuple[str, SolveRun, bool]] = []
        for term in [t for t in built.terms if t.name in tier.goals]:
            expr = term.weight * term.expr
            built.model.minimize(expr)
            limit = min(
                GOAL_SHARES[term.name] * params.time_limit,
                time_left(params, started),
            )
            run = run_model(
                built.model,
                reporting(params, started, f"{tier.name}, points", scale),
                max(limit, 0.05),
            )
            if run.status is SolveStatus.INFEASIBLE or run.interrupted:
                out.run = (
                    run
                    if not run.interrupted
                    else SolveRun.nothing(run.seconds, interrupted=True)
                )
                built.minimize()
                return out
            proven = run.status is SolveStatus.OPTIMAL and run.has_solution
            steps.append((term.name, run, proven))
            if proven:
                best = round(run.solver.objective_value)
                built.model.add(expr <= best)
                _keep(
                    built, out, run, term.name, best, weights, params, started
                )
        if steps:
            report = _report(tier, steps, scale).model_copy(
                update={"finished_at": round(time.perf_counter() - started, 3)}
            )
            out.tiers.append(report)
            out.phases.append(_note(report))
    built.minimize()
    last = TIERS[-1]
    run = final_search(built, params, started)
    out.run = run
    out.phases.append(f"all goals: {run.status.value} in {run.seconds:.1f} s")
    named = {goal for tier in TIERS[:-1] for goal in tier.goals}
    out.tiers.append(
        TierReport(
            name=last.name,
            terms=tuple(t.name for t in built.terms if t.name not in named),
            value=None if run.objective is None else run.objective / scale,
            bound=None if run.bound is None else run.bound / scale,
            proven=run.status is SolveStatus.OPTIMAL,
            proven_goals=(),
            seconds=round(run.seconds, 3),
            finished_at=round(time.perf_counter() - started, 3),
        )
    )
    return out


def final_search(
    built: RotaModel, params: SolveParams, started: float
) -> SolveRun:
    """Every goal, weighted, under the caps: the rest of the time."""
    scale = built.shares.per_unit
    return run_model(
        built.model,
        reporting(params, started, "all goals, points", scale),
        max(time_left(params, started), 0.1),
    )


def _report(
    tier: Tier, steps: list[tuple[str, SolveRun, bool]], scale: int
) -> TierReport:
    """A tier's report from its goals' searches (values in points)."""
    values = [run.objective for _, run, _ in steps]
    bounds = [run.bound for _, run, _ in steps]
    return TierReport(
        name=tier.name,
        terms=tuple(name for name, _, _ in steps),
        value=None
        if any(v is None for v in values)
        else sum(v for v in values if v is not None) / scale,
        bound=None
        if any(b is None for b in bounds)
        else sum(b for b in bounds if b is not None) / scale,
        proven=all(proven for _, _, proven in steps),
        proven_goals=tuple(name for name, _, proven in steps if proven),
        seconds=round(sum(run.seconds for _, run, _ in steps), 3),
    )


def _note(report: TierReport) -> str:
    """One line for the solve's notes: what the tier proved and kept."""
    if report.proven:
        return (
            f"{report.name}: proven {report.value:g} points in "
            f"{report.seconds:.1f} s, kept"
        )
    kept = ", ".join(report.proven_goals) or "nothing"
    best = "no rota" if report.value is None else f"{report.value:g}"
    bound = "-" if report.bound is None else f"{report.bound:g}"
    return (
        f"{report.name}: not all proven in {report.seconds:.1f} s (best "
        f"{best}, bound {bound} points); kept: {kept}"
    )


def _keep(
    built: RotaModel,
    out: TieredRun,
    run: SolveRun,
    goal: str,
    best: int,
    weights: dict[str, int],
    params: SolveParams,
    started: float,
) -> None:
    """After a cap the start must keep it; else a short repair search.

    The tier's own rota keeps every cap so far but is tuned to the tier
    alone (a staffing-optimal rota can be far from fair). So the start
    is repaired: every goal is minimised under the caps for a moment,
    starting from the tier's rota and guided by the old start, and the
    best rota found becomes the complete hint for what follows.
    """
    start_value = (
        None if out.priced is None else out.priced.of((goal,), weights)
    )
    if (
        out.start is not None
        and start_value is not None
        and start_value <= best
    ):
        return
    found = built.variables.extract(run.solver)
    built.minimize()
    priced = complete_hint(
        built, found, time_limit=hint_limit(params, started), params=params
    )
    if priced is None:
        out.start, out.priced = None, None
        return
    out.start, out.priced = found, priced
    limit = min(REPAIR_SHARE * params.time_limit, time_left(params, started))
    if limit <= 0.05:
        return
    repaired = run_model(built.model, params.step(limit), after_stop=False)
    if not repaired.has_solution or repaired.interrupted:
        return
    better = built.variables.extract(repaired.solver)
    priced = complete_hint(
        built, better, time_limit=hint_limit(params, started), params=params
    )
    if priced is not None and priced.cost < out.priced.cost:
        out.start, out.priced = better, priced
    else:
        complete_hint(
            built, found, time_limit=hint_limit(params, started), params=params
        )


def reporting(
    params: SolveParams,
    started: float,
    label: str,
    scale: int,
    per_missing: int | None = None,
) -> SolveParams:
    """``params`` whose live progress reads in the planner's units.

    The model counts in steps (half hours on the demo); progress lines
    show points, name the tier, and count seconds from the start of the
    whole solve. With ``per_missing`` (the points of one person missing
    from a demand, in a search that may break demands) the people
    missing are counted apart from the other goals' points, instead of
    an objective in the millions.
    """
    listener = params.on_progress
    if listener is None:
        return params

    def split(points: float) -> tuple[int | None, float]:
        if per_missing is None:
            return None, points
        # A hair of slack: the bound is a float a rounding below a count.
        missing = max(0, math.floor(points / per_missing + 1e-9))
        return missing, points - missing * per_missing

    def report(progress: Progress) -> None:
        missing, objective = split(progress.objective / scale)
        bound_missing, bound = split(progress.bound / scale)
        listener(
            Progress(
                seconds=time.perf_counter() - started,
                objective=objective,
                bound=bound,
                solutions=progress.solutions,
                label=label,
                missing=missing,
                bound_missing=bound_missing,
            )
        )

    return replace(params, on_progress=report)


def hint_limit(params: SolveParams, started: float) -> float:
    """Time for pricing a starting rota: a small part of what is left."""
    left = time_left(params, started)
    return max(0.1, min(max(0.5, params.time_limit / 10), left / 4))


def time_left(params: SolveParams, started: float) -> float:
    """Seconds of the time limit still unspent."""
    return params.time_limit - (time.perf_counter() - started)
