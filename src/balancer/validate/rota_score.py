"""Every soft term of a finished rota, recomputed without the solver.

The executable form of the soft goals in ``docs/constraints.md``: fair
shares, deviations and every other term come from the domain models
alone, so the tests can compare them with the model's own values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.validate.fair_shares import fair_shares
from balancer.validate.shifts import (
    Shift,
    known_shifts,
    open_days,
    working_minutes,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from balancer.domain import Month, Preference, Team
    from balancer.result import DutyAssignment

__all__ = ["SOFT_TERM_NAMES", "count_changes", "score_rota"]

#: Every soft term, by the name both solver and validator report.
SOFT_TERM_NAMES: tuple[str, ...] = (
    "fairness_max",
    "fairness_sum",
    "duty_fairness_max",
    "duty_fairness",
    "unpopular_fairness",
    "casework_time",
    "blocks",
    "target_staffing",
    "preferences",
    "variety",
    "over_target",
    "requests",
)


def count_changes(
    before: Iterable[DutyAssignment], after: Iterable[DutyAssignment]
) -> int:
    """Assignments added or removed between two rotas (``rota_changes``).

    A person moved from one slot to another counts 2: one removed, one
    added.
    """
    return len(set(before) ^ set(after))


def score_rota(
    team: Team, month: Month, assignments: Iterable[DutyAssignment]
) -> dict[str, float]:
    """Every soft term's unweighted value, in reported units.

    Hours for the fairness terms, slots for unpopular fairness, half
    days for casework time, and counts (or preference points) otherwise.
    Assignments to unknown slots are ignored (``check_rota`` names them).
    """
    shifts = known_shifts(team, assignments)
    days = open_days(team, month)
    shares = fair_shares(team, month)
    step, per_hour = shares.step, shares.per_hour
    load: dict[tuple[str, str], int] = defaultdict(int)
    unpopular: Counter[str] = Counter()
    for s in shifts:
        load[s.staff_id, s.duty_id] += (s.end - s.start) // step
        unpopular[s.staff_id] += int(s.slot.unpopular)
    duty_ids = [d.id for d in team.duties]
    devs = [
        abs(sum(load[p, d] for d in duty_ids) - share)
        for p, share in shares.overall.items()
    ]
    duty_max = 0
    duty_sum = 0
    for d in duty_ids:
        ds = [
            abs(load[p, d] - share) for p, share in shares.by_duty[d].items()
        ]
        duty_max += max(ds, default=0)
        duty_sum += sum(ds)
    unpop_dev = sum(
        abs(per_hour * unpopular[p] - share)
        for p, share in shares.unpopular.items()
    )

    return {
        "fairness_max": max(devs, default=0) / per_hour,
        "fairness_sum": sum(devs) / per_hour,
        "duty_fairness_max": duty_max / per_hour,
        "duty_fairness": duty_sum / per_hour,
        "unpopular_fairness": unpop_dev / per_hour,
        "casework_time": float(_casework_shortfall(team, month, shifts)),
        "blocks": float(_extra_blocks(shifts)),
        "target_staffing": float(_short_of_target(team, days, shifts)),
        "preferences": float(_preference_points(team, shifts)),
        "variety": float(_repeats(shifts)),
        "over_target": float(_over_target(team, days, shifts)),
        "requests": float(_request_points(team, shifts)),
    }


def _casework_shortfall(team: Team, month: Month, shifts: list[Shift]) -> int:
    split = minutes(team.rules.half_day_split)
    busy: set[tuple[str, date, bool]] = set()
    for s in shifts:
        if s.start < split:
            busy.add((s.staff_id, s.day, True))
        if s.end > split:
            busy.add((s.staff_id, s.day, False))
    weeks: dict[tuple[int, int], list[date]] = defaultdict(list)
    for day in month.days():
        weeks[day.isocalendar()[:2]].append(day)
    open_weekdays = {h.weekday for h in team.calendar.opening_hours}
    total = 0
    for person in team.staff:
        for week in weeks.values():
            in_month = sum(1 for d in week if d.weekday() in open_weekdays)
            quota = (
                team.rules.min_free_half_days_per_week
                * in_month
                // len(open_weekdays)
                if open_weekdays
                else 0
            )
            worked = free = 0
            for day in week:
                start, end = working_minutes(team, person, day)
                if start >= end or any(
                    a.staff_id == person.id
                    and a.from_time is None
                    and a.start <= day <= a.end
                    for a in team.absences
                ):
                    continue
                for morning, overlaps in (
                    (True, start < split),
                    (False, end > split),
                ):
                    if overlaps:
                        worked += 1
                        free += (person.id, day, morning) not in busy
            total += max(0, min(quota, worked) - free)
    return total


def _extra_blocks(shifts: list[Shift]) -> int:
    by_day: dict[tuple[str, date], list[Shift]] = defaultdict(list)
    for s in shifts:
        by_day[s.staff_id, s.day].append(s)
    extra = 0
    for mine in by_day.values():
        ends = {s.end for s in mine}
        starts = sum(1 for s in mine if s.start not in ends)
        extra += max(0, starts - 1)
    return extra


def _short_of_target(team: Team, days: list[date], shifts: list[Shift]) -> int:
    return sum(
        max(0, want - got) for want, got in _staffing(team, days, shifts)
    )


def _over_target(team: Team, days: list[date], shifts: list[Shift]) -> int:
    return sum(
        max(0, got - want) for want, got in _staffing(team, days, shifts)
    )


def _staffing(
    team: Team, days: list[date], shifts: list[Shift]
) -> list[tuple[int, int]]:
    """(target, people on it) of every slot instance of the open days."""
    count = Counter((s.day, s.duty_id, s.slot_index) for s in shifts)
    return [
        (slot.target_by_date.get(day, slot.target), count[day, duty.id, k])
        for day in days
        for duty in team.duties
        for k, slot in enumerate(duty.slots)
        if day.weekday() in slot.weekdays
    ]


def _request_points(team: Team, shifts: list[Shift]) -> int:
    taken = {(s.staff_id, s.day, s.duty_id) for s in shifts}
    return sum(
        r.weight
        for r in team.requests
        if ((r.staff_id, r.on, r.duty) in taken) != r.want
    )


def _preference_points(team: Team, shifts: list[Shift]) -> int:
    points = 0
    for pref in team.preferences:
        for s in shifts:
            if s.staff_id == pref.staff_id and _matches(pref, s) != pref.want:
                points += pref.weight
    return points


def _matches(pref: Preference, s: Shift) -> bool:
    return all(
        (
            pref.weekday is None or pref.weekday == s.day.weekday(),
            pref.on is None or pref.on == s.day,
            pref.duty is None or pref.duty == s.duty_id,
            pref.slot_start is None or pref.slot_start == s.slot.start,
        )
    )


def _repeats(shifts: list[Shift]) -> int:
    count = Counter(
        (s.staff_id, s.day.isocalendar()[:2], s.duty_id, s.slot.label)
        for s in shifts
    )
    return sum(n - 1 for n in count.values())
