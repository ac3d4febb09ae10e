"""The Rota sheet: one row per person, one column per day, a colour per duty.

Weekends and holidays shaded; prints landscape, one week per page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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
    page_size,
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
#: Closed days (weekends, holidays) hold no duty and need less room.
_CLOSED_WIDTH = 11
#: An open day's column: room for a date (dd.mm.yyyy, bold) at least.
_LEAST_DAY_WIDTH = 12
_ID_WIDTH = 7
_NAME_WIDTH = 18
#: Text sizes of the staff rows to choose from, in points (before zoom);
#: the one that prints largest wins.
_FONT_SIZES = (14, 13, 12, 11, 10, 9)
#: A line of text is this many times its size high; a row adds padding.
_LINE_HEIGHT = 1.3
_PAD = 5
#: Heights of the rows above the staff (title, holidays, weekdays, dates)
#: and below (the shortage row), in points.
_HEAD_HEIGHTS = (20, 24, 17, 17)
_FOOT_HEIGHT = 17
#: A staff row grows to fill the page, up to this many lines' height.
_MOST_LINES = 4


@dataclass(frozen=True)
class _Layout:
    """How the staff rows are printed: text size, columns, line counts."""

    size: int
    day_width: float
    name_width: float
    lines: tuple[int, ...]
    scale: int

    @property
    def line(self) -> float:
        return self.size * _LINE_HEIGHT

    @property
    def printed(self) -> float:
        """The text size on paper, in points."""
        return self.size * self.scale / 100

    def text(self, lines: str) -> str:
        """A cell's lines, side by side when the column has room."""
        joined = lines.replace("\n", ", ")
        return joined if _fits(joined, self.size, self.day_width) else lines


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
    # Within the name columns, on two lines if need be: it ran under the
    # first day's holiday name.
    sheet.merge_cells("A2:B2")
    status.alignment = Alignment(wrap_text=True, vertical="center")
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

    for row, height in enumerate(_HEAD_HEIGHTS, start=1):
        sheet.row_dimensions[row].height = height

    top = _HEAD_ROWS + 1
    pages = _week_pages(grid.days)
    widest = max(pages, key=lambda page: _page_width(grid.days, page, 0))
    texts = [
        [grid.cell(staff_id, day).text for day in days]
        for staff_id in grid.staff
    ]
    names = [team.staff_by_id[s].name or s for s in grid.staff]
    layout = _choose_layout(texts, names, grid.days, widest, len(team.duties))
    size = layout.size
    for i, staff_id in enumerate(grid.staff):
        row = top + i
        write_value(sheet.cell(row=row, column=1), staff_id)
        write_value(sheet.cell(row=row, column=2), names[i])
        for column in (1, 2):
            cell = sheet.cell(row=row, column=column)
            cell.border = BOX
            cell.font = font(size=size)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        for j, day in enumerate(days):
            cell = sheet.cell(row=row, column=_FIRST_DAY_COL + j)
            content = grid.cell(staff_id, day)
            if content.text:
                write_value(cell, layout.text(content.text))
            cell.alignment = centre
            cell.border = BOX
            cell.font = font(size=size)
            if content.kind == "duty" and content.duty in colours:
                cell.fill = fill(colours[content.duty])
            elif content.kind == "absence":
                cell.fill = ABSENCE_FILL
                cell.font = font(size=size, italic=True)
            elif content.kind == "off":
                cell.font = font(size=size, color="808080")
            elif content.kind == "closed":
                cell.fill = CLOSED_FILL
    for j, head in enumerate(grid.days):
        letter = get_column_letter(_FIRST_DAY_COL + j)
        sheet.column_dimensions[letter].width = (
            layout.day_width if head.closed is None else _CLOSED_WIDTH
        )

    after = top + len(grid.staff)
    _shortage_row(sheet, team, month, result, after, days, words)
    sheet.row_dimensions[after].height = _FOOT_HEIGHT
    legend_end = _legend(sheet, team, after + 2, colours, lang)

    sheet.column_dimensions["A"].width = _ID_WIDTH
    sheet.column_dimensions["B"].width = layout.name_width
    sheet.freeze_panes = sheet.cell(row=top, column=_FIRST_DAY_COL)
    sheet.print_title_rows = f"1:{_HEAD_ROWS}"
    sheet.print_title_cols = "A:B"
    for page in pages[:-1]:
        # Break ids count columns from 0, so a break after the page's
        # last column (1-based ``c``) has id ``c``.
        sheet.col_breaks.append(Break(id=_FIRST_DAY_COL + page.stop - 1))
    scale = _fill_the_page(sheet, layout, top, legend_end)
    page_setup(
        sheet,
        landscape=True,
        title=words("rota.title", month=month),
        scale=scale,
    )
    last_column = get_column_letter(_FIRST_DAY_COL + len(days) - 1)
    sheet.print_area = f"A1:{last_column}{legend_end - 1}"
    return sheet


