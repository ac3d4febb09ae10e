"""Fair shares: what each person's duty load should be this month.

All figures are integers, so the model and the independent validator
(which computes them again on its own, from ``docs/constraints.md``) agree
to the unit. Hours are counted in *steps*: ``G`` = the greatest common
divisor of 60 and every slot's length in minutes (30 for slots of 1, 1.5,
2 and 3 hours), since a person's duty load can only change by whole steps;
``K = 60 / G`` steps make an hour, and counts are scaled by ``K`` too.

- ``a(p)``: available minutes = sum over the month's days of
  ``round(60 * Team.available_hours(p, day))``.
- The *pool* of a duty: people who may take it; the overall pool: people
  who may take any of the team's duties; the unpopular pool: people who
  may take a duty with an unpopular slot. Only pool members get a share.
- ``T``: planned duty minutes = sum over slot instances (open day, slot
  runs) of ``target on that date * slot minutes``.
- Fair share in steps: ``round_half_up(T/G * a(p) / A) - round(K * h(p))``
  where ``A`` is the pool's available minutes and ``h(p)`` the carried
  balance in hours: for the overall share the person's rows without a
  duty, or the sum of their duty rows when they have none; only the
  duty's rows for a duty's share.
- Unpopular slots in K-ths of a slot: ``round_half_up(K * U * a(p) /
  A) - round(K * u(p))`` where ``U`` is the target staffing summed over
  unpopular slot instances and ``u(p)`` all of the person's
  ``HistoryBalance.unpopular_slots``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.domain import minutes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Staff, Team

__all__ = ["Shares", "compute_shares", "round_half_up_ratio"]


def round_half_up_ratio(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, in exact integers."""
    if denominator <= 0:
        return 0
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Shares:
    """Fair shares of the month, keyed by staff id (pool members only).

    Attributes
    ----------
    step
        Minutes per model step ``G``; ``per_unit`` = ``K`` = 60 / G.
    available
        Available minutes of every person.
    overall
        Fair share of all duty in steps, history deducted.
    by_duty
        Duty id -> staff id -> fair share of that duty in steps.
    unpopular
        Fair share of unpopular slots in K-ths of a slot.
    """

    step: int
    available: dict[str, int]
    overall: dict[str, int]
    by_duty: dict[str, dict[str, int]]
    unpopular: dict[str, int]

    @property
    def per_unit(self) -> int:
        """Model units per reported unit (steps per hour, per count)."""
        return 60 // self.step


def compute_shares(team: Team, month: Month) -> Shares:
    """Everyone's fair shares of the month (see the module docstring)."""
    days = [d for d in month.days() if team.calendar.is_open(d)]
    available = {
        p.id: sum(round(60 * team.available_hours(p, d)) for d in days)
        for p in team.staff
    }
    lengths = [
        minutes(slot.end) - minutes(slot.start)
        for duty in team.duties
        for slot in duty.slots
    ]
    step = math.gcd(60, *lengths)
    per_unit = 60 // step
    planned: dict[str, int] = {}
    unpopular_total = 0
    for duty in team.duties:
        planned[duty.id] = 0
        for slot in duty.slots:
            staffed = sum(
                slot.target_on(d) for d in days if slot.runs_on(d.weekday())
            )
            span = minutes(slot.end) - minutes(slot.start)
            planned[duty.id] += staffed * span // step
            if slot.unpopular:
                unpopular_total += staffed

    def share(
        pool: Iterable[Staff], total: int, hist: dict[str, int]
    ) -> dict[str, int]:
        members = list(pool)
        pool_minutes = sum(available[p.id] for p in members)
        return {
            p.id: round_half_up_ratio(total * available[p.id], pool_minutes)
            - hist.get(p.id, 0)
            for p in members
        }

    duty_ids = [d.id for d in team.duties]
    anyone = [p for p in team.staff if any(map(p.may_take, duty_ids))]
    overall = share(
        anyone, sum(planned.values()), _history(team, None, per_unit)
    )
    by_duty = {
        duty.id: share(
            [p for p in team.staff if p.may_take(duty.id)],
            planned[duty.id],
            _history(team, duty.id, per_unit),
        )
        for duty in team.duties
    }
    unpopular_duties = [
        d.id for d in team.duties if any(s.unpopular for s in d.slots)
    ]
    unpopular = share(
        [p for p in team.staff if any(map(p.may_take, unpopular_duties))],
        per_unit * unpopular_total,
        _unpopular_history(team, per_unit),
    )
    return Shares(step, available, overall, by_duty, unpopular)


def _history(team: Team, duty_id: str | None, per_unit: int) -> dict[str, int]:
    """Carried balance in steps.

    ``None`` (all duties): a person's rows without a duty when there are
    any, else the sum of their duty rows. The rota workbook's History
    sheet has both (an all-duties row and one per duty); summing them all
    would count last month twice.
    """
    hours: dict[str, float] = {}
    overall = {row.staff_id for row in team.history if row.duty is None}
    for row in team.history:
        if duty_id is None:
            if row.duty is not None and row.staff_id in overall:
                continue
        elif row.duty != duty_id:
            continue
        hours[row.staff_id] = hours.get(row.staff_id, 0.0) + row.hours
    return {staff_id: round(per_unit * h) for staff_id, h in hours.items()}


def _unpopular_history(team: Team, per_unit: int) -> dict[str, int]:
    slots: dict[str, float] = {}
    for row in team.history:
        slots[row.staff_id] = (
            slots.get(row.staff_id, 0.0) + row.unpopular_slots
        )
    return {staff_id: round(per_unit * s) for staff_id, s in slots.items()}
