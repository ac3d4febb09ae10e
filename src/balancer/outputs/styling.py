"""Shared look of the output workbooks: colours, tables, print settings.

The sheet writers put DataFrames on sheets through :func:`write_table`,
which stores every string through :func:`balancer.files.saving.write_value`
(text that looks like a formula stays text) and shows dates the Danish way.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from balancer.files.saving import write_value

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from openpyxl import Workbook
    from openpyxl.chart._chart import ChartBase
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Team
    from balancer.language import Words

__all__ = [
    "ABSENCE_FILL",
    "BLANK_ZERO",
    "CLOSED_FILL",
    "DATE_FORMAT",
    "FONT_SPARE",
    "HEADER_FILL",
    "HEADER_FONT",
    "PALETTE",
    "RED_FILL",
    "WARN_FILL",
    "banner",
    "cell_value",
    "duty_colours",
    "fill",
    "fit_columns",
    "font",
    "new_workbook",
    "page_setup",
    "page_size",
    "print_scale",
    "section",
    "staff_chart",
    "stats_section",
    "table_with_chart_setup",
    "write_table",
]

#: Danish date display.
DATE_FORMAT = "dd.mm.yyyy"

#: Whole numbers with zero shown blank, so that shortfalls stand out.
BLANK_ZERO = "0;-0;;@"

#: Pastel colours for duties without their own colour, in duty order.
PALETTE = (
    "FFD966",
    "9DC3E6",
    "A9D08E",
    "F4B183",
    "C9A0DC",
    "8FD3D3",
    "F8CBAD",
    "D0CECE",
)

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
#: Excel's default font; named on every styled cell so LibreOffice (which
#: maps it to the metric-compatible Carlito) keeps the same widths.
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
CLOSED_FILL = PatternFill("solid", fgColor="BFBFBF")
ABSENCE_FILL = PatternFill("solid", fgColor="FCE4D6")
RED_FILL = PatternFill("solid", fgColor="F8CBAD")
WARN_FILL = PatternFill("solid", fgColor="FFF2CC")
BANNER_FILL = PatternFill("solid", fgColor="C00000")
THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# A4 in points, less 0.4" margins each side (openpyxl's page units).
_A4_LONG = 842 - 2 * 0.4 * 72
_A4_SHORT = 595 - 2 * 0.4 * 72

#: How much wider than Calibri's a column may come out. Column widths
#: count the workbook font's digits; LibreOffice without Calibri or its
#: metric twin Carlito (its stock setup) measures them in DejaVu Sans,
#: whose digit takes 9 pixels to Calibri's 7, and a week then spilled
#: onto a second page. Printed zooms leave room for that.
FONT_SPARE = 1.3


def font(**style: Any) -> Font:
    """A font in the workbook's face, e.g. ``font(bold=True, size=9)``."""
    return Font(name=FONT_NAME, **style)


def fill(colour: str) -> PatternFill:
    """A solid fill of a hex colour such as ``#FFD966`` or ``FFD966``."""
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


def duty_colours(team: Team) -> dict[str, str]:
    """Duty id -> hex colour: the duty's own, else the next palette one."""
    own = {
        duty.id: duty.colour.lstrip("#").upper()
        for duty in team.duties
        if duty.colour
    }
    # A palette colour a duty already has would make two duties look alike.
    spare = [c for c in PALETTE if c not in own.values()] or list(PALETTE)
    colours: dict[str, str] = {}
    for duty in team.duties:
        if duty.id in own:
            colours[duty.id] = own[duty.id]
        else:
            used = len(colours) - len(own.keys() & colours.keys())
            colours[duty.id] = spare[used % len(spare)]
    return colours


def new_workbook() -> Workbook:
    """An empty workbook (openpyxl's default sheet removed)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def cell_value(value: Any) -> Any:
    """A DataFrame value as openpyxl stores it: NaN -> None, numpy -> py."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, (date, datetime, str)):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    item = getattr(value, "item", None)
    return item() if callable(item) else value


