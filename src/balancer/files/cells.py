"""Reading one cell the way a Danish planner typed it.

Each parser takes the raw value openpyxl gives (a string, a number, a
``date``/``datetime``/``time``) and returns a Python value, or raises a
``ValueError`` whose message says in plain words what was expected. The
readers add the sheet, row and column.

Accepted forms, in short:

- dates: real Excel dates, Excel serial numbers, ``2027-05-01``,
  ``1.5.2027``, ``01-05-2027``, ``01/05/2027`` (day first);
- times: real Excel times, day fractions (``0.3333``), ``8:00``,
  ``08.00``, ``8``, and ``24:00`` for the end of the day (``time.max``);
- numbers: ``29.6`` or with a Danish decimal comma ``29,6``; ``80%``;
- lists: ``pension:3, english:2`` (commas, semicolons or new lines);
- weekdays: ``Mon-Thu``, ``man-tor``, ``mandag, onsdag``, ``Mon,Wed,Fri``;
- yes/no: yes/no, ja/nej, x, 1/0, true/false, blank = no.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from typing import Any

from balancer.domain import (
    AbsenceReason,
    CaseStatus,
    Priority,
    Weekday,
    check_date,
)

__all__ = [
    "is_blank",
    "parse_bool",
    "parse_date",
    "parse_int",
    "parse_list",
    "parse_number",
    "parse_number_map",
    "parse_priority",
    "parse_reason",
    "parse_requirements",
    "parse_skill_levels",
    "parse_status",
    "parse_text",
    "parse_time",
    "parse_time_range",
    "parse_time_span",
    "parse_want",
    "parse_weekday",
    "parse_weekdays",
]

#: Excel's day 0 in the 1900 date system (serial 1 = 1 Jan 1900, with the
#: historic 29 Feb 1900 bug absorbed by starting on 30 Dec 1899).
_EXCEL_EPOCH = date(1899, 12, 30)
_DASHES = "\u2013\u2014\u2212"  # en dash, em dash, minus sign


def is_blank(value: Any) -> bool:
    """True for an empty cell: None or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def _clean(value: Any) -> str:
    text = str(value).strip()
    for dash in _DASHES:
        text = text.replace(dash, "-")
    return text


def parse_text(value: Any) -> str:
    """Text of a cell; whole numbers lose their ``.0`` (ids like 142).

    Rule: an id typed as a number (142) reads as the text ``142``.
    """
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return str(value)
    return str(value).strip()


# -- numbers -----------------------------------------------------------------


