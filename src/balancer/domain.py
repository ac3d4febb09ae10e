"""The team as a planner describes it: frozen, validated input models.

Everything both engines read lives here: the staff and their contracts, the
absences, the duties with their slots, the calendar, the team's rules and
weights, preferences, last month's balances, and the case backlog.

The models know nothing about spreadsheets or solvers. Readers in
``balancer.inputs`` translate rows into these models; the solvers in
``balancer.solvers`` read them. Ids are plain strings everywhere.

Rules that involve one record are field or model validators on that record.
Rules that involve several records (an absence names a known person, a slot's
skill is held by someone) sit in :class:`Team`'s model validator, which
reports *every* problem at once through :class:`TeamValidationError`.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, time, timedelta
from enum import IntEnum, StrEnum
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = [
    "Absence",
    "AbsenceReason",
    "CalendarSettings",
    "Case",
    "CaseStatus",
    "Duty",
    "DutyRequest",
    "HistoryBalance",
    "Month",
    "OpeningHours",
    "Period",
    "Preference",
    "Priority",
    "Problem",
    "Rules",
    "SkillRequirement",
    "Slot",
    "Staff",
    "Team",
    "TeamValidationError",
    "Weekday",
    "Weights",
    "WorkDay",
    "minutes",
]

SkillLevel = Annotated[int, Field(ge=1, le=3)]
Identifier = Annotated[str, Field(min_length=1, max_length=200)]


def minutes(moment: time) -> int:
    """Minutes since midnight; ``time.max`` counts as 24:00 (1440)."""
    if moment == time.max:
        return 24 * 60
    return moment.hour * 60 + moment.minute


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self:
        """A copy; cached look-ups (``staff_by_id`` ...) are rebuilt.

        pydantic copies the instance dict, cached properties included, so
        a copy with other staff or absences would see the old ones.
        """
        copied = super().model_copy(update=update, deep=deep)
        for klass in type(self).__mro__:
            for name, member in vars(klass).items():
                if isinstance(member, cached_property):
                    copied.__dict__.pop(name, None)
        return copied


class Weekday(IntEnum):
    """Day of the week, Monday = 0 as in :meth:`datetime.date.weekday`."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6

    @property
    def short(self) -> str:
        """Three-letter English name, e.g. ``Mon``."""
        return self.name.capitalize()


WORKWEEK: tuple[Weekday, ...] = (
    Weekday.MON,
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
    Weekday.FRI,
)


class AbsenceReason(StrEnum):
    """Why someone is away. Only used for reporting; all block duty."""

    VACATION = "vacation"
    SICK = "sick"
    COURSE = "course"
    OTHER = "other"


class CaseStatus(StrEnum):
    """Where a case is in its life cycle."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"


class Priority(IntEnum):
    """How urgent a case is; higher is more urgent."""

    LOW = 1
    NORMAL = 2
    HIGH = 3
    URGENT = 4


# --------------------------------------------------------------------------
# Staff
# --------------------------------------------------------------------------


class WorkDay(_Frozen):
    """One weekday of a person's working pattern, e.g. Tue 08:00-15:00."""

    weekday: Weekday = Field(description="The weekday worked, Mon = 0.")
    start: time = Field(
        default=time(8, 0), description="When the working day starts."
    )
    end: time = Field(
        default=time(16, 0),
        description="When the working day ends (exclusive).",
    )

    @model_validator(mode="after")
    def _end_after_start(self) -> Self:
        if minutes(self.end) <= minutes(self.start):
            raise ValueError(
                f"{self.weekday.short}: the working day ends "
                f"({self.end:%H:%M}) before it starts ({self.start:%H:%M})"
            )
        return self

    @property
    def hours(self) -> float:
        """Length of the working day in hours."""
        return (minutes(self.end) - minutes(self.start)) / 60


