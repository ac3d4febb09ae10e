"""The backlog plan read back from the workbook balancer wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from balancer.errors import InputError
from balancer.inputs.backlog_workbook import read_backlog_workbook
from balancer.outputs.backlog_workbook import write_backlog_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.result import CaseAssignment
from tests.outputs.samples import backlog_result, backlog_team


def test_every_case_comes_back_with_owner_and_forecast(
    tmp_path: Path,
) -> None:
    result = backlog_result()
    path = write_backlog_workbook(
        backlog_team(), result, tmp_path / "backlog.xlsx"
    )
    found = read_backlog_workbook(path)

    def forecast(a: CaseAssignment) -> tuple[object, ...]:
        return (
            a.case_id,
            a.staff_id,
            a.previous_owner,
            a.planned_start,
            a.planned_finish,
            a.late,
            a.risk,
        )

    # The board reads owner and forecast; reasons stay on the sheets.
    assert [forecast(a) for a in found] == [
        forecast(a) for a in result.assignments
    ]


def test_a_team_workbook_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = write_team_workbook(backlog_team(), tmp_path / "team.xlsx")
    with pytest.raises(InputError) as caught:
        read_backlog_workbook(path)
    text = str(caught.value)
    assert "Planned start" in text
    assert all(p.fix for p in caught.value.problems)


def test_a_bad_cell_names_sheet_row_and_column(tmp_path: Path) -> None:
    path = write_backlog_workbook(
        backlog_team(), backlog_result(), tmp_path / "backlog.xlsx"
    )
    book = load_workbook(path)
    sheet = book["Cases"]
    headers = [cell.value for cell in sheet[1]]
    sheet.cell(row=3, column=headers.index("Late") + 1, value="maybe")
    book.save(path)
    with pytest.raises(InputError) as caught:
        read_backlog_workbook(path)
    [problem] = caught.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Cases", 3, "Late")
