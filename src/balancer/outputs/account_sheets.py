"""The fairness account's sheets: Fairness, Statements and History."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl.styles import Alignment

from balancer.files.saving import write_value
from balancer.language import Words
from balancer.outputs import account_frames
from balancer.outputs.statements import NOTHING, fairness_statements
from balancer.outputs.styling import (
    WARN_FILL,
    fit_columns,
    font,
    page_setup,
    staff_chart,
    table_with_chart_setup,
    write_table,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Month, Team
    from balancer.language import Language
    from balancer.result import RotaResult


__all__ = [
    "add_carried_in_sheet",
    "add_fairness_sheet",
    "add_history_sheet",
    "add_statements_sheet",
    "fairness_notes",
]

_ID_WIDTH = 8
_NAME_WIDTH = 18
_STATEMENT_WIDTH = 100


def add_fairness_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Fairness",
    lang: Language = "en",
) -> Worksheet:
    """The account per person, its notes above, a deviation chart below.

    The notes say that fair shares follow the planned (target) staffing,
    by how many hours the rota falls short of it, and how much of the
    claims no rota can meet (both not carried). ``Carried out`` is the
    balance next month's History holds (see
    :mod:`balancer.outputs.account_frames`): above 0 did more than their
    share.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    heading = sheet["A1"]
    write_value(heading, words("fairness.title", month=month))
    heading.font = font(bold=True, size=14)
    notes = fairness_notes(words, result)
    for row, note in enumerate(notes, start=2):
        write_value(sheet.cell(row=row, column=1), note)
    top = len(notes) + 3
    table = _by_duty_title(team, account_frames.fairness_frame(team, result))
    hours = {c: "0.00" for c in table.columns if c not in ("Staff", "Name")}
    hours["Unpopular slots"] = "0"
    last = write_table(sheet, table, top=top, formats=hours, words=words)
    fit_columns(sheet, maximum=30, skip_rows=top - 1)
    sheet.freeze_panes = f"C{top + 1}"
    chart = None
    if len(table):
        deviation = list(table.columns).index("Deviation") + 1
        for row in range(top + 1, last + 1):
            cell = sheet.cell(row=row, column=deviation)
            value = cell.value
            if isinstance(value, (int, float)) and abs(value) >= 2:
                cell.fill = WARN_FILL
        chart = staff_chart(
            sheet,
            column=deviation,
            last_row=last,
            header_row=top,
            title=words("fairness.chart"),
            y_title=words("fairness.chart.y"),
            x_title=words("fairness.chart.x"),
            from_zero=True,
        )
    table_with_chart_setup(
        sheet,
        chart,
        last_row=last,
        columns=len(table.columns),
        landscape=True,
        title=words("fairness.title", month=month),
    )
    return sheet


def _by_duty_title(team: Team, table: pd.DataFrame) -> pd.DataFrame:
    """Per-duty columns named by the duty's title (``Phone hours``), the
    team's own name for it, rather than its id."""
    names = {}
    for duty in team.duties:
        title = duty.title.strip() or duty.id
        for what in ("hours", "fair share", "carried out"):
            names[f"{duty.id} {what}"] = f"{title} {what}"
    return table.rename(columns=names)


def fairness_notes(words: Words, result: RotaResult) -> list[str]:
    """The account's notes: planned staffing, shortfall, unavoidable."""
    notes = [words("fairness.planned")]
    short = sum(s.short_of_target_hours for s in result.staff)
    if short > NOTHING:
        notes.append(words("fairness.short", hours=words.hours(short)))
    elif short < -NOTHING:
        notes.append(words("fairness.over", hours=words.hours(-short)))
    lost = [s for s in result.staff if s.unavoidable_hours < -NOTHING]
    if lost:
        notes.append(
            words(
                "fairness.unavoidable",
                hours=words.hours(sum(-s.unavoidable_hours for s in lost)),
                people=", ".join(s.staff_id for s in lost),
            )
        )
    return notes


def add_statements_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Statements",
    lang: Language = "en",
) -> Worksheet:
    """The fairness account in plain words, one line per person.

    A1 holds the title, A2 the team's totals (the common driver of every
    share), and from row 4 a table ``Staff``, ``Name``, ``Statement``.
    Without a rota the sheet says so instead of the table.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    told = fairness_statements(team, month, result, lang)
    heading = sheet["A1"]
    write_value(heading, words("statements.title", month=month))
    heading.font = font(bold=True, size=14)
    write_value(sheet["A2"], told.intro)
    # The team's line spans the table's width and wraps, so it prints
    # within the page instead of running off its right edge.
    sheet.merge_cells("A2:C2")
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[2].height = 32
    table = pd.DataFrame(
        [(p.staff_id, p.name, p.text) for p in told.people],
        columns=["Staff", "Name", "Statement"],
    )
    if table.empty:
        write_value(sheet["A4"], words("statements.no_rota"))
    else:
        last = write_table(sheet, table, top=4, words=words)
        for row, person in zip(range(5, last + 1), told.people, strict=True):
            for column in (1, 2, 3):
                sheet.cell(row=row, column=column).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
            # Excel and LibreOffice keep wrapped rows one line high unless
            # told, so the height follows the statement's length.
            lines = math.ceil(len(person.text) / (1.15 * _STATEMENT_WIDTH))
            sheet.row_dimensions[row].height = 15 * lines + 3
    sheet.column_dimensions["A"].width = _ID_WIDTH
    sheet.column_dimensions["B"].width = _NAME_WIDTH
    sheet.column_dimensions["C"].width = _STATEMENT_WIDTH
    page_setup(
        sheet,
        landscape=True,
        title=words("statements.title", month=month),
        fit_width=True,
    )
    return sheet


def add_history_sheet(
    book: Workbook,
    team: Team,
    result: RotaResult,
    title: str = "History",
    lang: Language = "en",
) -> Worksheet:
    """The balances carried out, in the team workbook's History layout.

    Row 1 holds exactly the History headers from ``schema.HISTORY``; one
    balance per row below, so next month's team workbook (or ``balancer
    rota --history``) can take this sheet as it is.
    """
    return _history_layout(
        book, title, account_frames.history_frame(team, result), Words(lang)
    )


def add_carried_in_sheet(
    book: Workbook,
    team: Team,
    title: str = "Carried in",
    lang: Language = "en",
) -> Worksheet:
    """A hidden copy of the balances the rota was planned with.

    ``balancer statements`` reads it, so the account it prints is the
    Statements sheet's, whatever the team workbook's History says now.
    """
    sheet = _history_layout(
        book, title, account_frames.carried_in_frame(team), Words(lang)
    )
    sheet.sheet_state = "hidden"
    return sheet


def _history_layout(
    book: Workbook, title: str, table: pd.DataFrame, words: Words
) -> Worksheet:
    sheet = book.create_sheet(words.sheet(title))
    write_table(
        sheet,
        table,
        formats={"Balance hours": "0.00", "Unpopular balance": "0.00"},
        words=words,
    )
    fit_columns(sheet)
    sheet.freeze_panes = "A2"
    page_setup(sheet, landscape=False, title=sheet.title, fit_width=True)
    return sheet
