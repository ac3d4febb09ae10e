"""Reading a published rota's Board without the team workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from balancer.errors import InputError
from balancer.inputs.rota_workbook import read_board
from balancer.outputs.changes import shifts_from_result
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.result import BoardShift
from tests.factories import JANUARY
from tests.outputs.samples import (
    ASSIGNMENTS,
    FORMULA_NAME,
    MON,
    THU,
    TUE,
    duty,
    rota_result,
    rota_team,
)


def _rota(tmp_path: Path) -> Path:
    return write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )


def test_reads_back_what_the_rota_workbook_wrote(tmp_path: Path) -> None:
    rota = read_board(_rota(tmp_path))
    assert list(rota.shifts) == shifts_from_result(rota_team(), rota_result())
    assert rota.shifts[0] == BoardShift(MON, 8 * 60, 10 * 60, "phone", "ann")
    # Names line up with the Staff column; a formula-like name stays text.
    assert rota.name("ann") == "Ann Arbor"
    assert rota.name("bo") == FORMULA_NAME
    assert rota.name("zed") == "zed"


def test_hand_edits_in_any_accepted_form(tmp_path: Path) -> None:
    path = _rota(tmp_path)
    book = load_workbook(path)
    board = book["Board"]
    last = board.max_row + 1
    # A typed date, a short time span, two people joined by "og".
    for column, value in enumerate(
        ("11.01.2027", "Mon", "8-10", "phone", "Ann og Zed"), start=1
    ):
        board.cell(last, column).value = value
    book.save(path)
    shifts = read_board(path).shifts
    added = [s for s in shifts if s.day == date(2027, 1, 11)]
    assert added == [
        BoardShift(date(2027, 1, 11), 480, 600, "phone", "Ann"),
        BoardShift(date(2027, 1, 11), 480, 600, "phone", "Zed"),
    ]


def test_every_unreadable_row_is_named(tmp_path: Path) -> None:
    path = _rota(tmp_path)
    book = load_workbook(path)
    board = book["Board"]
    board.cell(2, 1).value = "someday"
    board.cell(3, 3).value = "morning"
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_board(path)
    problems = caught.value.problems
    assert [(p.row, p.column) for p in problems] == [(2, "Date"), (3, "Time")]
    assert "'someday' is not a date" in str(problems[0])


def test_a_workbook_without_a_board_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match="no Board sheet"):
        read_board(path)


def test_a_file_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rota.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(InputError, match=r"not an Excel workbook"):
        read_board(path)


def test_a_staff_edit_beside_stale_names_keeps_the_right_names(
    tmp_path: Path,
) -> None:
    # As in a real month, ann is on more rows than the one edited.
    more = (
        *ASSIGNMENTS,
        duty("ann", TUE, "mail", 0),
        duty("ann", THU, "phone", 1),
    )
    path = write_rota_workbook(
        rota_team(),
        JANUARY,
        rota_result(assignments=more),
        tmp_path / "rota.xlsx",
    )
    book = load_workbook(path)
    board = book["Board"]
    # Row 2 (Monday phone 08-10: ann, bo) is handed to cy and ann, but
    # the Names cell still says "Ann Arbor, <bo's name>".
    assert board.cell(2, 5).value == "ann, bo"
    board.cell(2, 5).value = "cy, ann"
    book.save(path)
    rota = read_board(path)
    # Each id takes the name most of its rows give it.
    assert rota.name("cy") == "Cy Young"
    assert rota.name("ann") == "Ann Arbor"
    assert rota.name("bo") == FORMULA_NAME