class Staff(_Frozen):
    """A person on the team.

    Give the contract as ``fte`` (1.0 = full time) or ``weekly_hours``; the
    other follows from the team's full-time week (``Rules.full_time_hours``).
    The working pattern lists the weekdays and hours the person works; when
    empty, the person works every opening day in the team's opening hours.
    """

    id: Identifier = Field(description="Unique id, e.g. initials `AH`.")
    name: str = Field(
        default="", max_length=200, description="Name shown in outputs."
    )
    fte: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="Full-time equivalent, above 0 and at most 1.",
    )
    weekly_hours: float | None = Field(
        default=None,
        gt=0,
        le=80,
        description="Contracted hours per week; used when fte is blank.",
    )
    pattern: tuple[WorkDay, ...] = Field(
        default=(),
        description="Weekdays and hours worked; empty = all opening hours.",
    )
    skills: dict[str, SkillLevel] = Field(
        default_factory=dict,
        description="Skill name -> level 1 (basic) to 3 (expert).",
    )
    duties: tuple[str, ...] | None = Field(
        default=None,
        description="Duty ids the person may take; None = every duty.",
    )
    max_slots_per_day: int | None = Field(
        default=None,
        ge=0,
        description="Personal limit on duty slots a day; replaces the team's.",
    )
    max_duty_days_per_week: int | None = Field(
        default=None,
        ge=0,
        le=7,
        description="Personal limit on duty days a week; replaces the team's.",
    )
    max_consecutive_slots: int | None = Field(
        default=None,
        ge=1,
        description="Personal limit on back-to-back slots; replaces team's.",
    )
    max_slots_by_duty: dict[str, int] = Field(
        default_factory=dict,
        description="Duty id -> most slots of that duty in the period; "
        "a duty not named is unlimited.",
    )
    min_duty_minutes: int | None = Field(
        default=None,
        ge=0,
        description="Fewest duty minutes in the period; None = no floor.",
    )
    max_duty_minutes: int | None = Field(
        default=None,
        ge=0,
        description="Most duty minutes in the period; None = no cap.",
    )
    max_consecutive_duty_days: int | None = Field(
        default=None,
        ge=1,
        description="Most days with duty in a row; None = no limit.",
    )
    min_consecutive_duty_days: int | None = Field(
        default=None,
        ge=1,
        description="Fewest days with duty in a row, once started; a run "
        "touching the period's first or last day may be shorter.",
    )
    min_consecutive_days_off: int | None = Field(
        default=None,
        ge=1,
        description="Fewest duty-free days in a row between duty days; a "
        "run touching the period's first or last day may be shorter.",
    )
    max_duty_weekends: int | None = Field(
        default=None,
        ge=0,
        description="Most weekends (Saturday and Sunday of one week) with "
        "any duty in the period; None = no limit.",
    )
    casework: bool = Field(
        default=True, description="Whether the person takes cases at all."
    )
    case_capacity_hours: float | None = Field(
        default=None,
        ge=0,
        description="Casework hours over the backlog horizon, when the "
        "planner knows them; replaces the computed capacity.",
    )

    @field_validator("pattern")
    @classmethod
    def _one_entry_per_weekday(
        cls, pattern: tuple[WorkDay, ...]
    ) -> tuple[WorkDay, ...]:
        seen = [day.weekday for day in pattern]
        twice = sorted({d for d in seen if seen.count(d) > 1})
        if twice:
            names = ", ".join(Weekday(d).short for d in twice)
            raise ValueError(f"weekday listed twice in pattern: {names}")
        return tuple(sorted(pattern, key=lambda day: day.weekday))

    @model_validator(mode="after")
    def _has_contract(self) -> Self:
        if self.fte is None and self.weekly_hours is None:
            raise ValueError("give either fte or weekly_hours")
        return self

    @model_validator(mode="after")
    def _consistent_limits(self) -> Self:
        bad = [d for d, n in self.max_slots_by_duty.items() if n < 0]
        if bad:
            raise ValueError(
                f"max slots per duty must be 0 or more ({', '.join(bad)})"
            )
        low, high = self.min_duty_minutes, self.max_duty_minutes
        if low is not None and high is not None and high < low:
            raise ValueError(
                f"max duty minutes {high} is below the minimum {low}"
            )
        return self

    def may_take(self, duty_id: str) -> bool:
        """True when the person may be put on this duty."""
        return self.duties is None or duty_id in self.duties

    def level(self, skill: str) -> int:
        """The person's level in a skill, 0 when they lack it."""
        return self.skills.get(skill, 0)

    def workday(self, weekday: int) -> WorkDay | None:
        """The person's hours on a weekday, None when they have it off.

        Only meaningful for an explicit pattern; see
        :meth:`Team.working_hours` for the default pattern.
        """
        for day in self.pattern:
            if day.weekday == weekday:
                return day
        return None