def _choose_layout(
    texts: Sequence[Sequence[str]],
    names: Sequence[str],
    heads: Sequence[rota_frames.DayHeader],
    widest: range,
    duties: int,
) -> _Layout:
    """The layout whose staff rows print largest, a week to a page.

    The board hangs on a wall: the rota used to take the top 40 % of the
    page in 7 pt text. Every text size of :data:`_FONT_SIZES` is tried
    with day columns from narrow (a day's duties stacked, one a line: tall
    rows) to wide (side by side: short rows, for big teams); the zoom
    fits the widest week across (whatever the font, :func:`print_scale`)
    and every row down, and the layout printing the largest text wins.
    """
    open_days = {j for j in range(len(heads)) if heads[j].closed is None}
    cells = [[t.split("\n") for t in row if t] for row in texts]
    longest_name = max((len(name) for name in names), default=4)
    other = sum(_HEAD_HEIGHTS) + _FOOT_HEIGHT + _legend_height(duties)
    best: _Layout | None = None
    for size in _FONT_SIZES:
        grow = size / 11
        name_width = min(24, max(_NAME_WIDTH, longest_name * grow + 2))
        for day_width in range(_LEAST_DAY_WIDTH, 34):
            counts = [
                max(
                    math.ceil(len(name) * grow / (name_width - 1)),
                    *(_lines(cell, size, day_width) for cell in row),
                    1,
                )
                for row, name in zip(cells, names, strict=True)
            ]
            week = sum(
                day_width if j in open_days else _CLOSED_WIDTH for j in widest
            )
            rows = sum(_PAD + size * _LINE_HEIGHT * n for n in counts)
            scale = print_scale(
                _ID_WIDTH + name_width + week,
                2 + len(widest),
                landscape=True,
                height_points=rows + other,
            )
            found = _Layout(size, day_width, name_width, tuple(counts), scale)
            if best is None or found.printed > best.printed + 0.05:
                best = found
    assert best is not None
    return best


def _lines(parts: Sequence[str], size: int, width: float) -> int:
    """Lines a cell takes: side by side when they fit, else stacked."""
    if _fits(", ".join(parts), size, width):
        return 1
    room = max(1.0, (width - 2) * 11 / size)
    return sum(math.ceil(len(part) / room) for part in parts)


def _fits(text: str, size: int, width: float) -> bool:
    """True when ``text`` at ``size`` points fits a column ``width`` wide."""
    return len(text) * size / 11 <= width - 2


def _legend_height(duties: int) -> float:
    """The legend's rows below the staff: heading, duties, two markers."""
    return 15 + 27 * (duties + 2) + 15


def _fill_the_page(
    sheet: Worksheet, layout: _Layout, top: int, legend_end: int
) -> int:
    """Size the staff rows; they grow to fill the page's height.

    Each staff row gets the height of its lines at least; the height the
    page has left at the layout's zoom is shared out among them, each up
    to :data:`_MOST_LINES` lines. Returns the zoom (percent).
    """
    least = [_PAD + layout.line * n for n in layout.lines]
    staff = range(top, top + len(least))
    other = sum(
        sheet.row_dimensions[r].height or 15
        for r in range(1, legend_end)
        if r not in staff
    )
    scale = min(
        layout.scale,
        max(40, math.floor(page_size(True)[1] * 100 / (other + sum(least)))),
    )
    room = page_size(landscape=True)[1] * 100 / scale - other
    spare = max(0.0, room - sum(least)) / max(1, len(least))
    most = _PAD + layout.line * _MOST_LINES
    for i, height in enumerate(least):
        grown = max(height, min(most, height + spare))
        sheet.row_dimensions[top + i].height = math.floor(grown)
    return scale


def _page_width(
    heads: Sequence[rota_frames.DayHeader], page: range, day_width: float
) -> float:
    """Summed width of a printed page's day columns, in Excel units.

    With ``day_width`` 0, the open days count one each, closed days a
    little less: enough to find the widest page.
    """
    return sum(
        (day_width or 1) if heads[j].closed is None else 0.9 for j in page
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
