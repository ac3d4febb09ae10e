"""What the rota's soft goals share: the term, the context, deviations.

A term's expression is in *model units* (see :mod:`.objectives`); the
context builds each person's deviation from their fair share once, with
the bound that whole slots allow (:func:`nearest_gap`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balancer.solvers.rota.limits import limit

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

    from balancer.result import RotaBaseline
    from balancer.solvers.rota.shares import Shares
    from balancer.solvers.rota.variables import RotaVariables

__all__ = [
    "Goal",
    "ObjectiveContext",
    "Term",
    "at_least_max",
    "nearest_gap",
    "upper_bound",
]


def nearest_gap(share: int, grain: int, most: int) -> int:
    """Least ``|load - share|`` when the load is a multiple of ``grain``.

    A load can only take whole slots, so when every slot a person can
    take is a multiple of ``grain`` steps (mail in 3-hour slots: 6 steps
    of 30 min), their load is too, and it lies in ``[0, most]``. The
    deviation can then never be smaller than the distance from the share
    to the nearest such load. It is a valid lower bound that the LP
    relaxation does not see by itself (it lets the number of slots be
    fractional), so stating it raises the proven bound. ``grain`` 0 means
    no slot at all: the load is 0.
    """
    if grain <= 0 or most <= 0:
        return abs(share)
    top = most - most % grain
    below = min(max(share - share % grain, 0), top)
    above = min(below + grain, top)
    return min(abs(share - below), abs(share - above))


def at_least_max(
    model: cp_model.CpModel,
    target: cp_model.IntVar,
    exprs: list[cp_model.LinearExprT],
    *,
    exact: bool,
) -> None:
    """``target = max(exprs)``, or only ``target >= each`` when not exact.

    A penalty that only appears in a minimised objective is pushed down
    to the max anyway; the one-sided form is lighter to propagate.
    """
    if exact:
        model.add_max_equality(target, exprs)
    else:
        for expr in exprs:
            model.add(target >= expr)


@dataclass(frozen=True)
class Term:
    """A named soft goal: ``weight * expr`` goes into the objective."""

    name: str
    description: str
    weight: int
    expr: cp_model.LinearExprT
    scale: int

    def value(self, solver: cp_model.CpSolver) -> float:
        """Unweighted value in reported units (hours, slots, ...)."""
        return solver.value(self.expr) / self.scale


@dataclass
class ObjectiveContext:
    """What the goals share: the variables, fair shares, deviations."""

    v: RotaVariables
    shares: Shares
    exact: bool = True
    baseline: RotaBaseline | None = None
    _deviations: dict[tuple[str, str | None], cp_model.IntVar] = field(
        default_factory=dict
    )

    def deviation(self, staff_id: str, duty_id: str | None) -> cp_model.IntVar:
        """``|load - fair share|`` in steps, of one duty or all."""
        key = (staff_id, duty_id)
        if key not in self._deviations:
            share = (
                self.shares.overall[staff_id]
                if duty_id is None
                else self.shares.by_duty[duty_id][staff_id]
            )
            most = self._most_minutes(staff_id, duty_id) // self.shares.step
            grain = math.gcd(
                *(
                    inst.length // self.shares.step
                    for inst, _ in self.v.choices(staff_id)
                    if duty_id is None or inst.duty_id == duty_id
                )
            )
            dev = self.v.model.new_int_var(
                nearest_gap(share, grain, most),
                max(abs(share), abs(most - share)),
                f"deviation:{staff_id}/{duty_id or 'all'}",
            )
            load = self.v.load(staff_id, duty_id, step=self.shares.step)
            at_least_max(
                self.v.model,
                dev,
                [load - share, share - load],
                exact=self.exact,
            )
            self._deviations[key] = dev
        return self._deviations[key]

    def _most_minutes(self, staff_id: str, duty_id: str | None) -> int:
        """An upper bound on a person's duty minutes (daily limit)."""
        person = self.v.team.staff_by_id[staff_id]
        most = limit(self.v.team, person, "max_slots_per_day")
        total = 0
        for day in self.v.open_days:
            lengths = sorted(
                (
                    inst.length
                    for inst, _ in self.v.day_of(staff_id, day)
                    if duty_id is None or inst.duty_id == duty_id
                ),
                reverse=True,
            )
            total += sum(lengths[:most])
        return total


Goal = Callable[[ObjectiveContext], "Term | None"]


def upper_bound(variables: list[cp_model.IntVar]) -> int:
    # The proto's repeated field ignores negative indices: copy it first.
    return max((list(v.proto.domain)[-1] for v in variables), default=0)
