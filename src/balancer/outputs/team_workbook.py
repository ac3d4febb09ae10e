"""Write a Team as a team workbook, in exactly the layout the reader reads.

Used to hand a planner an editable copy of a team (e.g. the demo team or a
JSON team) and by the template. A bold frozen header row, dates as real
dates shown ``dd.mm.yyyy``, times shown ``hh:mm``. With ``lang="da"``
sheet names, headers, the words in the cells (``ja``, ``ferie``,
``man-tor`` ...) and the Rules sheet's notes are Danish; every one of them
is a word the reader accepts, so reading the written workbook gives back
the same team in either language.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill

from balancer.domain import (
    CalendarSettings,
    CaseStatus,
    Duty,
    Rules,
    Staff,
    Team,
    Weights,
    WorkDay,
)
from balancer.files.saving import save_workbook, write_value
from balancer.files.schema import (
    ABSENCES,
    CASES,
    DUTIES,
    HISTORY,
    PREFERENCES,
    RULES,
    SETTINGS,
    STAFF,
    Setting,
    Sheet,
)
from balancer.language import Words, weekday_short
from balancer.outputs.styling import font, page_setup

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.language import Language

__all__ = [
    "DATE_FORMAT",
    "TIME_FORMAT",
    "format_days",
    "setting_help",
    "team_workbook",
    "write_team_workbook",
]

DATE_FORMAT = "dd.mm.yyyy"
TIME_FORMAT = "hh:mm"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_MAX_WIDTH = 45


def write_team_workbook(
    team: Team,
    path: str | Path,
    inputs: Iterable[Path] = (),
    lang: Language = "en",
) -> Path:
    """Write ``team`` to ``path`` as a team workbook, atomically.

    Refuses to overwrite any of ``inputs``. Returns the path written.
    ``lang`` is the workbook's language (``da``: Danish).
    """
    return save_workbook(team_workbook(team, lang), path, inputs=inputs)


def team_workbook(team: Team, lang: Language = "en") -> Workbook:
    """The team as an openpyxl workbook (not saved), in ``lang``."""
    words = Words(lang)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    write_rows(book, STAFF, [_staff_row(p, words) for p in team.staff], lang)
    write_rows(
        book,
        ABSENCES,
        [_absence_row(a, words) for a in team.absences],
        lang,
    )
    write_rows(
        book,
        DUTIES,
        [
            _slot_row(duty, i, words)
            for duty in team.duties
            for i in range(len(duty.slots))
        ],
        lang,
    )
    write_rows(book, RULES, _settings_rows(team, words), lang)
    write_rows(
        book,
        PREFERENCES,
        [_preference_row(p, words) for p in team.preferences],
        lang,
    )
    write_rows(book, HISTORY, [_history_row(h) for h in team.history], lang)
    write_rows(book, CASES, [_case_row(c, words) for c in team.cases], lang)
    for sheet in book.worksheets:
        # Printed, a sheet keeps its columns on one page across.
        page_setup(sheet, landscape=True, title=sheet.title, fit_width=True)
        sheet.print_title_rows = "1:1"
    return book


# --------------------------------------------------------------------------
# Sheet layout
# --------------------------------------------------------------------------


def write_rows(
    book: Workbook,
    spec: Sheet,
    rows: Sequence[Mapping[str, Any]],
    lang: Language = "en",
) -> Worksheet:
    """Add sheet ``spec`` with a header row and one row per mapping.

    Mappings are keyed by column key; dates and times get their display
    formats; text is stored as text even if it starts like a formula.
    The sheet's name and headers are in ``lang``.
    """
    sheet = book.create_sheet(spec.name_in(lang))
    headers = spec.headers_in(lang)
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        # Named, so LibreOffice does not fall back to a wider serif face.
        cell.font = font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
    # Bold letters run wider than the width unit (a plain digit).
    widths = [round(len(header) * 1.15) + 2 for header in headers]
    for number, values in enumerate(rows, start=2):
        for col, column in enumerate(spec.columns, start=1):
            value = values.get(column.key)
            if value is None or value == "":
                continue
            cell = sheet.cell(row=number, column=col)
            write_value(cell, value)
            if isinstance(value, datetime | date):
                cell.number_format = DATE_FORMAT
                shown = 10
            elif isinstance(value, time):
                cell.number_format = TIME_FORMAT
                shown = 5
            else:
                shown = len(str(value))
            widths[col - 1] = max(widths[col - 1], shown + 2)
    for col, width in enumerate(widths, start=1):
        letter = sheet.cell(row=1, column=col).column_letter
        sheet.column_dimensions[letter].width = min(width, _MAX_WIDTH)
    sheet.freeze_panes = "A2"
    return sheet


def _yes(flag: bool, words: Words) -> str:
    return words.value("yes" if flag else "no")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _clock(moment: time) -> time | str:
    # Excel cannot show 24:00 as a time of day; the reader accepts text.
    return "24:00" if moment == time.max else moment


def _clock_text(moment: time) -> str:
    return "24:00" if moment == time.max else f"{moment:%H:%M}"


def format_days(days: Iterable[int], lang: Language = "en") -> str:
    """Weekdays as short ranges, e.g. ``Mon-Wed, Fri`` or ``man-ons,
    fre``."""
    ordered = sorted(set(days))
    parts: list[str] = []
    run: list[int] = []
    for day in ordered:
        if run and day != run[-1] + 1:
            parts.append(_run_text(run, lang))
            run = []
        run.append(day)
    if run:
        parts.append(_run_text(run, lang))
    return ", ".join(parts)


def _run_text(run: list[int], lang: Language) -> str:
    first, last = weekday_short(run[0], lang), weekday_short(run[-1], lang)
    if len(run) == 1:
        return first
    if len(run) == 2:
        return f"{first}, {last}"
    return f"{first}-{last}"


def _mapping_text(values: Mapping[str, float | int]) -> str:
    return ", ".join(f"{k}:{_number(v)}" for k, v in values.items())


# --------------------------------------------------------------------------
# Rows per record
# --------------------------------------------------------------------------


def _pattern_cells(
    pattern: tuple[WorkDay, ...], words: Words
) -> dict[str, Any]:
    if not pattern:
        return {}
    spans = {(day.start, day.end) for day in pattern}
    if len(spans) == 1:
        [(start, end)] = spans
        return {
            "days": format_days((day.weekday for day in pattern), words.lang),
            "start": _clock(start),
            "end": _clock(end),
        }
    return {
        "days": ", ".join(
            f"{weekday_short(day.weekday, words.lang)} "
            f"{_clock_text(day.start)}-{_clock_text(day.end)}"
            for day in pattern
        )
    }


def _staff_row(person: Staff, words: Words) -> dict[str, Any]:
    duties: str | None
    if person.duties is None:
        duties = None
    else:
        duties = ", ".join(person.duties) or words("team.no_duty")
    return {
        "id": person.id,
        "name": person.name,
        **_pattern_cells(person.pattern, words),
        "skills": _mapping_text(person.skills),
        "duties": duties,
        **_simple_cells(STAFF, person, words),
    }


def _simple_cells(spec: Sheet, record: Any, words: Words) -> dict[str, Any]:
    """The record's field of every simple column, as its cell shows it."""
    cells: dict[str, Any] = {}
    for column in spec.columns:
        if column.parse is None:
            continue
        value = getattr(record, column.key)
        if isinstance(value, bool):
            value = _yes(value, words)
        cells[column.key] = value
    return cells


