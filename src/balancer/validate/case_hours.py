"""The team as the backlog checker sees it before any plan.

Recomputed from the domain alone (no solver code): the horizon, each
person's casework hours day by day (and ordinary days after the
horizon), who is over capacity, and which owned cases may move and why.

The business rules, as the checker states them:

* *Casework hours* on a day at work: ``max(0, available - duty -
  overhead)``; a planner's ``case_capacity_hours`` replaces the horizon's
  total (spread like the computed hours). After the horizon: ordinary
  days, no rota.
* *Over capacity*: the cases a person holds add up to more than their
  casework hours in the horizon (anyone holding cases with no casework
  hours at all is *away*).
* An owned case may move when its owner is away; when its owner is over
  capacity and their queue (in progress and pinned first, then by target
  date, priority, date received, id) finishes it after the horizon or
  after its deadline; or when the planner allows it (``may_move``). A
  pinned case never moves.
* *Room* for open cases, in whole minutes: casework hours rounded down,
  minus the hours of the cases a person keeps for certain rounded up;
  each case's effort rounded up.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from balancer.domain import CaseStatus, Priority
from balancer.result import MoveReason

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Case, Staff, Team
    from balancer.result import DutyAssignment

__all__ = ["BacklogView", "minutes_up", "target"]

_EPS = 1e-6

#: Calendar days a case may wait, by priority, before it is due anyway.
_WAIT_DAYS = {
    Priority.URGENT: 3,
    Priority.HIGH: 10,
    Priority.NORMAL: 30,
    Priority.LOW: 60,
}


def minutes_up(hours: float) -> int:
    """Hours as whole minutes, rounded up."""
    return math.ceil(hours * 60 - _EPS)


def target(case: Case) -> date:
    """A case's target date: its deadline, or its wait limit if earlier."""
    limit = case.received + timedelta(days=_WAIT_DAYS[case.priority])
    return limit if case.deadline is None else min(limit, case.deadline)


def _kept(case: Case) -> bool:
    return case.owner is not None and (
        case.pinned or case.status is CaseStatus.IN_PROGRESS
    )


class BacklogView:
    """Hours, holdings and move reasons, recomputed from the team."""

    def __init__(
        self,
        team: Team,
        start: date,
        rota: Sequence[DutyAssignment] = (),
        horizon_days: int | None = None,
        free_hours: Mapping[str, float] | None = None,
    ) -> None:
        self.team = team
        self.start = start
        wanted = (
            team.rules.horizon_working_days
            if horizon_days is None
            else horizon_days
        )
        self.days = self._open_days(start, wanted)
        duty: dict[tuple[str, date], float] = defaultdict(float)
        for entry in rota:
            found = team.duty_by_id.get(entry.duty_id)
            if found is not None and entry.slot_index < len(found.slots):
                slot = found.slots[entry.slot_index]
                duty[entry.staff_id, entry.day] += slot.hours
        self.daily = {
            p.id: self._daily(p, duty, free_hours) for p in team.staff
        }
        self.present = {
            p.id: any(team.available_hours(p, d) > 0 for d in self.days)
            for p in team.staff
        }
        self._after: dict[str, list[tuple[date, float]]] = {}
        self.reasons: dict[str, set[MoveReason]] = {}
        self.over: set[str] = set()
        self.kept_hours: dict[str, float] = defaultdict(float)
        self._holdings()

    # -- hours -----------------------------------------------------------

    def _open_days(self, start: date, count: int) -> list[date]:
        found: list[date] = []
        day = start
        for _ in range(3 * 366):
            if len(found) >= count:
                break
            if self.team.calendar.is_open(day):
                found.append(day)
            day += timedelta(days=1)
        return found

    def _ordinary(self, person: Staff, day: date, duty: float = 0) -> float:
        if not person.casework:
            return 0.0
        at_work = self.team.available_hours(person, day)
        if at_work <= 0:
            return 0.0
        overhead = self.team.rules.daily_overhead_hours
        return max(0.0, at_work - duty - overhead)

    def _daily(
        self,
        person: Staff,
        duty: Mapping[tuple[str, date], float],
        free_hours: Mapping[str, float] | None,
    ) -> list[float]:
        hours = [
            self._ordinary(person, d, duty.get((person.id, d), 0.0))
            for d in self.days
        ]
        known = getattr(person, "case_capacity_hours", None)
        if free_hours is not None:
            known = free_hours.get(person.id, 0.0) + sum(
                c.effort_for(person.id)
                for c in self.team.cases
                if c.owner == person.id and _kept(c)
            )
        elif known is None or not person.casework:
            return hours
        if not hours:
            return hours
        total = sum(hours)
        if total > 0:
            return [h * known / total for h in hours]
        return [known / len(hours)] * len(hours)

    def total(self, staff_id: str) -> float:
        """Casework hours over the horizon."""
        return sum(self.daily.get(staff_id, ()))

    def hours_by(self, staff_id: str, day: date) -> float:
        """Casework hours from the horizon's start to the end of ``day``;
        ordinary days after the horizon."""
        hours = sum(
            h
            for d, h in zip(self.days, self.daily[staff_id], strict=True)
            if d <= day
        )
        if not self.days or day <= self.days[-1]:
            return hours
        after = self._after.setdefault(staff_id, [])
        person = self.team.staff_by_id[staff_id]
        last = after[-1][0] if after else self.days[-1]
        while last < day and last < self.days[-1] + timedelta(days=366):
            last += timedelta(days=1)
            if self.team.calendar.is_open(last):
                after.append((last, self._ordinary(person, last)))
        return hours + sum(h for d, h in after if d <= day)

    def room_minutes(self, staff_id: str) -> int:
        """Minutes for open cases: casework hours rounded down, less the
        cases kept for certain rounded up."""
        casework = math.floor(self.total(staff_id) * 60 + _EPS)
        return casework - minutes_up(self.kept_hours.get(staff_id, 0.0))

    # -- holdings --------------------------------------------------------

    def _holdings(self) -> None:
        held: dict[str, list[Case]] = defaultdict(list)
        for case in self.team.cases:
            if case.owner is not None:
                held[case.owner].append(case)
        for owner, cases in held.items():
            hours = self.total(owner) if owner in self.daily else 0.0
            away = hours <= _EPS
            over = away or sum(c.effort_for(owner) for c in cases) > (
                hours + _EPS
            )
            if over:
                self.over.add(owner)
            order = sorted(
                cases,
                key=lambda c: (
                    not _kept(c),
                    target(c),
                    -int(c.priority),
                    c.received,
                    c.id,
                ),
            )
            queued = 0.0
            for case in order:
                queued += case.effort_for(owner)
                reasons: set[MoveReason] = set()
                if not case.pinned:
                    if away:
                        reasons.add(MoveReason.OWNER_AWAY)
                    elif over and (
                        queued > hours + _EPS
                        or (
                            case.deadline is not None
                            and queued
                            > self.hours_by(owner, case.deadline) + _EPS
                        )
                    ):
                        reasons.add(MoveReason.OVER_CAPACITY)
                    if case.may_move:
                        reasons.add(MoveReason.ALLOWED)
                if reasons:
                    self.reasons[case.id] = reasons
                else:
                    self.kept_hours[owner] += case.effort_for(owner)

    def at_work(self) -> int:
        """Caseworkers at work in the horizon."""
        return sum(
            1 for p in self.team.staff if p.casework and self.present[p.id]
        )
