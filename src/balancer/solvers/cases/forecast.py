"""When each case is forecast to be worked, and the order of the queue.

Every caseworker works their queue in one order: first the cases they
keep (in progress or pinned), then the rest by the *queue rule*:

1. the target date, the earlier of the deadline and the day the case has
   waited long enough for its priority (urgent 3 days, high 10, normal
   30, low 60). So a case never waits just because its deadline is far:
   an old case without a deadline comes before a fresh one due next month;
2. higher priority first;
3. older first (received);
4. the case id, so the order is total and repeatable.

(The shelf's own order is the planners' queue, :mod:`.queues`.) A case's
planned start is the day its owner's cumulative casework hours first pass
the work ahead of it; its planned finish is the day they cover the case
too. Beyond the horizon the forecast carries on with the person's
ordinary days (no rota known). A case due before the plan starts is
overdue; one on the shelf is late when it is due in the horizon.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from balancer.domain import Priority
from balancer.result import CaseAssignment
from balancer.solvers.cases.capacity import casework_hours_on, opening_days
from balancer.solvers.cases.wording import name, say, whose

if TYPE_CHECKING:
    from collections.abc import Mapping

    from balancer.domain import Case, Team
    from balancer.solvers.cases.capacity import StaffCapacity
    from balancer.solvers.cases.wording import Texts

__all__ = [
    "AGE_TARGET_DAYS",
    "forecast",
    "queue_key",
    "shelf_urgency",
    "target_date",
]

#: Calendar days a case may wait, by priority, before it is due anyway.
AGE_TARGET_DAYS: dict[Priority, int] = {
    Priority.URGENT: 3,
    Priority.HIGH: 10,
    Priority.NORMAL: 30,
    Priority.LOW: 60,
}

#: Opening days past the horizon the forecast looks at before giving up.
_EXTENSION_DAYS = 260

#: Hours below this count as nothing (float sums of many cases).
_EPS = 1e-6


def target_date(case: Case) -> date:
    """The day a case is due: its deadline or its age target if earlier."""
    by_age = case.received + timedelta(days=AGE_TARGET_DAYS[case.priority])
    if case.deadline is None:
        return by_age
    return min(case.deadline, by_age)


def queue_key(case: Case) -> tuple[date, int, date, str]:
    """Sort key of the queue rule: target date, priority, age, id."""
    return (target_date(case), -int(case.priority), case.received, case.id)


def shelf_urgency(case: Case, start: date) -> int:
    """Points for leaving a case on the shelf: priority x (1 + days old).

    Formula: ``priority * (1 + max(0, start - received in days))``; so an
    urgent case (4) waiting a week (8) scores 32, a normal fresh one 2.
    """
    age = max(0, (start - case.received).days)
    return int(case.priority) * (1 + age)


@dataclass
class _Calendar:
    """A person's casework hours day by day, extended past the horizon."""

    team: Team
    staff_id: str
    days: list[date]
    hours: list[float]
    exhausted: bool = False

    def extend(self) -> None:
        person = self.team.staff_by_id[self.staff_id]
        after = self.days[-1] + timedelta(days=1) if self.days else None
        if after is None:
            self.exhausted = True
            return
        more = opening_days(self.team, after, _EXTENSION_DAYS)
        self.days.extend(more)
        self.hours.extend(
            casework_hours_on(self.team, person, day) for day in more
        )
        self.exhausted = True  # extend once: a year is far enough


def _day_reaching(
    calendar: _Calendar, cumulative: list[float], hours: float
) -> int | None:
    """First day index whose cumulative hours reach ``hours``."""
    while True:
        index = bisect_left(cumulative, hours - _EPS)
        if index < len(cumulative):
            return index
        if calendar.exhausted:
            return None
        calendar.extend()
        cumulative[:] = accumulate(calendar.hours)


def forecast(
    team: Team,
    capacity: Mapping[str, StaffCapacity],
    owners: Mapping[str, str | None],
    notes: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[CaseAssignment, ...]:
    """Planned start and finish, and lateness, for every case.

    Parameters
    ----------
    team:
        The team with its cases.
    capacity:
        Casework hours per person over the horizon (from ``capacity``).
    owners:
        Case id -> new owner (None = on the shelf).
    notes:
        Case id -> further :class:`CaseAssignment` fields (why it moved
        or waits, its queue), as :mod:`.reasons` works them out.

    Returns
    -------
    One :class:`CaseAssignment` per case, in the team's case order.
    """
    days = next(iter(capacity.values())).days if capacity else ()
    first_day = days[0] if days else None
    last_day = days[-1] if days else None
    queues: dict[str, list[Case]] = {}
    for case in team.cases:
        owner = owners.get(case.id)
        if owner is not None:
            queues.setdefault(owner, []).append(case)
    planned: dict[str, tuple[date | None, date | None]] = {}
    for staff_id, queue in queues.items():
        queue.sort(key=lambda c: (not c.fixed, queue_key(c)))
        cap = capacity.get(staff_id)
        calendar = _Calendar(
            team=team,
            staff_id=staff_id,
            days=list(cap.days) if cap else [],
            hours=list(cap.daily_hours) if cap else [],
        )
        cumulative = list(accumulate(calendar.hours))
        ahead = 0.0
        for case in queue:
            effort = case.effort_for(staff_id)
            # The first day with hours left after the work ahead of it.
            begin = _day_reaching(calendar, cumulative, ahead + _EPS * 10)
            end = _day_reaching(calendar, cumulative, ahead + effort)
            ahead += effort
            planned[case.id] = (
                calendar.days[begin] if begin is not None else None,
                calendar.days[end] if end is not None else None,
            )
    result: list[CaseAssignment] = []
    for case in team.cases:
        owner = owners.get(case.id)
        begin_day, finish = planned.get(case.id, (None, None))
        late, risk = _risk(team, case, owner, finish, (first_day, last_day))
        result.append(
            CaseAssignment(
                case_id=case.id,
                staff_id=owner,
                previous_owner=case.owner,
                planned_start=begin_day,
                planned_finish=finish,
                late=late,
                risk=risk.get("en", ""),
                risk_texts=risk,
                **(notes or {}).get(case.id, {}),
            )
        )
    return tuple(result)


def _risk(
    team: Team,
    case: Case,
    owner: str | None,
    finish: date | None,
    horizon: tuple[date | None, date | None],
) -> tuple[bool, Texts]:
    """Whether a case misses its deadline, and why in planner's words
    (in every language; empty when it is not at risk)."""
    deadline = case.deadline
    first_day, last_day = horizon
    if deadline is None:
        return False, {}
    if first_day is not None and deadline < first_day:
        return True, say("risk.overdue", deadline=deadline)
    if owner is not None:
        if finish is None:
            return True, say(
                "risk.no_hours", owner=name(team, owner), deadline=deadline
            )
        if finish > deadline:
            return True, say(
                "risk.queue_late",
                whose=whose(team, owner),
                finish=finish,
                deadline=deadline,
            )
        return False, {}
    if last_day is not None and deadline <= last_day:
        return True, say("risk.shelf_late", deadline=deadline)
    return False, {}
