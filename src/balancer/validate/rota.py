"""Check a finished rota against every rule, independently of the solver.

This module is the executable form of ``docs/constraints.md``. It derives
everything (who may stand where, fair shares, every soft term) from the
domain models alone and imports nothing from :mod:`balancer.solvers`, so
a bug in the model cannot hide itself: tests run both and compare.

:func:`check_rota` lists every broken hard rule as a :class:`Violation`;
:func:`score_rota` recomputes the unweighted value of every soft term.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from balancer.domain import minutes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from balancer.domain import Month, Preference, Slot, Staff, Team
    from balancer.result import DutyAssignment

__all__ = [
    "HARD_RULE_NAMES",
    "SOFT_TERM_NAMES",
    "Violation",
    "check_rota",
    "count_changes",
    "score_rota",
]

#: Every hard rule, by the name violations carry.
HARD_RULE_NAMES: tuple[str, ...] = (
    "known_slot",
    "open_days_only",
    "allowed_duties",
    "working_hours",
    "absences",
    "minimum_staffing",
    "maximum_staffing",
    "required_skills",
    "one_duty_at_a_time",
    "max_slots_per_day",
    "max_duty_days_per_week",
    "max_consecutive_slots",
    "max_slots_per_duty",
    "duty_minutes_range",
    "max_consecutive_duty_days",
    "min_consecutive_duty_days",
    "min_consecutive_days_off",
    "max_duty_weekends",
    "forbidden_successions",
)

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


class Violation(BaseModel):
    """One broken hard rule, in the planner's words."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str = Field(description="Rule name, as in docs/constraints.md.")
    day: date | None = Field(default=None, description="Date, if any.")
    staff_id: str | None = Field(default=None, description="Who, if one.")
    message: str = Field(description="What is wrong.")


@dataclass(frozen=True)
class _Shift:
    """An assignment resolved to its slot: person, day, duty, times."""

    staff_id: str
    day: date
    duty_id: str
    slot_index: int
    slot: Slot

    @property
    def start(self) -> int:
        return minutes(self.slot.start)

    @property
    def end(self) -> int:
        return minutes(self.slot.end)

    @property
    def what(self) -> str:
        return f"{self.duty_id} {self.slot.label} on {self.day}"


# --------------------------------------------------------------------------
# Hard rules
# --------------------------------------------------------------------------


def check_rota(
    team: Team, month: Month, assignments: Iterable[DutyAssignment]
) -> list[Violation]:
    """Every hard rule the rota breaks; empty when it keeps them all."""
    found: list[Violation] = []
    shifts: list[_Shift] = []
    seen: set[tuple[str, date, str, int]] = set()
    for a in assignments:
        shift = _resolve(team, month, a, found)
        key = (a.staff_id, a.day, a.duty_id, a.slot_index)
        if shift is None:
            continue
        if key in seen:
            found.append(
                Violation(
                    rule="known_slot",
                    day=a.day,
                    staff_id=a.staff_id,
                    message=f"{a.staff_id} is listed twice on {shift.what}",
                )
            )
            continue
        seen.add(key)
        shifts.append(shift)
        found += _eligibility(team, shift)
    found += _staffing(team, month, shifts)
    found += _personal(team, shifts)
    found += _period_limits(team, month, shifts)
    return found


def _resolve(
    team: Team, month: Month, a: DutyAssignment, found: list[Violation]
) -> _Shift | None:
    """The assignment's slot, or None (with a violation) if unknown."""
    duty = team.duty_by_id.get(a.duty_id)
    problem = None
    if a.staff_id not in team.staff_by_id:
        problem = f"unknown staff id {a.staff_id!r}"
    elif duty is None:
        problem = f"unknown duty {a.duty_id!r}"
    elif a.slot_index >= len(duty.slots):
        problem = f"{a.duty_id} has no slot number {a.slot_index + 1}"
    elif not month.first <= a.day <= month.last:
        problem = f"{a.day} is outside {month}"
    if problem is not None or duty is None:
        found.append(
            Violation(
                rule="known_slot",
                day=a.day,
                staff_id=a.staff_id,
                message=problem or "unknown slot",
            )
        )
        return None
    return _Shift(
        a.staff_id, a.day, a.duty_id, a.slot_index, duty.slots[a.slot_index]
    )


