"""Reading a rota back from the Board sheet, as a planner left it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from balancer.errors import InputError
from balancer.files.schema import BOARD
from balancer.inputs.rota_workbook import read_rota_workbook
from balancer.outputs.backlog_workbook import write_plan_workbook
from balancer.outputs.rota_frames import BOARD_HEADERS
from balancer.outputs.rota_workbook import write_rota_workbook
from tests.factories import JANUARY, make_staff
from tests.outputs.samples import (
    ASSIGNMENTS,
    MON,
    TUE,
    backlog_result,
    duty,
    rota_result,
    rota_team,
)


def _sorted(assignments: object) -> list[tuple[date, str, int, str]]:
    assert isinstance(assignments, (list, tuple))
    return sorted(
        (a.day, a.duty_id, a.slot_index, a.staff_id) for a in assignments
    )


def _written(tmp_path: Path) -> Path:
    return write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )


def _edit(path: Path, cells: dict[str, object]) -> Path:
    """Change Board cells as a planner would, and save."""
    book = load_workbook(path)
    for ref, value in cells.items():
        book["Board"][ref] = value
    book.save(path)
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_rota_workbook(path, rota_team(), JANUARY)
    return [str(p) for p in caught.value.problems]


def test_board_reader_columns_match_the_writer() -> None:
    assert set(BOARD.headers) <= set(BOARD_HEADERS)


def test_round_trip(tmp_path: Path) -> None:
    read = read_rota_workbook(_written(tmp_path), rota_team(), JANUARY)
    assert _sorted(read) == _sorted(ASSIGNMENTS)


def test_round_trip_with_formula_looking_ids(tmp_path: Path) -> None:
    """Ids that look like formulas survive as text both ways."""
    team = rota_team(
        staff=(make_staff("=ann", name="Ann"), make_staff("-bo", name="Bo")),
        absences=(),
        history=(),
    )
    result = rota_result(
        assignments=(
            duty("=ann", MON, "phone", 0),
            duty("-bo", MON, "phone", 0),
        ),
        staff=(),
    )
    path = write_rota_workbook(team, JANUARY, result, tmp_path / "r.xlsx")
    assert _sorted(read_rota_workbook(path, team, JANUARY)) == _sorted(
        result.assignments
    )


def test_plan_workbook_reads_too(tmp_path: Path) -> None:
    path = write_plan_workbook(
        rota_team(),
        JANUARY,
        rota_result(),
        backlog_result(assignments=()),
        tmp_path / "plan.xlsx",
    )
    read = read_rota_workbook(path, rota_team(), JANUARY)
    assert _sorted(read) == _sorted(ASSIGNMENTS)


def test_planner_swaps_a_person(tmp_path: Path) -> None:
    """Row 2 is Monday phone 08-10 (ann, bo); bo becomes cy."""
    path = _edit(_written(tmp_path), {"E2": "ann, cy"})
    read = _sorted(read_rota_workbook(path, rota_team(), JANUARY))
    assert (MON, "phone", 0, "cy") in read
    assert (MON, "phone", 0, "bo") not in read
    assert len(read) == len(ASSIGNMENTS)


def test_planner_fills_an_empty_slot_by_name(tmp_path: Path) -> None:
    """Row 8 is Tuesday phone 10-12 with nobody; names and `og` work."""
    path = _written(tmp_path)
    book = load_workbook(path)
    row = next(
        r
        for r in range(2, 70)
        if book["Board"].cell(row=r, column=1).value == datetime(2027, 1, 5)
        and book["Board"].cell(row=r, column=3).value == "10:00-12:00"
    )
    _edit(path, {f"E{row}": "Ann Arbor og CY"})
    read = _sorted(read_rota_workbook(path, rota_team(), JANUARY))
    assert (TUE, "phone", 1, "ann") in read
    assert (TUE, "phone", 1, "cy") in read


def test_planner_clears_a_slot(tmp_path: Path) -> None:
    path = _edit(_written(tmp_path), {"E2": None})
    read = _sorted(read_rota_workbook(path, rota_team(), JANUARY))
    assert all(key[:3] != (MON, "phone", 0) for key in read)


def test_planner_adds_a_row_with_text_date_and_en_dash(tmp_path: Path) -> None:
    path = _written(tmp_path)
    book = load_workbook(path)
    sheet = book["Board"]
    sheet.append(["07.01.2027", None, "12\u201315", "Mail", "bo"])
    book.save(path)
    read = _sorted(read_rota_workbook(path, rota_team(), JANUARY))
    assert (date(2027, 1, 7), "mail", 0, "bo") in read


def test_danish_headers_are_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tavle"
    sheet.append(["Vagtplan januar"])
    sheet.append(["Dato", "Tid", "Vagt", "Medarbejdere"])
    sheet.append([datetime(2027, 1, 4), "08:00-10:00", "phone", "ann; bo"])
    path = tmp_path / "hand.xlsx"
    book.save(path)
    read = _sorted(read_rota_workbook(path, rota_team(), JANUARY))
    assert read == [(MON, "phone", 0, "ann"), (MON, "phone", 0, "bo")]


def test_unknown_staff_names_sheet_row_column(tmp_path: Path) -> None:
    path = _edit(_written(tmp_path), {"E2": "ann, zed"})
    with pytest.raises(InputError) as caught:
        read_rota_workbook(path, rota_team(), JANUARY)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "Board",
        2,
        "Staff",
    )
    assert "zed" in problem.message
    assert "ann, bo, cy" in problem.fix


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = _edit(
        _written(tmp_path),
        {
            "A2": datetime(2027, 2, 1),
            "D3": "fax",
            "C4": "09:00-10:00",
            "A5": "someday",
        },
    )
    problems = _problems(path)
    assert len(problems) == 4
    assert "row 2, column 'Date': 01.02.2027 is not in 2027-01" in problems[0]
    assert "row 3, column 'Duty': unknown duty 'fax'" in problems[1]
    # Row 4 is Monday's mail slot; the fix lists mail's Monday slots.
    assert (
        "row 4, column 'Time': mail has no slot 09:00-10:00" in (problems[2])
    )
    assert "use one of the mail slots on Mon: 12:00-15:00" in problems[2]
    assert "row 5, column 'Date': 'someday' is not a date" in problems[3]


def test_missing_board_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Staff"
    path = tmp_path / "team.xlsx"
    book.save(path)
    (problem,) = _problems(path)
    assert "no Board sheet; sheets found: Staff" in problem


def test_missing_header(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Board"
    book.active.append(["Date", "Duty", "People"])
    path = tmp_path / "rota.xlsx"
    book.save(path)
    missing = _problems(path)
    assert len(missing) == 2
    assert "the required column 'Time' is missing" in missing[0]
    assert "the required column 'Staff' is missing" in missing[1]


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "rota.xlsx"
    path.write_text("not a spreadsheet")
    (problem,) = _problems(path)
    assert "not an Excel workbook" in problem


def test_missing_file(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path / "nowhere.xlsx")
    assert "does not exist" in problem
