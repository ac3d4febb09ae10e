"""Read a Curtois & Qu shift-scheduling instance into the rota's domain.

The benchmark (schedulingbenchmarks.org, "Instances 1-24") plans H days
from a Monday: for every employee and day, one shift type or a day off.
It maps onto the rota engine's own models without a separate model:

- each shift type is a :class:`~balancer.domain.Duty` with one slot a day
  (all seven weekdays, starting 00:00, as long as the shift), whose
  ``CannotFollow`` list is the duty's ``not_followed_by``;
- each employee is a :class:`~balancer.domain.Staff` with their limits:
  ``MaxShifts`` as ``max_slots_by_duty`` (0 = may not take the duty),
  total minutes, consecutive duty days and days off, weekends;
- fixed days off are whole-day :class:`~balancer.domain.Absence` records;
- shift on/off requests are :class:`~balancer.domain.DutyRequest` records;
- cover is the slot's target on each date (``Slot.target_by_date``), with
  the under/over weights as ``Weights.target_staffing`` and
  ``Weights.over_target``.

The calendar has no public holidays and is open all day every day, the
team allows one slot a day and seven duty days a week, and every planner
goal the benchmark doesn't know (fairness, variety, blocks, casework
time) has weight 0, so the rota's objective is the benchmark's penalty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from balancer.domain import (
    Absence,
    CalendarSettings,
    Duty,
    DutyRequest,
    OpeningHours,
    Period,
    Rules,
    Slot,
    Staff,
    Team,
    Weekday,
    Weights,
)
from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["FIRST_DAY", "CurtoisInstance", "read_curtois"]

#: Day 0 of every instance; the format only says it is a Monday.
FIRST_DAY = date(2024, 1, 1)

_SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)


@dataclass(frozen=True)
class CurtoisInstance:
    """A benchmark instance as a team and a planning period."""

    name: str
    team: Team
    period: Period

    @property
    def days(self) -> int:
        """The horizon H in days."""
        return self.period.length

    def day_index(self, day: date) -> int:
        """The benchmark's 0-based day number of a date."""
        return (day - self.period.first).days