def _eligibility(team: Team, s: _Shift) -> list[Violation]:
    """open_days_only, allowed_duties, working_hours, absences."""
    person = team.staff_by_id[s.staff_id]
    out = []

    def add(rule: str, message: str) -> None:
        out.append(
            Violation(
                rule=rule, day=s.day, staff_id=s.staff_id, message=message
            )
        )

    closed = team.calendar.closed_reason(s.day)
    if closed is not None:
        add("open_days_only", f"{s.what}: the team is closed ({closed})")
    elif s.day.weekday() not in s.slot.weekdays:
        add("open_days_only", f"{s.what}: the slot doesn't run that weekday")
    if person.duties is not None and s.duty_id not in person.duties:
        add("allowed_duties", f"{s.staff_id} doesn't take {s.duty_id}")
    if closed is None:
        start, end = _hours(team, person, s.day)
        if not (start <= s.start and s.end <= end and start < end):
            add(
                "working_hours",
                f"{s.what} is outside {s.staff_id}'s working hours",
            )
    for absence in team.absences:
        if absence.staff_id != s.staff_id or not (
            absence.start <= s.day <= absence.end
        ):
            continue
        if (
            absence.from_time is None
            or absence.to_time is None
            or (
                minutes(absence.from_time) < s.end
                and s.start < minutes(absence.to_time)
            )
        ):
            add(
                "absences",
                f"{s.staff_id} is away ({absence.reason.value}) "
                f"during {s.what}",
            )
            break
    return out


def _hours(team: Team, person: Staff, day: date) -> tuple[int, int]:
    """Working minutes (start, end) on a day; pattern, else opening hours."""
    opening = next(
        (h for h in team.calendar.opening_hours if h.weekday == day.weekday()),
        None,
    )
    if opening is None or team.calendar.closed_reason(day) is not None:
        return (0, 0)
    if not person.pattern:
        return (minutes(opening.open), minutes(opening.close))
    for workday in person.pattern:
        if workday.weekday == day.weekday():
            return (minutes(workday.start), minutes(workday.end))
    return (0, 0)


def _staffing(
    team: Team, month: Month, shifts: list[_Shift]
) -> list[Violation]:
    """minimum_staffing, maximum_staffing, required_skills per slot day."""
    on: dict[tuple[date, str, int], list[str]] = defaultdict(list)
    for s in shifts:
        on[s.day, s.duty_id, s.slot_index].append(s.staff_id)
    out = []
    for day in _open_days(team, month):
        for duty in team.duties:
            for k, slot in enumerate(duty.slots):
                if day.weekday() not in slot.weekdays:
                    continue
                people = on.get((day, duty.id, k), [])
                where = f"{duty.id} {slot.label} on {day}"
                if len(people) < slot.min_staff:
                    out.append(
                        Violation(
                            rule="minimum_staffing",
                            day=day,
                            message=f"{where} has {len(people)}, "
                            f"needs {slot.min_staff}",
                        )
                    )
                if len(people) > slot.maximum:
                    out.append(
                        Violation(
                            rule="maximum_staffing",
                            day=day,
                            message=f"{where} has {len(people)}, "
                            f"at most {slot.maximum}",
                        )
                    )
                for need in slot.requirements:
                    able = sum(
                        1
                        for p in people
                        if team.staff_by_id[p].skills.get(need.skill, 0)
                        >= need.min_level
                    )
                    if able < need.count:
                        out.append(
                            Violation(
                                rule="required_skills",
                                day=day,
                                message=f"{where} has {able} with "
                                f"{need.skill} level {need.min_level}+, "
                                f"needs {need.count}",
                            )
                        )
    return out