def write_table(
    sheet: Worksheet,
    frame: pd.DataFrame,
    top: int = 1,
    left: int = 1,
    formats: Mapping[str, str] | None = None,
    words: Words | None = None,
) -> int:
    """Write ``frame`` with a styled header at ``top``; return its last row.

    Strings go through ``write_value`` (never run as formulas). Dates show
    as ``dd.mm.yyyy``; ``formats`` sets a number format per column header
    (the frame's own, English). With ``words`` the headers are written in
    its language (:meth:`balancer.language.Words.header`).
    """
    formats = formats or {}
    for j, header in enumerate(frame.columns):
        cell = sheet.cell(row=top, column=left + j)
        shown = words.header(str(header)) if words else str(header)
        write_value(cell, shown)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = BOX
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, raw in enumerate(row):
            cell = sheet.cell(row=top + i, column=left + j)
            value = cell_value(raw)
            write_value(cell, value)
            cell.border = BOX
            header = str(frame.columns[j])
            if header in formats:
                cell.number_format = formats[header]
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
    return top + len(frame)


def section(
    sheet: Worksheet,
    row: int,
    name: str,
    table: pd.DataFrame,
    formats: Mapping[str, str] | None = None,
    words: Words | None = None,
) -> int:
    """A bold heading, then the table or ``(none)``; returns the next row.

    Used to stack several small tables on one summary sheet; ``formats``
    and ``words`` as in :func:`write_table` (the heading is a header).
    """
    heading = sheet.cell(row=row, column=1)
    write_value(heading, words.header(name) if words else name)
    heading.font = font(bold=True, size=12)
    if table.empty:
        none = words.value("(none)") if words else "(none)"
        write_value(sheet.cell(row=row + 1, column=1), none)
        return row + 3
    last = write_table(sheet, table, top=row + 1, formats=formats, words=words)
    return last + 2


def stats_section(
    sheet: Worksheet,
    row: int,
    table: pd.DataFrame,
    words: Words | None = None,
) -> int:
    """The solve's figures (``frames.stats_frame``), gap as a percentage.

    With ``words`` the heading and headers are in its language, and so
    are the items of ``table`` (as ``words.value`` writes them).
    """
    after = section(sheet, row, "Solve", table, words=words)
    gap = words.value("Gap") if words else "Gap"
    for r in range(row + 2, after):
        if sheet.cell(row=r, column=1).value == gap:
            sheet.cell(row=r, column=2).number_format = "0.0%"
    return after