def parse_number(value: Any) -> float:
    """A number; accepts a decimal comma (``29,6``) and percent (``80%``).

    With both separators, Danish style is assumed: ``1.234,5`` = 1234.5.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(f"expected a number, got {value!r}")
        return float(value)
    text = _clean(value).replace(" ", "").replace("\u00a0", "")
    scale = 1.0
    if text.endswith("%"):
        text, scale = text[:-1], 0.01
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise ValueError(
            f"expected a number like 29,6 or 29.6, got {value!r}"
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"expected a number, got {value!r}")
    return number * scale


def parse_int(value: Any) -> int:
    """A whole number, e.g. ``2`` (``2,0`` is fine, ``2,5`` is not)."""
    number = parse_number(value)
    if not number.is_integer():
        raise ValueError(f"expected a whole number, got {value!r}")
    return int(number)


# -- dates and times ---------------------------------------------------------

_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def _make_date(year: int, month: int, day: int, shown: Any) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            f"{shown!r} is not a real date (check the day and month; "
            "dates are day first, e.g. 31.01.2027)"
        ) from None


def parse_date(value: Any) -> date:
    """A date: a real Excel date, a serial number or day-first text.

    Text forms: ``2027-05-01`` (ISO), ``1.5.2027``, ``01-05-2027``,
    ``01/05/2027``; a two-digit year means 20xx. Impossible dates such as
    ``31.2.2027`` are refused, and so are dates outside the years balancer
    reads (:func:`balancer.domain.check_date`): ``01.01.0001`` is a typo.
    """
    return check_date(_any_date(value))


def _any_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2_958_466 or not float(value).is_integer():
            raise ValueError(
                f"{value!r} is not a date; write it like 01.05.2027"
            )
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = _clean(value)
    found = _ISO.match(text)
    if found:
        year, month, day = (int(part) for part in found.groups())
        return _make_date(year, month, day, value)
    found = _DAY_FIRST.match(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        if len(found.group(3)) == 2:  # "0001" is year 1, not 2001
            year += 2000
        return _make_date(year, month, day, value)
    raise ValueError(
        f"expected a date like 01.05.2027 or 2027-05-01, got {value!r}"
    )


_CLOCK = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?$")


def _clock(hours: int, mins: int, shown: Any) -> time:
    if hours == 24 and mins == 0:
        return time.max
    if not (0 <= hours <= 23 and 0 <= mins <= 59):
        raise ValueError(f"{shown!r} is not a time of day (00:00-24:00)")
    return time(hours, mins)


def parse_time(value: Any) -> time:
    """A time of day; ``24:00`` means the end of the day (``time.max``).

    Accepts real Excel times, day fractions (0.5 = 12:00), whole hours
    (``8``) and text like ``8:00``, ``08.00`` or ``kl. 8``.
    """
    if isinstance(value, datetime):
        # Excel shows 24:00 as day 1 of its calendar, 1 Jan 1900 00:00.
        if value == datetime(1900, 1, 1):
            return time.max
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value
    if isinstance(value, timedelta):
        total = round(value.total_seconds() / 60)
        return _clock(total // 60, total % 60, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            total = round(value * 24 * 60)
            return _clock(total // 60, total % 60, value)
        if float(value).is_integer():
            return _clock(int(value), 0, value)
        raise ValueError(f"expected a time like 08:00, got {value!r}")
    text = _clean(value).lower()
    found = _CLOCK.match(text)
    if found:
        return _clock(int(found.group(1)), int(found.group(2) or 0), value)
    if re.match(r"^0[.,]\d{3,}$", text):
        return parse_time(float(text.replace(",", ".")))
    raise ValueError(f"expected a time like 08:00 or 8.30, got {value!r}")


def parse_start_time(value: Any) -> time:
    """A start time: like :func:`parse_time`, but 24:00 is refused.

    Rule: 24:00 is the end of a day, so nothing can start then.
    """
    found = parse_time(value)
    if found == time.max:
        raise ValueError(
            f"{value!r} is the end of the day; a start time must be "
            "00:00-23:59"
        )
    return found


def parse_time_range(value: Any) -> tuple[time, time]:
    """A span like ``08:00-16:00`` (also ``8-16``)."""
    text = _clean(value)
    start, dash, end = text.partition("-")
    if not dash:
        raise ValueError(
            f"expected a time span like 08:00-16:00, got {value!r}"
        )
    return parse_start_time(start.strip()), parse_time(end.strip())


_SPAN = re.compile(
    # A label may precede the span ("kl 08-10"); hyphen or dash between.
    r"^\D*(\d{1,2})(?:[:.](\d{2}))?\s*-\s*(\d{1,2})(?:[:.](\d{2}))?\s*$"
)


def parse_time_span(value: Any) -> tuple[int, int]:
    """A slot's time span as minutes since midnight, e.g. ``08:00-10:00``.

    Also ``8-10``, ``08.00-10.00`` (or an en dash) and ``kl 08-10``. The
    end may be 24:00; it must come after the start.
    """
    found = _SPAN.match(_clean(value)) if isinstance(value, str) else None
    if found is None:
        raise ValueError(f"{value!r} is not a time span like 08:00-10:00")
    sh, sm, eh, em = (int(part or 0) for part in found.groups())
    start, end = sh * 60 + sm, eh * 60 + em
    if sm >= 60 or em >= 60 or not 0 <= start < end <= 24 * 60:
        raise ValueError(f"{value!r} is not a time span like 08:00-10:00")
    return start, end


# -- lists -------------------------------------------------------------------


def parse_list(value: Any) -> list[str]:
    """Items separated by commas, semicolons or new lines; blanks dropped."""
    if is_blank(value):
        return []
    parts = re.split(r"[,;\n]", parse_text(value))
    return [part.strip() for part in parts if part.strip()]


def _pair(item: str) -> tuple[str, str | None]:
    found = re.match(r"^(.*?)\s*[:=]\s*(.*)$", item)
    if found:
        return found.group(1).strip(), found.group(2).strip()
    return item.strip(), None


def parse_skill_levels(value: Any) -> dict[str, int]:
    """Skills with levels, e.g. ``pension:3, english:2``.

    A skill without a level is level 1; levels are 1 (basic) to 3
    (expert). A skill named twice is refused.
    """
    skills: dict[str, int] = {}
    for item in parse_list(value):
        name, level_text = _pair(item)
        if not name:
            raise ValueError(f"{item!r} has no skill name")
        level = 1 if level_text is None else parse_int(level_text)
        if not 1 <= level <= 3:
            raise ValueError(
                f"skill level of {name!r} is {level_text}; levels are 1-3"
            )
        if name in skills:
            raise ValueError(f"skill {name!r} is listed twice")
        skills[name] = level
    return skills


def parse_number_map(value: Any) -> dict[str, float]:
    """Names with numbers, e.g. ``AH:4, BK:6,5``."""
    found: dict[str, float] = {}
    for item in re.split(r"[;\n]|,(?=\s*[^\d\s])", parse_text(value)):
        if not item.strip():
            continue
        name, number = _pair(item)
        if number is None or not name:
            raise ValueError(f"expected name:number like AH:4, got {item!r}")
        if name in found:
            raise ValueError(f"{name!r} is listed twice")
        found[name] = parse_number(number)
    return found


# -- words -------------------------------------------------------------------

_WEEKDAY_WORDS: dict[str, Weekday] = {}
for _day, _names in {
    Weekday.MON: ("mon", "monday", "man", "mandag"),
    Weekday.TUE: ("tue", "tues", "tuesday", "tir", "tirs", "tirsdag"),
    Weekday.WED: ("wed", "wednesday", "ons", "onsdag"),
    Weekday.THU: ("thu", "thur", "thurs", "thursday", "tor", "tors",
                  "torsdag"),
    Weekday.FRI: ("fri", "friday", "fre", "fredag"),
    Weekday.SAT: ("sat", "saturday", "lør", "lørdag", "lor", "lordag",
                  "loer", "loerdag"),
    Weekday.SUN: ("sun", "sunday", "søn", "søndag", "son", "sondag",
                  "soen", "soendag"),
}.items():  # fmt: skip
    for _name in _names:
        _WEEKDAY_WORDS[_name] = _day

_WEEKDAY_GROUPS = {
    "weekdays": (0, 1, 2, 3, 4),
    "hverdage": (0, 1, 2, 3, 4),
    "all": (0, 1, 2, 3, 4, 5, 6),
    "alle": (0, 1, 2, 3, 4, 5, 6),
    "weekend": (5, 6),
}


def parse_weekday(value: Any) -> Weekday:
    """One weekday in English or Danish, e.g. ``Mon``, ``mandag``, ``tor``."""
    word = _clean(value).lower().rstrip(".")
    if word in _WEEKDAY_WORDS:
        return _WEEKDAY_WORDS[word]
    raise ValueError(
        f"{value!r} is not a weekday; write Mon, Tue, ... or man, tir, ..."
    )


def parse_weekdays(value: Any) -> tuple[Weekday, ...]:
    """Weekdays and ranges: ``Mon-Thu``, ``man-tor``, ``Mon,Wed,Fri``.

    A range runs forward and may wrap the weekend (``Fri-Mon``). The result
    is sorted without repeats.
    """
    days: set[Weekday] = set()
    items = re.split(r"[,;\n/&]|\s+(?:and|og)\s+", _clean(value).lower())
    for item in (part.strip() for part in items):
        if not item:
            continue
        if item in _WEEKDAY_GROUPS:
            days.update(Weekday(d) for d in _WEEKDAY_GROUPS[item])
            continue
        first, dash, last = item.partition("-")
        if not dash:
            first, dash, last = item.partition(" to ")
        if not dash:
            first, dash, last = item.partition(" til ")
        if dash:
            start, stop = parse_weekday(first), parse_weekday(last)
            step = (stop - start) % 7
            days.update(Weekday((start + k) % 7) for k in range(step + 1))
        else:
            days.add(parse_weekday(item))
    if not days:
        raise ValueError(f"expected weekdays like Mon-Fri, got {value!r}")
    return tuple(sorted(days))


def _lookup(
    value: Any, table: dict[str, Any], expected: str
) -> Any:  # the callers type the result
    word = re.sub(r"[\s_\-]+", " ", _clean(value).lower())
    if isinstance(value, float) and value.is_integer():
        word = str(int(value))
    if word in table:
        return table[word]
    raise ValueError(f"{value!r} is not one of: {expected}")


_YES = {"yes", "y", "ja", "j", "x", "1", "true", "sand", "✓"}
_NO = {"no", "n", "nej", "0", "false", "falsk", "-"}


def parse_bool(value: Any) -> bool:
    """Yes or no: yes/no, ja/nej, x, 1/0, true/false; blank = no."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    word = parse_text(value).lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f"{value!r} is not yes or no; write yes, no, ja or nej")


