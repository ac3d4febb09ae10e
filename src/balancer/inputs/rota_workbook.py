"""Reading a rota back from its workbook's Board sheet.

The Board sheet (written by :mod:`balancer.outputs.rota_workbook`) is the
rota in machine-readable form: one row per date, slot and duty, with the
staff ids on it in one cell. A planner edits the rota by editing those ids
(or adding rows); ``balancer check`` reads it back through
:func:`read_rota_workbook` and validates it.

This reader only translates rows into :class:`DutyAssignment` records. It
does not judge the rota (a person on duty during her vacation is read
fine); the validator does that. It does reject what it cannot translate:
an unknown staff id or duty, a date outside the month, a time that is no
slot of the duty. Every such problem is collected and raised together as
an :class:`InputError` naming the sheet, row and column.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balancer.domain import Weekday, minutes
from balancer.errors import InputError, InputProblem
from balancer.files.schema import Column, Sheet, normalise_header
from balancer.result import DutyAssignment

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Duty, Month, Staff, Team

__all__ = ["BOARD", "PUBLISHED", "read_published", "read_rota_workbook"]

BOARD = Sheet(
    key="board",
    name="Board",
    aliases=("Tavle", "Vagttavle", "Oversigt"),
    required=True,
    columns=(
        Column("date", "Date", ("Dato", "Dag dato"), True, "04.01.2027"),
        Column("time", "Time", ("Tid", "Kl", "Klokken", "Slot"), True,
               "08:00-10:00", "Start-end of one of the duty's slots."),
        Column("duty", "Duty", ("Vagt", "Opgave"), True, "phone",
               "A duty id from the Duties sheet."),
        Column("staff", "Staff", ("Medarbejdere", "Medarbejder", "IDs",
                                   "Initialer"), True, "ann, bo",
               "Staff ids separated by commas; blank = nobody."),
    ),
)  # fmt: skip

#: The rota as balancer published it: a hidden copy of the Board's
#: Date, Time, Duty and Staff columns, so ``--keep`` can tell which cells
#: the planner changed by hand.
PUBLISHED = Sheet(
    key="published",
    name="Published",
    aliases=(),
    required=False,
    columns=BOARD.columns,
)

#: How far down the reader looks for the header row.
_HEADER_SEARCH_ROWS = 10
_DATE_FORMATS = ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%y")
_TIME_SPAN = re.compile(
    # Hyphen, en dash or em dash between start and end (Excel autocorrects).
    r"^\D*(\d{1,2})(?:[:.](\d{2}))?\s*[-\u2013\u2014]\s*"
    r"(\d{1,2})(?:[:.](\d{2}))?\s*$"
)
_SEPARATORS = re.compile(r"\s*(?:[,;\n/&+]|\s+og\s+|\s+and\s+)\s*")


def read_rota_workbook(
    path: str | Path, team: Team, month: Month, sheet: Sheet = BOARD
) -> list[DutyAssignment]:
    """Read the rota from the Board sheet of a rota workbook.

    Each row names a date (in ``month``), a slot's time (``08:00-10:00``),
    a duty id, and the staff ids on it separated by commas. Staff may also
    be written by their full name when no one else has it. Rows with an
    empty Staff cell have nobody on them; empty rows are skipped. The same
    person named twice on one slot counts once.

    Returns the assignments sorted by date, start time, duty and staff.
    ``sheet=PUBLISHED`` reads the hidden copy of the rota as published.

    Raises
    ------
    InputError
        Listing every row that cannot be read, with sheet, row, column
        and the fix.
    """
    source = Path(path)
    sheet_name, rows = _board_rows(source, sheet)
    header_row, columns = _find_header(rows, sheet_name, source)
    problems: list[InputProblem] = []
    found: dict[tuple[date, str, int, str], None] = {}
    for number, row in enumerate(rows[header_row:], start=header_row + 1):
        values = {key: _cell(row, index) for key, index in columns.items()}
        if all(_blank(v) for v in values.values()):
            continue
        before = len(problems)
        where = _Where(sheet_name, number, columns, rows[header_row - 1])
        day = _read_date(values["date"], month, where, problems)
        duty = _read_duty(values["duty"], team, where, problems)
        index = None
        if day is not None and duty is not None:
            index = _read_slot(values["time"], duty, day, where, problems)
        staff = _read_staff(values["staff"], team, where, problems)
        if len(problems) > before:
            continue
        assert day is not None and duty is not None and index is not None
        for staff_id in staff:
            found[(day, duty.id, index, staff_id)] = None
    if problems:
        raise InputError(problems, source=str(source))
    order = {duty.id: i for i, duty in enumerate(team.duties)}
    keys = sorted(
        found,
        key=lambda k: (
            k[0],
            minutes(team.duty_by_id[k[1]].slots[k[2]].start),
            order[k[1]],
            k[3],
        ),
    )
    return [
        DutyAssignment(staff_id=s, day=d, duty_id=u, slot_index=i)
        for d, u, i, s in keys
    ]


# --------------------------------------------------------------------------
# The sheet and its header
# --------------------------------------------------------------------------


def read_published(
    path: str | Path, team: Team, month: Month
) -> list[DutyAssignment] | None:
    """The rota as balancer wrote it; None when there is no copy of it.

    Workbooks written before the Published sheet existed have none.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(Path(path), read_only=True)
        titles = list(book.sheetnames)
        book.close()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        titles = []  # read_rota_workbook names the problem
    if not any(PUBLISHED.matches(t) for t in titles):
        read_rota_workbook(path, team, month)  # same file errors as Board
        return None
    return read_rota_workbook(path, team, month, sheet=PUBLISHED)


