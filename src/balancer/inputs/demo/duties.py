"""The demo's duties (phone and mail) and its calendar."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from balancer.domain import (
    CalendarSettings,
    Duty,
    Month,
    SkillRequirement,
    Slot,
    Weekday,
)
from balancer.inputs.demo.sizes import MON_FRI, MON_THU, TUE_FRI, DemoStaffing

if TYPE_CHECKING:
    from balancer.language import Language

__all__ = ["DUTY_TITLES", "make_calendar", "make_duties"]


#: The duties' titles as the team writes them, by language; ids stay.
DUTY_TITLES: dict[Language, dict[str, str]] = {
    "en": {"phone": "Phone", "mail": "Mail queue"},
    "da": {"phone": "Telefon", "mail": "Postkasse"},
}


def make_duties(
    levels: DemoStaffing, lang: Language = "en"
) -> tuple[Duty, Duty]:
    """Phone in four slots a day (shorter on Friday) and the mail queue.

    Monday 08-10 and Friday afternoon phones are unpopular. The midday
    phone slots need English speakers. ``lang`` picks the titles a team of
    that language would give them (:data:`DUTY_TITLES`).
    """
    titles = DUTY_TITLES[lang]
    english = (
        SkillRequirement(
            skill="english", min_level=2, count=levels.english_count
        ),
    )

    def phone(
        start: time,
        end: time,
        weekdays: tuple[Weekday, ...],
        *,
        unpopular: bool = False,
        requirements: tuple[SkillRequirement, ...] = (),
    ) -> Slot:
        return Slot(
            start=start,
            end=end,
            weekdays=weekdays,
            min_staff=levels.phone_min,
            target_staff=levels.phone_target,
            max_staff=levels.phone_max,
            requirements=requirements,
            unpopular=unpopular,
        )

    phone_duty = Duty(
        id="phone",
        name=titles["phone"],
        colour="#FFD966",
        slots=(
            phone(time(8), time(10), (Weekday.MON,), unpopular=True),
            phone(time(8), time(10), TUE_FRI),
            phone(time(10), time(12), MON_FRI, requirements=english),
            phone(time(12), time(14), MON_FRI, requirements=english),
            phone(time(14), time(15, 30), MON_THU),
            phone(time(14), time(15), (Weekday.FRI,), unpopular=True),
        ),
    )
    mail_duty = Duty(
        id="mail",
        name=titles["mail"],
        colour="#9DC3E6",
        slots=(
            Slot(
                start=time(9),
                end=time(12),
                weekdays=MON_FRI,
                min_staff=levels.mail_min,
                target_staff=levels.mail_target,
            ),
        ),
    )
    return phone_duty, mail_duty


def make_calendar(month: Month) -> CalendarSettings:
    """Danish holidays and hours; 24 and 31 December closed in December."""
    closed = tuple(
        date(month.year, 12, day) for day in (24, 31) if month.month == 12
    )
    return CalendarSettings(closed_dates=closed)
