"""The rota workbook, read back cell by cell with openpyxl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from balancer.domain import HistoryBalance
from balancer.errors import OutputError
from balancer.files.schema import HISTORY
from balancer.language import Words
from balancer.outputs.rota_frames import BOARD_HEADERS
from balancer.outputs.rota_workbook import (
    ROTA_SHEETS,
    write_rota_workbook,
)
from balancer.result import SolveStats, SolveStatus
from tests.factories import JANUARY
from tests.outputs.samples import (
    FORMULA_NAME,
    MON,
    NEW_YEAR,
    TUE,
    relaxed_result,
    rota_result,
    rota_team,
)

#: Rota grid layout: dates in row 4 from column C, staff from row 5.
DATE_ROW = 4
FIRST_DAY_COLUMN = 3


def _write(tmp_path: Path, **options: object) -> Workbook:
    result = options.pop("result", rota_result())
    path = write_rota_workbook(
        rota_team(),
        JANUARY,
        result,  # type: ignore[arg-type]
        tmp_path / "rota.xlsx",
        **options,  # type: ignore[arg-type]
    )
    return load_workbook(path)


def _day_column(day: datetime | object) -> int:
    assert hasattr(day, "day")
    return FIRST_DAY_COLUMN + day.day - 1


def _staff_row(sheet: Worksheet, staff_id: str) -> int:
    for row in range(DATE_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == staff_id:
            return row
    raise AssertionError(f"{staff_id} not in column A")


def test_sheets_in_order(tmp_path: Path) -> None:
    book = _write(tmp_path)
    assert tuple(book.sheetnames) == (*ROTA_SHEETS, "Published", "Carried in")
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert tuple(visible) == ROTA_SHEETS


def test_rota_headers_and_a_known_assignment(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Rota"]
    assert sheet["A1"].value == "Rota January 2027"
    assert sheet.cell(row=DATE_ROW, column=1).value == "ID"
    assert sheet.cell(row=DATE_ROW, column=2).value == "Name"
    first = sheet.cell(row=DATE_ROW, column=FIRST_DAY_COLUMN)
    assert first.value == datetime(2027, 1, 1)
    assert first.number_format == "dd.mm.yyyy"
    monday = sheet.cell(row=DATE_ROW, column=_day_column(MON))
    assert monday.value == datetime(2027, 1, 4)
    assert sheet.cell(row=3, column=_day_column(MON)).value == "Mon"
    assert sheet.cell(row=1, column=_day_column(MON)).value == "Week 1"
    cell = sheet.cell(row=_staff_row(sheet, "ann"), column=_day_column(MON))
    # One duty a line: the rows grow to fill the printed page anyway.
    assert cell.value == "P 08-10\nM 12-15"
    # The cell takes its first duty's colour (phone: the first palette one).
    assert cell.fill.fgColor.rgb.endswith("FFD966")


def test_holiday_column_is_grey_and_named(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Rota"]
    column = _day_column(NEW_YEAR)
    assert sheet.cell(row=2, column=column).value == "New Year's Day"
    for staff_id in ("ann", "bo", "cy"):
        cell = sheet.cell(row=_staff_row(sheet, staff_id), column=column)
        assert cell.fill.fgColor.rgb.endswith("BFBFBF")
    open_day = sheet.cell(row=_staff_row(sheet, "bo"), column=column + 3)
    assert not open_day.fill.fgColor.rgb.endswith("BFBFBF")


def test_absences_and_days_off_are_marked(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Rota"]
    vacation = sheet.cell(row=_staff_row(sheet, "bo"), column=_day_column(TUE))
    assert vacation.value == "vacation"
    assert vacation.fill.fgColor.rgb.endswith("FCE4D6")


def test_danish_words(tmp_path: Path) -> None:
    sheet = _write(tmp_path, lang="da")["Vagtplan"]
    assert sheet["A1"].value == "Vagtplan januar 2027"
    assert sheet.cell(row=3, column=_day_column(MON)).value == "man"
    vacation = sheet.cell(row=_staff_row(sheet, "bo"), column=_day_column(TUE))
    assert vacation.value == "ferie"


def test_rota_print_settings(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Rota"]
    assert sheet.freeze_panes == "C5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$4"
    assert sheet.print_title_cols == "$A:$B"
    # Breaks after each Sunday: 3, 10, 17, 24 January (the closed first
    # weekend shares the first week's page, so no break after 3 Jan).
    breaks = [b.id for b in sheet.col_breaks.brk]
    sundays = [10, 17, 24]
    assert breaks == [FIRST_DAY_COLUMN + day - 1 for day in sundays]
    assert 40 <= (sheet.page_setup.scale or 0) <= 100


def test_formula_looking_name_is_stored_as_text(tmp_path: Path) -> None:
    book = _write(tmp_path)
    rota = book["Rota"]
    name = rota.cell(row=_staff_row(rota, "bo"), column=2)
    assert name.value == FORMULA_NAME
    assert name.data_type == "s"
    board = book["Board"]
    names = [board.cell(row=r, column=6).value for r in (2, 3)]
    assert names[0] == f"Ann Arbor, {FORMULA_NAME}"


def test_board_header_and_rows(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Board"]
    header = tuple(cell.value for cell in sheet[1])
    assert header == BOARD_HEADERS
    row = [cell.value for cell in sheet[2]]
    assert row[:5] == [
        datetime(2027, 1, 4),
        "Mon",
        "08:00-10:00",
        "phone",
        "ann, bo",
    ]
    assert sheet["A2"].number_format == "dd.mm.yyyy"
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    # A new printed page for each week (rows of 11 January onward).
    assert len(sheet.row_breaks.brk) == 3


def test_fairness_notes_table_and_chart(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Fairness"]
    assert sheet["A1"].value == "Fairness January 2027"
    assert sheet["A2"].value == (
        "Fair shares are based on the planned (target) staffing of every slot."
    )
    top = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "Staff")
    header = [cell.value for cell in sheet[top]]
    assert header[:10] == [
        "Staff",
        "Name",
        "Available hours",
        "Carried in",
        "Fair share",
        "Unavoidable",
        "Assigned",
        "Deviation",
        "Short of target",
        "Carried out",
    ]
    ann = [sheet.cell(row=top + 1, column=c).value for c in (1, 4, 8, 10)]
    assert ann == ["ann", 3, -2, -2]
    assert len(sheet._charts) == 1
    assert sheet.page_setup.orientation == "landscape"


def test_summary_shows_status_terms_and_coverage(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["Summary"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert "FEASIBLE" in flat
    assert "fairness_max" in flat
    assert "Staffing per slot" in flat
    assert "Short of min" in flat
    assert not any(str(v).startswith("This rota breaks") for v in flat)


def test_relaxed_rota_gets_a_red_banner(tmp_path: Path) -> None:
    """Its status is INFEASIBLE, yet it was written: the banner says what
    it breaks, not "No rota" (the README quotes the same words)."""
    book = _write(tmp_path, result=relaxed_result())
    summary = book["Summary"]
    assert summary["A1"].value == (
        "This rota breaks 1 demand(s): see Conflicts and warnings below"
    )
    readme = Path(__file__).parents[2] / "README.md"
    promised = Words()("summary.relaxed_banner", count=2)
    assert promised in readme.read_text(encoding="utf-8").replace("\n", " ")
    assert summary["A1"].fill.fgColor.rgb.endswith("C00000")
    flat = [c.value for row in summary.iter_rows() for c in row]
    assert "phone 08:00-10:00 on 05.01.2027 has 1 of 2" in flat
    assert book["Rota"]["A2"].value == "Breaks demands: see Summary"


def test_relaxed_summary_counts_what_is_broken_apart_from_points(
    tmp_path: Path,
) -> None:
    """Not "Objective 1000120": 1 demand, 1 person, 120 points, bound 40."""
    summary = _write(tmp_path, result=relaxed_result())["Summary"]
    items = {
        row[0].value: row[1].value
        for row in summary.iter_rows(max_col=2)
        if row[0].value
    }
    assert items["Status"] == "INFEASIBLE"
    assert (items["Demands broken"], items["People missing"]) == (1, 1)
    assert (items["Objective"], items["Best bound"]) == (120, 40)
    assert items["Gap"] is None


def test_no_rota_says_so(tmp_path: Path) -> None:
    result = rota_result(
        stats=SolveStats(status=SolveStatus.INFEASIBLE),
        assignments=(),
        staff=(),
    )
    summary = _write(tmp_path, result=result)["Summary"]
    assert "No rota" in summary["A1"].value


def test_history_sheet_matches_the_input_layout(tmp_path: Path) -> None:
    sheet = _write(tmp_path)["History"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert tuple(rows[0]) == HISTORY.headers
    assert rows[1] == ["ann", None, -2, 0.5]
    assert ["bo", "mail", 1.5, 0] in rows


def test_the_balances_planned_with_are_kept_hidden(tmp_path: Path) -> None:
    team = rota_team(history=(HistoryBalance(staff_id="ann", hours=3.0),))
    path = write_rota_workbook(
        team, JANUARY, rota_result(), tmp_path / "r.xlsx"
    )
    sheet = load_workbook(path)["Carried in"]
    assert sheet.sheet_state == "hidden"
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows == [list(HISTORY.headers), ["ann", None, 3, 0]]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    team_file = tmp_path / "team.xlsx"
    team_file.write_bytes(b"the planner's team")
    with pytest.raises(OutputError):
        write_rota_workbook(
            rota_team(), JANUARY, rota_result(), team_file, inputs=[team_file]
        )
    assert team_file.read_bytes() == b"the planner's team"
