"""Check a finished rota against every rule, independently of the solver.

This module is the executable form of ``docs/constraints.md``. It derives
everything (who may stand where, fair shares, every soft term) from the
domain models alone and imports nothing from :mod:`balancer.solvers`, so
a bug in the model cannot hide itself: tests run both and compare.

:func:`check_rota` lists every broken hard rule as a :class:`Violation`;
:func:`score_rota` recomputes the unweighted value of every soft term.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.validate.rota_score import (
    SOFT_TERM_NAMES,
    count_changes,
    score_rota,
)
from balancer.validate.shifts import (
    Shift,
    Violation,
    open_days,
    own_limit,
    resolve,
    working_minutes,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import date

    from balancer.domain import Month, Team
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
    "max_slots_per_week",
    "max_consecutive_slots",
    "max_slots_per_duty",
    "duty_minutes_range",
    "max_consecutive_duty_days",
    "min_consecutive_duty_days",
    "min_consecutive_days_off",
    "max_duty_weekends",
    "forbidden_successions",
)

# Hard rules
# --------------------------------------------------------------------------


def check_rota(
    team: Team, month: Month, assignments: Iterable[DutyAssignment]
) -> list[Violation]:
    """Every hard rule the rota breaks; empty when it keeps them all."""
    found: list[Violation] = []
    shifts: list[Shift] = []
    seen: set[tuple[str, date, str, int]] = set()
    for a in assignments:
        shift = resolve(team, month, a, found)
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


def _eligibility(team: Team, s: Shift) -> list[Violation]:
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
        start, end = working_minutes(team, person, s.day)
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


def _staffing(
    team: Team, month: Month, shifts: list[Shift]
) -> list[Violation]:
    """minimum_staffing, maximum_staffing, required_skills per slot day."""
    on: dict[tuple[date, str, int], list[str]] = defaultdict(list)
    for s in shifts:
        on[s.day, s.duty_id, s.slot_index].append(s.staff_id)
    out = []
    for day in open_days(team, month):
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


def _personal(team: Team, shifts: list[Shift]) -> list[Violation]:
    """one_duty_at_a_time and the daily, weekly and back-to-back limits."""
    out = []
    by_day: dict[tuple[str, date], list[Shift]] = defaultdict(list)
    for s in shifts:
        by_day[s.staff_id, s.day].append(s)
    duty_days: dict[tuple[str, int, int], set[date]] = defaultdict(set)
    week_slots: Counter[tuple[str, int, int]] = Counter()
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
        limit = own_limit(team, person, "max_slots_per_day")
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
        limit = own_limit(team, person, "max_consecutive_slots")
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
        week_slots[staff_id, iso.year, iso.week] += len(mine)
    for (staff_id, year, week), count in sorted(week_slots.items()):
        person = team.staff_by_id[staff_id]
        own = person.max_slots_per_week
        most = team.rules.max_slots_per_week if own is None else own
        if most is not None and count > most:
            out.append(
                Violation(
                    rule="max_slots_per_week",
                    day=min(duty_days[staff_id, year, week]),
                    staff_id=staff_id,
                    message=f"{staff_id} has {count} duty slots in week "
                    f"{week} of {year}, max {most}",
                )
            )
    for (staff_id, year, week), days in sorted(duty_days.items()):
        limit = own_limit(
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
    team: Team, month: Month, shifts: list[Shift]
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


def _longest_run(mine: list[Shift]) -> int:
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
