"""The rota as plain tables: the grid, the Board and the coverage.

Pure functions from a rota result to DataFrames and cell records; the
workbook writers format them. Nothing here knows fonts or sheets.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from balancer.domain import minutes
from balancer.language import (
    Language,
    Words,
    absence_label,
    off_label,
    weekday_name,
)
from balancer.outputs.words import duty_codes, slot_code, time_span

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Absence, Month, Slot, Team
    from balancer.result import DutyAssignment, RotaResult

__all__ = [
    "BOARD_HEADERS",
    "DayHeader",
    "GridCell",
    "RotaCells",
    "SlotKey",
    "board_frame",
    "coverage_frame",
    "day_headers",
    "day_headers_frame",
    "rota_cells",
    "rota_grid_frame",
    "slot_instances",
]

#: Board columns in order; the reader uses Date, Time, Duty and Staff.
BOARD_HEADERS = (
    "Date",
    "Day",
    "Time",
    "Duty",
    "Staff",
    "Names",
    "Min",
    "Target",
    "Max",
    "Note",
    "Duty name",
)

SlotKey = tuple[date, str, int]


def slot_instances(team: Team, month: Month) -> list[SlotKey]:
    """Every slot that must be staffed in the month, in board order.

    A slot runs on an open day (not a weekend, holiday or closed date) when
    its weekdays include that day. Order: date, start time, duty order.
    """
    keys: list[tuple[date, int, int, SlotKey]] = []
    for day in month.days():
        if not team.calendar.is_open(day):
            continue
        for d, duty in enumerate(team.duties):
            for s, slot in enumerate(duty.slots):
                if slot.runs_on(day.weekday()):
                    key = (day, duty.id, s)
                    keys.append((day, minutes(slot.start), d, key))
    return [key for *_, key in sorted(keys)]


def _board_keys(
    team: Team, month: Month, assignments: Iterable[DutyAssignment]
) -> list[SlotKey]:
    """Slot instances plus any slot an assignment names (none lost)."""
    keys = slot_instances(team, month)
    known = set(keys)
    extra = {
        (a.day, a.duty_id, a.slot_index)
        for a in assignments
        if (a.day, a.duty_id, a.slot_index) not in known
    }
    if not extra:
        return keys
    order = {duty.id: i for i, duty in enumerate(team.duties)}

    def sort_key(key: SlotKey) -> tuple[date, int, int, int]:
        day, duty_id, index = key
        slot = _slot(team, duty_id, index)
        start = minutes(slot.start) if slot is not None else 0
        return (day, start, order.get(duty_id, len(order)), index)

    return sorted([*keys, *extra], key=sort_key)


def _slot(team: Team, duty_id: str, index: int) -> Slot | None:
    duty = team.duty_by_id.get(duty_id)
    if duty is None or index >= len(duty.slots):
        return None
    return duty.slots[index]


def _staff_on(
    assignments: Iterable[DutyAssignment],
) -> dict[SlotKey, list[str]]:
    staff_order: dict[SlotKey, list[str]] = defaultdict(list)
    for a in assignments:
        people = staff_order[(a.day, a.duty_id, a.slot_index)]
        if a.staff_id not in people:
            people.append(a.staff_id)
    return staff_order


def coverage_frame(
    team: Team, month: Month, result: RotaResult, lang: Language = "en"
) -> pd.DataFrame:
    """Per slot instance: minimum, target and maximum against assigned.

    Columns: Date, Weekday, Duty, Time, Min, Target, Max, Assigned,
    Short of min, Short of target, Over max. ``Short of min`` above 0 means
    the rota breaks a demand.
    """
    on = _staff_on(result.assignments)
    rows = []
    for key in _board_keys(team, month, result.assignments):
        day, duty_id, index = key
        slot = _slot(team, duty_id, index)
        assigned = len(on.get(key, ()))
        low = slot.min_staff if slot else 0
        target = slot.target if slot else 0
        high = slot.maximum if slot else 0
        rows.append(
            {
                "Date": day,
                "Weekday": weekday_name(day, lang),
                "Duty": duty_id,
                "Time": _time(slot, index, lang),
                "Min": low,
                "Target": target,
                "Max": high,
                "Assigned": assigned,
                "Short of min": max(0, low - assigned),
                "Short of target": max(0, target - assigned),
                "Over max": max(0, assigned - high),
            }
        )
    return pd.DataFrame(rows, columns=_COVERAGE_COLUMNS)


_COVERAGE_COLUMNS = [
    "Date",
    "Weekday",
    "Duty",
    "Time",
    "Min",
    "Target",
    "Max",
    "Assigned",
    "Short of min",
    "Short of target",
    "Over max",
]


@dataclass(frozen=True)
class GridCell:
    """One person on one day in the rota grid.

    Attributes
    ----------
    text:
        What the cell shows: duty slots one per line (``P 08-10``), an
        absence word, ``off`` on a day the person does not work, or blank.
    duty:
        The id of the cell's first duty (for its colour), else None.
    kind:
        ``duty``, ``absence``, ``off``, ``closed`` or ``""`` (free).
    """

    text: str
    duty: str | None
    kind: str


@dataclass(frozen=True)
class DayHeader:
    """A day above the grid: week, weekday, and why the team is closed.

    ``closed`` is the holiday's name, ``weekend`` or ``closed``, None on
    open days; ``holiday`` is the name to print above the date (public
    holidays and closed dates, not ordinary weekends).
    """

    day: date
    week: int
    weekday: str
    closed: str | None
    holiday: str | None


@dataclass(frozen=True)
class RotaCells:
    """The rota grid: people (rows) x days (columns) of :class:`GridCell`."""

    staff: tuple[str, ...]
    days: tuple[DayHeader, ...]
    cells: dict[tuple[str, date], GridCell]

    def cell(self, staff_id: str, day: date) -> GridCell:
        """The cell of a person on a day."""
        return self.cells[(staff_id, day)]

    def frame(self) -> pd.DataFrame:
        """The cells' text as a person x date DataFrame."""
        data = {
            head.day: [self.cells[(s, head.day)].text for s in self.staff]
            for head in self.days
        }
        index = pd.Index(self.staff, name="Staff")
        return pd.DataFrame(data, index=index, dtype=object)