def parse_want(value: Any) -> bool:
    """True for want (ønsker), False for avoid (undgår)."""
    table = {
        "want": True,
        "wants": True,
        "ønsker": True,
        "ønske": True,
        "oensker": True,
        "yes": True,
        "ja": True,
        "+": True,
        "avoid": False,
        "avoids": False,
        "undgår": False,
        "undgå": False,
        "undgaar": False,
        "no": False,
        "nej": False,
        "-": False,
    }
    return bool(_lookup(value, table, "want, avoid, ønsker, undgår"))


def parse_reason(value: Any) -> AbsenceReason:
    """An absence reason: vacation/ferie, sick/syg, course/kursus, other."""
    table = {
        "vacation": AbsenceReason.VACATION,
        "holiday": AbsenceReason.VACATION,
        "leave": AbsenceReason.VACATION,
        "ferie": AbsenceReason.VACATION,
        "sick": AbsenceReason.SICK,
        "syg": AbsenceReason.SICK,
        "sygdom": AbsenceReason.SICK,
        "course": AbsenceReason.COURSE,
        "training": AbsenceReason.COURSE,
        "kursus": AbsenceReason.COURSE,
        "uddannelse": AbsenceReason.COURSE,
        "other": AbsenceReason.OTHER,
        "andet": AbsenceReason.OTHER,
    }
    result: AbsenceReason = _lookup(
        value,
        table,
        "vacation, sick, course, other (ferie, syg, kursus, andet)",
    )
    return result


