"""The rota workbook: the grid, the board, fairness, summary and history.

One function per sheet (``add_*_sheet``), so the combined plan workbook
reuses them. Sheets:

Rota
    person x day grid; each cell lists the person's duty slots (``P 08-10``)
    in the duty's colour; closed days grey with the holiday's name above;
    absences marked; prints one week per landscape page.
Board
    one row per day, slot and duty with the staff ids on it: the view for
    the team's board, and the machine-readable rota that
    :func:`balancer.inputs.rota_workbook.read_rota_workbook` reads back.
Fairness
    hours and unpopular slots against fair share, with a chart.
Statements
    the fairness account in plain words, one line per person
    (:mod:`balancer.outputs.statements`), to paste into a message.
Summary
    status, soft goals, conflicts and staffing per slot against target.
History
    the new balances, in the team workbook's History layout.
Published (hidden)
    the Board's Date, Time, Duty and Staff columns as written, so that
    ``balancer rota --keep`` can tell the planner's hand edits on the
    Board from what balancer published.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from balancer.files.saving import save_workbook, write_value
from balancer.outputs import account_frames, rota_frames, summary_frames, words
from balancer.outputs.statements import fairness_statements
from balancer.outputs.styling import (
    ABSENCE_FILL,
    BLANK_ZERO,
    BOX,
    CLOSED_FILL,
    DATE_FORMAT,
    HEADER_FILL,
    HEADER_FONT,
    RED_FILL,
    WARN_FILL,
    banner,
    duty_colours,
    fill,
    fit_columns,
    font,
    new_workbook,
    page_setup,
    print_scale,
    section,
    stats_section,
    table_with_chart_setup,
    write_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from datetime import date
    from pathlib import Path

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Month, Team
    from balancer.outputs.words import Language
    from balancer.result import RotaResult

__all__ = [
    "RELAXED_BANNER",
    "ROTA_SHEETS",
    "add_board_sheet",
    "add_fairness_sheet",
    "add_history_sheet",
    "add_published_sheet",
    "add_rota_sheet",
    "add_rota_sheets",
    "add_rota_summary_sheet",
    "add_statements_sheet",
    "write_rota_workbook",
]

#: Sheet titles of the rota workbook, in order.
ROTA_SHEETS = (
    "Rota",
    "Board",
    "Fairness",
    "Statements",
    "Summary",
    "History",
)

RELAXED_BANNER = "This rota breaks some demands: see conflicts"

#: Rows of the Rota sheet above the staff (title and weeks, status and
#: holidays, weekdays, dates); they stay frozen above the grid.
_HEAD_ROWS = 4
_FIRST_DAY_COL = 3
_DAY_WIDTH = 20
#: Closed days (weekends, holidays) hold no duty and need less room.
_CLOSED_WIDTH = 11
_ID_WIDTH = 8
_NAME_WIDTH = 18
_STATEMENT_WIDTH = 100


def write_rota_workbook(
    team: Team,
    month: Month,
    result: RotaResult,
    path: str | Path,
    inputs: Iterable[Path] = (),
    lang: Language = "en",
    extra: Callable[[Workbook], object] | None = None,
) -> Path:
    """Write the rota workbook to ``path`` atomically; return the path.

    Refuses to overwrite any of ``inputs``. ``lang="da"`` shows weekday,
    month and absence words in Danish on the Rota and Board sheets.
    ``extra`` adds more sheets (e.g. a replan's Changes) after the rota
    sheets; the hidden Published sheet comes last.
    """
    book = new_workbook()
    add_rota_sheets(book, team, month, result, lang=lang)
    if extra is not None:
        extra(book)
    if result.assignments:
        add_published_sheet(book, team, month, result)
    return save_workbook(book, path, inputs)


def add_published_sheet(
    book: Workbook, team: Team, month: Month, result: RotaResult
) -> Worksheet:
    """A hidden copy of the rota as published: Date, Time, Duty, Staff.

    ``balancer rota --keep`` compares it with the Board to find the cells
    the planner changed by hand.
    """
    sheet = book.create_sheet("Published")
    board = rota_frames.board_frame(team, month, result)
    write_table(sheet, board[["Date", "Time", "Duty", "Staff"]])
    sheet.sheet_state = "hidden"
    return sheet


def add_rota_sheets(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    lang: Language = "en",
    summary_title: str = "Summary",
) -> None:
    """Add the rota sheets (:data:`ROTA_SHEETS`) in their usual order."""
    add_rota_sheet(book, team, month, result, lang=lang)
    add_board_sheet(book, team, month, result, lang=lang)
    add_fairness_sheet(book, team, month, result)
    add_statements_sheet(book, team, month, result)
    add_rota_summary_sheet(book, team, month, result, title=summary_title)
    add_history_sheet(book, team, result)


# --------------------------------------------------------------------------
# Rota: the grid
# --------------------------------------------------------------------------


def add_rota_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    lang: Language = "en",
    title: str = "Rota",
) -> Worksheet:
    """The person x day grid, printed one week per landscape page.

    Rows 1-4 (frozen, repeated on every printed page): title and week
    numbers; status and holiday names; weekdays; the ``ID``/``Name``
    header with the dates (real dates shown ``dd.mm.yyyy``). Columns A-B
    (frozen, repeated): staff id and name. Closed days are grey down the
    whole column; a duty cell takes its first duty's colour; absences are
    peach. Below the staff: people short of minimum staffing per day, and
    a legend of the duty codes.
    """
    sheet = book.create_sheet(title)
    grid = rota_frames.rota_cells(team, month, result, lang)
    colours = duty_colours(team)
    days = [head.day for head in grid.days]
    da = lang == "da"

    heading = f"{'Vagtplan' if da else 'Rota'} "
    heading += words.month_name(month, lang)
    write_value(sheet["A1"], heading)
    sheet["A1"].font = font(bold=True, size=14)
    status = sheet["A2"]
    if result.relaxed or not result.status.has_plan:
        write_value(status, "Breaks demands: see Summary")
        status.font = font(bold=True, color="C00000")
    else:
        write_value(status, f"Status: {result.status.value.lower()}")
        status.font = font(size=9, color="595959")
    write_value(sheet["B3"], "Dag" if da else "Day")
    sheet["B3"].font = font(bold=True)
    for column, text in ((1, "ID"), (2, "Navn" if da else "Name")):
        cell = sheet.cell(row=_HEAD_ROWS, column=column)
        write_value(cell, text)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.border = BOX

    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for j, head in enumerate(grid.days):
        column = _FIRST_DAY_COL + j
        if j == 0 or head.day.weekday() == 0:
            week = sheet.cell(row=1, column=column)
            write_value(week, f"{'Uge' if da else 'Week'} {head.week}")
            week.font = font(bold=True)
            week.alignment = Alignment(vertical="bottom")
        holiday = sheet.cell(row=2, column=column)
        if head.holiday:
            write_value(holiday, head.holiday)
            holiday.font = font(size=8, italic=True)
        weekday = sheet.cell(row=3, column=column)
        write_value(weekday, head.weekday)
        date_cell = sheet.cell(row=_HEAD_ROWS, column=column)
        date_cell.value = head.day
        date_cell.number_format = DATE_FORMAT
        date_cell.fill = HEADER_FILL
        date_cell.font = HEADER_FONT
        date_cell.border = BOX
        for cell in (holiday, weekday, date_cell):
            cell.alignment = centre
        if head.closed is not None:
            holiday.fill = weekday.fill = CLOSED_FILL
            date_cell.fill = fill("7F7F7F")
        sheet.column_dimensions[get_column_letter(column)].width = (
            _DAY_WIDTH if head.closed is None else _CLOSED_WIDTH
        )
    sheet.row_dimensions[1].height = 20
    sheet.row_dimensions[2].height = 24

    top = _HEAD_ROWS + 1
    for i, staff_id in enumerate(grid.staff):
        row = top + i
        person = team.staff_by_id[staff_id]
        write_value(sheet.cell(row=row, column=1), staff_id)
        write_value(sheet.cell(row=row, column=2), person.name)
        for column in (1, 2):
            sheet.cell(row=row, column=column).border = BOX
            sheet.cell(row=row, column=column).alignment = Alignment(
                vertical="center"
            )
        lines = 1
        for j, day in enumerate(days):
            cell = sheet.cell(row=row, column=_FIRST_DAY_COL + j)
            content = grid.cell(staff_id, day)
            if content.text:
                text = _compact(content.text)
                write_value(cell, text)
                lines = max(lines, text.count("\n") + 1)
            cell.alignment = centre
            cell.border = BOX
            cell.font = font(size=9)
            if content.kind == "duty" and content.duty in colours:
                cell.fill = fill(colours[content.duty])
            elif content.kind == "absence":
                cell.fill = ABSENCE_FILL
                cell.font = font(size=9, italic=True)
            elif content.kind == "off":
                cell.font = font(size=9, color="808080")
            elif content.kind == "closed":
                cell.fill = CLOSED_FILL
        sheet.row_dimensions[row].height = max(15, 12 * lines + 3)

    after = top + len(grid.staff)
    _shortage_row(sheet, team, month, result, after, days)
    legend_end = _legend(sheet, team, after + 2, colours, lang)

    sheet.column_dimensions["A"].width = _ID_WIDTH
    sheet.column_dimensions["B"].width = _NAME_WIDTH
    sheet.freeze_panes = sheet.cell(row=top, column=_FIRST_DAY_COL)
    sheet.print_title_rows = f"1:{_HEAD_ROWS}"
    sheet.print_title_cols = "A:B"
    pages = _week_pages(grid.days)
    for page in pages[:-1]:
        # Break ids count columns from 0, so a break after the page's
        # last column (1-based ``c``) has id ``c``.
        sheet.col_breaks.append(Break(id=_FIRST_DAY_COL + page.stop - 1))
    # Excel ignores manual breaks under "fit to page", so the zoom is set
    # so that the widest page (a week) fits the paper instead.
    widest = max(pages, key=lambda page: _page_width(grid.days, page))
    height = sum(
        (sheet.row_dimensions[r].height or 15) for r in range(1, legend_end)
    )
    scale = print_scale(
        _ID_WIDTH + _NAME_WIDTH + _page_width(grid.days, widest),
        2 + len(widest),
        landscape=True,
        height_points=height,
    )
    page_setup(sheet, landscape=True, title=heading, scale=scale)
    last_column = get_column_letter(_FIRST_DAY_COL + len(days) - 1)
    sheet.print_area = f"A1:{last_column}{legend_end - 1}"
    return sheet


def _compact(text: str) -> str:
    """A day's duties on one line when they fit the column, else stacked.

    One line per person keeps the week short enough to print large.
    """
    joined = text.replace("\n", ", ")
    return joined if len(joined) <= _DAY_WIDTH - 1 else text


def _page_width(heads: Sequence[rota_frames.DayHeader], page: range) -> float:
    """Summed width of a printed page's day columns, in Excel units."""
    return sum(
        _DAY_WIDTH if heads[j].closed is None else _CLOSED_WIDTH for j in page
    )


def _week_pages(heads: Sequence[rota_frames.DayHeader]) -> list[range]:
    """Day positions per printed page: one ISO week each.

    A stretch with no open day (the weekend that starts or ends a month)
    joins its neighbouring week rather than take a page of its own.
    """
    pages: list[range] = []
    start = 0
    for j in range(1, len(heads) + 1):
        if j == len(heads) or heads[j].week != heads[j - 1].week:
            pages.append(range(start, j))
            start = j

    def closed(page: range) -> bool:
        return all(heads[j].closed is not None for j in page)

    if len(pages) > 1 and closed(pages[0]):
        pages[:2] = [range(pages[0].start, pages[1].stop)]
    if len(pages) > 1 and closed(pages[-1]):
        pages[-2:] = [range(pages[-2].start, pages[-1].stop)]
    return pages


def _shortage_row(
    sheet: Worksheet,
    team: Team,
    month: Month,
    result: RotaResult,
    row: int,
    days: Sequence[date],
) -> None:
    """People missing against minimum staffing, per day (blank = none)."""
    coverage = rota_frames.coverage_frame(team, month, result)
    short: dict[date, int] = {}
    for day, missing in zip(
        coverage["Date"], coverage["Short of min"], strict=True
    ):
        short[day] = short.get(day, 0) + int(missing)
    label = sheet.cell(row=row, column=2)
    write_value(label, "Short of minimum")
    label.font = font(bold=True, size=9)
    for j, day in enumerate(days):
        if short.get(day):
            cell = sheet.cell(row=row, column=_FIRST_DAY_COL + j)
            cell.value = short[day]
            cell.fill = RED_FILL
            cell.font = font(bold=True, color="C00000")
            cell.alignment = Alignment(horizontal="center")


def _legend(
    sheet: Worksheet,
    team: Team,
    row: int,
    colours: dict[str, str],
    lang: Language,
) -> int:
    """Duty codes and absences explained; returns the row after it.

    The legend sits in the repeated columns A-B, so every printed page
    carries it; its text wraps within the name column.
    """
    codes = words.duty_codes(team)
    heading = sheet.cell(row=row, column=1)
    write_value(heading, "Forklaring" if lang == "da" else "Legend")
    heading.font = font(bold=True)
    entries: list[tuple[str, PatternFill, str]] = []
    for duty in team.duties:
        spans = sorted({words.time_span(s.start, s.end) for s in duty.slots})
        entries.append(
            (
                codes[duty.id],
                fill(colours[duty.id]),
                f"{duty.title}: {', '.join(spans)}",
            )
        )
    if lang == "da":
        entries += [
            ("", ABSENCE_FILL, "Fravær: ferie, syg, kursus"),
            ("", CLOSED_FILL, "Lukket: weekend, helligdag"),
        ]
    else:
        entries += [
            ("", ABSENCE_FILL, "Away: vacation, sick, course"),
            ("", CLOSED_FILL, "Closed: weekend, holiday"),
        ]
    for code, colour, text in entries:
        row += 1
        mark = sheet.cell(row=row, column=1)
        write_value(mark, code)
        mark.fill = colour
        mark.alignment = Alignment(horizontal="center", vertical="center")
        described = sheet.cell(row=row, column=2)
        write_value(described, text)
        described.font = font(size=9)
        described.alignment = Alignment(wrap_text=True, vertical="center")
        lines = math.ceil(len(text) / (_NAME_WIDTH * 1.1))
        sheet.row_dimensions[row].height = max(15, 12 * lines + 3)
    return row + 1


# --------------------------------------------------------------------------
# Board
# --------------------------------------------------------------------------


def add_board_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    lang: Language = "en",
    title: str = "Board",
) -> Worksheet:
    """One row per day, slot and duty, with who is on it.

    The header is row 1 and nothing else is on the sheet, so the reader
    finds it unambiguously. ``Staff`` holds comma-separated staff ids: a
    planner edits the rota by editing these ids. Days are separated by a
    heavier line and each week starts a new printed page.
    """
    sheet = book.create_sheet(title)
    board = rota_frames.board_frame(team, month, result, lang)
    last = write_table(sheet, board)
    colours = duty_colours(team)
    headers = list(board.columns)
    duty_col = headers.index("Duty") + 1
    note_col = headers.index("Note") + 1
    rule = Side(style="medium", color="404040")
    previous = None
    for i, day in enumerate(board["Date"], start=2):
        duty_id = sheet.cell(row=i, column=duty_col).value
        if duty_id in colours:
            sheet.cell(row=i, column=duty_col).fill = fill(colours[duty_id])
        note = sheet.cell(row=i, column=note_col)
        if isinstance(note.value, str) and note.value.startswith("short"):
            note.font = font(bold=True, color="C00000")
            note.fill = RED_FILL
        if previous is not None and day != previous:
            for column in range(1, len(headers) + 1):
                cell = sheet.cell(row=i, column=column)
                cell.border = Border(
                    left=BOX.left, right=BOX.right, bottom=BOX.bottom, top=rule
                )
            if day.isocalendar().week != previous.isocalendar().week:
                sheet.row_breaks.append(Break(id=i - 1))
        previous = day
    fit_columns(sheet, maximum=40)
    sheet.column_dimensions["A"].width = 11
    sheet.freeze_panes = "A2"
    if last > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    sheet.print_title_rows = "1:1"
    width = sum(
        sheet.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, len(headers) + 1)
    )
    page_setup(
        sheet,
        landscape=False,
        title=f"Board {words.month_name(month, lang)}",
        scale=print_scale(width, len(headers), False),
    )
    return sheet


