"""The Rota sheet: one row per person, one column per day, a colour per duty.

Weekends and holidays shaded; prints landscape, one week per page.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from balancer.files.saving import write_value
from balancer.language import Words
from balancer.outputs import rota_frames
from balancer.outputs.styling import (
    ABSENCE_FILL,
    BOX,
    CLOSED_FILL,
    DATE_FORMAT,
    HEADER_FILL,
    HEADER_FONT,
    RED_FILL,
    duty_colours,
    fill,
    font,
    page_setup,
    print_scale,
)
from balancer.outputs.words import duty_codes, time_span

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Month, Team
    from balancer.language import Language
    from balancer.result import RotaResult


__all__ = ["add_rota_sheet"]

_HEAD_ROWS = 4
_FIRST_DAY_COL = 3
_DAY_WIDTH = 20
#: Closed days (weekends, holidays) hold no duty and need less room.
_CLOSED_WIDTH = 11
_ID_WIDTH = 8
_NAME_WIDTH = 18


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
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    grid = rota_frames.rota_cells(team, month, result, lang)
    colours = duty_colours(team)
    days = [head.day for head in grid.days]

    write_value(sheet["A1"], words("rota.title", month=month))
    sheet["A1"].font = font(bold=True, size=14)
    status = sheet["A2"]
    if result.relaxed or not result.status.has_plan:
        write_value(status, words("rota.breaks"))
        status.font = font(bold=True, color="C00000")
    else:
        shown = words.value(result.status.value).lower()
        write_value(status, words("rota.status", status=shown))
        status.font = font(size=9, color="595959")
    write_value(sheet["B3"], words.header("Day"))
    sheet["B3"].font = font(bold=True)
    for column, text in ((1, words.header("ID")), (2, words.header("Name"))):
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
            write_value(week, words("rota.week", week=head.week))
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
    _shortage_row(sheet, team, month, result, after, days, words)
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
    page_setup(
        sheet,
        landscape=True,
        title=words("rota.title", month=month),
        scale=scale,
    )
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
    words: Words,
) -> None:
    """People missing against minimum staffing, per day (blank = none)."""
    coverage = rota_frames.coverage_frame(team, month, result)
    short: dict[date, int] = {}
    for day, missing in zip(
        coverage["Date"], coverage["Short of min"], strict=True
    ):
        short[day] = short.get(day, 0) + int(missing)
    label = sheet.cell(row=row, column=2)
    write_value(label, words("rota.short_of_minimum"))
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
    codes = duty_codes(team)
    heading = sheet.cell(row=row, column=1)
    write_value(heading, Words(lang)("rota.legend"))
    heading.font = font(bold=True)
    entries: list[tuple[str, PatternFill, str]] = []
    for duty in team.duties:
        spans = sorted({time_span(s.start, s.end) for s in duty.slots})
        entries.append(
            (
                codes[duty.id],
                fill(colours[duty.id]),
                f"{duty.title}: {', '.join(spans)}",
            )
        )
    said = Words(lang)
    entries += [
        ("", ABSENCE_FILL, said("rota.legend.away")),
        ("", CLOSED_FILL, said("rota.legend.closed")),
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
