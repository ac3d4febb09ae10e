"""Broken team workbooks: each holds ONE defect, reported at its cell.

Every case starts from the valid ``base_sheets()`` team and changes one
thing; the reader must report exactly one problem naming the sheet, the
Excel row (header = row 1) and the column header, with a fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from balancer.errors import InputError, InputProblem
from balancer.inputs.excel import read_team_workbook
from tests.inputs.books import (
    Sheets,
    base_sheets,
    with_cell,
    without_column,
    write_book,
)


def _only_problem(tmp_path: Path, sheets: Sheets) -> InputProblem:
    path = write_book(tmp_path / "team.xlsx", sheets)
    with pytest.raises(InputError) as caught:
        read_team_workbook(path)
    assert len(caught.value.problems) == 1, caught.value
    return caught.value.problems[0]


# (test id, sheet, row, header, new value, words expected in the message)
ONE_CELL_DEFECTS: list[tuple[str, str, int, str, Any, str]] = [
    ("unknown staff in absences", "Absences", 2, "Staff", "zoe", "zoe"),
    ("duplicate staff id", "Staff", 3, "ID", "ann", "already used"),
    ("id differs only in case and space", "Staff", 3, "ID", "Ann ",
     "ignoring case"),
    ("fte above one", "Staff", 2, "FTE", 1.5, "at most 1"),
    ("fte zero", "Staff", 2, "FTE", 0, "above 0"),
    ("absence ends before it starts", "Absences", 2, "To date",
     "03.01.2027", "before it starts"),
    ("non-numeric effort", "Cases", 2, "Effort hours", "lots",
     "expected a number"),
    ("impossible date", "Absences", 2, "From date", "31.2.2027",
     "not a real date"),
    ("slot skill nobody has", "Duties", 3, "Required skills", "german:1",
     "german"),
    ("unknown duty in staff", "Staff", 3, "Duties", "mail",
     "unknown duty 'mail'"),
    ("bad time", "Duties", 2, "Start", "25:00", "not a time of day"),
    ("bad weekday", "Duties", 2, "Weekdays", "Mon-Fry", "not a weekday"),
    ("skill level above three", "Staff", 2, "Skills", "english:4",
     "levels are 1-3"),
    ("deadline before received", "Cases", 2, "Deadline", "01.11.2026",
     "before the case was received"),
    ("unknown rules setting", "Rules", 2, "Setting", "max_slot_per_day",
     "unknown setting"),
    ("rules value not a number", "Rules", 2, "Value", "two",
     "expected a number"),
    ("rules value out of range", "Rules", 2, "Value", 0, "at least 1"),
    ("unknown case owner", "Cases", 2, "Owner", "zoe", "zoe"),
    ("slot ends before it starts", "Duties", 2, "End", "07:00",
     "before it starts"),
    ("required cell empty", "Cases", 2, "Received", None, "is empty"),
    ("unknown case status", "Cases", 2, "Status", "done", "not one of"),
    ("staff works a closed weekday without hours", "Staff", 2, "Days",
     "Sat", "closed on Sat"),
    ("minimum staff not a whole number", "Duties", 2, "Min", "1,5",
     "whole number"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sheet", "row", "header", "value", "words"),
    [case[1:] for case in ONE_CELL_DEFECTS],
    ids=[case[0] for case in ONE_CELL_DEFECTS],
)
def test_one_defect_is_reported_at_its_cell(
    tmp_path: Path, sheet: str, row: int, header: str, value: Any, words: str
) -> None:
    sheets = with_cell(base_sheets(), sheet, row, header, value)
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        sheet,
        row,
        header,
    )
    assert words in problem.message
    assert problem.fix


def test_an_absence_ending_before_it_starts_has_its_dates_swapped(
    tmp_path: Path,
) -> None:
    """The fix said to write the date like '08.01.2027': no help with two
    good dates in each other's cells."""
    sheets = with_cell(base_sheets(), "Absences", 2, "To date", "03.01.2027")
    problem = _only_problem(tmp_path, sheets)
    assert problem.message == (
        "the absence ends (03.01.2027) before it starts (04.01.2027): the "
        "two dates look swapped (cell C2)"
    )
    assert problem.fix == "swap them: From date 03.01.2027, To date 04.01.2027"


