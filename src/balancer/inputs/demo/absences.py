"""A month of absences that never starve a slot."""

from __future__ import annotations

import math
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from balancer.domain import (
    Absence,
    AbsenceReason,
    CalendarSettings,
    Duty,
    Month,
    Slot,
    Staff,
    Team,
    minutes,
)

if TYPE_CHECKING:
    import random

__all__ = ["AbsencePlanner", "make_absences"]


class AbsencePlanner:
    """Places absences without leaving any duty slot short.

    At most about a fifth of the team is away on any one day. On top of
    that, an absence is refused when it would leave a slot with fewer
    than :func:`_slot_floor` people who may take it, or fewer than one
    more than needed with a required skill; so a rota always has room.
    """

    def __init__(
        self,
        month: Month,
        people: tuple[Staff, ...],
        duties: tuple[Duty, ...],
        calendar: CalendarSettings,
    ) -> None:
        self.open_days = [d for d in month.days() if calendar.is_open(d)]
        self.cap = max(2, len(people) // 5)
        self.away: dict[date, int] = {}
        self.busy: dict[str, set[date]] = {}
        self.absences: list[Absence] = []
        # The domain decides who works when; a team without absences or
        # cases is cheap to build and keeps one definition of it.
        team = Team(staff=people, duties=duties, calendar=calendar)
        self.slots = [
            (duty.id, slot) for duty in duties for slot in duty.slots
        ]
        # (day, slot index) -> staff ids on hand who may take the slot.
        self.on_hand: dict[tuple[date, int], set[str]] = {}
        for day in self.open_days:
            hours = {p.id: team.working_hours(p, day) for p in people}
            for k, (duty_id, slot) in enumerate(self.slots):
                if slot.runs_on(day.weekday()):
                    self.on_hand[day, k] = {
                        p.id
                        for p in people
                        if p.may_take(duty_id)
                        and _spans(hours[p.id], slot.start, slot.end)
                    }
        self.people = team.staff_by_id
        # (day, slot index, requirement index) -> holders on hand.
        self.skilled: dict[tuple[date, int, int], int] = {
            (day, k, r): sum(
                self.people[i].level(need.skill) >= need.min_level for i in ids
            )
            for (day, k), ids in self.on_hand.items()
            for r, need in enumerate(self.slots[k][1].requirements)
        }

    def try_add(
        self,
        staff_id: str,
        start: date,
        end: date,
        reason: AbsenceReason,
        window: tuple[time, time] | None = None,
    ) -> bool:
        """Add the absence if it leaves every slot covered; say whether."""
        days = [d for d in self.open_days if start <= d <= end]
        taken = self.busy.setdefault(staff_id, set())
        if not days or any(
            self.away.get(d, 0) >= self.cap or d in taken for d in days
        ):
            return False
        absence = Absence(
            staff_id=staff_id,
            start=start,
            end=end,
            from_time=window[0] if window else None,
            to_time=window[1] if window else None,
            reason=reason,
        )
        hit = [
            (day, k)
            for day in days
            for k, (_, slot) in enumerate(self.slots)
            if staff_id in self.on_hand.get((day, k), ())
            and absence.blocks(day, slot.start, slot.end)
        ]
        if any(not self._spare(day, k, staff_id) for day, k in hit):
            return False
        person = self.people[staff_id]
        for day, k in hit:
            self.on_hand[day, k].discard(staff_id)
            for r, need in enumerate(self.slots[k][1].requirements):
                if person.level(need.skill) >= need.min_level:
                    self.skilled[day, k, r] -= 1
        for day in days:
            if absence.whole_day:
                self.away[day] = self.away.get(day, 0) + 1
            taken.add(day)
        self.absences.append(absence)
        return True

    def _spare(self, day: date, k: int, staff_id: str) -> bool:
        """True when the slot stays comfortably staffed without them."""
        slot = self.slots[k][1]
        if len(self.on_hand[day, k]) - 1 < _slot_floor(slot):
            return False
        person = self.people[staff_id]
        for r, need in enumerate(slot.requirements):
            loss = person.level(need.skill) >= need.min_level
            if self.skilled[day, k, r] - loss <= need.count:
                return False
        return True


def _slot_floor(slot: Slot) -> int:
    """People who must stay available for a slot: 1.75 x min, +1 at least.

    Comfortably above the minimum, so the rota can also respect daily and
    weekly limits and still reach the target most days.
    """
    return max(slot.min_staff + 1, math.ceil(1.75 * slot.min_staff))


def _spans(hours: tuple[time, time], start: time, end: time) -> bool:
    """True when working ``hours`` cover the whole of ``start``-``end``."""
    return minutes(hours[0]) <= minutes(start) and minutes(end) <= minutes(
        hours[1]
    )


def make_absences(
    rng: random.Random,
    people: tuple[Staff, ...],
    duties: tuple[Duty, ...],
    month: Month,
    calendar: CalendarSettings,
) -> tuple[Absence, ...]:
    """A month of absences, all inside the month.

    Vacations of one or two weeks for about one in eight (three weeks in
    July for some), a course of two or three days for one in twenty,
    scattered sick days, and one part-day appointment per fifteen staff.
    """
    planner = AbsencePlanner(month, people, duties, calendar)
    if not planner.open_days:
        return ()
    ids = [p.id for p in people]
    # Weeks that touch the month, so a vacation may also run into it from
    # the week before (the absence is then cut at the month's start).
    first_monday = month.first - timedelta(days=month.first.weekday())
    mondays = [
        first_monday + timedelta(weeks=w)
        for w in range(6)
        if first_monday + timedelta(weeks=w) <= month.last
    ]

    vacationers = max(2, round(len(people) / (4 if month.month == 7 else 8)))
    for staff_id in rng.sample(ids, min(vacationers, len(ids))):
        weeks = rng.choice((1, 1, 2, 3) if month.month == 7 else (1, 1, 2))
        for monday in rng.sample(mondays, len(mondays)):
            start = max(monday, month.first)
            end = min(monday + timedelta(days=7 * weeks - 3), month.last)
            if planner.try_add(staff_id, start, end, AbsenceReason.VACATION):
                break

    for staff_id in rng.sample(ids, max(1, round(len(people) / 20))):
        length = rng.choice((2, 3))
        for _ in range(10):
            first = rng.randrange(len(planner.open_days) - length + 1)
            days = planner.open_days[first : first + length]
            if planner.try_add(
                staff_id, days[0], days[-1], AbsenceReason.COURSE
            ):
                break

    # Sick days: about one every second person a month, a few spells
    # of two or three days.
    for _ in range(round(len(people) / 2)):
        staff_id = rng.choice(ids)
        first = rng.randrange(len(planner.open_days))
        length = rng.choices((1, 2, 3), (70, 20, 10))[0]
        days = planner.open_days[first : first + length]
        planner.try_add(staff_id, days[0], days[-1], AbsenceReason.SICK)

    for staff_id in rng.sample(ids, max(1, round(len(people) / 15))):
        day = rng.choice(planner.open_days)
        window = rng.choice(
            ((time(8), time(10)), (time(13), time(16)), (time(10), time(12)))
        )
        planner.try_add(staff_id, day, day, AbsenceReason.OTHER, window)
    absences = planner.absences
    return tuple(sorted(absences, key=lambda a: (a.start, a.staff_id)))