def _personal(team: Team, shifts: list[_Shift]) -> list[Violation]:
    """one_duty_at_a_time and the daily, weekly and back-to-back limits."""
    out = []
    by_day: dict[tuple[str, date], list[_Shift]] = defaultdict(list)
    for s in shifts:
        by_day[s.staff_id, s.day].append(s)
    duty_days: dict[tuple[str, int, int], set[date]] = defaultdict(set)
    for (staff_id, day), mine in sorted(by_day.items()):
        person = team.staff_by_id[staff_id]
        mine.sort(key=lambda s: (s.start, s.end))
        for i, one in enumerate(mine):
            for other in mine[i + 1 :]:
                if one.start < other.end and other.start < one.end:
                    out.append(
                        Violation(
                            rule="one_duty_at_a_time",
                            day=day,
                            staff_id=staff_id,
                            message=f"{staff_id} is on {one.what} and "
                            f"{other.what} at once",
                        )
                    )
        limit = _own(team, person, "max_slots_per_day")
        if len(mine) > limit:
            out.append(
                Violation(
                    rule="max_slots_per_day",
                    day=day,
                    staff_id=staff_id,
                    message=f"{staff_id} has {len(mine)} slots on {day}, "
                    f"max {limit}",
                )
            )
        run = _longest_run(mine)
        limit = _own(team, person, "max_consecutive_slots")
        if run > limit:
            out.append(
                Violation(
                    rule="max_consecutive_slots",
                    day=day,
                    staff_id=staff_id,
                    message=f"{staff_id} has {run} back-to-back slots on "
                    f"{day}, max {limit}",
                )
            )
        iso = day.isocalendar()
        duty_days[staff_id, iso.year, iso.week].add(day)
    for (staff_id, year, week), days in sorted(duty_days.items()):
        limit = _own(
            team, team.staff_by_id[staff_id], "max_duty_days_per_week"
        )
        if len(days) > limit:
            out.append(
                Violation(
                    rule="max_duty_days_per_week",
                    day=min(days),
                    staff_id=staff_id,
                    message=f"{staff_id} has duty on {len(days)} days in "
                    f"week {week} of {year}, max {limit}",
                )
            )
    return out


def _collector(out: list[Violation], who: str) -> Callable[..., None]:
    def add(rule: str, message: str, day: date | None = None) -> None:
        out.append(
            Violation(rule=rule, day=day, staff_id=who, message=message)
        )

    return add


def _period_limits(
    team: Team, month: Month, shifts: list[_Shift]
) -> list[Violation]:
    """Per-person limits over the whole period (duty days, weekends...)."""
    out: list[Violation] = []
    period = list(month.days())
    for person in team.staff:
        mine = [s for s in shifts if s.staff_id == person.id]
        who = person.id
        add = _collector(out, who)

        per_duty = Counter(s.duty_id for s in mine)
        for duty_id, most in sorted(person.max_slots_by_duty.items()):
            if per_duty[duty_id] > most:
                add(
                    "max_slots_per_duty",
                    f"{who} has {per_duty[duty_id]} {duty_id} slots, "
                    f"max {most}",
                )
        total = sum(s.end - s.start for s in mine)
        low, high = person.min_duty_minutes, person.max_duty_minutes
        if (low is not None and total < low) or (
            high is not None and total > high
        ):
            add(
                "duty_minutes_range",
                f"{who} has {total} duty minutes, allowed "
                f"{low or 0}-{'any' if high is None else high}",
            )
        worked = [any(s.day == d for s in mine) for d in period]
        # Maximal runs as (first index, length, is duty).
        runs: list[tuple[int, int, bool]] = []
        for i, on in enumerate(worked):
            if runs and runs[-1][2] == on:
                first, length, kind = runs[-1]
                runs[-1] = (first, length + 1, kind)
            else:
                runs.append((i, 1, on))
        for first, length, on in runs:
            inner = first > 0 and first + length < len(period)
            longest = person.max_consecutive_duty_days
            if on and longest is not None and length > longest:
                add(
                    "max_consecutive_duty_days",
                    f"{who} has duty {length} days in a row from "
                    f"{period[first]}, max {longest}",
                    period[first],
                )
            least = (
                person.min_consecutive_duty_days
                if on
                else person.min_consecutive_days_off
            )
            if inner and least is not None and length < least:
                add(
                    "min_consecutive_duty_days"
                    if on
                    else "min_consecutive_days_off",
                    f"{who} has {length} {'duty' if on else 'free'} day(s) "
                    f"in a row from {period[first]}, min {least}",
                    period[first],
                )
        if person.max_duty_weekends is not None:
            weekends = {
                s.day.isocalendar()[:2] for s in mine if s.day.weekday() >= 5
            }
            if len(weekends) > person.max_duty_weekends:
                add(
                    "max_duty_weekends",
                    f"{who} has duty on {len(weekends)} weekends, max "
                    f"{person.max_duty_weekends}",
                )
        for one in mine:
            banned = team.duty_by_id[one.duty_id].not_followed_by
            for other in mine:
                if other.duty_id in banned and (other.day - one.day).days == 1:
                    add(
                        "forbidden_successions",
                        f"{who} has {other.duty_id} on {other.day} right "
                        f"after {one.duty_id}",
                        other.day,
                    )
    return out