def test_unknown_setting_suggests_the_close_name(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Rules", 2, "Setting", "max slot/day")
    problem = _only_problem(tmp_path, sheets)
    assert "max_slots_per_day" in problem.fix


def test_missing_required_sheet(tmp_path: Path) -> None:
    sheets = base_sheets()
    del sheets["Duties"]
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Duties",
        None,
        None,
    )
    assert "no Duties sheet" in problem.message


def test_missing_required_column(tmp_path: Path) -> None:
    sheets = without_column(base_sheets(), "Cases", "Effort hours")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Cases",
        1,
        "Effort hours",
    )
    assert "Effort hours" in problem.fix


def test_duplicate_column(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Absences"][0][3] = "Til dato"  # a second To date column
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row) == ("Absences", 1)
    assert "appears twice" in problem.message


def test_problem_names_the_sheet_as_titled_in_the_file(
    tmp_path: Path,
) -> None:
    sheets = base_sheets()
    sheets["Fravær"] = sheets.pop("Absences")
    sheets = with_cell(sheets, "Fravær", 2, "Staff", "zoe")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Fravær",
        2,
        "Staff",
    )


def test_problem_rows_count_blank_rows_and_a_title_line(
    tmp_path: Path,
) -> None:
    """Rows are the numbers Excel shows, whatever sits above the table."""
    sheets = base_sheets()
    sheets["Cases"] = [
        ["Backlog 2027"],
        [],
        *sheets["Cases"],
        [],
        [],
        ["c2", "lots", "01.12.2026", None, None, "new"],
    ]
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Cases",
        7,
        "Effort hours",
    )


def test_every_problem_in_the_workbook_is_reported(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Staff", 2, "FTE", "much")
    sheets = with_cell(sheets, "Cases", 2, "Deadline", "32.01.2027")
    sheets = with_cell(sheets, "Rules", 3, "Setting", "colour_of_sky")
    path = write_book(tmp_path / "team.xlsx", sheets)
    with pytest.raises(InputError) as caught:
        read_team_workbook(path)
    found = {(p.sheet, p.row, p.column) for p in caught.value.problems}
    assert found == {
        ("Staff", 2, "FTE"),
        ("Cases", 2, "Deadline"),
        ("Rules", 3, "Setting"),
    }


def test_a_bad_staff_row_does_not_cascade(tmp_path: Path) -> None:
    """ann's unreadable row must not also make her absence "unknown"."""
    sheets = with_cell(base_sheets(), "Staff", 2, "FTE", "much")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row) == ("Staff", 2)


def test_empty_staff_sheet_is_a_problem(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Staff"] = sheets["Staff"][:1]
    sheets["Absences"] = sheets["Absences"][:1]
    sheets["Cases"] = sheets["Cases"][:1]
    sheets["Duties"] = [sheets["Duties"][0]]
    problem = _only_problem(tmp_path, sheets)
    assert problem.sheet == "Staff" and "nobody" in problem.message


def test_message_names_the_cell(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Staff", 3, "FTE", 2)
    problem = _only_problem(tmp_path, sheets)
    assert "(cell C3)" in problem.message
    assert "sheet 'Staff', row 3, column 'FTE'" in str(problem)


def test_excel_error_value_is_named(tmp_path: Path) -> None:
    sheets = with_cell(base_sheets(), "Cases", 2, "Effort hours", "#REF!")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Cases",
        2,
        "Effort hours",
    )
    assert "Excel error #REF!" in problem.message


def test_one_duty_with_two_names_is_a_problem(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["Duties"][0].append("Name")
    sheets["Duties"][1].append("Phones")
    sheets["Duties"][2].append("Telefon")
    problem = _only_problem(tmp_path, sheets)
    assert (problem.sheet, problem.row, problem.column) == (
        "Duties",
        3,
        "Name",
    )
