"""Results as plain tables: pure functions from a result to DataFrames.

Nothing here knows about fonts, colours or sheets; the workbook writers in
``balancer.outputs`` format these frames. Keeping the numbers pure lets the
tests check them without a spreadsheet, and lets other outputs (a web page,
a CSV) reuse them.

Balances carried to next month
------------------------------
A person's fair share for the month (``StaffDutySummary.fair_share_hours``)
already subtracts the balance carried in from History: someone who did 3 h
too much last month has a fair share 3 h smaller this month. Their
deviation, assigned minus fair share, therefore *is* the new balance:

    new balance = assigned - fair share
                = assigned - (raw share - old balance)
                = (assigned - raw share) + old balance

so it is written to the new History sheet as it is, never added to the old
balance a second time. The same holds per duty (``hours_by_duty`` against
``fair_share_by_duty``) and for unpopular slots.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Literal

import pandas as pd

from balancer.domain import AbsenceReason, Weekday, minutes
from balancer.files.schema import HISTORY
from balancer.outputs.metrics import owned_hours

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Absence, Month, Slot, Team
    from balancer.result import (
        BacklogResult,
        DutyAssignment,
        PenaltyTerm,
        RotaResult,
        SolveStats,
    )

__all__ = [
    "BOARD_HEADERS",
    "Baselines",
    "DayHeader",
    "GridCell",
    "Language",
    "RotaCells",
    "SlotKey",
    "absence_label",
    "backlog_metrics",
    "baselines_frame",
    "board_frame",
    "cases_frame",
    "conflicts_frame",
    "coverage_frame",
    "day_headers",
    "day_headers_frame",
    "duty_codes",
    "fairness_frame",
    "history_frame",
    "load_frame",
    "month_name",
    "rota_cells",
    "rota_grid_frame",
    "shelf_frame",
    "slot_code",
    "slot_instances",
    "stats_frame",
    "terms_frame",
    "time_span",
    "weekday_name",
]

Language = Literal["en", "da"]

#: Baseline name -> metric -> value, set beside a backlog plan's figures,
#: e.g. ``{"Round robin": {"Max utilisation %": 104.0}}``.
Baselines = Mapping[str, Mapping[str, float | str | None]]

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
)

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
SlotKey = tuple[date, str, int]


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Slot instances and coverage
# --------------------------------------------------------------------------


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
    team: Team, month: Month, result: RotaResult
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
                "Weekday": weekday_name(day),
                "Duty": duty_id,
                "Time": slot.label if slot else f"slot {index + 1}",
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


# --------------------------------------------------------------------------
# The rota grid
# --------------------------------------------------------------------------


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
    working pattern the cell says ``off``. Closed days are kind ``closed``
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
            if head.closed is not None:
                kind = kind or "closed"
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
                begin, end = team.working_hours(person, head.day)
                if not lines and begin == end:
                    lines.append(_OFF_LABEL[lang])
                    kind = "off"
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


# --------------------------------------------------------------------------
# The board
# --------------------------------------------------------------------------


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
                "Time": slot.label if slot else f"slot {index + 1}",
                "Duty": duty_id,
                "Staff": ", ".join(people),
                "Day": weekday_name(day, lang),
                "Names": ", ".join(names),
                "Min": low,
                "Target": target,
                "Max": high,
                "Note": _staffing_note(len(people), low, target, high),
            }
        )
    return pd.DataFrame(rows, columns=list(BOARD_HEADERS))


def _staffing_note(
    count: int, low: int | None, target: int | None, high: int | None
) -> str:
    if low is None or target is None or high is None:
        return "unknown slot"
    if count < low:
        return f"short by {low - count}"
    if count > high:
        return f"over by {count - high}"
    if count < target:
        return f"below target by {target - count}"
    return ""


# --------------------------------------------------------------------------
# Fairness and history
# --------------------------------------------------------------------------


def _old_balance(team: Team, staff_id: str) -> tuple[float, float]:
    """Carried hours (all-duties rows, else the duty rows) and unpopular."""
    mine = [b for b in team.history if b.staff_id == staff_id]
    overall = [b for b in mine if b.duty is None]
    hours = sum(b.hours for b in (overall or mine))
    unpopular = sum(b.unpopular_slots for b in mine)
    return hours, unpopular


def fairness_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """Per person: duty hours and unpopular slots against fair share.

    Columns: Staff, Name, Available hours, Old balance, Fair share,
    Assigned, Deviation, Unpopular slots, Unpopular fair share, Unpopular
    deviation, then ``<duty> hours`` per duty, each followed by
    ``<duty> fair share`` when the rota has fair shares per duty (blank
    for someone who may not take the duty). ``Fair share`` already
    subtracts the old balance, so ``Deviation`` (assigned - fair share) is
    the new balance carried to next month (see the module docstring).
    Hours are rounded to 0.01.

    The per-duty shares are each duty's hours split among the people who
    may take it, so for someone who may take only some duties they need
    not add up to their overall share: both cannot be met, and the
    columns side by side show by how much.

    With carried history the cumulative view follows: ``Month deviation``
    (assigned - this month's fair share before the old balance) and
    ``New balance`` (old balance + month deviation = ``Deviation``).
    """
    summaries = {s.staff_id: s for s in result.staff}
    cumulative = bool(team.history)
    shared = {
        duty_id for s in result.staff for duty_id in s.fair_share_by_duty
    }
    rows = []
    for person in team.staff:
        summary = summaries.get(person.id)
        if summary is None:
            continue
        old_hours, _ = _old_balance(team, person.id)
        row: dict[str, object] = {
            "Staff": person.id,
            "Name": person.name,
            "Available hours": _r(summary.available_hours),
            "Old balance": _r(old_hours),
            "Fair share": _r(summary.fair_share_hours),
            "Assigned": _r(summary.assigned_hours),
            "Deviation": _r(summary.deviation_hours),
            "Unpopular slots": summary.unpopular_slots,
            "Unpopular fair share": _r(summary.unpopular_fair_share),
            "Unpopular deviation": _r(
                summary.unpopular_slots - summary.unpopular_fair_share
            ),
        }
        for duty in team.duties:
            row[f"{duty.id} hours"] = _r(summary.hours_by_duty.get(duty.id, 0))
            if duty.id in summary.fair_share_by_duty:
                row[f"{duty.id} fair share"] = _r(
                    summary.fair_share_by_duty[duty.id]
                )
        if cumulative:
            row["Month deviation"] = _r(summary.deviation_hours - old_hours)
            row["New balance"] = _r(summary.deviation_hours)
        rows.append(row)
    per_duty = []
    for duty in team.duties:
        per_duty.append(f"{duty.id} hours")
        if duty.id in shared:
            per_duty.append(f"{duty.id} fair share")
    columns = [
        *_FAIRNESS_COLUMNS,
        *per_duty,
        *(("Month deviation", "New balance") if cumulative else ()),
    ]
    return pd.DataFrame(rows, columns=columns)


_FAIRNESS_COLUMNS = [
    "Staff",
    "Name",
    "Available hours",
    "Old balance",
    "Fair share",
    "Assigned",
    "Deviation",
    "Unpopular slots",
    "Unpopular fair share",
    "Unpopular deviation",
]


def _r(value: float) -> float:
    # `+ 0.0` turns -0.0 into 0.0 so a sheet never shows "-0".
    return round(float(value), 2) + 0.0


def history_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """The new History sheet: balances to carry into next month.

    Same columns as the input History sheet (``columns.HISTORY``): Staff,
    Duty, Balance hours, Unpopular balance. One row per person with a blank
    duty (all duties together: assigned - fair share, which already
    includes the old balance) and, when the result has per-duty fair
    shares, one row per person and duty (that duty's hours - its fair
    share). The unpopular balance sits on the all-duties row.

    Without a rota (no staff summaries) the old balances are carried on
    unchanged, so nothing is lost when a month could not be planned.
    """
    headers = HISTORY.headers
    if not result.staff:
        rows = [
            (b.staff_id, b.duty or "", _r(b.hours), _r(b.unpopular_slots))
            for b in team.history
        ]
        return pd.DataFrame(rows, columns=list(headers))
    summaries = {s.staff_id: s for s in result.staff}
    ordered = [p.id for p in team.staff if p.id in summaries]
    ordered += [s for s in summaries if s not in team.staff_by_id]
    rows = []
    for staff_id in ordered:
        summary = summaries[staff_id]
        rows.append(
            (
                staff_id,
                "",
                _r(summary.deviation_hours),
                _r(summary.unpopular_slots - summary.unpopular_fair_share),
            )
        )
        for duty in team.duties:
            if duty.id not in summary.fair_share_by_duty:
                continue
            balance = summary.hours_by_duty.get(
                duty.id, 0.0
            ) - summary.fair_share_by_duty.get(duty.id, 0.0)
            rows.append((staff_id, duty.id, _r(balance), 0.0))
    return pd.DataFrame(rows, columns=list(headers))


# --------------------------------------------------------------------------
# Summaries shared by both plans
# --------------------------------------------------------------------------


def stats_frame(stats: SolveStats) -> pd.DataFrame:
    """Status, objective, bound, gap and time as Item / Value rows."""
    gap = stats.gap
    rows: list[tuple[str, object]] = [
        ("Status", stats.status.value),
        ("Objective", stats.objective),
        ("Best bound", stats.bound),
        ("Gap", None if gap is None else round(gap, 4)),
        ("Seconds", round(stats.seconds, 2)),
        ("Stopped by user", "yes" if stats.interrupted else "no"),
    ]
    rows += [(f"Phase {i + 1}", p) for i, p in enumerate(stats.phases)]
    return pd.DataFrame(rows, columns=["Item", "Value"])


def terms_frame(terms: Iterable[PenaltyTerm]) -> pd.DataFrame:
    """The soft goals: name, description, weight, value and weighted."""
    rows = [
        {
            "Goal": term.name,
            "Description": term.description,
            "Weight": term.weight,
            "Value": term.value,
            "Weighted": term.weighted,
        }
        for term in terms
    ]
    return pd.DataFrame(
        rows, columns=["Goal", "Description", "Weight", "Value", "Weighted"]
    )


def conflicts_frame(result: RotaResult | BacklogResult) -> pd.DataFrame:
    """Conflicts and warnings: rule, date and message."""
    rows = [
        {"Rule": c.rule, "Date": c.day, "Message": c.message}
        for c in result.conflicts
    ]
    return pd.DataFrame(rows, columns=["Rule", "Date", "Message"])


# --------------------------------------------------------------------------
# Backlog
# --------------------------------------------------------------------------


def cases_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Per case: where it goes and when it is forecast to be worked.

    Columns: Case, Type, Priority, Effort hours (for the new owner), Owner
    (blank = shelf), Previous owner, Moved, Planned start, Planned finish,
    Deadline, Late, Risk. Rows follow the result's order.
    """
    cases = {case.id: case for case in team.cases}
    rows = []
    for a in result.assignments:
        case = cases.get(a.case_id)
        effort = None
        if case is not None:
            effort = _r(
                case.effort_for(a.staff_id)
                if a.staff_id
                else case.effort_hours
            )
        rows.append(
            {
                "Case": a.case_id,
                "Type": case.type if case else "",
                "Priority": case.priority.name.lower() if case else "",
                "Effort hours": effort,
                "Owner": a.staff_id or "",
                "Previous owner": a.previous_owner or "",
                "Moved": "yes" if a.moved else "",
                "Planned start": a.planned_start,
                "Planned finish": a.planned_finish,
                "Deadline": case.deadline if case else None,
                "Late": "yes" if a.late else "",
                "Risk": a.risk,
            }
        )
    return pd.DataFrame(rows, columns=_CASES_COLUMNS)


_CASES_COLUMNS = [
    "Case",
    "Type",
    "Priority",
    "Effort hours",
    "Owner",
    "Previous owner",
    "Moved",
    "Planned start",
    "Planned finish",
    "Deadline",
    "Late",
    "Risk",
]


def load_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Per caseworker: casework hours, load, utilisation and cases.

    Casework hours are the hours for cases over the horizon: the free hours
    the result reports plus the cases they keep (in progress or pinned).
    Load is the effort of all cases they own after the run, kept ones
    included, in their own hours (``Case.effort_for``). Utilisation = load
    / casework hours, as the balance goal counts it; blank when there are
    no casework hours. Listed: everyone who takes casework, has capacity
    or owns a case.
    """
    load, kept = owned_hours(team, result.assignments)
    count: dict[str, int] = defaultdict(int)
    moved_in: dict[str, int] = defaultdict(int)
    late: dict[str, int] = defaultdict(int)
    for a in result.assignments:
        if a.staff_id is None:
            continue
        count[a.staff_id] += 1
        moved_in[a.staff_id] += int(a.moved)
        late[a.staff_id] += int(a.late)
    ids = [
        p.id
        for p in team.staff
        if p.casework or p.id in result.capacity_hours or p.id in count
    ]
    ids += [s for s in (*result.capacity_hours, *count) if s not in ids]
    rows = []
    for staff_id in dict.fromkeys(ids):
        person = team.staff_by_id.get(staff_id)
        free = result.capacity_hours.get(staff_id, 0.0)
        owned = load.get(staff_id, 0.0)
        casework = free + kept.get(staff_id, 0.0)
        share = owned / casework if casework > 1e-9 else None
        rows.append(
            {
                "Staff": staff_id,
                "Name": person.name if person else "",
                "Casework hours": _r(casework),
                "Kept hours": _r(kept.get(staff_id, 0.0)),
                "Load hours": _r(owned),
                "Utilisation": None if share is None else round(share, 4),
                "Cases": count[staff_id],
                "Moved in": moved_in[staff_id],
                "Late": late[staff_id],
            }
        )
    return pd.DataFrame(rows, columns=_LOAD_COLUMNS)


_LOAD_COLUMNS = [
    "Staff",
    "Name",
    "Casework hours",
    "Kept hours",
    "Load hours",
    "Utilisation",
    "Cases",
    "Moved in",
    "Late",
]


def shelf_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Cases left on the shelf, next one first.

    Ordered by ``shelf_rank`` (cases without a rank last, by id). Columns:
    Rank, Case, Type, Priority, Effort hours, Received, Deadline, Risk.
    """
    cases = {case.id: case for case in team.cases}
    shelf = [a for a in result.assignments if a.staff_id is None]
    shelf.sort(
        key=lambda a: (
            a.shelf_rank is None,
            a.shelf_rank or 0,
            a.case_id,
        )
    )
    rows = []
    for a in shelf:
        case = cases.get(a.case_id)
        rows.append(
            {
                "Rank": a.shelf_rank,
                "Case": a.case_id,
                "Type": case.type if case else "",
                "Priority": case.priority.name.lower() if case else "",
                "Effort hours": _r(case.effort_hours) if case else None,
                "Received": case.received if case else None,
                "Deadline": case.deadline if case else None,
                "Risk": a.risk,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "Rank",
            "Case",
            "Type",
            "Priority",
            "Effort hours",
            "Received",
            "Deadline",
            "Risk",
        ],
    )


def backlog_metrics(team: Team, result: BacklogResult) -> dict[str, float]:
    """Headline figures of a backlog plan, to set beside baselines.

    Max and spread of utilisation (in %, over people with capacity), cases
    moved, cases forecast late, cases left on the shelf, and hours left on
    the shelf.
    """
    load = load_frame(team, result)
    used = load["Utilisation"].dropna().astype(float)
    shelf = shelf_frame(team, result)
    return {
        "Max utilisation %": round(float(used.max()) * 100, 1)
        if len(used)
        else 0.0,
        "Utilisation spread %": round(float(used.max() - used.min()) * 100, 1)
        if len(used)
        else 0.0,
        "Cases moved": float(sum(a.moved for a in result.assignments)),
        "Cases late": float(sum(a.late for a in result.assignments)),
        "Cases on shelf": float(len(shelf)),
        "Shelf hours": _r(shelf["Effort hours"].fillna(0).sum()),
    }


def baselines_frame(
    ours: Mapping[str, float],
    baselines: Baselines | None,
    name: str = "This plan",
) -> pd.DataFrame:
    """Our figures and each baseline's, side by side.

    One row per metric (ours first, then any extra metric a baseline
    reports), one column per plan: ``name`` first, then the baselines in
    the order given. A baseline without a metric leaves its cell blank.
    """
    plans: dict[str, Mapping[str, float | str | None]] = {name: ours}
    plans.update(baselines or {})
    metrics = list(ours)
    for figures in plans.values():
        metrics += [m for m in figures if m not in metrics]
    rows = [
        {"Metric": metric, **{p: f.get(metric) for p, f in plans.items()}}
        for metric in metrics
    ]
    return pd.DataFrame(rows, columns=["Metric", *plans])