def _longest_run(mine: list[_Shift]) -> int:
    """Most slots in a chain where each starts as the previous ends."""
    best: dict[int, int] = {}
    longest = 0
    for s in sorted(mine, key=lambda s: s.start):
        ending_here = 1 + max(
            (best[id(p)] for p in mine if p.end == s.start and id(p) in best),
            default=0,
        )
        best[id(s)] = ending_here
        longest = max(longest, ending_here)
    return longest


def _own(team: Team, person: Staff, name: str) -> int:
    own = getattr(person, name)
    return int(getattr(team.rules, name) if own is None else own)


def _open_days(team: Team, month: Month) -> list[date]:
    return [d for d in month.days() if team.calendar.is_open(d)]


# --------------------------------------------------------------------------
# Soft terms
# --------------------------------------------------------------------------


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
    shifts: list[_Shift] = []
    for a in set(assignments):
        duty = team.duty_by_id.get(a.duty_id)
        if duty is not None and a.slot_index < len(duty.slots):
            shifts.append(
                _Shift(
                    a.staff_id,
                    a.day,
                    a.duty_id,
                    a.slot_index,
                    duty.slots[a.slot_index],
                )
            )
    days = _open_days(team, month)
    # Hours are counted in steps of `step` minutes, `per_hour` an hour
    # (see the catalogue): the finest change a rota makes to any load.
    step = math.gcd(
        60,
        *(
            minutes(slot.end) - minutes(slot.start)
            for duty in team.duties
            for slot in duty.slots
        ),
    )
    per_hour = 60 // step
    avail = {
        p.id: sum(round(60 * team.available_hours(p, d)) for d in days)
        for p in team.staff
    }
    planned: dict[str, int] = defaultdict(int)
    unpopular_planned = 0
    for day in days:
        for duty in team.duties:
            for slot in duty.slots:
                if day.weekday() in slot.weekdays:
                    want = slot.target_by_date.get(day, slot.target)
                    span = minutes(slot.end) - minutes(slot.start)
                    planned[duty.id] += want * span // step
                    unpopular_planned += want if slot.unpopular else 0
    load: dict[tuple[str, str], int] = defaultdict(int)
    unpopular: Counter[str] = Counter()
    for s in shifts:
        load[s.staff_id, s.duty_id] += (s.end - s.start) // step
        unpopular[s.staff_id] += int(s.slot.unpopular)

    def takes(person: Staff, duty_id: str) -> bool:
        return person.duties is None or duty_id in person.duties

    def fair(
        pool: list[Staff], total: int, history: dict[str, int]
    ) -> dict[str, int]:
        pool_minutes = sum(avail[p.id] for p in pool)
        return {
            p.id: (
                (2 * total * avail[p.id] + pool_minutes) // (2 * pool_minutes)
                if pool_minutes > 0
                else 0
            )
            - history.get(p.id, 0)
            for p in pool
        }

    hist_all: dict[str, float] = defaultdict(float)
    hist_duty: dict[tuple[str, str], float] = defaultdict(float)
    hist_unpop: dict[str, float] = defaultdict(float)
    # All duties: the rows without a duty; only without any, the sum of
    # the duty rows (the rota workbook's History has both kinds).
    has_overall = {row.staff_id for row in team.history if row.duty is None}
    for row in team.history:
        if row.duty is None or row.staff_id not in has_overall:
            hist_all[row.staff_id] += row.hours
        hist_unpop[row.staff_id] += row.unpopular_slots
        if row.duty is not None:
            hist_duty[row.staff_id, row.duty] += row.hours

    duty_ids = [d.id for d in team.duties]
    anyone = [p for p in team.staff if any(takes(p, d) for d in duty_ids)]
    overall = fair(
        anyone,
        sum(planned.values()),
        {i: round(per_hour * v) for i, v in hist_all.items()},
    )
    devs = [
        abs(sum(load[p.id, d] for d in duty_ids) - overall[p.id])
        for p in anyone
    ]
    duty_max = 0
    duty_sum = 0
    for d in duty_ids:
        pool = [p for p in team.staff if takes(p, d)]
        shares = fair(
            pool,
            planned[d],
            {
                i: round(per_hour * h)
                for (i, u), h in hist_duty.items()
                if u == d
            },
        )
        ds = [abs(load[p.id, d] - shares[p.id]) for p in pool]
        duty_max += max(ds, default=0)
        duty_sum += sum(ds)
    unpop_duties = [
        d.id for d in team.duties if any(s.unpopular for s in d.slots)
    ]
    unpop_pool = [
        p for p in team.staff if any(takes(p, d) for d in unpop_duties)
    ]
    unpop_share = fair(
        unpop_pool,
        per_hour * unpopular_planned,
        {i: round(per_hour * v) for i, v in hist_unpop.items()},
    )
    unpop_dev = sum(
        abs(per_hour * unpopular[p.id] - unpop_share[p.id]) for p in unpop_pool
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


def _casework_shortfall(team: Team, month: Month, shifts: list[_Shift]) -> int:
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
                start, end = _hours(team, person, day)
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


def _extra_blocks(shifts: list[_Shift]) -> int:
    by_day: dict[tuple[str, date], list[_Shift]] = defaultdict(list)
    for s in shifts:
        by_day[s.staff_id, s.day].append(s)
    extra = 0
    for mine in by_day.values():
        ends = {s.end for s in mine}
        starts = sum(1 for s in mine if s.start not in ends)
        extra += max(0, starts - 1)
    return extra


def _short_of_target(
    team: Team, days: list[date], shifts: list[_Shift]
) -> int:
    count = Counter((s.day, s.duty_id, s.slot_index) for s in shifts)
    short = 0
    for day in days:
        for duty in team.duties:
            for k, slot in enumerate(duty.slots):
                if day.weekday() in slot.weekdays:
                    want = slot.target_by_date.get(day, slot.target)
                    short += max(0, want - count[day, duty.id, k])
    return short


def _over_target(team: Team, days: list[date], shifts: list[_Shift]) -> int:
    count = Counter((s.day, s.duty_id, s.slot_index) for s in shifts)
    extra = 0
    for day in days:
        for duty in team.duties:
            for k, slot in enumerate(duty.slots):
                if day.weekday() in slot.weekdays:
                    want = slot.target_by_date.get(day, slot.target)
                    extra += max(0, count[day, duty.id, k] - want)
    return extra


def _request_points(team: Team, shifts: list[_Shift]) -> int:
    taken = {(s.staff_id, s.day, s.duty_id) for s in shifts}
    return sum(
        r.weight
        for r in team.requests
        if ((r.staff_id, r.on, r.duty) in taken) != r.want
    )


def _preference_points(team: Team, shifts: list[_Shift]) -> int:
    points = 0
    for pref in team.preferences:
        for s in shifts:
            if s.staff_id == pref.staff_id and _matches(pref, s) != pref.want:
                points += pref.weight
    return points


def _matches(pref: Preference, s: _Shift) -> bool:
    return all(
        (
            pref.weekday is None or pref.weekday == s.day.weekday(),
            pref.on is None or pref.on == s.day,
            pref.duty is None or pref.duty == s.duty_id,
            pref.slot_start is None or pref.slot_start == s.slot.start,
        )
    )


def _repeats(shifts: list[_Shift]) -> int:
    count = Counter(
        (s.staff_id, s.day.isocalendar()[:2], s.duty_id, s.slot.label)
        for s in shifts
    )
    return sum(n - 1 for n in count.values())
