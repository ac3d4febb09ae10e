"""How many hours each person has for casework over the planning horizon.

Pure arithmetic on the team, the calendar and the duty rota; no solver.
The horizon is the next ``Rules.horizon_working_days`` opening days from a
start date. A person's casework hours on a day are the hours they are at
work (contract-scaled, absences removed, see :meth:`Team.available_hours`)
minus their duty hours from the rota, minus the team's daily overhead
(meetings, the board) on each day they are there.

Their *free* capacity is those hours minus the remaining effort of the
cases they keep (in progress or pinned). Staff who do no casework have
none.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from balancer.domain import Staff, Team
    from balancer.result import DutyAssignment

__all__ = [
    "StaffCapacity",
    "casework_hours_on",
    "days_after",
    "duty_hours_by_day",
    "horizon",
    "kept_hours",
    "opening_days",
    "staff_capacity",
]

#: How far ahead to look for opening days before giving up (a calendar
#: that is never open must not loop forever).
_SEARCH_LIMIT_DAYS = 3 * 366


@dataclass(frozen=True)
class StaffCapacity:
    """One person's casework hours over the horizon.

    Attributes
    ----------
    staff_id:
        Who.
    days:
        The horizon's opening days, in order.
    daily_hours:
        Casework hours on each of those days (same order).
    kept_hours:
        Remaining effort of the in-progress and pinned cases they keep.
    present:
        True when they are at work on at least one horizon day.
    casework:
        False for staff who take no cases.
    """

    staff_id: str
    days: tuple[date, ...]
    daily_hours: tuple[float, ...]
    kept_hours: float
    present: bool
    casework: bool

    @property
    def total_hours(self) -> float:
        """Casework hours over the horizon, before kept cases."""
        return sum(self.daily_hours)

    @property
    def free_hours(self) -> float:
        """Hours left for new cases; negative when kept cases overflow."""
        return self.total_hours - self.kept_hours


def opening_days(team: Team, start: date, count: int) -> tuple[date, ...]:
    """The first ``count`` opening days on or after ``start``."""
    found: list[date] = []
    day = start
    for _ in range(_SEARCH_LIMIT_DAYS):
        if len(found) >= count:
            break
        if team.calendar.is_open(day):
            found.append(day)
        day += timedelta(days=1)
    return tuple(found)


def days_after(team: Team, last: date, until: date) -> tuple[date, ...]:
    """Opening days after ``last`` up to ``until``, at most a year on."""
    found: list[date] = []
    day = last + timedelta(days=1)
    end = min(until, last + timedelta(days=366))
    while day <= end:
        if team.calendar.is_open(day):
            found.append(day)
        day += timedelta(days=1)
    return tuple(found)


def horizon(
    team: Team, start: date, horizon_days: int | None = None
) -> tuple[date, ...]:
    """The planning horizon: the next opening days from ``start``.

    ``horizon_days`` overrides ``Rules.horizon_working_days``.
    """
    count = (
        team.rules.horizon_working_days
        if horizon_days is None
        else horizon_days
    )
    return opening_days(team, start, count)


def duty_hours_by_day(
    team: Team, rota: Iterable[DutyAssignment]
) -> dict[tuple[str, date], float]:
    """(staff id, date) -> hours on duty that day, from the rota."""
    hours: dict[tuple[str, date], float] = defaultdict(float)
    for entry in rota:
        duty = team.duty_by_id.get(entry.duty_id)
        if duty is None or entry.slot_index >= len(duty.slots):
            continue  # an unknown duty takes no casework time
        hours[entry.staff_id, entry.day] += duty.slots[entry.slot_index].hours
    return dict(hours)


def casework_hours_on(
    team: Team, person: Staff, day: date, duty_hours: float = 0.0
) -> float:
    """Casework hours of one person on one day.

    Formula: ``max(0, available - duty - overhead)`` on days at work;
    0 on days off and for staff who take no cases.
    """
    if not person.casework:
        return 0.0
    available = team.available_hours(person, day)
    if available <= 0:
        return 0.0
    return max(0.0, available - duty_hours - team.rules.daily_overhead_hours)


def kept_hours(team: Team) -> dict[str, float]:
    """Staff id -> remaining effort of the cases they keep (fixed)."""
    kept: dict[str, float] = defaultdict(float)
    for case in team.cases:
        if case.fixed and case.owner is not None:
            kept[case.owner] += case.effort_for(case.owner)
    return dict(kept)


def _known_capacity(
    person: Staff, daily: tuple[float, ...]
) -> tuple[float, ...]:
    """Use the planner's own casework hours when given (on main as
    ``Staff.case_capacity_hours``), spread over the days like the computed
    ones (evenly when those are all 0)."""
    known = getattr(person, "case_capacity_hours", None)
    if known is None or not person.casework or not daily:
        return daily
    total = sum(daily)
    if total > 0:
        return tuple(h * known / total for h in daily)
    return tuple(known / len(daily) for _ in daily)


def staff_capacity(
    team: Team,
    start: date,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> dict[str, StaffCapacity]:
    """Every person's casework capacity over the horizon, by staff id.

    Formula per person: ``sum over horizon days of max(0, available -
    duty - overhead)``, then minus the effort of the cases they keep.
    """
    days = horizon(team, start, horizon_days)
    duty = duty_hours_by_day(team, rota)
    kept = kept_hours(team)
    result: dict[str, StaffCapacity] = {}
    for person in team.staff:
        daily = tuple(
            casework_hours_on(
                team, person, day, duty.get((person.id, day), 0.0)
            )
            for day in days
        )
        present = any(team.available_hours(person, day) > 0 for day in days)
        daily = _known_capacity(person, daily)
        result[person.id] = StaffCapacity(
            staff_id=person.id,
            days=days,
            daily_hours=daily,
            kept_hours=kept.get(person.id, 0.0),
            present=present,
            casework=person.casework,
        )
    return result
