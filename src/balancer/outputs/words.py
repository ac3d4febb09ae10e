"""The words of the outputs: weekday, month and absence names, times.

Every language-dependent word the writers print comes from here, so a
language is one more column of these tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from balancer.domain import AbsenceReason, Weekday, minutes

if TYPE_CHECKING:
    from datetime import date, time

    from balancer.domain import Month, Slot, Team

__all__ = [
    "Language",
    "absence_label",
    "duty_codes",
    "hundredths",
    "month_name",
    "off_label",
    "slot_code",
    "time_span",
    "weekday_name",
]

Language = Literal["en", "da"]

_WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "en": tuple(day.short for day in Weekday),
    "da": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
}

_ABSENCE_LABELS: dict[Language, dict[AbsenceReason, str]] = {
    "en": {
        AbsenceReason.VACATION: "vacation",
        AbsenceReason.SICK: "sick",
        AbsenceReason.COURSE: "course",
        AbsenceReason.OTHER: "away",
    },
    "da": {
        AbsenceReason.VACATION: "ferie",
        AbsenceReason.SICK: "syg",
        AbsenceReason.COURSE: "kursus",
        AbsenceReason.OTHER: "fravær",
    },
}

_OFF_LABEL: dict[Language, str] = {"en": "off", "da": "fri"}

_MONTHS: dict[Language, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ),
    "da": (
        "januar", "februar", "marts", "april", "maj", "juni", "juli",
        "august", "september", "oktober", "november", "december",
    ),
}  # fmt: skip

#: (date, duty id, slot index): one slot instance on one day.


def weekday_name(day: date, lang: Language = "en") -> str:
    """Short weekday name, ``Mon`` or ``man``."""
    return _WEEKDAYS[lang][day.weekday()]


def month_name(month: Month, lang: Language = "en") -> str:
    """The month as planners say it, ``January 2027`` or ``januar 2027``."""
    return f"{_MONTHS[lang][month.month - 1]} {month.year}"


def absence_label(reason: AbsenceReason, lang: Language = "en") -> str:
    """The word shown for an absence, e.g. ``vacation`` or ``ferie``."""
    return _ABSENCE_LABELS[lang][reason]


def _hour(moment: time) -> str:
    # Whole hours print as `08`, others as `08:30`, to keep cells narrow.
    if moment.minute == 0 and minutes(moment) < 24 * 60:
        return f"{moment.hour:02d}"
    if minutes(moment) == 24 * 60:
        return "24"
    return f"{moment:%H:%M}"


def time_span(start: time, end: time) -> str:
    """A compact time span, ``08-10`` or ``08:30-10``."""
    return f"{_hour(start)}-{_hour(end)}"


def duty_codes(team: Team) -> dict[str, str]:
    """A short, unique code per duty for the rota grid, e.g. ``P``.

    The code is the first letter of the duty's title; when two duties share
    it, the later one gets the first two letters, then its whole id.
    """
    codes: dict[str, str] = {}
    used: set[str] = set()
    for duty in team.duties:
        title = duty.title.strip() or duty.id
        candidates = (title[:1].upper(), title[:2].capitalize(), duty.id)
        code = next((c for c in candidates if c and c not in used), None)
        if code is None:
            code = f"{duty.id}{len(used)}"
        codes[duty.id] = code
        used.add(code)
    return codes


def slot_code(code: str, slot: Slot) -> str:
    """What one duty slot looks like in the grid, e.g. ``P 08-10``."""
    return f"{code} {time_span(slot.start, slot.end)}"


def off_label(lang: Language = "en") -> str:
    """The word for a working day off duty and away: ``off``, ``fri``."""
    return _OFF_LABEL[lang]


def hundredths(value: float) -> float:
    """A figure as shown in a table: two decimals, never ``-0``."""
    # `+ 0.0` turns -0.0 into 0.0 so a sheet never shows "-0".
    return round(float(value), 2) + 0.0
