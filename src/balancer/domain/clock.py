"""Time on the clock and on the calendar: minutes, weekdays, months.

A planning month (:class:`Month`) or any period of days (:class:`Period`),
the weekdays (Monday = 0 as in :meth:`datetime.date.weekday`) and minutes
since midnight, the unit every time comparison uses.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, time, timedelta
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from balancer.domain.base import FrozenModel

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["WORKWEEK", "Month", "Period", "Weekday", "minutes"]


def minutes(moment: time) -> int:
    """Minutes since midnight; ``time.max`` counts as 24:00 (1440)."""
    if moment == time.max:
        return 24 * 60
    return moment.hour * 60 + moment.minute


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


class Month(FrozenModel):
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

    def previous(self) -> Month:
        """The month before."""
        if self.month == 1:
            return Month(year=self.year - 1, month=12)
        return Month(year=self.year, month=self.month - 1)

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
