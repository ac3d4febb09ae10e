"""When the team is open: opening hours, public holidays, closed days."""

from __future__ import annotations

from datetime import date, time
from functools import lru_cache
from typing import Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from balancer.domain.base import FrozenModel, InputDate
from balancer.domain.clock import WORKWEEK, Weekday, minutes

__all__ = ["CalendarSettings", "OpeningHours"]


class OpeningHours(FrozenModel):
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


class CalendarSettings(FrozenModel):
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
    closed_dates: tuple[InputDate, ...] = Field(
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

    @field_validator("subdivision")
    @classmethod
    def _known_subdivision(
        cls, subdivision: str | None, info: ValidationInfo
    ) -> str | None:
        """A region must be one the country's holiday calendar knows.

        Rule: ``subdivision`` names a region of ``country`` (any case),
        e.g. ``BY`` in DE; Denmark has none.
        """
        if subdivision is None or "country" not in info.data:
            return subdivision  # a bad country is reported on its own
        country = info.data["country"]
        if country is None:
            raise ValueError("a region needs a country; give the country")
        import holidays

        for name in (subdivision, subdivision.upper()):
            try:
                holidays.country_holidays(country, subdiv=name)
            except NotImplementedError:
                continue
            return name
        regions = holidays.list_supported_countries()[country]
        known = ", ".join(regions[:12]) + (
            ", ..." if len(regions) > 12 else ""
        )
        raise ValueError(
            f"{country} has no region {subdivision!r}"
            + (f"; its regions are {known}" if regions else "")
        )

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
