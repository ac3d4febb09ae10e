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

import itertools
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from balancer.files.saving import save_workbook, write_value
from balancer.language import Words
from balancer.outputs import rota_frames, summary_frames
from balancer.outputs.account_sheets import (
    add_carried_in_sheet,
    add_fairness_sheet,
    add_history_sheet,
    add_statements_sheet,
    fairness_notes,
)
from balancer.outputs.rota_grid_sheet import add_rota_sheet
from balancer.outputs.styling import (
    BLANK_ZERO,
    BOX,
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
    write_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Month, Team
    from balancer.language import Language
    from balancer.result import RotaResult

__all__ = [
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
    sheets; the hidden Published and Carried in sheets come last (the
    rota as published, and the balances it was planned with).
    """
    book = new_workbook()
    add_rota_sheets(book, team, month, result, lang=lang)
    if extra is not None:
        extra(book)
    if result.assignments:
        add_published_sheet(book, team, month, result, lang=lang)
    add_carried_in_sheet(book, team, lang=lang)
    return save_workbook(book, path, inputs)


def add_published_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    lang: Language = "en",
) -> Worksheet:
    """A hidden copy of the rota as published: Date, Time, Duty, Staff.

    ``balancer rota --keep`` compares it with the Board to find the cells
    the planner changed by hand.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet("Published"))
    board = rota_frames.board_frame(team, month, result)
    write_table(sheet, board[["Date", "Time", "Duty", "Staff"]], words=words)
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
    add_fairness_sheet(book, team, month, result, lang=lang)
    add_statements_sheet(book, team, month, result, lang=lang)
    add_rota_summary_sheet(
        book, team, month, result, title=summary_title, lang=lang
    )
    add_history_sheet(book, team, result, lang=lang)


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
    heavier line and each week starts a new printed page, landscape,
    zoomed so the longest week fits it.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    board = rota_frames.board_frame(team, month, result, lang)
    last = write_table(sheet, board, words=words)
    colours = duty_colours(team)
    headers = list(board.columns)
    duty_col = headers.index("Duty") + 1
    note_col = headers.index("Note") + 1
    rule = Side(style="medium", color="404040")
    previous = None
    rows = zip(board["Date"], board["Staff"], board["Min"], strict=True)
    for i, (day, staff, low) in enumerate(rows, start=2):
        duty_id = sheet.cell(row=i, column=duty_col).value
        if duty_id in colours:
            sheet.cell(row=i, column=duty_col).fill = fill(colours[duty_id])
        people = len([s for s in str(staff).split(",") if s.strip()])
        if low is not None and people < low:
            note = sheet.cell(row=i, column=note_col)
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
    # The figures sit in the middle of their columns and the note starts
    # a little in, so "below target by 1" does not run into Max's value.
    middle = Alignment(horizontal="center", vertical="center")
    for name in ("Min", "Target", "Max"):
        column = headers.index(name) + 1
        for r in range(2, last + 1):
            sheet.cell(row=r, column=column).alignment = middle
    for r in range(2, last + 1):
        sheet.cell(row=r, column=note_col).alignment = Alignment(
            indent=1, vertical="center"
        )
    fit_columns(sheet, maximum=40)
    for name, most in (("Staff", 16), ("Names", 34)):
        letter = get_column_letter(headers.index(name) + 1)
        current = sheet.column_dimensions[letter].width or most
        sheet.column_dimensions[letter].width = min(current, most)
    fit_columns(sheet, maximum=40, keep_widths=True)
    sheet.column_dimensions["A"].width = 11
    sheet.freeze_panes = "A2"
    if last > 1:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{last}"
    sheet.print_title_rows = "1:1"
    width = sum(
        sheet.column_dimensions[get_column_letter(c)].width or 8.43
        for c in range(1, len(headers) + 1)
    )
    # A week a page, landscape like the Rota: the zoom fits the columns
    # and the longest week (breaks sit between weeks).
    starts = [2, *(b.id + 1 for b in sheet.row_breaks.brk), last + 1]
    tallest = max(
        sum(sheet.row_dimensions[r].height or 15 for r in range(a, b))
        for a, b in itertools.pairwise(starts)
    )
    header = sheet.row_dimensions[1].height or 30
    page_setup(
        sheet,
        landscape=True,
        title=words("board.title", month=month),
        scale=print_scale(
            width, len(headers), True, height_points=tallest + header
        ),
    )
    return sheet


def add_rota_summary_sheet(
    book: Workbook,
    team: Team,
    month: Month,
    result: RotaResult,
    title: str = "Summary",
    lang: Language = "en",
) -> Worksheet:
    """Status, soft goals, conflicts, and staffing per slot.

    A relaxed rota (one that breaks demands on purpose) gets a red banner
    on the first row saying how many demands it breaks, as the terminal
    does (and exit status 1); a run without a rota gets one too.
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    row = 1
    broken = summary_frames.broken_demands(result)
    if broken is not None:
        # Checked first: a relaxed rota's status is INFEASIBLE, but it
        # was written, and the banner says what it breaks.
        text = words("summary.relaxed_banner", count=broken.demands)
        banner(sheet, row, text)
        row += 2
    elif not result.status.has_plan:
        status = words.value(result.status.value)
        banner(sheet, row, words("summary.no_rota", status=status))
        row += 2
    heading = sheet.cell(row=row, column=1)
    write_value(heading, words("summary.rota", month=month))
    heading.font = font(bold=True, size=14)
    row += 2
    row = stats_section(
        sheet,
        row,
        summary_frames.stats_frame(result.stats, broken, words),
        words,
    )
    tiers = summary_frames.tiers_frame(result.stats, words)
    if not tiers.empty:
        row = section(sheet, row, "Goals in tiers", tiers, words=words)
    notes = fairness_notes(words, result)
    note_rows = []
    for note in notes:
        write_value(sheet.cell(row=row, column=1), note)
        note_rows.append(row)
        row += 1
    row += 1
    row = section(
        sheet,
        row,
        "Soft goals",
        summary_frames.terms_frame(result.terms, words),
        words=words,
    )
    warnings = summary_frames.team_warnings(team, month, words)
    conflicts = summary_frames.conflicts_frame(result, warnings, words)
    row = section(sheet, row, "Conflicts and warnings", conflicts, words=words)
    coverage = rota_frames.coverage_frame(team, month, result, lang)
    start = row + 1
    shortfalls = ("Short of min", "Short of target", "Over max")
    row = section(
        sheet,
        row,
        "Staffing per slot",
        coverage,
        formats=dict.fromkeys(shortfalls, BLANK_ZERO),
        words=words,
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
    fit_columns(sheet, maximum=30, skip_rows=1, running=note_rows)
    page_setup(
        sheet,
        landscape=False,
        title=words("summary.title", month=month),
        fit_width=True,
    )
    return sheet