class _Lines:
    """The file's data lines by section, each with its line number."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sections: dict[str, list[tuple[int, list[str]]]] = {}
        current: str | None = None
        text = path.read_text(encoding="utf-8-sig")
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("SECTION_"):
                current = line
                self.sections.setdefault(current, [])
                continue
            if current is None:
                self.fail(number, "data before the first SECTION_ line")
            assert current is not None
            fields = [f.strip() for f in line.split(",")]
            self.sections[current].append((number, fields))
        missing = [s for s in _SECTIONS if s not in self.sections]
        if missing:
            self.fail(None, f"missing section(s): {', '.join(missing)}")

    def fail(self, line: int | None, message: str) -> None:
        raise InputError(
            [
                InputProblem(
                    message=message,
                    row=line,
                    fix="use the format of the benchmark's Instance*.txt",
                )
            ],
            source=str(self.path),
        )

    def rows(self, section: str) -> list[tuple[int, list[str]]]:
        return self.sections[section]

    def integer(self, line: int, text: str, what: str) -> int:
        try:
            return int(text)
        except ValueError:
            self.fail(line, f"{what} must be a whole number, got {text!r}")
            raise  # unreachable: fail raises


def read_curtois(path: Path) -> CurtoisInstance:
    """Read an ``Instance*.txt`` file; raise :class:`InputError` if bad."""
    lines = _Lines(path)
    horizon = lines.rows("SECTION_HORIZON")
    if len(horizon) != 1:
        lines.fail(None, "SECTION_HORIZON needs exactly one line")
    length = lines.integer(horizon[0][0], horizon[0][1][0], "the horizon")
    period = Period.of(FIRST_DAY, length)

    def when(line: int, text: str) -> date:
        index = lines.integer(line, text, "a day")
        if not 0 <= index < length:
            lines.fail(line, f"day {index} is outside 0..{length - 1}")
        return period.first + timedelta(days=index)

    shift_rows = lines.rows("SECTION_SHIFTS")
    shift_ids = [fields[0] for _, fields in shift_rows]
    cover: dict[str, dict[date, int]] = {s: {} for s in shift_ids}
    under: set[int] = set()
    over: set[int] = set()
    for line, fields in lines.rows("SECTION_COVER"):
        if len(fields) != 5 or fields[1] not in cover:
            lines.fail(line, "expected Day, ShiftID, Requirement, Under, Over")
        day = when(line, fields[0])
        cover[fields[1]][day] = lines.integer(line, fields[2], "requirement")
        under.add(lines.integer(line, fields[3], "the under weight"))
        over.add(lines.integer(line, fields[4], "the over weight"))
    if len(under) > 1 or len(over) > 1:
        lines.fail(
            None,
            "cover weights differ between lines; the rota prices under- "
            "and over-staffing with one weight each",
        )
    staff_rows = lines.rows("SECTION_STAFF")
    most_staff = len(staff_rows)
    duties = []
    for line, fields in shift_rows:
        minutes_long = lines.integer(line, fields[1], "the shift length")
        if not 0 < minutes_long < 24 * 60:
            lines.fail(line, "a shift must last between 1 and 1439 minutes")
        follow = (
            tuple(f for f in fields[2].split("|") if f)
            if len(fields) > 2
            else ()
        )
        duties.append(
            Duty(
                id=fields[0],
                slots=(
                    Slot(
                        start=time(0),
                        end=time(minutes_long // 60, minutes_long % 60),
                        weekdays=tuple(Weekday),
                        min_staff=0,
                        target_staff=0,
                        max_staff=most_staff,
                        target_by_date=cover[fields[0]],
                    ),
                ),
                not_followed_by=follow,
            )
        )
    staff = []
    for line, fields in staff_rows:
        if len(fields) != 8:
            lines.fail(line, "expected 8 fields for an employee")
        limits: dict[str, int] = {}
        for part in fields[1].split("|"):
            shift, _, count = part.partition("=")
            limits[shift] = lines.integer(line, count, "MaxShifts")
        numbers = [
            lines.integer(line, f, "an employee limit") for f in fields[2:]
        ]
        most, least, run_max, run_min, off_min, weekends = numbers
        staff.append(
            Staff(
                id=fields[0],
                fte=1.0,
                duties=tuple(s for s in shift_ids if limits.get(s, 0) > 0),
                max_slots_by_duty={s: n for s, n in limits.items() if n > 0},
                max_duty_minutes=most,
                min_duty_minutes=least,
                max_consecutive_duty_days=run_max,
                min_consecutive_duty_days=run_min,
                min_consecutive_days_off=off_min,
                max_duty_weekends=weekends,
            )
        )
    absences = [
        Absence(staff_id=fields[0], start=day, end=day)
        for line, fields in lines.rows("SECTION_DAYS_OFF")
        for day in (when(line, f) for f in fields[1:] if f)
    ]
    requests = [
        DutyRequest(
            staff_id=fields[0],
            on=when(line, fields[1]),
            duty=fields[2],
            want=section == "SECTION_SHIFT_ON_REQUESTS",
            weight=lines.integer(line, fields[3], "the request weight"),
        )
        for section in (
            "SECTION_SHIFT_ON_REQUESTS",
            "SECTION_SHIFT_OFF_REQUESTS",
        )
        for line, fields in lines.rows(section)
    ]
    team = Team.checked(
        staff=tuple(staff),
        duties=tuple(duties),
        absences=tuple(absences),
        requests=tuple(requests),
        calendar=CalendarSettings(
            country=None,
            opening_hours=tuple(
                OpeningHours(weekday=d, open=time(0), close=time.max)
                for d in Weekday
            ),
        ),
        rules=Rules(
            max_slots_per_day=1,
            max_duty_days_per_week=7,
            max_consecutive_slots=1,
            min_free_half_days_per_week=0,
            # The benchmark scores one weighted sum of cover and requests.
            goals_in_tiers=False,
        ),
        weights=_benchmark_weights(
            under.pop() if under else 0, over.pop() if over else 0
        ),
    )
    return CurtoisInstance(name=path.stem, team=team, period=period)


def _benchmark_weights(under: int, over: int) -> Weights:
    """Only the benchmark's penalties: cover and requests."""
    return Weights(
        fairness_max=0,
        fairness_sum=0,
        duty_fairness=0,
        duty_fairness_max=0,
        unpopular_fairness=0,
        casework_time=0,
        blocks=0,
        target_staffing=under,
        over_target=over,
        preferences=0,
        variety=0,
        requests=1,
    )