def fit_columns(
    sheet: Worksheet,
    minimum: float = 6,
    maximum: float = 50,
    skip_rows: int = 0,
    running: Collection[int] = (),
    keep_widths: bool = False,
) -> None:
    """Size each column to its longest line of text, within limits.

    ``skip_rows`` leaves out the first rows, and ``running`` the rows of
    notes that run across the columns. Titles and section headings (font
    size 12 and up) are left out too, as they may run across columns.
    Table headers count by their longest word, and by half their length,
    so a header wraps onto two lines at most. Text wider than its column
    wraps, and its row grows to fit. ``keep_widths`` only wraps and grows
    rows, for columns sized by hand.
    """
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=skip_rows + 1):
        if row[0].row in running:
            continue
        for cell in row:
            if cell.value is None or (cell.font.sz or 11) >= 12:
                continue
            if isinstance(cell.value, (date, datetime)):
                length = 10
            elif isinstance(cell.value, float):
                length = len(f"{cell.value:.2f}")
            elif _is_header(cell):
                # Two lines at most, wrapped as below (bold: a tenth
                # wider than the digits widths count in).
                text = str(cell.value)
                length = max(len(word) for word in text.split())
                while _wrapped_lines(text, (length + 1) / 1.1) > 2:
                    length += 1
            else:
                text = str(cell.value)
                length = max(len(line) for line in text.split("\n"))
            column = cell.column
            widths[column] = max(widths.get(column, 0), length)
    for column, length in widths.items():
        if keep_widths:
            break
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = min(
            maximum, max(minimum, length + 2)
        )
    # Text longer than its column wraps, and its row grows to show it all
    # (Excel does not grow rows by itself when a file is opened).
    for row in sheet.iter_rows(min_row=skip_rows + 1):
        if row[0].row in running:
            continue
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or (cell.font.sz or 11) >= 12:
                continue
            width = sheet.column_dimensions[cell.column_letter].width or 8
            # Bold header words run a tenth wider than the digits widths
            # count in.
            room = (width - 1) / (1.1 if _is_header(cell) else 1.0)
            needed = sum(
                _wrapped_lines(line, room) for line in cell.value.split("\n")
            )
            if needed > 1:
                cell.alignment = Alignment(
                    wrap_text=True,
                    vertical=cell.alignment.vertical or "center",
                    horizontal=cell.alignment.horizontal,
                )
            lines = max(lines, needed)
        current = sheet.row_dimensions[row[0].row].height or 15
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = max(current, 15 * lines)
            # A taller row reads as one line when every cell is centred.
            for cell in row:
                if cell.alignment.vertical is None:
                    cell.alignment = Alignment(
                        vertical="center",
                        wrap_text=cell.alignment.wrap_text,
                        horizontal=cell.alignment.horizontal,
                    )


def _wrapped_lines(text: str, room: float) -> int:
    """Lines ``text`` takes when wrapped at spaces in ``room`` characters.

    Counting words, not characters: "mail carried out" in a column of
    ten takes three lines, not two.
    """
    lines, used = 1, 0.0
    for word in text.split():
        needed = len(word) if used == 0 else used + 1 + len(word)
        if used and needed > room:
            lines += 1
            used = len(word)
        else:
            used = needed
        while used > room:  # a word longer than the column breaks
            lines += 1
            used -= room
    return lines


def _is_header(cell: Any) -> bool:
    return bool(cell.fill is not None and cell.fill == HEADER_FILL)


def banner(sheet: Worksheet, row: int, text: str, columns: int = 8) -> None:
    """A red, bold, merged line across the top of a sheet."""
    cell = sheet.cell(row=row, column=1)
    write_value(cell, text)
    cell.fill = BANNER_FILL
    cell.font = font(bold=True, color="FFFFFF", size=13)
    cell.alignment = Alignment(vertical="center")
    sheet.merge_cells(
        start_row=row, start_column=1, end_row=row, end_column=columns
    )
    sheet.row_dimensions[row].height = 24


def print_scale(
    width_chars: float,
    columns: int,
    landscape: bool,
    height_points: float | None = None,
) -> int:
    """The print zoom (percent) at which a block of columns fits a page.

    ``width_chars`` is the summed column width in Excel's character units;
    one unit is about 7 pixels with Calibri, and up to
    :data:`FONT_SPARE` times that in a program without it, and each
    column adds 5 pixels of padding (0.75 point a pixel). Also fits
    ``height_points`` when given. Never zooms in, never below 40 %.
    """
    points = (width_chars * 7 * FONT_SPARE + columns * 5) * 0.75
    page_w, page_h = page_size(landscape)
    # 2 % spare besides: a column pushed onto a page of its own is worse
    # than a smaller zoom.
    scale = 0.98 * page_w / points
    if height_points:
        scale = min(scale, page_h / height_points)
    return max(40, min(100, math.floor(scale * 100)))


def page_size(landscape: bool) -> tuple[float, float]:
    """Printable width and height of an A4 page, in points.

    The height leaves room for the page's header and footer lines.
    """
    if landscape:
        return _A4_LONG, _A4_SHORT - 60
    return _A4_SHORT, _A4_LONG - 60