class Absence(_Frozen):
    """A person is away from ``start`` to ``end`` (both days included).

    Without times the absence covers whole days. With ``from_time`` and
    ``to_time`` it covers only that window on each of those days, e.g. a
    doctor's appointment 08:00-10:00.
    """

    staff_id: Identifier = Field(description="Who is away.")
    start: date = Field(description="First day away.")
    end: date = Field(description="Last day away (included).")
    from_time: time | None = Field(
        default=None, description="Start of a part-day absence."
    )
    to_time: time | None = Field(
        default=None, description="End of a part-day absence."
    )
    reason: AbsenceReason = Field(
        default=AbsenceReason.OTHER, description="Why the person is away."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end < self.start:
            raise ValueError(
                f"the absence ends ({self.end}) before it starts "
                f"({self.start})"
            )
        if (self.from_time is None) != (self.to_time is None):
            raise ValueError(
                "a part-day absence needs both a from time and a to time"
            )
        if (
            self.from_time is not None
            and self.to_time is not None
            and minutes(self.to_time) <= minutes(self.from_time)
        ):
            raise ValueError(
                f"the absence window ends ({self.to_time:%H:%M}) before it "
                f"starts ({self.from_time:%H:%M})"
            )
        return self

    @property
    def whole_day(self) -> bool:
        """True when the absence covers whole days."""
        return self.from_time is None

    def covers(self, day: date) -> bool:
        """True when ``day`` falls within the absence."""
        return self.start <= day <= self.end

    def blocks(self, day: date, start: time, end: time) -> bool:
        """True when the absence overlaps ``start``-``end`` on ``day``."""
        if not self.covers(day):
            return False
        if self.from_time is None or self.to_time is None:
            return True
        return minutes(self.from_time) < minutes(end) and minutes(
            start
        ) < minutes(self.to_time)


# --------------------------------------------------------------------------
# Duties
# --------------------------------------------------------------------------


class SkillRequirement(_Frozen):
    """At least ``count`` on the slot have ``skill`` at ``min_level``."""

    skill: Identifier = Field(description="Skill name, e.g. `english`.")
    min_level: SkillLevel = Field(
        default=1, description="Lowest level that counts."
    )
    count: int = Field(default=1, ge=1, description="How many people.")


class Slot(_Frozen):
    """A stretch of time on given weekdays that a duty must be staffed.

    Example: phone 08:00-10:00 Mon-Fri, min 2, target 3, max 4 staff, at
    least one with `english`. Slots of one duty may differ by weekday (give
    one slot per variant); slots of different duties may overlap in time.
    """

    start: time = Field(description="When the slot starts.")
    end: time = Field(description="When the slot ends (exclusive).")
    weekdays: tuple[Weekday, ...] = Field(
        default=WORKWEEK, description="Weekdays the slot runs."
    )
    min_staff: int = Field(default=1, ge=0, description="Fewest staff.")
    target_staff: int | None = Field(
        default=None,
        ge=0,
        description="Staffing to aim for; blank = the minimum.",
    )
    max_staff: int | None = Field(
        default=None, ge=0, description="Most staff; blank = the target."
    )
    requirements: tuple[SkillRequirement, ...] = Field(
        default=(), description="Skills someone on the slot must have."
    )
    unpopular: bool = Field(
        default=False,
        description="An unpopular slot (e.g. Friday afternoon), spread "
        "fairly on its own.",
    )
    target_by_date: dict[date, int] = Field(
        default_factory=dict,
        description="Date -> staffing to aim for that day, replacing "
        "target_staff on it (e.g. a busy Monday).",
    )

    @field_validator("weekdays")
    @classmethod
    def _sorted_unique(cls, days: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        if not days:
            raise ValueError("a slot needs at least one weekday")
        return tuple(sorted(set(days)))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if minutes(self.end) <= minutes(self.start):
            raise ValueError(
                f"the slot ends ({self.end:%H:%M}) before it starts "
                f"({self.start:%H:%M})"
            )
        if self.target < self.min_staff:
            raise ValueError(
                f"target staff {self.target} is below the minimum "
                f"{self.min_staff}"
            )
        if self.maximum < self.target:
            raise ValueError(
                f"maximum staff {self.maximum} is below the target "
                f"{self.target}"
            )
        for day, target in sorted(self.target_by_date.items()):
            if not self.min_staff <= target <= self.maximum:
                raise ValueError(
                    f"target staff {target} on {day} is outside "
                    f"{self.min_staff}-{self.maximum} (minimum-maximum)"
                )
        needed = sum(r.count for r in self.requirements)
        if needed > self.maximum:
            raise ValueError(
                f"the skill requirements need {needed} people but the slot "
                f"takes at most {self.maximum}"
            )
        return self

    @property
    def target(self) -> int:
        """Target staffing, defaulting to the minimum."""
        return (
            self.min_staff if self.target_staff is None else self.target_staff
        )

    @property
    def maximum(self) -> int:
        """Maximum staffing, defaulting to the target."""
        return self.target if self.max_staff is None else self.max_staff

    def __hash__(self) -> int:
        # The per-date targets are a dict, which pydantic can't hash; equal
        # slots still hash equal on the other fields.
        return hash((self.start, self.end, self.weekdays, self.min_staff))

    def target_on(self, day: date) -> int:
        """Target staffing on a date: its own target, else the slot's."""
        return self.target_by_date.get(day, self.target)

    @property
    def hours(self) -> float:
        """Length of the slot in hours."""
        return (minutes(self.end) - minutes(self.start)) / 60

    @property
    def label(self) -> str:
        """Time span as shown to planners, e.g. ``08:00-10:00``."""
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def runs_on(self, weekday: int) -> bool:
        """True when the slot runs on this weekday."""
        return weekday in self.weekdays


class Duty(_Frozen):
    """A duty such as the phones or the mail queue, with its slots."""

    id: Identifier = Field(description="Unique id, e.g. `phone`.")
    name: str = Field(default="", description="Name shown in outputs.")
    colour: str | None = Field(
        default=None,
        pattern=r"^#?[0-9A-Fa-f]{6}$",
        description="Colour in the rota as hex, e.g. `#FFD966`.",
    )
    slots: tuple[Slot, ...] = Field(
        min_length=1, description="When the duty must be staffed."
    )
    not_followed_by: tuple[str, ...] = Field(
        default=(),
        description="Duty ids a person may not take the day after taking "
        "this duty (e.g. no early shift after a late one).",
    )

    @model_validator(mode="after")
    def _no_overlapping_variants(self) -> Self:
        for i, one in enumerate(self.slots):
            for other in self.slots[i + 1 :]:
                shared = set(one.weekdays) & set(other.weekdays)
                overlap = minutes(one.start) < minutes(other.end) and minutes(
                    other.start
                ) < minutes(one.end)
                if shared and overlap:
                    days = ", ".join(Weekday(d).short for d in sorted(shared))
                    raise ValueError(
                        f"slots {one.label} and {other.label} overlap on "
                        f"{days}; a duty's slots must not overlap"
                    )
        return self

    @property
    def title(self) -> str:
        """Name for display, falling back to the id."""
        return self.name or self.id


# --------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------


class OpeningHours(_Frozen):
    """The hours the team is open on one weekday."""

    weekday: Weekday = Field(description="The weekday, Mon = 0.")
    open: time = Field(description="Opening time.")
    close: time = Field(description="Closing time.")

    @model_validator(mode="after")
    def _close_after_open(self) -> Self:
        if minutes(self.close) <= minutes(self.open):
            raise ValueError(
                f"{self.weekday.short}: closes ({self.close:%H:%M}) before "
                f"it opens ({self.open:%H:%M})"
            )
        return self


def _default_opening_hours() -> tuple[OpeningHours, ...]:
    friday = OpeningHours(weekday=Weekday.FRI, open=time(8), close=time(15))
    rest = tuple(
        OpeningHours(weekday=day, open=time(8), close=time(16))
        for day in WORKWEEK
        if day != Weekday.FRI
    )
    return (*rest, friday)


class CalendarSettings(_Frozen):
    """Which days the team is open.

    The team is open on the weekdays in ``opening_hours``, except public
    holidays of ``country`` (Denmark by default, from the `holidays`
    package) and the extra ``closed_dates`` (e.g. 24 and 31 December).
    """

    country: str | None = Field(
        default="DK",
        min_length=2,
        max_length=3,
        description="ISO country code for public holidays; None = no "
        "public holidays.",
    )
    subdivision: str | None = Field(
        default=None, description="Region for regional holidays, if any."
    )
    closed_dates: tuple[date, ...] = Field(
        default=(), description="Extra days the team is closed."
    )
    opening_hours: tuple[OpeningHours, ...] = Field(
        default_factory=_default_opening_hours,
        description="Opening hours per weekday; a missing weekday is closed.",
    )

    @field_validator("opening_hours")
    @classmethod
    def _one_per_weekday(
        cls, hours: tuple[OpeningHours, ...]
    ) -> tuple[OpeningHours, ...]:
        days = [h.weekday for h in hours]
        if len(days) != len(set(days)):
            raise ValueError("a weekday has two lines of opening hours")
        return tuple(sorted(hours, key=lambda h: h.weekday))

    @field_validator("country")
    @classmethod
    def _known_country(cls, country: str | None) -> str | None:
        if country is None:
            return None
        import holidays

        code = country.upper()
        if code not in holidays.list_supported_countries():
            raise ValueError(f"no public holidays known for country {code}")
        return code

    def hours_on(self, weekday: int) -> OpeningHours | None:
        """Opening hours on a weekday, None when closed that weekday."""
        for hours in self.opening_hours:
            if hours.weekday == weekday:
                return hours
        return None

    def holidays_in(
        self, year: int, language: str = "en_US"
    ) -> dict[date, str]:
        """Public holidays in a year, date -> name.

        Names are in ``language`` (e.g. ``da`` for Danish) when the
        country's calendar has it, else in its own default; asking
        explicitly keeps the names independent of the machine's locale.
        """
        if self.country is None:
            return {}
        return _public_holidays(self.country, self.subdivision, year, language)

    def closed_reason(self, day: date) -> str | None:
        """Why the team is closed on ``day``, or None when it is open."""
        if self.hours_on(day.weekday()) is None:
            return "weekend" if day.weekday() >= 5 else "closed weekday"
        holiday = self.holidays_in(day.year).get(day)
        if holiday is not None:
            return holiday
        if day in self.closed_dates:
            return "closed"
        return None

    def is_open(self, day: date) -> bool:
        """True when the team is open on ``day``."""
        return self.closed_reason(day) is None


@lru_cache(maxsize=64)
def _public_holidays(
    country: str, subdivision: str | None, year: int, language: str
) -> dict[date, str]:
    import holidays

    supported = holidays.country_holidays(country).supported_languages
    found = holidays.country_holidays(
        country,
        subdiv=subdivision,
        years=year,
        language=language if language in supported else None,
    )
    return {day: str(name) for day, name in sorted(found.items())}


class Month(_Frozen):
    """A planning month, e.g. ``Month.parse("2027-01")``."""

    year: int = Field(ge=2000, le=2100, description="Calendar year.")
    month: int = Field(ge=1, le=12, description="Month number 1-12.")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``YYYY-MM`` (also ``MM/YYYY`` and ``MM.YYYY``)."""
        cleaned = text.strip()
        for separator in ("/", "."):
            if separator in cleaned:
                month_part, year_part = cleaned.split(separator, 1)
                return cls(year=int(year_part), month=int(month_part))
        year_part, _, month_part = cleaned.partition("-")
        if not month_part:
            raise ValueError(f"expected a month like 2027-01, got {text!r}")
        return cls(year=int(year_part), month=int(month_part))

    @classmethod
    def following(cls, today: date) -> Month:
        """The month after the one ``today`` falls in."""
        if today.month == 12:
            return cls(year=today.year + 1, month=1)
        return cls(year=today.year, month=today.month + 1)

    @property
    def first(self) -> date:
        """First day of the month."""
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        """Last day of the month."""
        days = _calendar.monthrange(self.year, self.month)[1]
        return date(self.year, self.month, days)

    def days(self) -> Iterator[date]:
        """Every day of the month in order."""
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)

    def next(self) -> Month:
        """The following month."""
        return Month.following(self.first)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class Period(Month):
    """A planning period of any length, e.g. 14 days from a Monday.

    It plans like a :class:`Month` (``first``, ``last``, ``days()``);
    ``year`` and ``month`` are those of its first day and are filled in
    when not given.
    """

    start: date = Field(description="First day of the period.")
    length: int = Field(ge=1, le=3660, description="Number of days.")

    @model_validator(mode="before")
    @classmethod
    def _month_of_start(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("start"), date):
            data = {
                "year": data["start"].year,
                "month": data["start"].month,
                **data,
            }
        return data

    @property
    def first(self) -> date:
        """First day of the period."""
        return self.start

    @property
    def last(self) -> date:
        """Last day of the period."""
        return self.start + timedelta(days=self.length - 1)

    def next(self) -> Period:
        """The period of the same length right after this one."""
        return Period.of(self.last + timedelta(days=1), self.length)

    @classmethod
    def of(cls, start: date, length: int) -> Period:
        """The period of ``length`` days from ``start``."""
        return cls(
            year=start.year, month=start.month, start=start, length=length
        )

    def __str__(self) -> str:
        return f"{self.first:%Y-%m-%d}..{self.last:%Y-%m-%d}"


# --------------------------------------------------------------------------
# Rules, weights, preferences, history
# --------------------------------------------------------------------------


class Rules(_Frozen):
    """The team's hard limits and planning constants."""

    full_time_hours: float = Field(
        default=37.0,
        gt=0,
        le=80,
        description="Hours of a full-time week (37 in Denmark).",
    )
    max_slots_per_day: int = Field(
        default=2, ge=1, description="Duty slots a person takes a day, max."
    )
    max_duty_days_per_week: int = Field(
        default=4, ge=1, le=7, description="Days with duty per week, max."
    )
    max_consecutive_slots: int = Field(
        default=2,
        ge=1,
        description="Back-to-back duty slots (no gap between them), max.",
    )
    min_free_half_days_per_week: int = Field(
        default=2,
        ge=0,
        le=10,
        description="Duty-free half days a person should keep each week "
        "for casework (soft: weighted by `casework_time`).",
    )
    half_day_split: time = Field(
        default=time(12, 0),
        description="Where the morning ends and the afternoon starts.",
    )
    daily_overhead_hours: float = Field(
        default=0.5,
        ge=0,
        le=8,
        description="Hours a working day that go to meetings and the "
        "board, not casework.",
    )
    horizon_working_days: int = Field(
        default=10,
        ge=1,
        le=260,
        description="Working days ahead the backlog balancer plans.",
    )


class Weights(_Frozen):
    """How much each soft goal counts; 0 switches a goal off.

    Rota weights are in points per hour of deviation (fairness), per slot
    (staffing, blocks, variety) or per half day (casework time). Backlog
    weights are in points per percentage point of utilisation (balance),
    per day late (flow) and per moved case (stability).
    """

    fairness_max: int = Field(
        default=100, ge=0, description="Largest deviation from fair share."
    )
    fairness_sum: int = Field(
        default=10, ge=0, description="Sum of deviations from fair share."
    )
    duty_fairness: int = Field(
        default=5, ge=0, description="Deviation from fair share per duty."
    )
    duty_fairness_max: int = Field(
        default=20,
        ge=0,
        description="Largest deviation from fair share within each duty.",
    )
    unpopular_fairness: int = Field(
        default=20, ge=0, description="Uneven spread of unpopular slots."
    )
    casework_time: int = Field(
        default=10, ge=0, description="Each missing duty-free half day."
    )
    blocks: int = Field(
        default=3,
        ge=0,
        description="Each extra separate duty block in a person's day.",
    )
    target_staffing: int = Field(
        default=5, ge=0, description="Each person short of target staffing."
    )
    over_target: int = Field(
        default=0,
        ge=0,
        description="Each person above target staffing (0 = don't mind).",
    )
    requests: int = Field(
        default=1, ge=0, description="Multiplier on duty request weights."
    )
    preferences: int = Field(
        default=1, ge=0, description="Multiplier on preference weights."
    )
    variety: int = Field(
        default=1, ge=0, description="Same slot again in the same week."
    )
    balance_max: int = Field(
        default=100, ge=0, description="Highest utilisation (backlog)."
    )
    balance_spread: int = Field(
        default=20, ge=0, description="Spread of utilisation (backlog)."
    )
    lateness: int = Field(
        default=50, ge=0, description="Each forecast day past deadline."
    )
    age: int = Field(
        default=5,
        ge=0,
        description="Older cases left on the shelf or queued late.",
    )
    moves: int = Field(
        default=30, ge=0, description="Each reassigned case (stability)."
    )
    fit: int = Field(
        default=2,
        ge=0,
        description="Each skill level above the case's need (fit).",
    )


class Preference(_Frozen):
    """A person wants or avoids a weekday, a date or a slot.

    Give at least one of ``weekday``, ``on`` (a date), ``duty`` with
    ``slot_start``; together they narrow the preference (e.g. avoid phone
    08:00 on Mondays).
    """

    staff_id: Identifier = Field(description="Whose preference.")
    want: bool = Field(description="True = wants it, False = avoids it.")
    weekday: Weekday | None = Field(default=None, description="Weekday.")
    on: date | None = Field(default=None, description="A specific date.")
    duty: str | None = Field(default=None, description="A duty id.")
    slot_start: time | None = Field(
        default=None, description="Start time of the slot meant."
    )
    weight: int = Field(
        default=1, ge=1, le=10, description="How strongly, 1-10."
    )

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if (
            self.weekday is None
            and self.on is None
            and self.duty is None
            and self.slot_start is None
        ):
            raise ValueError(
                "a preference needs a weekday, a date, a duty or a slot"
            )
        return self


class HistoryBalance(_Frozen):
    """A person's duty balance carried from earlier months.

    Positive hours mean the person did *more* than their fair share and
    should get less this month; negative means less.
    """

    staff_id: Identifier = Field(description="Whose balance.")
    duty: str | None = Field(
        default=None, description="Duty id; None for all duties together."
    )
    hours: float = Field(
        default=0.0, description="Hours above (+) or below (-) fair share."
    )
    unpopular_slots: float = Field(
        default=0.0,
        description="Unpopular slots above (+) or below (-) fair share.",
    )


class DutyRequest(_Frozen):
    """A person asks to be on (or off) a duty on one date.

    An *on* request costs its weight unless the person takes that duty
    that day; an *off* request costs its weight if they do.
    """

    staff_id: Identifier = Field(description="Who asks.")
    on: date = Field(description="The date meant.")
    duty: Identifier = Field(description="The duty id meant.")
    want: bool = Field(description="True = wants the duty, False = not.")
    weight: int = Field(
        default=1, ge=1, le=1000, description="How strongly, 1-1000."
    )


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------


class Case(_Frozen):
    """An open case in the backlog.

    ``effort_hours`` is the remaining work. When ``effort_by_staff`` names a
    person, that figure replaces it for them (a specialist is faster on her
    own case type).
    """

    id: Identifier = Field(description="Unique case id.")
    type: str = Field(default="", description="Case type, e.g. `pension`.")
    skill: str | None = Field(
        default=None, description="Skill the case needs; None = anyone."
    )
    min_level: SkillLevel = Field(
        default=1, description="Lowest skill level that may take it."
    )
    effort_hours: float = Field(
        gt=0, le=10_000, description="Remaining work in hours."
    )
    received: date = Field(description="Date the case came in.")
    deadline: date | None = Field(
        default=None, description="KPI deadline, if any."
    )
    priority: Priority = Field(
        default=Priority.NORMAL, description="Urgency, low to urgent."
    )
    owner: str | None = Field(
        default=None, description="Current caseworker; None = on the shelf."
    )
    status: CaseStatus = Field(
        default=CaseStatus.NEW, description="Life-cycle status."
    )
    group: str | None = Field(
        default=None,
        description="Cases with the same group (one member or citizen) go "
        "to one caseworker.",
    )
    pinned: bool = Field(
        default=False, description="Keep with the current owner."
    )
    effort_by_staff: dict[str, float] = Field(
        default_factory=dict,
        description="Staff id -> effort in hours, where it differs.",
    )
    cost_by_staff: dict[str, float] = Field(
        default_factory=dict,
        description="Staff id -> fit cost of giving them the case.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.deadline is not None and self.deadline < self.received:
            raise ValueError(
                f"the deadline {self.deadline} is before the case was "
                f"received ({self.received})"
            )
        if self.status in (CaseStatus.IN_PROGRESS, CaseStatus.ASSIGNED) and (
            self.owner is None
        ):
            raise ValueError(
                f"a case that is {self.status.value} needs an owner"
            )
        if self.pinned and self.owner is None:
            raise ValueError("a pinned case needs an owner")
        bad = [s for s, h in self.effort_by_staff.items() if not h > 0]
        if bad:
            raise ValueError(
                f"effort must be above 0 hours (for {', '.join(bad)})"
            )
        return self

    @property
    def fixed(self) -> bool:
        """True when the case must stay with its owner."""
        return self.owner is not None and (
            self.pinned or self.status == CaseStatus.IN_PROGRESS
        )

    def effort_for(self, staff_id: str) -> float:
        """Hours the case takes this person."""
        return self.effort_by_staff.get(staff_id, self.effort_hours)


# --------------------------------------------------------------------------
# The team
# --------------------------------------------------------------------------


class Problem(_Frozen):
    """One problem found in the input, in the planner's words.

    ``where`` names the record (e.g. ``Absences`` and the record's position)
    so a reader can map it back to a sheet, row and column.
    """

    sheet: str = Field(description="Sheet (record kind) the problem is in.")
    index: int | None = Field(
        default=None, description="0-based position of the record."
    )
    field: str | None = Field(
        default=None, description="Field name, if one field is at fault."
    )
    message: str = Field(description="What is wrong and how to fix it.")


class TeamValidationError(ValueError):
    """The team's records contradict each other; lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(
            f"- {p.sheet}"
            + (f" #{p.index + 1}" if p.index is not None else "")
            + (f" {p.field}" if p.field else "")
            + f": {p.message}"
            for p in problems
        )
        super().__init__(f"{len(problems)} problem(s) in the team:\n{lines}")


class Team(_Frozen):
    """Everything the engines know about a team.

    Cross-record rules checked here: unique ids (ignoring case and spaces),
    known staff in absences, preferences, history and cases, known duties in
    staff and preferences, every slot's required skill held by someone who
    may take the duty, and cases whose skill someone holds at the level.
    """

    staff: tuple[Staff, ...] = Field(
        min_length=1, description="The people on the team."
    )
    duties: tuple[Duty, ...] = Field(
        default=(), description="Duties to staff (phone, mail, ...)."
    )
    absences: tuple[Absence, ...] = Field(
        default=(), description="Planned and known absences."
    )
    rules: Rules = Field(
        default_factory=Rules, description="The team's limits."
    )
    weights: Weights = Field(
        default_factory=Weights, description="Soft-goal weights."
    )
    calendar: CalendarSettings = Field(
        default_factory=CalendarSettings,
        description="Opening hours, holidays, closed days.",
    )
    preferences: tuple[Preference, ...] = Field(
        default=(), description="Wants and avoids."
    )
    requests: tuple[DutyRequest, ...] = Field(
        default=(), description="Requests to be on or off a duty on a date."
    )
    history: tuple[HistoryBalance, ...] = Field(
        default=(), description="Balances carried from earlier months."
    )
    cases: tuple[Case, ...] = Field(
        default=(), description="The open case backlog."
    )

    @model_validator(mode="after")
    def _cross_checks(self) -> Self:
        problems = list(self.problems())
        if problems:
            raise TeamValidationError(problems)
        return self

    @classmethod
    def checked(cls, **fields: Any) -> Team:
        """Build a team; raise :class:`TeamValidationError` on conflicts.

        Unlike the constructor, which wraps cross-record problems in a
        pydantic ``ValidationError``, this raises the list of problems
        itself so readers can map them to sheets and rows.
        """
        try:
            return cls(**fields)
        except ValidationError as error:
            for detail in error.errors():
                cause = detail.get("ctx", {}).get("error")
                if isinstance(cause, TeamValidationError):
                    raise cause from None
            raise

    # -- lookups ----------------------------------------------------------

    @cached_property
    def staff_by_id(self) -> dict[str, Staff]:
        """Staff keyed by id."""
        return {person.id: person for person in self.staff}

    @cached_property
    def duty_by_id(self) -> dict[str, Duty]:
        """Duties keyed by id."""
        return {duty.id: duty for duty in self.duties}

    def contract_hours(self, person: Staff) -> float:
        """Contracted hours per week of a person."""
        if person.weekly_hours is not None:
            return person.weekly_hours
        assert person.fte is not None  # guaranteed by Staff validation
        return person.fte * self.rules.full_time_hours

    def working_hours(self, person: Staff, day: date) -> tuple[time, time]:
        """When a person works on ``day``, ignoring absences.

        Returns ``(start, end)``; start == end when they don't work that
        day. Without an explicit pattern a person works the team's opening
        hours on every open day.
        """
        opening = self.calendar.hours_on(day.weekday())
        if not self.calendar.is_open(day) or opening is None:
            return time(0), time(0)
        if not person.pattern:
            return opening.open, opening.close
        workday = person.workday(day.weekday())
        if workday is None:
            return time(0), time(0)
        return workday.start, workday.end

    def absences_of(self, staff_id: str) -> tuple[Absence, ...]:
        """A person's absences."""
        return self._absences_by_staff.get(staff_id, ())

    def absences_on(self, staff_id: str, day: date) -> tuple[Absence, ...]:
        """A person's absences that cover ``day`` (whole or part)."""
        return self._absences_by_day.get((staff_id, day), ())

    @cached_property
    def _absences_by_day(self) -> dict[tuple[str, date], tuple[Absence, ...]]:
        """(staff id, day) -> absences covering it, built once.

        A long horizon with many single days off (a year's roster) made
        every eligibility check scan all of a person's absences.
        """
        found: dict[tuple[str, date], list[Absence]] = {}
        for absence in self.absences:
            day = absence.start
            while day <= absence.end:
                found.setdefault((absence.staff_id, day), []).append(absence)
                day += timedelta(days=1)
        return {key: tuple(rows) for key, rows in found.items()}

    @cached_property
    def _absences_by_staff(self) -> dict[str, tuple[Absence, ...]]:
        """Staff id -> their absences, built once (models are frozen)."""
        found: dict[str, list[Absence]] = {}
        for absence in self.absences:
            found.setdefault(absence.staff_id, []).append(absence)
        return {staff_id: tuple(rows) for staff_id, rows in found.items()}

    def available_hours(self, person: Staff, day: date) -> float:
        """Hours a person is at work on ``day``: pattern minus absences.

        Scaled to the contract: someone on 30 h a week with the default
        pattern counts 30/37 of each opening day.
        """
        start, end = self.working_hours(person, day)
        span = minutes(end) - minutes(start)
        if span <= 0:
            return 0.0
        lost = 0
        for absence in self.absences_on(person.id, day):
            if absence.whole_day:
                return 0.0
            assert absence.from_time and absence.to_time
            overlap = min(minutes(end), minutes(absence.to_time)) - max(
                minutes(start), minutes(absence.from_time)
            )
            lost += max(0, overlap)
        worked = max(0, span - lost) / 60
        if person.pattern:
            return worked
        return worked * min(
            1.0, self.contract_hours(person) / self.rules.full_time_hours
        )

    # -- cross-record checks ---------------------------------------------

    def problems(self) -> Iterator[Problem]:
        """Every cross-record problem, in sheet order."""
        yield from _duplicate_ids("Staff", [s.id for s in self.staff])
        yield from _duplicate_ids("Duties", [d.id for d in self.duties])
        yield from _duplicate_ids("Cases", [c.id for c in self.cases])
        known_staff = {s.id for s in self.staff}
        known_duties = {d.id for d in self.duties}
        for i, person in enumerate(self.staff):
            for duty in person.duties or ():
                if duty not in known_duties:
                    yield Problem(
                        sheet="Staff",
                        index=i,
                        field="duties",
                        message=f"unknown duty {duty!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        yield from self._slot_skill_problems()
        yield from self._duty_reference_problems(known_duties)
        for sheet, records in (
            ("Absences", self.absences),
            ("Preferences", self.preferences),
            ("History", self.history),
            ("Requests", self.requests),
        ):
            for i, record in enumerate(records):
                staff_id = getattr(record, "staff_id", None)
                if staff_id not in known_staff:
                    yield _unknown_staff(sheet, i, "staff_id", staff_id)
        for i, pref in enumerate(self.preferences):
            if pref.duty is not None and pref.duty not in known_duties:
                yield Problem(
                    sheet="Preferences",
                    index=i,
                    field="duty",
                    message=f"unknown duty {pref.duty!r}",
                )
        for i, balance in enumerate(self.history):
            if balance.duty is not None and balance.duty not in known_duties:
                yield Problem(
                    sheet="History",
                    index=i,
                    field="duty",
                    message=f"unknown duty {balance.duty!r}",
                )
        yield from self._case_problems(known_staff)

    def _duty_reference_problems(
        self, known_duties: set[str]
    ) -> Iterator[Problem]:
        """Duty ids named by limits, successions and requests exist."""
        for i, person in enumerate(self.staff):
            for named in person.max_slots_by_duty:
                if named not in known_duties:
                    yield Problem(
                        sheet="Staff",
                        index=i,
                        field="max_slots_by_duty",
                        message=f"unknown duty {named!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        for d, duty in enumerate(self.duties):
            for follower in duty.not_followed_by:
                if follower not in known_duties:
                    yield Problem(
                        sheet="Duties",
                        index=d,
                        field="not_followed_by",
                        message=f"unknown duty {follower!r}; known duties: "
                        f"{_listing(known_duties)}",
                    )
        for i, request in enumerate(self.requests):
            if request.duty not in known_duties:
                yield Problem(
                    sheet="Requests",
                    index=i,
                    field="duty",
                    message=f"unknown duty {request.duty!r}",
                )

    def _slot_skill_problems(self) -> Iterator[Problem]:
        for d, duty in enumerate(self.duties):
            eligible = [p for p in self.staff if p.may_take(duty.id)]
            for slot in duty.slots:
                for need in slot.requirements:
                    holders = [
                        p
                        for p in eligible
                        if p.level(need.skill) >= need.min_level
                    ]
                    if len(holders) < need.count:
                        yield Problem(
                            sheet="Duties",
                            index=d,
                            field="requirements",
                            message=f"{duty.id} {slot.label} needs "
                            f"{need.count} with {need.skill} level "
                            f">= {need.min_level}, but only "
                            f"{len(holders)} who may take {duty.id} "
                            "have it; add the skill in Staff or lower the "
                            "requirement",
                        )

    def _case_problems(self, known_staff: set[str]) -> Iterator[Problem]:
        for i, case in enumerate(self.cases):
            if case.owner is not None and case.owner not in known_staff:
                yield _unknown_staff("Cases", i, "owner", case.owner)
            for staff_id in (*case.effort_by_staff, *case.cost_by_staff):
                if staff_id not in known_staff:
                    yield _unknown_staff(
                        "Cases", i, "effort_by_staff", staff_id
                    )
            if case.skill is not None and not any(
                p.level(case.skill) >= case.min_level for p in self.staff
            ):
                yield Problem(
                    sheet="Cases",
                    index=i,
                    field="skill",
                    message=f"nobody has skill {case.skill!r} at level "
                    f">= {case.min_level}; add it in Staff or lower the level",
                )


def _listing(names: set[str]) -> str:
    return ", ".join(sorted(names)) or "(none)"


def _unknown_staff(
    sheet: str, index: int, field: str, staff_id: Any
) -> Problem:
    return Problem(
        sheet=sheet,
        index=index,
        field=field,
        message=f"unknown staff id {staff_id!r}; use an id from the Staff "
        "sheet",
    )


def _duplicate_ids(sheet: str, ids: list[str]) -> Iterator[Problem]:
    """Ids must be unique, also ignoring case and surrounding spaces."""
    first_seen: dict[str, int] = {}
    for i, raw in enumerate(ids):
        key = raw.strip().casefold()
        if key in first_seen:
            earlier = ids[first_seen[key]]
            same = "the same id" if earlier == raw else f"{earlier!r}"
            yield Problem(
                sheet=sheet,
                index=i,
                field="id",
                message=f"id {raw!r} is already used by record "
                f"#{first_seen[key] + 1} ({same}); ids must be unique, "
                "ignoring case and spaces",
            )
        else:
            first_seen[key] = i
