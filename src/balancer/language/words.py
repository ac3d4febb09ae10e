"""Words in a language: weekday, month and absence names, numbers, dates.

Every language-dependent word balancer prints comes from here, so a
language is one more column of these tables: the names below, and the
sentences of :mod:`.catalogue`, which :class:`Words` fills in with
numbers, dates and months written as the language writes them (``13.5
h`` and ``Mon 8 Mar`` in English, ``13,5 t`` and ``man. 8. mar.`` in
Danish: one style per language, everywhere).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Literal

from balancer.domain import AbsenceReason, Month, Weekday

__all__ = [
    "LANGUAGES",
    "Language",
    "Words",
    "absence_label",
    "month_name",
    "off_label",
    "weekday_name",
    "weekday_short",
]

Language = Literal["en", "da"]

#: Every language balancer writes, English first (the default).
LANGUAGES: tuple[Language, ...] = ("en", "da")

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
        """The catalogue's sentence for ``key``, its blanks filled in.

        Dates, months, times and fractional numbers are written the
        language's way (a ``date`` as :meth:`day`, a float as
        :meth:`number`); text and whole numbers go in as they are. A field
        given in every language (a mapping such as :func:`texts` returns)
        goes in in this one, so sentences nest.
        """
        from balancer.language.catalogue import CATALOGUE

        return CATALOGUE[key][self.lang].format(**self.written(fields))

    def written(self, fields: Mapping[str, object]) -> dict[str, object]:
        """Each field as the language writes it (see :meth:`__call__`)."""
        found: dict[str, object] = {}
        for name, value in fields.items():
            if isinstance(value, bool):
                found[name] = value
            elif isinstance(value, Mapping):
                found[name] = value[self.lang]
            elif isinstance(value, date):
                found[name] = self.day(value)
            elif isinstance(value, Month):
                found[name] = self.month(value)
            elif isinstance(value, time):
                found[name] = f"{value:%H:%M}"
            elif isinstance(value, float):
                found[name] = self.number(value)
            else:
                found[name] = value
        return found

    def counted(self, count: int, noun: str) -> str:
        """``1 duty`` / ``2 duties`` (``1 vagt`` / ``2 vagter``): the
        catalogue's ``noun.<noun>`` entry holds ``one|many``."""
        one, many = self(f"noun.{noun}").split("|")
        return f"{self.whole(count)} {one if count == 1 else many}"

    def whole(self, count: int) -> str:
        """``1,000`` / ``1.000``: a whole number, thousands marked."""
        text = f"{count:,}"
        return text.replace(",", ".") if self.lang == "da" else text

    def header(self, name: str) -> str:
        """A table header in the language: ``Fair share`` -> ``Rimelig
        andel``. ``name`` is the English header (the frames' own); the
        catalogue's ``header.`` entries translate it, whole or by a
        pattern such as ``{duty} hours`` for per-duty columns. An English
        header with no entry is a bug (KeyError), so no English slips
        into a Danish sheet unnoticed."""
        return self._translated("header.", name)

    def sheet(self, name: str) -> str:
        """A sheet's name in the language (``sheet.`` entries)."""
        return self._translated("sheet.", name)

    def value(self, text: str) -> str:
        """A fixed cell value in the language: ``yes``, a status, a
        reason (``value.`` entries)."""
        return self._translated("value.", text)

    def _translated(self, prefix: str, name: str) -> str:
        from balancer.language.catalogue import CATALOGUE, patterns

        entry = CATALOGUE.get(prefix + name)
        if entry is not None:
            return entry[self.lang]
        for pattern, template in patterns(prefix):
            found = pattern.fullmatch(name)
            if found is not None:
                return CATALOGUE[template][self.lang].format(
                    **found.groupdict()
                )
        if self.lang == "en":
            return name
        raise KeyError(f"no {self.lang} words for {prefix}{name}")

    def has(self, key: str) -> bool:
        """Whether the catalogue has a sentence for ``key``."""
        from balancer.language.catalogue import CATALOGUE

        return key in CATALOGUE

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

    def possessive(self, name: str) -> str:
        """Whose: ``Anna Holm's`` / ``Anna Holms`` (``Lars'`` in Danish,
        whose genitive of a name ending in s, x or z is an apostrophe)."""
        if self.lang == "da":
            ends = name[-1:].lower()
            return f"{name}'" if ends and ends in "sxz" else f"{name}s"
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def span(self, first: date, last: date) -> str:
        """``Mon 8 Mar`` for one day, ``Mon 8 Mar - Wed 10 Mar`` for more."""
        if first == last:
            return self.day(first)
        return f"{self.day(first)} - {self.day(last)}"

    def weekday(self, day: date) -> str:
        """``Mon`` / ``man``."""
        return weekday_name(day, self.lang)

    def absence(self, reason: AbsenceReason) -> str:
        """``vacation`` / ``ferie``."""
        return absence_label(reason, self.lang)


def weekday_name(day: date, lang: Language = "en") -> str:
    """Short weekday name, ``Mon`` or ``man``."""
    return _WEEKDAYS[lang][day.weekday()]


def weekday_short(weekday: int, lang: Language = "en") -> str:
    """A weekday's short name by number (0 = Monday): ``Mon``, ``man``."""
    return _WEEKDAYS[lang][weekday]


def month_name(month: Month, lang: Language = "en") -> str:
    """The month as planners say it, ``January 2027`` or ``januar 2027``."""
    return f"{_MONTHS[lang][month.month - 1]} {month.year}"


def absence_label(reason: AbsenceReason, lang: Language = "en") -> str:
    """The word shown for an absence, e.g. ``vacation`` or ``ferie``."""
    return _ABSENCE_LABELS[lang][reason]


def off_label(lang: Language = "en") -> str:
    """The word for a working day off duty and away: ``off``, ``fri``."""
    return _OFF_LABEL[lang]
