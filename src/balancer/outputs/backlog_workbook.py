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

With ``lang="da"`` every sheet name, header, heading, value and text is
Danish (:mod:`balancer.language`); the solver's reasons, risks and
warnings come from the texts the result keeps in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.files.saving import save_workbook, write_value
from balancer.language import Words
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

    import pandas as pd
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
    lang: Language = "en",
) -> Path:
    """Write the backlog workbook to ``path`` atomically; return the path.

    ``baselines`` (name -> metric -> value) are set beside this plan's
    figures on the Summary sheet. Refuses to overwrite any of ``inputs``.
    ``lang`` is the workbook's language (``da``: Danish).
    """
    book = new_workbook()
    bulk = add_backlog_sheets(book, team, result, baselines, lang=lang)
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

    The two summaries are titled ``Rota summary`` and ``Backlog summary``
    (in ``lang``); every other sheet keeps its usual title.
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
        lang=lang,
    )
    return save_workbook(book, path, inputs, bulk)


def add_backlog_sheets(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    baselines: Baselines | None = None,
    summary_title: str = "Summary",
    lang: Language = "en",
) -> list[BulkTable]:
    """Add the four backlog sheets to ``book`` in their usual order.

    Returns the long tables to fill in when the book is saved (pass them
    to :func:`~balancer.files.saving.save_workbook`). Sheet titles are
    given in English and written in ``lang``.
    """
    bulk: list[BulkTable] = []
    add_cases_sheet(book, team, result, bulk=bulk, lang=lang)
    add_load_sheet(book, team, result, lang=lang)
    add_shelf_sheet(book, team, result, bulk=bulk, lang=lang)
    add_backlog_summary_sheet(
        book, team, result, baselines, title=summary_title, lang=lang
    )
    return bulk


def add_cases_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    title: str = "Cases",
    bulk: list[BulkTable] | None = None,
    lang: Language = "en",
) -> Worksheet:
    """Every case with its owner and forecast; late red, moved yellow.

    With ``bulk``, a long table is left there to fill in at the save
    (:mod:`balancer.outputs.long_tables`).
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    table = backlog_frames.cases_frame(team, result, words)
    headers = list(table.columns)
    late = headers.index("Late")
    moved = headers.index("Moved")
    yes = words.value("yes")

    def kind_of(values: Sequence[Any]) -> str:
        if values[late] == yes:
            return "late"
        return "moved" if values[moved] == yes else ""

    last = write_long_table(
        sheet,
        table,
        formats={"Effort hours": "0.0"},
        kind_of=kind_of,
        fills={"late": RED_FILL, "moved": WARN_FILL},
        bulk=bulk,
        words=words,
    )
    long = bulk is not None and len(table) > long_tables.BULK_ROWS
    _finish_table(sheet, last, len(headers), sheet.title, True, sized=long)
    return sheet


def add_load_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    title: str = "Load",
    lang: Language = "en",
) -> Worksheet:
    """Capacity, load and utilisation per caseworker, with a bar chart.

    Utilisation shows as a percentage; above 100 % is red.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
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
        words=words,
    )
    headers = list(table.columns)
    use = headers.index("Utilisation") + 1
    for row in range(2, last + 1):
        cell = sheet.cell(row=row, column=use)
        if isinstance(cell.value, (int, float)) and cell.value > 1:
            cell.fill = RED_FILL
    _finish_table(sheet, last, len(headers), sheet.title, landscape=True)
    chart = None
    if len(table):
        chart = staff_chart(
            sheet,
            column=use,
            last_row=last,
            title=words("backlog.chart"),
            y_title=words("backlog.chart.axis"),
            percent=True,
            from_zero=True,
        )
    table_with_chart_setup(
        sheet,
        chart,
        last_row=last,
        columns=len(headers),
        landscape=True,
        title=sheet.title,
    )
    return sheet


def add_shelf_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    title: str = "Shelf",
    bulk: list[BulkTable] | None = None,
    lang: Language = "en",
) -> Worksheet:
    """The cases waiting, queue by queue, each with why it waits."""
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    table = backlog_frames.shelf_frame(team, result, words)
    if table.empty:
        write_value(sheet["A1"], words("backlog.shelf_empty"))
        page_setup(sheet, landscape=False, title=sheet.title)
        return sheet
    last = write_long_table(
        sheet, table, formats={"Effort hours": "0.0"}, bulk=bulk, words=words
    )
    long = bulk is not None and len(table) > long_tables.BULK_ROWS
    _finish_table(sheet, last, len(table.columns), sheet.title, True, long)
    return sheet


def add_backlog_summary_sheet(
    book: Workbook,
    team: Team,
    result: BacklogResult,
    baselines: Baselines | None = None,
    title: str = "Summary",
    lang: Language = "en",
) -> Worksheet:
    """Status, goals, moves and the shelf by reason, baselines, conflicts."""
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    row = 1
    if not result.status.has_plan:
        status = words.value(result.status.value)
        banner(sheet, row, words("backlog.no_plan", status=status))
        row += 2
    heading = sheet.cell(row=row, column=1)
    write_value(heading, words("backlog.title"))
    heading.font = font(bold=True, size=14)
    row += 2
    comparison = _baselines_in(
        backlog_frames.baselines_frame(
            backlog_frames.backlog_metrics(team, result), baselines
        ),
        words,
    )
    row = stats_section(
        sheet,
        row,
        summary_frames.stats_frame(result.stats, words=words),
        words,
    )
    row = section(
        sheet,
        row,
        "Soft goals",
        _goals_named(summary_frames.terms_frame(result.terms, words), words),
        words=words,
    )
    row = section(
        sheet,
        row,
        "Moves",
        backlog_frames.moves_frame(team, result, words),
        words=words,
    )
    row = section(
        sheet,
        row,
        "On the shelf, by why they wait",
        backlog_frames.reasons_frame(result, words),
        words=words,
    )
    heading = words.header("Compared with baselines")
    row = section(sheet, row, heading, comparison)
    section(
        sheet,
        row,
        "Conflicts and warnings",
        _rules_named(
            summary_frames.conflicts_frame(result, words=words), words
        ),
        words=words,
    )
    fit_columns(sheet, maximum=30, skip_rows=1)
    page_setup(
        sheet,
        landscape=False,
        title=words.sheet("Backlog summary"),
        fit_width=True,
    )
    return sheet


def _goals_named(table: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The backlog's goals by their names in the language (the rota's
    keep their machine names)."""
    table = table.copy()
    table["Goal"] = [
        words(f"goal.name.{name}") if words.has(f"goal.name.{name}") else name
        for name in table["Goal"]
    ]
    return table


def _rules_named(table: pd.DataFrame, words: Words) -> pd.DataFrame:
    """The rules the backlog's warnings name, in the language."""
    table = table.copy()
    table["Rule"] = [
        words(f"rule.{rule}") if words.has(f"rule.{rule}") else rule
        for rule in table["Rule"]
    ]
    return table


def _baselines_in(table: pd.DataFrame, words: Words) -> pd.DataFrame:
    """Every header and metric in the language, but for the name of a
    plan the caller chose, which stays as given (so the table is written
    without ``words``)."""
    table = table.copy()
    table["Metric"] = [
        words.value(m) if words.has(f"value.{m}") else m
        for m in table["Metric"]
    ]
    return table.rename(
        columns={
            c: words.header(c)
            for c in table.columns
            if words.has(f"header.{c}")
        }
    )


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