def day_headers(
    team: Team, month: Month, lang: Language = "en"
) -> tuple[DayHeader, ...]:
    """Every day of the month with its week, weekday and closed reason."""
    heads = []
    for day in month.days():
        reason = team.calendar.closed_reason(day)
        ordinary = reason in (None, "weekend", "closed weekday")
        shown = reason
        if lang == "da" and not ordinary:
            # The holiday's Danish name where the calendar has one.
            danish = team.calendar.holidays_in(day.year, language="da")
            shown = danish.get(day, reason)
        heads.append(
            DayHeader(
                day=day,
                week=day.isocalendar().week,
                weekday=weekday_name(day, lang),
                closed=reason,
                holiday=None if ordinary else shown,
            )
        )
    return tuple(heads)


def day_headers_frame(
    team: Team, month: Month, lang: Language = "en"
) -> pd.DataFrame:
    """:func:`day_headers` as a frame: Date, Week, Weekday, Closed, Holiday."""
    rows = [
        {
            "Date": h.day,
            "Week": h.week,
            "Weekday": h.weekday,
            "Closed": h.closed,
            "Holiday": h.holiday,
        }
        for h in day_headers(team, month, lang)
    ]
    return pd.DataFrame(
        rows, columns=["Date", "Week", "Weekday", "Closed", "Holiday"]
    )


def _absence_on(
    absences: Iterable[Absence], day: date
) -> tuple[Absence | None, list[Absence]]:
    whole = None
    part = []
    for absence in absences:
        if not absence.covers(day):
            continue
        if absence.whole_day:
            whole = whole or absence
        else:
            part.append(absence)
    return whole, part


