"""What the printed pages hold, worked out from the print settings.

The pages are measured as LibreOffice lays them out without Calibri or
its metric twin Carlito (its stock fonts): a column unit is then a digit
of DejaVu Sans, 9 pixels where Calibri's is 7, and each column adds 5
pixels of padding (0.75 point a pixel). ``benchmarks/render_workbooks.py
--stock-fonts`` renders the same workbooks to look at.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from balancer.outputs.backlog_workbook import write_backlog_workbook
from balancer.outputs.rota_workbook import write_rota_workbook
from balancer.solvers.planning import BASELINE_TITLES
from tests.factories import JANUARY, make_staff
from tests.outputs.samples import (
    backlog_result,
    backlog_team,
    rota_result,
    rota_team,
)

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

#: A4 less balancer's margins: 0.4" a side, 0.75" top and bottom.
LANDSCAPE = (842 - 0.8 * 72, 595 - 1.5 * 72)
#: A DejaVu Sans digit at 11 pt, in pixels.
WIDE_DIGIT = 9


def _points(sheet: Worksheet, columns: list[int]) -> float:
    """Printed width of ``columns`` at the sheet's zoom, in a wide font."""
    pixels = sum(
        (sheet.column_dimensions[get_column_letter(c)].width or 8.43)
        * WIDE_DIGIT
        + 5
        for c in columns
    )
    return pixels * 0.75 * sheet.page_setup.scale / 100


def _height(sheet: Worksheet, rows: range) -> float:
    """Printed height of ``rows`` at the sheet's zoom."""
    return (
        sum(sheet.row_dimensions[r].height or 15 for r in rows)
        * sheet.page_setup.scale
        / 100
    )


def _rota(tmp_path: Path) -> Worksheet:
    path = write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )
    return load_workbook(path)["Rota"]


def test_each_printed_week_fits_a_landscape_page_in_a_wider_font(
    tmp_path: Path,
) -> None:
    """In LibreOffice's stock fonts a week split over two pages."""
    sheet = _rota(tmp_path)
    assert sheet.page_setup.orientation == "landscape"
    last = sheet.max_column
    breaks = [b.id for b in sheet.col_breaks.brk]
    pages = list(itertools.pairwise([2, *breaks, last]))
    # January 2027: four weeks a page each (1-3 January join the first).
    assert len(pages) == 4
    for first, end in pages:
        columns = [1, 2, *range(first + 1, end + 1)]
        assert _points(sheet, columns) <= LANDSCAPE[0], (first, end)
    # ... and down: every row of the print area, legend included.
    area = sheet.print_area
    assert isinstance(area, str)
    bottom = int(area.rsplit("$", 1)[-1])
    assert _height(sheet, range(1, bottom + 1)) <= LANDSCAPE[1]


def test_the_wall_board_uses_the_page(tmp_path: Path) -> None:
    """It filled the top 40 % of the page, in about 7 pt text."""
    sheet = _rota(tmp_path)
    staff_rows = range(5, 8)  # ann, bo, cy
    size = sheet.cell(row=5, column=5).font.sz
    assert size * sheet.page_setup.scale / 100 >= 10
    area = sheet.print_area
    assert isinstance(area, str)
    bottom = int(area.rsplit("$", 1)[-1])
    assert _height(sheet, range(1, bottom + 1)) >= 0.6 * LANDSCAPE[1]
    # The staff rows take the room: taller than their lines need.
    assert all(sheet.row_dimensions[r].height >= 2 * size for r in staff_rows)


def test_a_big_team_still_prints_a_week_a_page(tmp_path: Path) -> None:
    """24 people: the rows shrink to fit the page's height."""
    people = tuple(make_staff(f"p{i:02d}") for i in range(24))
    team = rota_team(staff=people, absences=(), history=())
    result = rota_result(assignments=(), staff=())
    path = write_rota_workbook(team, JANUARY, result, tmp_path / "r.xlsx")
    sheet = load_workbook(path)["Rota"]
    area = sheet.print_area
    assert isinstance(area, str)
    bottom = int(area.rsplit("$", 1)[-1])
    assert _height(sheet, range(1, bottom + 1)) <= LANDSCAPE[1]


def test_the_board_prints_a_week_a_landscape_page(tmp_path: Path) -> None:
    """Max and Note printed alone on a page of their own."""
    path = write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )
    sheet = load_workbook(path)["Board"]
    assert sheet.page_setup.orientation == "landscape"
    columns = list(range(1, sheet.max_column + 1))
    assert _points(sheet, columns) <= LANDSCAPE[0]
    breaks = [b.id for b in sheet.row_breaks.brk]
    for first, end in itertools.pairwise([1, *breaks, sheet.max_row]):
        rows = range(first + 1, end + 1)
        header = _height(sheet, range(1, 2))
        assert header + _height(sheet, rows) <= LANDSCAPE[1]


def test_the_boards_note_stands_apart_from_max(tmp_path: Path) -> None:
    """ "below target by 1" ran into the Max value beside it."""
    path = write_rota_workbook(
        rota_team(), JANUARY, rota_result(), tmp_path / "rota.xlsx"
    )
    sheet = load_workbook(path)["Board"]
    headers = [c.value for c in sheet[1]]
    for name in ("Min", "Target", "Max"):
        cell = sheet.cell(row=2, column=headers.index(name) + 1)
        assert cell.alignment.horizontal == "center", name
    note = sheet.cell(row=2, column=headers.index("Note") + 1)
    assert note.alignment.indent >= 1


def test_charts_start_at_zero(tmp_path: Path) -> None:
    """A Load axis from 95 % made 95-100 % look like a fivefold spread;
    the Fairness deviations, all above 0 here, are drawn from 0 too."""
    people = ("ann", "bo", "cy")
    summaries = tuple(
        s.model_copy(update={"assigned_hours": s.fair_share_hours + 1 + i})
        for i, s in enumerate(rota_result().staff)
        if s.staff_id in people
    )
    path = write_rota_workbook(
        rota_team(),
        JANUARY,
        rota_result(staff=summaries),
        tmp_path / "rota.xlsx",
    )
    [fairness] = load_workbook(path)["Fairness"]._charts
    assert fairness.y_axis.scaling.min == 0
    backlog = write_backlog_workbook(
        backlog_team(), backlog_result(), tmp_path / "backlog.xlsx"
    )
    [load] = load_workbook(backlog)["Load"]._charts
    assert load.y_axis.scaling.min == 0


def test_baseline_headers_wrap_onto_two_lines_at_most(
    tmp_path: Path,
) -> None:
    """'Fixed key (round robin by type)' took five lines."""
    baselines = {
        title: {"Cases moved": 4.0, "Max utilisation %": 90.0}
        for title in BASELINE_TITLES.values()
    }
    path = write_backlog_workbook(
        backlog_team(),
        backlog_result(),
        tmp_path / "backlog.xlsx",
        baselines=baselines,
    )
    sheet = load_workbook(path)["Summary"]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value in BASELINE_TITLES.values():
                width = sheet.column_dimensions[cell.column_letter].width
                words = str(cell.value).split()
                line, lines = 0, 1
                for word in words:
                    if line and line + 1 + len(word) > width - 1:
                        lines, line = lines + 1, len(word)
                    else:
                        line = line + 1 + len(word) if line else len(word)
                assert lines <= 2, (cell.value, width)
                height = sheet.row_dimensions[cell.row].height or 15
                assert height <= 2 * 15
