"""Build the rota model from its rules and goals, and read a result.

:func:`build_model` puts together the variables, the chosen hard rules
(all of them unless a test picks a few) and the soft goals, and sets the
objective. :func:`to_result` turns a finished run into a
:class:`~balancer.result.RotaResult`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.result import (
    PenaltyTerm,
    RotaResult,
    SolveStats,
)
from balancer.solvers.rota.account import summarise
from balancer.solvers.rota.constraints import HARD_RULES, kept_rota
from balancer.solvers.rota.objectives import (
    SOFT_GOALS,
    ObjectiveContext,
    Term,
    rota_changes,
)
from balancer.solvers.rota.shares import Shares, compute_shares
from balancer.solvers.rota.variables import RotaVariables

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Team
    from balancer.result import Conflict, RotaBaseline, TierReport
    from balancer.solvers.rota.constraints import HardRule
    from balancer.solvers.rota.goal_context import Goal
    from balancer.solvers.runner import SolveRun

__all__ = ["RotaModel", "build_model", "to_result"]


@dataclass
class RotaModel:
    """A built rota model: CP-SAT model, variables, shares, named terms."""

    team: Team
    month: Month
    model: cp_model.CpModel
    variables: RotaVariables
    shares: Shares
    terms: list[Term]

    def minimize(self) -> None:
        """Set the objective to the weighted sum of the terms."""
        self.model.minimize(sum(t.weight * t.expr for t in self.terms))


def build_model(
    team: Team,
    month: Month,
    *,
    rules: Iterable[HardRule] = HARD_RULES,
    goals: Iterable[Goal] = SOFT_GOALS,
    exact: bool = True,
    baseline: RotaBaseline | None = None,
) -> RotaModel:
    """The rota model with the given hard rules and soft goals.

    Tests pass a single rule (and no goals) to show that rule alone. With
    a ``baseline`` (a published rota to keep), its hand edits and frozen
    days are hard (:func:`.constraints.kept_rota`) and changes to it are
    a soft goal (:func:`.objectives.rota_changes`).
    """
    model = cp_model.CpModel()
    variables = RotaVariables(model, team, month)
    for rule in rules:
        rule(variables)
    if baseline is not None:
        kept_rota(variables, baseline)
    shares = compute_shares(team, month)
    context = ObjectiveContext(
        variables, shares, exact=exact, baseline=baseline
    )
    terms = [term for goal in goals if (term := goal(context)) is not None]
    if baseline is not None and (changes := rota_changes(context)):
        terms.insert(0, changes)
    built = RotaModel(team, month, model, variables, shares, terms)
    built.minimize()
    return built


def to_result(
    built: RotaModel,
    run: SolveRun,
    *,
    conflicts: Iterable[Conflict] = (),
    relaxed: bool = False,
    phases: tuple[str, ...] = (),
    status_override: SolveStats | None = None,
    tiers: tuple[TierReport, ...] = (),
) -> RotaResult:
    """The run as a result: stats in points, rota, terms, summaries."""
    scale = built.shares.per_unit
    stats = status_override or SolveStats(
        status=run.status,
        objective=None if run.objective is None else run.objective / scale,
        bound=None if run.bound is None else run.bound / scale,
        seconds=round(run.seconds, 3),
        interrupted=run.interrupted,
        phases=phases,
        tiers=tiers,
    )
    if not run.has_solution:
        return RotaResult(stats=stats, conflicts=tuple(conflicts))
    assignments = built.variables.extract(run.solver)
    return RotaResult(
        stats=stats,
        assignments=assignments,
        terms=tuple(_penalty(term, run.solver) for term in built.terms),
        conflicts=tuple(conflicts),
        staff=summarise(built.team, built.shares, assignments),
        relaxed=relaxed,
    )


def _penalty(term: Term, solver: cp_model.CpSolver) -> PenaltyTerm:
    return PenaltyTerm(
        name=term.name,
        description=term.description,
        weight=term.weight,
        value=term.value(solver),
    )
