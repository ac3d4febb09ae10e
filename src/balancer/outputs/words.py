"""The words of the outputs: weekday, month and absence names, times.

Every language-dependent word the writers print comes from here, so a
language is one more column of these tables: the names below, and the
sentences of :mod:`.catalogue`, which :class:`Words` fills in with
numbers, dates and months written as the language writes them (``13.5
h`` and ``Mon 8 Mar`` in English, ``13,5 t`` and ``man. 8. mar.`` in
Danish: one style per language, everywhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from balancer.domain import AbsenceReason, Weekday, minutes

if TYPE_CHECKING:
    from datetime import date, time

    from balancer.domain import Month, Slot, Team

__all__ = [
    "Language",
    "Words",
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

_MONTH_SHORT: dict[Language, tuple[str, ...]] = {
    "en": (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec",
    ),
    "da": (
        "jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.",
        "sep.", "okt.", "nov.", "dec.",
    ),
}  # fmt: skip

#: The unit of hours after a number.
_HOURS_UNIT: dict[Language, str] = {"en": "h", "da": "t"}


class Words:
    """Sentences and figures in one language.

    ``words("key", name=...)`` is the catalogue's sentence for ``key``,
    filled in; the other methods write numbers, hours, days and months
    the language's way.
    """

    def __init__(self, lang: Language = "en") -> None:
        self.lang: Language = lang

    def __call__(self, key: str, **fields: object) -> str:
        from balancer.outputs.catalogue import CATALOGUE

        return CATALOGUE[key][self.lang].format(**fields)

    def number(self, value: float, decimals: int = 2) -> str:
        """``13.5`` or ``13,5``: no trailing zeros, never ``-0``."""
        rounded = round(float(value), decimals) + 0.0
        text = f"{rounded:.{decimals}f}"
        if "." in text:  # never strip the zeros of a whole number (200)
            text = text.rstrip("0").rstrip(".")
        if text in ("", "-0"):
            text = "0"
        return text.replace(".", ",") if self.lang == "da" else text

    def hours(self, value: float, *, signed: bool = False) -> str:
        """``13.5 h`` / ``13,5 t``; ``+1.5 h`` with ``signed``."""
        text = self.number(value)
        if signed and text != "0" and not text.startswith("-"):
            text = "+" + text
        return f"{text} {_HOURS_UNIT[self.lang]}"

    def month(self, month: Month) -> str:
        """``March 2027`` / ``marts 2027``."""
        return month_name(month, self.lang)

    def month_only(self, month: Month) -> str:
        """``March`` / ``marts``."""
        return _MONTHS[self.lang][month.month - 1]

    def day(self, day: date) -> str:
        """``Mon 8 Mar`` / ``man. 8. mar.``: the tool's one date style."""
        weekday = weekday_name(day, self.lang)
        short = _MONTH_SHORT[self.lang][day.month - 1]
        if self.lang == "da":
            return f"{weekday}. {day.day}. {short}"
        return f"{weekday} {day.day} {short}"

    def weekday(self, day: date) -> str:
        """``Mon`` / ``man``."""
        return weekday_name(day, self.lang)

    def absence(self, reason: AbsenceReason) -> str:
        """``vacation`` / ``ferie``."""
        return absence_label(reason, self.lang)


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