def _board_rows(
    source: Path, spec: Sheet = BOARD
) -> tuple[str, list[tuple[Any, ...]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError:
        raise _file_error(
            source, "the file does not exist", "check the path"
        ) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise _file_error(
            source,
            "the file is not an Excel workbook (.xlsx)",
            "save it from Excel as .xlsx",
        ) from None
    try:
        for title in book.sheetnames:
            if spec.matches(title):
                rows = list(book[title].iter_rows(values_only=True))
                return title, rows
    finally:
        book.close()
    raise InputError(
        [
            InputProblem(
                f"no {spec.name} sheet; sheets found: "
                f"{', '.join(book.sheetnames) or '(none)'}",
                fix="use the rota workbook balancer wrote, with its "
                f"{spec.name} sheet",
            )
        ],
        source=str(source),
    )


def _file_error(source: Path, message: str, fix: str) -> InputError:
    return InputError([InputProblem(message, fix=fix)], source=str(source))


def _find_header(
    rows: list[tuple[Any, ...]], sheet_name: str, source: Path
) -> tuple[int, dict[str, int]]:
    """The 1-based header row and each needed column's 0-based index."""
    for number, row in enumerate(rows[:_HEADER_SEARCH_ROWS], start=1):
        columns: dict[str, int] = {}
        for index, text in enumerate(row):
            if _blank(text):
                continue
            for column in BOARD.columns:
                if column.key not in columns and column.matches(str(text)):
                    columns[column.key] = index
        if all(c.key in columns for c in BOARD.columns):
            return number, columns
    headers = ", ".join(BOARD.headers)
    raise InputError(
        [
            InputProblem(
                f"no header row with the columns {headers}",
                sheet=sheet_name,
                row=1,
                fix=f"put the headers {headers} in the first row",
            )
        ],
        source=str(source),
    )


class _Where:
    """Names a cell for a problem: sheet, row and the header's text."""

    def __init__(
        self,
        sheet: str,
        row: int,
        columns: dict[str, int],
        header: tuple[Any, ...],
    ) -> None:
        self.sheet = sheet
        self.row = row
        self.columns = columns
        self.header = header

    def problem(self, key: str, message: str, fix: str) -> InputProblem:
        index = self.columns[key]
        return InputProblem(
            message,
            sheet=self.sheet,
            row=self.row,
            column=str(self.header[index]),
            fix=fix,
        )


def _cell(row: tuple[Any, ...], index: int) -> Any:
    return row[index] if index < len(row) else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------


def _read_date(
    value: Any, month: Month, where: _Where, problems: list[InputProblem]
) -> date | None:
    day = _as_date(value)
    if day is None:
        problems.append(
            where.problem(
                "date",
                f"{_show(value)} is not a date",
                f"write the date as dd.mm.yyyy, e.g. {month.first:%d.%m.%Y}",
            )
        )
        return None
    if not month.first <= day <= month.last:
        problems.append(
            where.problem(
                "date",
                f"{day:%d.%m.%Y} is not in {month}",
                f"use a date from {month.first:%d.%m.%Y} to "
                f"{month.last:%d.%m.%Y}",
            )
        )
        return None
    return day


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel

        try:
            moment = from_excel(value)
        except (ValueError, OverflowError, TypeError):
            return None
        return moment.date() if isinstance(moment, datetime) else None
    if isinstance(value, str):
        text = value.strip()
        for pattern in _DATE_FORMATS:
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
    return None


def _read_duty(
    value: Any, team: Team, where: _Where, problems: list[InputProblem]
) -> Duty | None:
    known = ", ".join(d.id for d in team.duties) or "(none)"
    if _blank(value):
        problems.append(
            where.problem(
                "duty", "the duty is missing", f"write one of: {known}"
            )
        )
        return None
    text = str(value).strip()
    if text in team.duty_by_id:
        return team.duty_by_id[text]
    wanted = normalise_header(text)
    matches = [
        d
        for d in team.duties
        if wanted in (normalise_header(d.id), normalise_header(d.title))
    ]
    if len(matches) == 1:
        return matches[0]
    problems.append(
        where.problem(
            "duty",
            f"unknown duty {text!r}",
            f"use a duty id from the Duties sheet: {known}",
        )
    )
    return None


def _read_slot(
    value: Any,
    duty: Duty,
    day: date,
    where: _Where,
    problems: list[InputProblem],
) -> int | None:
    """The index of the duty's slot with this time span on ``day``.

    A slot that runs on that weekday wins; failing that, the one slot of
    the duty with these times (the validator then reports the weekday).
    """
    span = _as_span(value)
    weekday = Weekday(day.weekday()).short
    running = [s for s in duty.slots if s.runs_on(day.weekday())]
    offered = ", ".join(s.label for s in running) or "none"
    if span is None:
        problems.append(
            where.problem(
                "time",
                f"{_show(value)} is not a time span",
                f"write start-end like 08:00-10:00; {duty.id} slots on "
                f"{weekday}: {offered}",
            )
        )
        return None
    start, end = span
    same = [
        i
        for i, s in enumerate(duty.slots)
        if minutes(s.start) == start and minutes(s.end) == end
    ]
    today = [i for i in same if duty.slots[i].runs_on(day.weekday())]
    if len(today) == 1:
        return today[0]
    if len(same) == 1:
        return same[0]
    problems.append(
        where.problem(
            "time",
            f"{duty.id} has no slot {_clock(start)}-{_clock(end)} on "
            f"{weekday} {day:%d.%m.%Y}",
            f"use one of the {duty.id} slots on {weekday}: {offered}",
        )
    )
    return None


def _as_span(value: Any) -> tuple[int, int] | None:
    """Minutes since midnight of start and end, or None."""
    if _blank(value) or not isinstance(value, str):
        return None
    found = _TIME_SPAN.match(value.strip())
    if found is None:
        return None
    sh, sm, eh, em = found.groups()
    start = int(sh) * 60 + int(sm or 0)
    end = int(eh) * 60 + int(em or 0)
    if not (0 <= start < end <= 24 * 60) or int(sm or 0) >= 60:
        return None
    return start, end


def _clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def _read_staff(
    value: Any, team: Team, where: _Where, problems: list[InputProblem]
) -> list[str]:
    """Staff ids in a cell, by id (any case) or unique full name."""
    if _blank(value):
        return []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text in team.staff_by_id:
        return [text]
    found: list[str] = []
    for token in _SEPARATORS.split(text):
        if not token:
            continue
        staff_id = _match_staff(token, team.staff)
        if staff_id is None:
            known = ", ".join(p.id for p in team.staff)
            problems.append(
                where.problem(
                    "staff",
                    f"unknown staff {token!r}",
                    f"use staff ids from the Staff sheet ({known}), "
                    "separated by commas",
                )
            )
        elif staff_id not in found:
            found.append(staff_id)
    return found


def _match_staff(token: str, staff: Sequence[Staff]) -> str | None:
    for person in staff:
        if person.id == token:
            return person.id
    folded = token.casefold()
    by_id = [p for p in staff if p.id.strip().casefold() == folded]
    if len(by_id) == 1:
        return by_id[0].id
    by_name = [p for p in staff if p.name and p.name.casefold() == folded]
    if len(by_name) == 1:
        return by_name[0].id
    return None


def _show(value: Any) -> str:
    if _blank(value):
        return "an empty cell"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return repr(value) if isinstance(value, str) else str(value)
