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
from balancer.language import Said
from balancer.validate.rota_score import (
    SOFT_TERM_NAMES,
    count_changes,
    score_rota,
)
from balancer.validate.shifts import (
    Shift,
    Violation,
    duty_title,
    open_days,
    own_limit,
    resolve,
    violation,
    who,
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
                violation(
                    "known_slot",
                    "check.twice",
                    a.day,
                    a.staff_id,
                    what=shift.what(team),
                    who=who(team, a.staff_id),
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
    name = who(team, s.staff_id)

    def add(rule: str, key: str, /, **fields: object) -> None:
        out.append(
            violation(
                rule, key, s.day, s.staff_id, what=s.what(team), **fields
            )
        )

    closed = team.calendar.closed_reason(s.day)
    if closed is not None:
        add("open_days_only", "check.closed", reason=_closed_words(closed))
    elif s.day.weekday() not in s.slot.weekdays:
        add("open_days_only", "check.not_weekday")
    if person.duties is not None and s.duty_id not in person.duties:
        add(
            "allowed_duties",
            "check.not_duty",
            who=name,
            duty=duty_title(team, s.duty_id),
        )
    if closed is None:
        start, end = working_minutes(team, person, s.day)
        if not (start <= s.start and s.end <= end and start < end):
            add("working_hours", "check.hours", who=name)
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
                "check.away",
                who=name,
                reason=Said.of(f"why.away.{absence.reason.value}"),
            )
            break
    return out


def _closed_words(closed: str) -> object:
    """The calendar's reason for closing, in words of any language."""
    plain = {
        "weekend": "why.closed.weekend",
        "closed weekday": "why.closed.weekday",
        "closed": "why.closed.date",
    }
    return Said.of(plain[closed]) if closed in plain else closed


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
                where = Shift("", day, duty.id, k, slot).what(team)
                if len(people) < slot.min_staff:
                    out.append(
                        violation(
                            "minimum_staffing",
                            "check.min",
                            day,
                            what=where,
                            count=len(people),
                            least=slot.min_staff,
                        )
                    )
                if len(people) > slot.maximum:
                    out.append(
                        violation(
                            "maximum_staffing",
                            "check.max",
                            day,
                            what=where,
                            count=len(people),
                            most=slot.maximum,
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
                            violation(
                                "required_skills",
                                "check.skill",
                                day,
                                what=where,
                                able=able,
                                skill=need.skill,
                                level=need.min_level,
                                count=need.count,
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
        name = who(team, staff_id)
        mine.sort(key=lambda s: (s.start, s.end))
        for i, one in enumerate(mine):
            for other in mine[i + 1 :]:
                if one.start < other.end and other.start < one.end:
                    out.append(
                        violation(
                            "one_duty_at_a_time",
                            "check.at_once",
                            day,
                            staff_id,
                            day=day,
                            who=name,
                            one=_slot_words(team, one),
                            other=_slot_words(team, other),
                        )
                    )
        limit = own_limit(team, person, "max_slots_per_day")
        if len(mine) > limit:
            out.append(
                violation(
                    "max_slots_per_day",
                    "check.day_slots",
                    day,
                    staff_id,
                    day=day,
                    who=name,
                    count=len(mine),
                    most=limit,
                )
            )
        run = _longest_run(mine)
        limit = own_limit(team, person, "max_consecutive_slots")
        if run > limit:
            out.append(
                violation(
                    "max_consecutive_slots",
                    "check.run",
                    day,
                    staff_id,
                    day=day,
                    who=name,
                    count=run,
                    most=limit,
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
                violation(
                    "max_slots_per_week",
                    "check.week_slots",
                    min(duty_days[staff_id, year, week]),
                    staff_id,
                    week=week,
                    year=year,
                    who=who(team, staff_id),
                    count=count,
                    most=most,
                )
            )
    for (staff_id, year, week), days in sorted(duty_days.items()):
        limit = own_limit(
            team, team.staff_by_id[staff_id], "max_duty_days_per_week"
        )
        if len(days) > limit:
            out.append(
                violation(
                    "max_duty_days_per_week",
                    "check.week_days",
                    min(days),
                    staff_id,
                    week=week,
                    year=year,
                    who=who(team, staff_id),
                    count=len(days),
                    most=limit,
                )
            )
    return out


def _slot_words(team: Team, s: Shift) -> str:
    """``Phone 08:00-10:00``: a slot on a day already named."""
    return f"{duty_title(team, s.duty_id)} {s.slot.label}"


def _collector(
    out: list[Violation], staff_id: str, name: str
) -> Callable[..., None]:
    def add(
        rule: str, key: str, day: date | None = None, /, **fields: object
    ) -> None:
        out.append(violation(rule, key, day, staff_id, who=name, **fields))

    return add


def _period_limits(
    team: Team, month: Month, shifts: list[Shift]
) -> list[Violation]:
    """Per-person limits over the whole period (duty days, weekends...)."""
    out: list[Violation] = []
    period = list(month.days())
    for person in team.staff:
        mine = [s for s in shifts if s.staff_id == person.id]
        add = _collector(out, person.id, person.name or person.id)

        per_duty = Counter(s.duty_id for s in mine)
        for duty_id, most in sorted(person.max_slots_by_duty.items()):
            if per_duty[duty_id] > most:
                add(
                    "max_slots_per_duty",
                    "check.per_duty",
                    count=per_duty[duty_id],
                    duty=duty_title(team, duty_id),
                    most=most,
                )
        total = sum(s.end - s.start for s in mine)
        low, high = person.min_duty_minutes, person.max_duty_minutes
        if (low is not None and total < low) or (
            high is not None and total > high
        ):
            add(
                "duty_minutes_range",
                "check.minutes",
                total=total,
                low=low or 0,
                high=Said.of("check.any") if high is None else high,
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
                    "check.days_in_row",
                    period[first],
                    day=period[first],
                    count=length,
                    most=longest,
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
                    "check.duty_days_short" if on else "check.free_days_short",
                    period[first],
                    day=period[first],
                    count=length,
                    least=least,
                )
        if person.max_duty_weekends is not None:
            weekends = {
                s.day.isocalendar()[:2] for s in mine if s.day.weekday() >= 5
            }
            if len(weekends) > person.max_duty_weekends:
                add(
                    "max_duty_weekends",
                    "check.weekends",
                    count=len(weekends),
                    most=person.max_duty_weekends,
                )
        for one in mine:
            banned = team.duty_by_id[one.duty_id].not_followed_by
            for other in mine:
                if other.duty_id in banned and (other.day - one.day).days == 1:
                    add(
                        "forbidden_successions",
                        "check.succession",
                        other.day,
                        day=other.day,
                        duty=duty_title(team, other.duty_id),
                        before=duty_title(team, one.duty_id),
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