# --------------------------------------------------------------------------
# Fairness
# --------------------------------------------------------------------------


def add_fairness_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Fairness",
) -> Worksheet:
    """Duty hours against fair share per person, and a deviation chart.

    ``Deviation`` is the balance carried to next month (see
    :mod:`balancer.outputs.account_frames`): above 0 did more than their share.
    """
    sheet = book.create_sheet(title)
    table = account_frames.fairness_frame(team, result)
    hours = {c: "0.00" for c in table.columns if c not in ("Staff", "Name")}
    hours["Unpopular slots"] = "0"
    last = write_table(sheet, table, formats=hours)
    fit_columns(sheet, maximum=30)
    sheet.freeze_panes = "C2"
    chart = None
    if len(table):
        deviation = list(table.columns).index("Deviation") + 1
        for row in range(2, last + 1):
            cell = sheet.cell(row=row, column=deviation)
            value = cell.value
            if isinstance(value, (int, float)) and abs(value) >= 2:
                cell.fill = WARN_FILL
        chart = BarChart()
        chart.type = "col"
        chart.title = "Deviation from fair share (hours)"
        chart.y_axis.title = "hours (+ = more than fair share)"
        chart.x_axis.title = "staff"
        chart.legend = None
        data = Reference(sheet, min_col=deviation, min_row=1, max_row=last)
        staff = Reference(sheet, min_col=1, min_row=2, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(staff)
        # openpyxl hides axes unless told otherwise; planners need them.
        # Names sit below the plot, clear of bars that go negative.
        chart.x_axis.tickLblPos = "low"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.height = 8
        chart.width = max(12, 1.2 * len(table) + 4)
    table_with_chart_setup(
        sheet,
        chart,
        last_row=last,
        columns=len(table.columns),
        landscape=True,
        title=f"Fairness {words.month_name(month)}",
    )
    return sheet


# --------------------------------------------------------------------------
# Statements
# --------------------------------------------------------------------------


def add_statements_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Statements",
) -> Worksheet:
    """The fairness account in plain words, one line per person.

    A1 holds the title, A2 the team's totals (the common driver of every
    share), and from row 4 a table ``Staff``, ``Name``, ``Statement``.
    Without a rota the sheet says so instead of the table.
    """
    sheet = book.create_sheet(title)
    told = fairness_statements(team, month, result)
    heading = sheet["A1"]
    write_value(heading, f"Fairness statements {words.month_name(month)}")
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
        write_value(sheet["A4"], "No rota, so no statements.")
    else:
        last = write_table(sheet, table, top=4)
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
        title=f"Statements {words.month_name(month)}",
        fit_width=True,
    )
    return sheet