def rota_cells(
    team: Team, month: Month, result: RotaResult, lang: Language = "en"
) -> RotaCells:
    """The person x day grid of the rota, with absences and days off.

    A cell lists the person's duty slots that day by start time, one per
    line, as duty code and compact time (``P 08-10``). A whole-day absence
    shows its reason (``vacation``/``ferie``); a part-day absence adds a
    line such as ``sick 08-10``. On an open day outside the person's
    working pattern the cell says ``off``, also within an absence (a
    Monday-Thursday person's vacation week is ``off`` on Friday). Closed
    days are kind ``closed``
    and show nothing, unless someone was (wrongly) put on duty there.
    """
    codes = duty_codes(team)
    heads = day_headers(team, month, lang)
    by_cell: dict[tuple[str, date], list[tuple[int, str, str]]] = defaultdict(
        list
    )
    for a in result.assignments:
        slot = _slot(team, a.duty_id, a.slot_index)
        code = codes.get(a.duty_id, a.duty_id)
        if slot is None:
            entry = (0, f"{code} ?", a.duty_id)
        else:
            entry = (minutes(slot.start), slot_code(code, slot), a.duty_id)
        if entry not in by_cell[(a.staff_id, a.day)]:
            by_cell[(a.staff_id, a.day)].append(entry)
    cells: dict[tuple[str, date], GridCell] = {}
    for person in team.staff:
        absences = team.absences_of(person.id)
        for head in heads:
            entries = sorted(by_cell.get((person.id, head.day), []))
            lines = [label for _, label, _ in entries]
            first = entries[0][2] if entries else None
            kind = "duty" if entries else ""
            begin, end = team.working_hours(person, head.day)
            if head.closed is not None:
                kind = kind or "closed"
            elif begin == end:
                # A day off stays "off" inside an absence: a vacation
                # week of someone who works Monday-Thursday is not a
                # vacation day on Friday.
                if not lines:
                    lines.append(off_label(lang))
                    kind = "off"
            else:
                whole, part = _absence_on(absences, head.day)
                if whole is not None:
                    lines.append(absence_label(whole.reason, lang))
                    kind = kind or "absence"
                for absence in part:
                    assert absence.from_time and absence.to_time
                    lines.append(
                        f"{absence_label(absence.reason, lang)} "
                        f"{time_span(absence.from_time, absence.to_time)}"
                    )
            cells[(person.id, head.day)] = GridCell(
                text="\n".join(lines), duty=first, kind=kind
            )
    return RotaCells(
        staff=tuple(p.id for p in team.staff), days=heads, cells=cells
    )


def rota_grid_frame(
    team: Team, month: Month, result: RotaResult, lang: Language = "en"
) -> pd.DataFrame:
    """Person x day text of the rota (see :func:`rota_cells`)."""
    return rota_cells(team, month, result, lang).frame()


def board_frame(
    team: Team, month: Month, result: RotaResult, lang: Language = "en"
) -> pd.DataFrame:
    """The board: one row per slot instance with who is on it.

    Columns are :data:`BOARD_HEADERS`. ``Staff`` lists staff ids separated
    by commas (the machine-readable part, read back by
    :func:`balancer.inputs.rota_workbook.read_rota_workbook`); ``Names``
    repeats them as names for people reading the board. Every slot that
    must be staffed has a row, even when nobody is on it, so a planner can
    fill it in by hand. ``Note`` says when a slot is short or over.
    """
    on = _staff_on(result.assignments)
    rows = []
    for key in _board_keys(team, month, result.assignments):
        day, duty_id, index = key
        slot = _slot(team, duty_id, index)
        people = on.get(key, [])
        names = [
            team.staff_by_id[s].name or s if s in team.staff_by_id else s
            for s in people
        ]
        low = slot.min_staff if slot else None
        target = slot.target if slot else None
        high = slot.maximum if slot else None
        rows.append(
            {
                "Date": day,
                "Time": _time(slot, index, lang),
                "Duty": duty_id,
                "Staff": ", ".join(people),
                "Day": weekday_name(day, lang),
                "Names": ", ".join(names),
                "Min": low,
                "Target": target,
                "Max": high,
                "Note": _staffing_note(
                    Words(lang), len(people), low, target, high
                ),
                "Duty name": _duty_name(team, duty_id),
            }
        )
    return pd.DataFrame(rows, columns=list(BOARD_HEADERS))


def _staffing_note(
    words: Words,
    count: int,
    low: int | None,
    target: int | None,
    high: int | None,
) -> str:
    if low is None or target is None or high is None:
        return words("board.unknown_slot")
    if count < low:
        return words("board.short", count=low - count)
    if count > high:
        return words("board.over", count=count - high)
    if count < target:
        return words("board.below_target", count=target - count)
    return ""


def _duty_name(team: Team, duty_id: str) -> str:
    """The duty's title, the team's own name for it (else its id)."""
    duty = team.duty_by_id.get(duty_id)
    return (duty.title.strip() or duty_id) if duty else duty_id


def _time(slot: Slot | None, index: int, lang: Language) -> str:
    """The slot's times, or ``slot 2`` for one the team does not have."""
    if slot is not None:
        return slot.label
    return Words(lang)("board.slot", number=index + 1)
