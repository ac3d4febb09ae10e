"""Small team workbooks built in tests, one defect at a time.

``base_sheets()`` is a valid two-person team; a test changes one cell with
:func:`with_cell` (or drops a sheet or column) and writes it with
:func:`write_book`. Excel rows: the header is row 1, data starts at row 2.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Sheets = dict[str, list[list[Any]]]


def base_sheets() -> Sheets:
    """A valid team: ann (full time, english 2) and bo (Mon-Thu, phone).

    One phone duty with two slots, the first needing english; one absence
    and one case owned by ann.
    """
    return {
        "Staff": [
            ["ID", "Name", "FTE", "Days", "Start", "End", "Skills",
             "Duties"],
            ["ann", "Ann", 1, None, None, None, "english:2", None],
            ["bo", "Bo", 0.8, "Mon-Thu", "08:00", "15:00", None, "phone"],
        ],
        "Duties": [
            ["Duty", "Weekdays", "Start", "End", "Min", "Required skills"],
            ["phone", "Mon-Fri", "08:00", "10:00", 1, "english:1"],
            ["phone", "Mon-Fri", "10:00", "12:00", 1, None],
        ],
        "Absences": [
            ["Staff", "From date", "To date", "Reason"],
            ["ann", "04.01.2027", "05.01.2027", "ferie"],
        ],
        "Cases": [
            ["Case", "Effort hours", "Received", "Deadline", "Owner",
             "Status"],
            ["c1", 4, "01.12.2026", "15.01.2027", "ann", "assigned"],
        ],
        "Rules": [
            ["Setting", "Value"],
            ["max_slots_per_day", 2],
        ],
    }  # fmt: skip


def with_cell(
    sheets: Sheets, sheet: str, row: int, header: str, value: Any
) -> Sheets:
    """A copy of ``sheets`` with the cell at Excel ``row``/``header`` set."""
    changed = copy.deepcopy(sheets)
    table = changed[sheet]
    column = table[0].index(header)
    while len(table) < row:
        table.append([None] * len(table[0]))
    table[row - 1][column] = value
    return changed


def without_column(sheets: Sheets, sheet: str, header: str) -> Sheets:
    """A copy of ``sheets`` with one column removed from a sheet."""
    changed = copy.deepcopy(sheets)
    column = changed[sheet][0].index(header)
    for line in changed[sheet]:
        del line[column]
    return changed


def write_book(path: Path, sheets: Sheets) -> Path:
    """Write ``sheets`` (title -> rows, header first) as an .xlsx file."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for line in rows:
            sheet.append(line)
    book.save(path)
    return path