def staff_chart(
    sheet: Worksheet,
    *,
    column: int,
    last_row: int,
    title: str,
    y_title: str,
    x_title: str | None = None,
    percent: bool = False,
    from_zero: bool = False,
    header_row: int = 1,
) -> BarChart:
    """A column chart of one figure per person (a row per person).

    ``column`` holds the figure, with its header in ``header_row``; the
    names are in column A. Both axes are shown (openpyxl hides them
    otherwise) and the names sit below the plot, clear of bars that go
    negative. With
    ``from_zero`` the value axis reaches 0 (it starts there when every
    value is 0 or more, ends there when every value is 0 or less), so
    small differences are not blown up: utilisations of 95-100 % drawn
    from 95 % looked like a fivefold spread.
    """
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    if x_title is not None:
        chart.x_axis.title = x_title
    if percent:
        chart.y_axis.numFmt = "0%"
    if from_zero:
        values = [
            sheet.cell(row=r, column=column).value
            for r in range(header_row + 1, last_row + 1)
        ]
        numbers = [v for v in values if isinstance(v, (int, float))]
        if all(v >= 0 for v in numbers):
            chart.y_axis.scaling.min = 0
        elif all(v <= 0 for v in numbers):
            chart.y_axis.scaling.max = 0
    chart.legend = None
    chart.add_data(
        Reference(sheet, min_col=column, min_row=header_row, max_row=last_row),
        titles_from_data=True,
    )
    chart.set_categories(
        Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row)
    )
    chart.x_axis.tickLblPos = "low"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height = 8
    chart.width = max(12, 1.2 * (last_row - header_row) + 4)
    return chart


def table_with_chart_setup(
    sheet: Worksheet,
    chart: ChartBase | None,
    *,
    last_row: int,
    columns: int,
    landscape: bool,
    title: str,
) -> None:
    """Print a table with ``chart`` (if any) below it.

    The table is zoomed to fit the page width and the chart is narrowed to
    that width too. When table and chart do not fit one page together, the
    chart starts a new page, so a printout never cuts a chart in two. (A
    fixed zoom, not "fit to page": Excel ignores manual breaks under "fit
    to page".)
    """
    width = sum(
        sheet.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, columns + 1)
    )
    scale = print_scale(width, columns, landscape)
    page_setup(sheet, landscape=landscape, title=title, scale=scale)
    if chart is None:
        return
    page_width, page_height = page_size(landscape)
    cm_per_point = 2.54 / 72
    fits = 0.9 * page_width * cm_per_point * 100 / scale
    chart.width = min(chart.width, fits)
    rows = sum(
        sheet.row_dimensions[r].height or 15 for r in range(1, last_row + 1)
    )
    chart_points = chart.height / cm_per_point
    anchor = last_row + 3
    if (rows + 30 + chart_points) * scale / 100 > page_height:
        sheet.row_breaks.append(Break(id=last_row + 1))
        anchor = last_row + 2
    sheet.add_chart(chart, f"A{anchor}")


def page_setup(
    sheet: Worksheet,
    *,
    landscape: bool,
    title: str,
    fit_width: bool = False,
    scale: int | None = None,
) -> None:
    """A4 print settings with a title header and page numbers.

    ``fit_width`` fits all columns on one page width (Excel then ignores
    manual page breaks, so sheets with breaks use ``scale`` instead).
    """
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    # Room between the page header (title) and the first row.
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.page_margins.header = sheet.page_margins.footer = 0.3
    sheet.print_options.gridLines = False
    # The zoom leaves room for wider fonts (FONT_SPARE): with Calibri the
    # table sits in the middle of the page, not against its left edge.
    sheet.print_options.horizontalCentered = True
    sheet.sheet_properties.pageSetUpPr.fitToPage = fit_width
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
    elif scale is not None:
        sheet.page_setup.scale = scale
    # Header text is a format string: `&` starts a code, so double it.
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddFooter.right.text = "&P / &N"