# --------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------


def add_rota_summary_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Summary",
) -> Worksheet:
    """Status, soft goals, conflicts, and staffing per slot.

    A relaxed rota (one that breaks demands on purpose) or a run without a
    rota gets a red banner on the first row.
    """
    sheet = book.create_sheet(title)
    row = 1
    if not result.status.has_plan:
        banner(
            sheet,
            row,
            f"No rota: the solve ended {result.status.value}; see "
            "conflicts below",
        )
        row += 2
    elif result.relaxed:
        banner(sheet, row, RELAXED_BANNER)
        row += 2
    heading = sheet.cell(row=row, column=1)
    write_value(heading, f"Rota {words.month_name(month)}")
    heading.font = font(bold=True, size=14)
    row += 2
    row = stats_section(sheet, row, summary_frames.stats_frame(result.stats))
    row = section(
        sheet, row, "Soft goals", summary_frames.terms_frame(result.terms)
    )
    conflicts = summary_frames.conflicts_frame(result)
    row = section(sheet, row, "Conflicts and warnings", conflicts)
    coverage = rota_frames.coverage_frame(team, month, result)
    start = row + 1
    shortfalls = ("Short of min", "Short of target", "Over max")
    row = section(
        sheet,
        row,
        "Staffing per slot",
        coverage,
        formats=dict.fromkeys(shortfalls, BLANK_ZERO),
    )
    headers = list(coverage.columns)
    short_min = headers.index("Short of min") + 1
    short_target = headers.index("Short of target") + 1
    over = headers.index("Over max") + 1
    for r in range(start + 1, start + 1 + len(coverage)):
        if sheet.cell(row=r, column=short_min).value:
            marker = RED_FILL
        elif (
            sheet.cell(row=r, column=short_target).value
            or sheet.cell(row=r, column=over).value
        ):
            marker = WARN_FILL
        else:
            continue
        for c in range(1, len(headers) + 1):
            sheet.cell(row=r, column=c).fill = marker
    fit_columns(sheet, maximum=30, skip_rows=1)
    page_setup(
        sheet,
        landscape=False,
        title=f"Summary {words.month_name(month)}",
        fit_width=True,
    )
    return sheet


# --------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------


def add_history_sheet(
    book: Workbook, team: Team, result: RotaResult, title: str = "History"
) -> Worksheet:
    """The new balances in the team workbook's History layout.

    Row 1 holds exactly the History headers from ``columns.HISTORY``; one
    balance per row below, so next month's team workbook can take this
    sheet as it is.
    """
    sheet = book.create_sheet(title)
    table = account_frames.history_frame(team, result)
    write_table(
        sheet,
        table,
        formats={"Balance hours": "0.00", "Unpopular balance": "0.00"},
    )
    fit_columns(sheet)
    sheet.freeze_panes = "A2"
    page_setup(sheet, landscape=False, title="History", fit_width=True)
    return sheet