def parse_priority(value: Any) -> Priority:
    """Priority: low/normal/high/urgent, lav/normal/høj/akut, or 1-4."""
    table = {
        "low": Priority.LOW,
        "lav": Priority.LOW,
        "1": Priority.LOW,
        "normal": Priority.NORMAL,
        "medium": Priority.NORMAL,
        "middel": Priority.NORMAL,
        "2": Priority.NORMAL,
        "high": Priority.HIGH,
        "høj": Priority.HIGH,
        "hoej": Priority.HIGH,
        "3": Priority.HIGH,
        "urgent": Priority.URGENT,
        "akut": Priority.URGENT,
        "haster": Priority.URGENT,
        "4": Priority.URGENT,
    }
    result: Priority = _lookup(
        value,
        table,
        "low, normal, high, urgent (lav, normal, høj, akut) or 1-4",
    )
    return result


def parse_status(value: Any) -> CaseStatus:
    """Case status: new/assigned/in progress/waiting (ny/tildelt/...)."""
    table = {
        "new": CaseStatus.NEW,
        "ny": CaseStatus.NEW,
        "assigned": CaseStatus.ASSIGNED,
        "tildelt": CaseStatus.ASSIGNED,
        "fordelt": CaseStatus.ASSIGNED,
        "in progress": CaseStatus.IN_PROGRESS,
        "i gang": CaseStatus.IN_PROGRESS,
        "igang": CaseStatus.IN_PROGRESS,
        "started": CaseStatus.IN_PROGRESS,
        "waiting": CaseStatus.WAITING,
        "venter": CaseStatus.WAITING,
        "afventer": CaseStatus.WAITING,
        "on hold": CaseStatus.WAITING,
    }
    result: CaseStatus = _lookup(
        value,
        table,
        "new, assigned, in progress, waiting (ny, tildelt, i gang, venter)",
    )
    return result


def parse_requirements(value: Any) -> list[tuple[str, int, int]]:
    """Skill needs of a slot: ``english:2`` or ``2 x english:2``.

    Returns ``(skill, min_level, count)`` triples; the level defaults to
    1 and the count to one person.
    """
    needs: list[tuple[str, int, int]] = []
    for item in parse_list(value):
        count = 1
        found = re.match(r"^(\d+)\s*[x\u00d7*]\s*(.+)$", item, re.IGNORECASE)
        if found:
            count = int(found.group(1))
            item = found.group(2)
        if count < 1:
            raise ValueError(f"{item!r}: the number of people must be >= 1")
        [(skill, level)] = parse_skill_levels(item).items()
        needs.append((skill, level, count))
    return needs
