"""The backlog workbook, and the plan workbook that holds both plans.

One function per sheet, shared by both workbooks:

Cases
    every case: new owner, previous owner, moved and why, forecast,
    deadline, risk, and a note (why it waits, or its owner is below its
    level).
Load
    per caseworker: capacity, load, utilisation and cases, with a chart.
Shelf
    the cases waiting, queue by queue, next one first, each with why it
    waits.
Summary
    status, soft goals, the move budget and moves by reason, the shelf by
    reason, this plan's figures beside the baselines', and any conflicts
    and warnings.

The plan workbook puts the rota sheets first (Rota, Board, Fairness, Rota
summary, History), then the backlog sheets (Cases, Load, Shelf, Backlog
summary). The Board and History sheets keep their names, so the plan
workbook can be read back and carried forward like the rota workbook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.files.saving import save_workbook, write_value
from balancer.outputs import backlog_frames, long_tables, summary_frames
from balancer.outputs.long_tables import write_long_table
from balancer.outputs.rota_workbook import add_rota_sheets
from balancer.outputs.styling import (
    RED_FILL,
    WARN_FILL,
    banner,
    fit_columns,
    font,
    new_workbook,
    page_setup,
    section,
    staff_chart,
    stats_section,
    table_with_chart_setup,
    write_table,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path
    from typing import Any

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Month, Team
    from balancer.files.bulk import BulkTable
    from balancer.language import Language
    from balancer.outputs.backlog_frames import Baselines
    from balancer.result import BacklogResult, RotaResult

__all__ = [
    "BACKLOG_SHEETS",
    "add_backlog_sheets",
    "add_backlog_summary_sheet",
    "add_cases_sheet",
    "add_load_sheet",
    "add_shelf_sheet",
    "write_backlog_workbook",
    "write_plan_workbook",
]

#: Sheet titles of the backlog workbook, in order.
BACKLOG_SHEETS = ("Cases", "Load", "Shelf", "Summary")


def write_backlog_workbook(
    team: Team,
    result: BacklogResult,
    path: str | Path,
    inputs: Iterable[Path] = (),
    baselines: Baselines | None = None,
) -> Path:
    """Write the backlog workbook to ``path`` atomically; return the path.

    ``baselines`` (name -> metric -> value) are set beside this plan's
    figures on the Summary sheet. Refuses to overwrite any of ``inputs``.
    """
    book = new_workbook()
    bulk = add_backlog_sheets(book, team, result, baselines)
    return save_workbook(book, path, inputs, bulk)


def write_plan_workbook(
    team: Team,
    month: Month,
    rota_result: RotaResult,
    backlog_result: BacklogResult,
    path: str | Path,
    inputs: Iterable[Path] = (),
    baselines: Baselines | None = None,
    lang: Language = "en",
) -> Path:
    """Write one workbook with the rota sheets, then the backlog sheets.

    The two summaries are titled ``Rota summary`` and ``Backlog summary``;
    every other sheet keeps its usual title.
    """
    book = new_workbook()
    add_rota_sheets(
        book, team, month, rota_result, lang=lang, summary_title="Rota summary"
    )
    bulk = add_backlog_sheets(
        book,
        team,
        backlog_result,
        baselines,
        summary_title="Backlog summary",
    )
    return save_workbook(book, path, inputs, bulk)


def add_backlog_sheets(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    baselines: Baselines | None = None,
    summary_title: str = "Summary",
) -> list[BulkTable]:
    """Add the four backlog sheets to ``book`` in their usual order.

    Returns the long tables to fill in when the book is saved (pass them
    to :func:`~balancer.files.saving.save_workbook`).
    """
    bulk: list[BulkTable] = []
    add_cases_sheet(book, team, result, bulk=bulk)
    add_load_sheet(book, team, result)
    add_shelf_sheet(book, team, result, bulk=bulk)
    add_backlog_summary_sheet(
        book, team, result, baselines, title=summary_title
    )
    return bulk


def add_cases_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    title: str = "Cases",
    bulk: list[BulkTable] | None = None,
) -> Worksheet:
    """Every case with its owner and forecast; late red, moved yellow.

    With ``bulk``, a long table is left there to fill in at the save
    (:mod:`balancer.outputs.long_tables`).
    """
    sheet = book.create_sheet(title)
    table = backlog_frames.cases_frame(team, result)
    headers = list(table.columns)
    late = headers.index("Late")
    moved = headers.index("Moved")

    def kind_of(values: Sequence[Any]) -> str:
        if values[late] == "yes":
            return "late"
        return "moved" if values[moved] == "yes" else ""

    last = write_long_table(
        sheet,
        table,
        formats={"Effort hours": "0.0"},
        kind_of=kind_of,
        fills={"late": RED_FILL, "moved": WARN_FILL},
        bulk=bulk,
    )
    long = bulk is not None and len(table) > long_tables.BULK_ROWS
    _finish_table(sheet, last, len(headers), "Cases", True, sized=long)
    return sheet


def add_load_sheet(
    book: Workbook, team: Team, result: BacklogResult, title: str = "Load"
) -> Worksheet:
    """Capacity, load and utilisation per caseworker, with a bar chart.

    Utilisation shows as a percentage; above 100 % is red.
    """
    sheet = book.create_sheet(title)
    table = backlog_frames.load_frame(team, result)
    last = write_table(
        sheet,
        table,
        formats={
            "Casework hours": "0.0",
            "Kept hours": "0.0",
            "Load hours": "0.0",
            "Utilisation": "0%",
        },
    )
    headers = list(table.columns)
    use = headers.index("Utilisation") + 1
    for row in range(2, last + 1):
        cell = sheet.cell(row=row, column=use)
        if isinstance(cell.value, (int, float)) and cell.value > 1:
            cell.fill = RED_FILL
    _finish_table(sheet, last, len(headers), "Load", landscape=True)
    chart = None
    if len(table):
        chart = staff_chart(
            sheet,
            column=use,
            last_row=last,
            title="Utilisation (load / casework hours)",
            y_title="utilisation",
            percent=True,
            from_zero=True,
        )
    table_with_chart_setup(
        sheet,
        chart,
        last_row=last,
        columns=len(headers),
        landscape=True,
        title="Load",
    )
    return sheet


def add_shelf_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    title: str = "Shelf",
    bulk: list[BulkTable] | None = None,
) -> Worksheet:
    """The cases waiting, queue by queue, each with why it waits."""
    sheet = book.create_sheet(title)
    table = backlog_frames.shelf_frame(team, result)
    if table.empty:
        empty = "The shelf is empty: every case has an owner."
        write_value(sheet["A1"], empty)
        page_setup(sheet, landscape=False, title="Shelf")
        return sheet
    last = write_long_table(
        sheet, table, formats={"Effort hours": "0.0"}, bulk=bulk
    )
    long = bulk is not None and len(table) > long_tables.BULK_ROWS
    _finish_table(sheet, last, len(table.columns), "Shelf", True, long)
    return sheet


def add_backlog_summary_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    baselines: Baselines | None = None,
    title: str = "Summary",
) -> Worksheet:
    """Status, goals, moves and the shelf by reason, baselines, conflicts."""
    sheet = book.create_sheet(title)
    row = 1
    if not result.status.has_plan:
        banner(
            sheet,
            row,
            f"No backlog plan: the solve ended {result.status.value}; see "
            "conflicts below",
        )
        row += 2
    heading = sheet.cell(row=row, column=1)
    write_value(heading, "Backlog plan")
    heading.font = font(bold=True, size=14)
    row += 2
    comparison = backlog_frames.baselines_frame(
        backlog_frames.backlog_metrics(team, result), baselines
    )
    row = stats_section(sheet, row, summary_frames.stats_frame(result.stats))
    row = section(
        sheet, row, "Soft goals", summary_frames.terms_frame(result.terms)
    )
    row = section(
        sheet, row, "Moves", backlog_frames.moves_frame(team, result)
    )
    row = section(
        sheet,
        row,
        "On the shelf, by why they wait",
        backlog_frames.reasons_frame(result),
    )
    row = section(sheet, row, "Compared with baselines", comparison)
    section(
        sheet,
        row,
        "Conflicts and warnings",
        summary_frames.conflicts_frame(result),
    )
    fit_columns(sheet, maximum=30, skip_rows=1)
    page_setup(sheet, landscape=False, title="Backlog summary", fit_width=True)
    return sheet


def _finish_table(
    sheet: Worksheet,
    last: int,
    width: int,
    title: str,
    landscape: bool,
    sized: bool = False,
) -> None:
    """Widths (unless a long table ``sized`` its columns), frozen header,
    filter and print setup."""
    from openpyxl.utils import get_column_letter

    if not sized:
        fit_columns(sheet, maximum=40)
    sheet.freeze_panes = "B2"
    if last > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{last}"
    sheet.print_title_rows = "1:1"
    page_setup(sheet, landscape=landscape, title=title, fit_width=True)
