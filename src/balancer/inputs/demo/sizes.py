"""How big the demo is: staffing levels scaled to the team, case skills."""

from __future__ import annotations

from dataclasses import dataclass

from balancer.domain import Weekday

__all__ = [
    "CASE_SKILLS",
    "MIN_STAFF",
    "WIP_SHARE",
    "DemoStaffing",
    "demo_staffing",
]

#: Weekday groups the demo's patterns and slots use.
MON_THU: tuple[Weekday, ...] = (
    Weekday.MON,
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
)
TUE_FRI: tuple[Weekday, ...] = (
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
    Weekday.FRI,
)
MON_FRI: tuple[Weekday, ...] = (*MON_THU, Weekday.FRI)

#: Skills a case can need; `english` is a duty skill only.
CASE_SKILLS: tuple[str, ...] = ("pension", "unemployment", "labour_law")

#: Smallest team the generator builds; below it the roles don't fit.
MIN_STAFF = 8

#: Most a caseworker keeps in progress or pinned, as a share of two weeks
#: of their contract hours (the WIP limit of a real team's board).
WIP_SHARE = 0.4


@dataclass(frozen=True)
class DemoStaffing:
    """Staffing levels the demo uses for a team size.

    Attributes
    ----------
    phone_min, phone_target, phone_max
        People on each phone slot: fewest, aim, most.
    english_count
        People with English (level 2+) on the English-speaking slots.
    mail_min, mail_target
        People on the mail queue: fewest and aim.
    """

    phone_min: int
    phone_target: int
    phone_max: int
    english_count: int
    mail_min: int
    mail_target: int


def demo_staffing(staff: int) -> DemoStaffing:
    """Staffing levels scaled to a team of ``staff`` people.

    About one in ten staff on each phone slot at minimum (2 of 24), the
    target a third higher and the maximum about 1.7 times the minimum; one
    English speaker per six phone staff; one mail person per 24 staff.
    """
    phone_min = max(1, round(staff / 10))
    phone_target = max(phone_min + 1, round(phone_min * 1.35))
    phone_max = max(phone_target + 1, round(phone_min * 1.7))
    mail_min = max(1, round(staff / 24))
    return DemoStaffing(
        phone_min=phone_min,
        phone_target=phone_target,
        phone_max=phone_max,
        english_count=max(1, round(phone_min / 6)),
        mail_min=mail_min,
        mail_target=mail_min + max(1, mail_min // 2),
    )