def _absence_row(absence: Any, words: Words) -> dict[str, Any]:
    return {
        "staff_id": absence.staff_id,
        "start": absence.start,
        "end": absence.end,
        "from_time": _clock(absence.from_time) if absence.from_time else None,
        "to_time": _clock(absence.to_time) if absence.to_time else None,
        "reason": words(f"team.reason.{absence.reason.value}"),
    }


def _slot_row(duty: Duty, index: int, words: Words) -> dict[str, Any]:
    """One slot of a duty; its first row also names the duty."""
    slot = duty.slots[index]
    first = index == 0
    needs = ", ".join(
        (f"{need.count} x " if need.count != 1 else "")
        + f"{need.skill}:{need.min_level}"
        for need in slot.requirements
    )
    return {
        "duty": duty.id,
        "weekdays": format_days(slot.weekdays, words.lang),
        "start": _clock(slot.start),
        "end": _clock(slot.end),
        "min_staff": slot.min_staff,
        "target_staff": slot.target_staff,
        "max_staff": slot.max_staff,
        "requirements": needs,
        "unpopular": _yes(slot.unpopular, words),
        "name": duty.name if first else None,
        "colour": duty.colour if first else None,
    }


def _preference_row(preference: Any, words: Words) -> dict[str, Any]:
    return {
        "staff_id": preference.staff_id,
        "want": words("team.want" if preference.want else "team.avoid"),
        "weekday": (
            weekday_short(preference.weekday, words.lang)
            if preference.weekday is not None
            else None
        ),
        "on": preference.on,
        "duty": preference.duty,
        "slot_start": (
            _clock(preference.slot_start) if preference.slot_start else None
        ),
        "weight": preference.weight,
    }


