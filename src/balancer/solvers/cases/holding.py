"""Who keeps which owned case, and which case may move, and why.

A case someone holds is their work: it stays with them unless one of
three reasons lets it move, and every move counts against the move
budget (``Rules.max_moves``):

* *owner away*: the owner has no casework hours in the horizon (away
  all of it, no casework, or duty all day);
* *owner over capacity*: the cases the owner holds add up to more than
  their casework hours in the horizon, and their own queue (in progress
  and pinned first, then by the queue rule of :mod:`.forecast`) finishes
  this case only after the horizon or after its deadline (their hours
  after the horizon are ordinary days, as the forecast counts them);
* *planner allowed*: the Cases sheet says it may move (``may_move``).

A pinned case never moves. A case in progress may move to another
caseworker for one of these reasons, but never back to the shelf. An
owner below the case's skill level keeps it (flagged): the planner
decides, the plan does not move it silently. Whoever holds more than
their casework hours (*over capacity*) gets no new case.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

from balancer.domain import CaseStatus
from balancer.result import MoveReason
from balancer.solvers.cases.capacity import casework_hours_on, days_after
from balancer.solvers.cases.forecast import queue_key

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import date

    from balancer.domain import Case, Team
    from balancer.solvers.cases.capacity import StaffCapacity

__all__ = ["Holding", "holding", "may_shelve"]

#: Hours below this count as nothing (float sums of many cases).
_EPS = 1e-6


@dataclass(frozen=True)
class Holding:
    """What each person holds, and which of it may move.

    Attributes
    ----------
    fixed_owner:
        Case id -> owner, for every owned case that stays for certain.
    movable:
        Case id -> the reason it may move, for every other owned case.
    over:
        People who hold more than their casework hours in the horizon
        (away people holding anything too): they get no new case.
    kept_hours:
        Staff id -> hours of the cases they keep for certain.
    """

    fixed_owner: dict[str, str]
    movable: dict[str, MoveReason]
    over: frozenset[str]
    kept_hours: dict[str, float]


def may_shelve(case: Case, reason: MoveReason | None) -> bool:
    """True when an owned case may go back to the shelf.

    Only a case not started yet, whose owner is away or which the planner
    lets move: a case over its owner's capacity goes to someone with room
    or stays (its owner reaches it later), never back on the shelf.
    """
    return case.status is not CaseStatus.IN_PROGRESS and reason in (
        MoveReason.OWNER_AWAY,
        MoveReason.ALLOWED,
    )


class _HoursBy:
    """A person's casework hours from the horizon's start to a date.

    The horizon's hours as computed (rota and all), then ordinary days.
    """

    def __init__(
        self, team: Team, staff_id: str, cap: StaffCapacity | None
    ) -> None:
        self.team = team
        self.person = team.staff_by_id[staff_id]
        self.days = list(cap.days) if cap else []
        self.total = list(accumulate(cap.daily_hours)) if cap else []

    def hours(self, day: date) -> float:
        """Hours up to the end of ``day`` (0 before the horizon)."""
        if self.days and day > self.days[-1]:
            for more in days_after(self.team, self.days[-1], day):
                added = casework_hours_on(self.team, self.person, more)
                self.total.append(self.total[-1] + added)
                self.days.append(more)
        index = bisect_right(self.days, day)
        return self.total[index - 1] if index else 0.0


def holding(team: Team, capacity: Mapping[str, StaffCapacity]) -> Holding:
    """Sort every owned case into kept for certain or movable, with why."""
    owned: dict[str, list[Case]] = {}
    for case in team.cases:
        if case.owner is not None:
            owned.setdefault(case.owner, []).append(case)
    fixed: dict[str, str] = {}
    movable: dict[str, MoveReason] = {}
    over: set[str] = set()
    kept: dict[str, float] = {}
    for owner, cases in owned.items():
        cap = capacity.get(owner)
        hours = cap.total_hours if cap is not None else 0.0
        away = hours <= _EPS
        total = sum(c.effort_for(owner) for c in cases)
        is_over = away or total > hours + _EPS
        if is_over:
            over.add(owner)
        by = _HoursBy(team, owner, cap)
        queued = 0.0
        for case in sorted(cases, key=lambda c: (not c.fixed, queue_key(c))):
            queued += case.effort_for(owner)
            late = (
                case.deadline is not None
                and queued > by.hours(case.deadline) + _EPS
            )
            if (
                is_over
                and not case.pinned
                and (away or queued > hours + _EPS or late)
            ):
                movable[case.id] = (
                    MoveReason.OWNER_AWAY if away else MoveReason.OVER_CAPACITY
                )
                continue
            if case.may_move:
                movable[case.id] = MoveReason.ALLOWED
                continue
            fixed[case.id] = owner
            kept[owner] = kept.get(owner, 0.0) + case.effort_for(owner)
    return Holding(
        fixed_owner=fixed,
        movable=movable,
        over=frozenset(over),
        kept_hours=kept,
    )