def _history_row(balance: Any) -> dict[str, Any]:
    return {
        "staff_id": balance.staff_id,
        "duty": balance.duty,
        "hours": _number(balance.hours),
        "unpopular_slots": _number(balance.unpopular_slots),
    }


_STATUS_TEXT = {
    CaseStatus.NEW: "new",
    CaseStatus.ASSIGNED: "assigned",
    CaseStatus.IN_PROGRESS: "in progress",
    CaseStatus.WAITING: "waiting",
}


def _case_row(case: Any, words: Words) -> dict[str, Any]:
    return {
        "id": case.id,
        "type": case.type,
        "skill": case.skill,
        "min_level": case.min_level,
        "effort_hours": _number(case.effort_hours),
        "received": case.received,
        "deadline": case.deadline,
        "started": case.started,
        "priority": words.value(case.priority.name.lower()),
        "owner": case.owner,
        "status": words(f"team.status.{_STATUS_TEXT[case.status]}"),
        "group": case.group,
        "pinned": _yes(case.pinned, words),
        "effort_by_staff": _mapping_text(case.effort_by_staff),
        "cost_by_staff": _mapping_text(case.cost_by_staff),
        **_simple_cells(CASES, case, words),
    }


# --------------------------------------------------------------------------
# Rules sheet
# --------------------------------------------------------------------------


def setting_help(setting: Setting, lang: Language = "en") -> str:
    """A setting's meaning and default in words, in ``lang``.

    Rules and weights are described by the domain models (English) and the
    catalogue (``setting.<field>``, the same words in every language).
    """
    words = Words(lang)
    if setting.group in ("rules", "weights"):
        model = Rules if setting.group == "rules" else Weights
        info = model.model_fields[setting.field]
        key = "setting.rule" if setting.group == "rules" else "setting.weight"
        description = (
            info.description or ""
            if lang == "en"
            else words(f"setting.{setting.field}")
        )
        return words(
            key,
            description=description,
            default=_shown(info.default, words),
        )
    if setting.key in ("country", "subdivision", "closed_dates"):
        return words(f"setting.{setting.key}")
    default_hours = CalendarSettings().hours_on(int(setting.field))
    shown = (
        f"{_clock_text(default_hours.open)}-{_clock_text(default_hours.close)}"
        if default_hours
        else words("team.closed")
    )
    return words(
        "setting.opening_hours",
        day=words(f"setting.day.{setting.field}"),
        default=shown,
    )


def _shown(value: Any, words: Words) -> str:
    """A default as the note writes it (``37.0`` as Python writes it in
    English, as the docs have always shown it; ``37`` in Danish)."""
    if isinstance(value, time):
        return _clock_text(value)
    if words.lang == "en":
        return str(value)
    if value is None:
        return words("setting.blank")
    if isinstance(value, bool):
        return words.value("yes" if value else "no")
    if isinstance(value, float):
        return words.number(value)
    if isinstance(value, StrEnum):
        return f"`{value}`"  # a name the reader knows, as the note shows it
    return str(value)


def _setting_value(team: Team, setting: Setting, words: Words) -> Any:
    if setting.group == "rules":
        value = getattr(team.rules, setting.field)
    elif setting.group == "weights":
        value = getattr(team.weights, setting.field)
    elif setting.key == "closed_dates":
        value = ", ".join(
            f"{day:%d.%m.%Y}" for day in team.calendar.closed_dates
        )
    elif setting.key.startswith("opening_hours_"):
        hours = team.calendar.hours_on(int(setting.field))
        value = (
            f"{_clock_text(hours.open)}-{_clock_text(hours.close)}"
            if hours
            else words("team.closed")
        )
    else:
        value = getattr(team.calendar, setting.field)
    if isinstance(value, time):
        return _clock(value)
    if isinstance(value, float):
        return _number(value)
    return value


def _settings_rows(team: Team, words: Words) -> list[dict[str, Any]]:
    return [
        {
            "setting": setting.key,
            "value": _setting_value(team, setting, words),
            "note": setting_help(setting, words.lang),
        }
        for setting in SETTINGS
    ]
