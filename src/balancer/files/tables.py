"""Reading a sheet as a table: find it, find its header, walk its rows.

Nothing here knows what a Staff row means; the readers in
:mod:`balancer.inputs` do. This module finds a sheet by its English or
Danish name, finds the header row, matches headers to columns (ignoring
case and spaces), and hands out one :class:`Row` per non-empty row. Every
problem goes into a :class:`Problems` collector so the reader can report
them all at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from openpyxl.utils import get_column_letter

from balancer.errors import InputError, InputProblem
from balancer.files.cells import is_blank, parse_text
from balancer.files.opening import HOSTILE_FIX, HOSTILE_MESSAGE, is_hostile
from balancer.files.scan import (
    SheetScan,
    covered_cells,
    not_numbers,
    scan_sheet,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from openpyxl import Workbook

    from balancer.files.schema import Column, Sheet

__all__ = [
    "EXCEL_ERRORS",
    "HEADER_SEARCH_ROWS",
    "MAX_BAD_ROWS",
    "MAX_EMPTY_ROWS",
    "MAX_ROWS",
    "Problems",
    "Row",
    "Table",
    "read_table",
    "recognise",
]

#: Stop reading a sheet after this many empty rows in a row, so a sheet
#: formatted down to row 1,048,576 is read in a blink.
MAX_EMPTY_ROWS = 1000
#: At most this many records per sheet (the largest benchmark has 10,000
#: cases); more is a mistake such as a pasted export, not a team.
MAX_ROWS = 100_000
#: A reader may say which rows cannot be records; after this many, the
#: sheet is not what it should be, and reading the rest would only delay
#: the message (a Board of a million bad rows stops in a blink).
MAX_BAD_ROWS = 1_000
#: The header row is looked for in the first rows of a sheet (a title line
#: above the table is fine).
HEADER_SEARCH_ROWS = 20

T = TypeVar("T")

#: What Excel shows in a cell whose formula failed.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
     "#GETTING_DATA", "#SPILL!", "#CALC!"}
)  # fmt: skip


@dataclass
class Problems:
    """Collects problems (stop the read) and notes (warnings)."""

    source: str
    errors: list[InputProblem] = field(default_factory=list)
    notes: list[InputProblem] = field(default_factory=list)

    def add(self, problem: InputProblem) -> None:
        """Record a problem that stops the read."""
        self.errors.append(problem)

    def note(self, problem: InputProblem) -> None:
        """Record a warning that does not stop the read."""
        self.notes.append(problem)

    def raise_if_any(self, sheet_order: Sequence[str] = ()) -> None:
        """Raise one :class:`InputError` with every problem so far.

        Problems are listed sheet by sheet in ``sheet_order`` (the order
        of the tabs), then by row, so the list reads like the workbook.
        """
        if not self.errors:
            return

        def order(problem: InputProblem) -> tuple[int, int, int]:
            sheet = problem.sheet or ""
            position = (
                list(sheet_order).index(sheet)
                if sheet in sheet_order
                else len(sheet_order)
            )
            return (position, problem.row or 0, 0)

        ordered = sorted(self.errors, key=order)
        raise InputError(ordered, source=self.source)


@dataclass(frozen=True)
class _Place:
    header: str
    letter: str
    index: int


class Row:
    """One data row; reads cells by column key and records problems."""

    def __init__(
        self,
        table: Table,
        number: int,
        values: Sequence[Any],
    ) -> None:
        self.table = table
        self.number = number
        self._values = values
        self.ok = True

    def raw(self, key: str) -> Any:
        """The cell's raw value, None when blank or the column is absent."""
        place = self.table.places.get(key)
        if place is None or place.index >= len(self._values):
            return None
        value = self._values[place.index]
        return None if is_blank(value) else value

    def has(self, key: str) -> bool:
        """True when the cell has a value."""
        return self.raw(key) is not None

    def get(self, key: str, parse: Callable[[Any], T]) -> T | None:
        """The parsed cell; None when blank or unreadable.

        An unreadable cell records a problem and clears :attr:`ok`, so the
        row's record is not built.
        """
        value = self.raw(key)
        if value is None:
            return None
        if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
            self.problem(
                key,
                f"the cell shows the Excel error {value.strip()}",
                "correct the formula or type the value",
            )
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.problem(key, str(error))
            return None

    def text(self, key: str) -> str | None:
        """The cell as text, None when blank."""
        value = self.raw(key)
        return None if value is None else parse_text(value)

    def required(self, key: str, parse: Callable[[Any], T]) -> T | None:
        """Like :meth:`get`, but a blank cell is a problem."""
        if not self.has(key):
            column = self.table.spec.column(key)
            place = self.table.places.get(key)
            cell = (self.number, place.index + 1) if place else (0, 0)
            if cell in self.table.merged:
                self.ok = False  # the merged range is reported once
                return None
            if cell in self.table.uncached:
                self.problem(
                    key,
                    f"{self.table.header(key)} is a formula with no saved "
                    "value",
                    "open the workbook in Excel and save it, or type the "
                    "value",
                )
                return None
            self.problem(
                key,
                f"{self.table.header(key)} is empty",
                f"fill it in, e.g. {column.example}"
                if column.example
                else "fill it in",
            )
            return None
        return self.get(key, parse)

    def problem(self, key: str | None, message: str, fix: str = "") -> None:
        """Record a problem in this row (``key`` = column key or None)."""
        self.ok = False
        found = self.table.problem(self.number, key, message, fix)
        self.table.problems.add(found)


# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------


@dataclass
class Table:
    """A sheet found in the workbook: its title, header and rows."""

    spec: Sheet
    title: str
    header_row: int
    places: dict[str, _Place]
    problems: Problems
    rows: list[Row] = field(default_factory=list)
    complete: bool = True
    #: (row, column) of formula cells without a saved value, 1-based.
    uncached: set[tuple[int, int]] = field(default_factory=set)
    #: (row, column) of data cells hidden under a merged range's corner.
    merged: set[tuple[int, int]] = field(default_factory=set)
    #: Why reading stopped before the end (too many bad rows), if it did.
    stopped: InputProblem | None = None

    def header(self, key: str) -> str:
        """The column's header as written in the file (English if absent)."""
        place = self.places.get(key)
        return place.header if place else self.spec.column(key).header

    def problem(
        self, row: int | None, key: str | None, message: str, fix: str = ""
    ) -> InputProblem:
        """An :class:`InputProblem` at ``row`` and column ``key``."""
        place = self.places.get(key) if key else None
        if place is not None and row is not None:
            message = f"{message} (cell {place.letter}{row})"
        if not fix and key is not None:
            fix = _fix_for(self.spec.column(key))
        return InputProblem(
            message=message,
            sheet=self.title,
            row=row,
            column=self.header(key) if key else None,
            fix=fix,
        )


def _fix_for(column: Column) -> str:
    parts = []
    if column.example:
        parts.append(f"write it like {column.example!r}")
    if column.help:
        words = column.help.rstrip(".")
        parts.append(words[0].lower() + words[1:] if parts else words)
    return "; ".join(parts)


def _find_title(book: Workbook, spec: Sheet) -> list[str]:
    return [title for title in book.sheetnames if spec.matches(title)]


def _matching_column(spec: Sheet, text: str) -> Column | None:
    for column in spec.columns:
        if column.matches(text):
            return column
    return None


def recognise(
    book: Workbook, title: str, specs: Sequence[Sheet]
) -> tuple[Sheet, ...]:
    """The known sheets whose columns the sheet ``title`` is headed with.

    Rule: a row in the first :data:`HEADER_SEARCH_ROWS` is a known
    sheet's header when it holds every required column of that sheet,
    more of its columns than other headers, and at least three of its
    columns, or else its two or more required columns and nothing else
    (a phone list headed ID, Name, Phone is no Staff sheet). The first
    such row decides; the sheets matching most of its headers are
    returned (more than one when they tie, none when no row is a
    header). A sheet that cannot be read is recognised as nothing.
    """
    try:
        sheet = book[title]
        rows = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
        for values in rows:
            texts = [parse_text(v) for v in values if not is_blank(v)]
            scores: dict[str, int] = {}
            for spec in specs:
                found = {
                    column.key
                    for text in texts
                    if (column := _matching_column(spec, text)) is not None
                }
                required = {c.key for c in spec.columns if c.required}
                others = len(texts) - len(found)
                enough = len(found) >= 3 or (
                    found == required and len(found) >= 2 and not others
                )
                if required <= found and enough and len(found) > others:
                    scores[spec.name] = len(found)
            if scores:
                best = max(scores.values())
                return tuple(s for s in specs if scores.get(s.name) == best)
    except Exception:  # a damaged sheet: reported if it is ever read
        return ()
    return ()


def read_table(
    book: Workbook,
    spec: Sheet,
    problems: Problems,
    looks_right: Callable[[Row], bool] | None = None,
    title: str | None = None,
) -> Table | None:
    """Read one sheet into a :class:`Table`; None when absent or unusable.

    Rules: a missing required sheet or column is a problem; an unknown
    column is a note; fully empty rows are skipped, and reading stops
    after :data:`MAX_EMPTY_ROWS` empty rows in a row. More records than
    the sheet's cap is a problem. A sheet with cells but no header row is
    a problem too, so its rows are never skipped unseen. When
    ``looks_right`` is given, reading stops after more than
    :data:`MAX_BAD_ROWS` rows it turns down, and :attr:`Table.stopped`
    says so (the reader reports the rows read). ``title`` reads that
    sheet as ``spec`` (one recognised by its headers, :func:`recognise`)
    instead of looking for the sheet by name.
    """
    titles = [title] if title is not None else _find_title(book, spec)
    if not titles:
        if spec.required:
            problems.add(
                InputProblem(
                    f"the workbook has no {spec.name} sheet",
                    sheet=spec.name,
                    fix=f"add a sheet named {spec.name!r} with the "
                    f"columns {', '.join(spec.headers)}",
                )
            )
        return None
    if len(titles) > 1:
        problems.add(
            InputProblem(
                f"sheets {', '.join(map(repr, titles))} are all the "
                f"{spec.name} sheet",
                sheet=titles[1],
                fix="keep one of them, or rename the others",
            )
        )
    title = titles[0]
    try:
        return _read_sheet(book, spec, title, problems, looks_right)
    except Exception as error:  # a damaged part shows only when read
        if is_hostile(error):
            message, fix = HOSTILE_MESSAGE, HOSTILE_FIX
        else:
            message = (
                f"the sheet could not be read ({type(error).__name__}: "
                f"{_shorten(str(error))})"
            )
            fix = (
                "open the workbook in Excel and save it again; if that "
                "fails, copy the sheet into a new workbook"
            )
        problems.add(InputProblem(message, sheet=title, fix=fix))
        return None


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _read_sheet(
    book: Workbook,
    spec: Sheet,
    title: str,
    problems: Problems,
    looks_right: Callable[[Row], bool] | None,
) -> Table | None:
    sheet = book[title]
    if hasattr(sheet, "reset_dimensions"):
        # Some programs write a wrong size; read what is really there.
        sheet.reset_dimensions()
    scan = scan_sheet(book, title)
    failed: list[ValueError] = []
    rows = _numbered_rows(sheet.iter_rows(values_only=True), failed)
    header = _find_header(spec, rows)
    if failed:
        _report_not_numbers(failed[0], book, title, problems, None)
        return None
    if header is None:
        again = _numbered_rows(sheet.iter_rows(values_only=True), failed)
        if spec.required or _has_cells(again):
            # A sheet of records without a header would be read as
            # nothing at all: a holiday on Absences lost without a word.
            problems.add(
                InputProblem(
                    f"no header row found in the first "
                    f"{HEADER_SEARCH_ROWS} rows, so none of the sheet's "
                    "rows can be read",
                    sheet=title,
                    row=1,
                    fix=f"put the headers {', '.join(spec.headers)} in row 1"
                    + ("" if spec.required else ", or delete the sheet"),
                )
            )
        return None
    header_row, header_values = header
    table = Table(spec, title, header_row, {}, problems)
    table.uncached = scan.uncached
    table.merged = covered_cells(scan, header_row)
    if not _map_headers(table, header_values):
        table.complete = False
        return table
    limit = spec.max_rows or MAX_ROWS
    empty = bad = 0
    for number, values in rows:
        if all(is_blank(value) for value in values):
            empty += 1
            if empty >= MAX_EMPTY_ROWS:
                break
            continue
        empty = 0
        if len(table.rows) >= limit:
            problems.add(
                InputProblem(
                    f"the sheet has more than {limit:,} rows",
                    sheet=title,
                    row=number,
                    fix=spec.max_rows_fix
                    or "split the team, or delete rows that are not "
                    "records (totals, old records)",
                )
            )
            table.complete = False
            break
        row = Row(table, number, values)
        table.rows.append(row)
        if looks_right is not None and not looks_right(row):
            bad += 1
            if bad > MAX_BAD_ROWS:
                table.stopped = _stopped(spec, title, number)
                table.complete = False
                break
    if failed:
        _report_not_numbers(failed[0], book, title, problems, table)
        table.complete = False
    _check_merged(table, scan)
    _note_uncached(table)
    return table


def _stopped(spec: Sheet, title: str, number: int) -> InputProblem:
    required = ", ".join(c.header for c in spec.columns if c.required)
    return InputProblem(
        f"more than {MAX_BAD_ROWS:,} rows cannot be read, so balancer "
        f"stopped reading the sheet at row {number:,}; the first are "
        "listed below",
        sheet=title,
        fix=f"check that this is the right file, and that the columns "
        f"{required} hold what their headers say",
    )


def _check_merged(table: Table, scan: SheetScan) -> None:
    """A merged range over records hides values: a problem at its corner.

    Merges above and in the header row (titles) are harmless.
    """
    for first_row, first_col, last_row, last_col in sorted(scan.merged):
        if last_row <= table.header_row:
            continue
        corner = f"{get_column_letter(first_col)}{first_row}"
        span = f"{corner}:{get_column_letter(last_col)}{last_row}"
        place = next(
            (p for p in table.places.values() if p.index == first_col - 1),
            None,
        )
        table.problems.add(
            InputProblem(
                f"cells {span} are merged, so balancer sees a value only "
                f"in {corner} and the other cells as empty",
                sheet=table.title,
                row=first_row,
                column=place.header if place else None,
                fix="unmerge the cells (Home > Merge & Center) and type "
                "the value in every row",
            )
        )


def _note_uncached(table: Table) -> None:
    """Formulas without a saved value read as empty cells: warn of each."""
    for row, col in sorted(table.uncached):
        if row <= table.header_row:
            continue
        place = next(
            (p for p in table.places.values() if p.index == col - 1), None
        )
        if place is None:
            continue  # an ignored column
        table.problems.note(
            InputProblem(
                f"cell {place.letter}{row} holds a formula with no saved "
                "value, so balancer reads it as empty",
                sheet=table.title,
                row=row,
                column=place.header,
                fix="open the workbook in Excel and save it (that stores "
                "the values), or type the value instead of the formula",
            )
        )


def _numbered_rows(
    rows: Iterator[tuple[Any, ...]], failed: list[ValueError]
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Rows with their numbers; a cell openpyxl cannot read ends them.

    The error goes into ``failed``, so the reader can name the cell.
    """
    try:
        yield from enumerate(rows, start=1)
    except ValueError as error:
        failed.append(error)


def _report_not_numbers(
    error: ValueError,
    book: Workbook,
    title: str,
    problems: Problems,
    table: Table | None,
) -> None:
    """Name each number cell holding no number; re-raise if there is none.

    openpyxl stops at the first; a scan of the sheet finds them all.
    """
    found = not_numbers(book, title)
    if not found:
        raise error
    for (row, col), text in sorted(found.items()):
        letter = get_column_letter(col)
        place = next(
            (p for p in (table.places if table else {}).values()
             if p.index == col - 1),
            None,
        )  # fmt: skip
        problems.add(
            InputProblem(
                f"{text!r} is stored as a number but is not one (cell "
                f"{letter}{row}); balancer cannot read the sheet past it",
                sheet=title,
                row=row,
                column=place.header if place else None,
                fix="type the number again, or clear the cell, and save "
                "the workbook in Excel",
            )
        )


def _find_header(
    spec: Sheet, rows: Iterator[tuple[int, tuple[Any, ...]]]
) -> tuple[int, tuple[Any, ...]] | None:
    for number, values in rows:
        if number > HEADER_SEARCH_ROWS:
            return None
        texts = [parse_text(v) for v in values if not is_blank(v)]
        if any(_matching_column(spec, text) for text in texts):
            return number, values
    return None


def _has_cells(rows: Iterator[tuple[int, tuple[Any, ...]]]) -> bool:
    """True when ``rows`` hold a value before :data:`MAX_EMPTY_ROWS`
    empty rows in a row."""
    for empty, (_, values) in enumerate(rows, start=1):
        if any(not is_blank(value) for value in values):
            return True
        if empty >= MAX_EMPTY_ROWS:
            return False
    return False


def _map_headers(table: Table, values: Sequence[Any]) -> bool:
    """Match header cells to columns; False when a required one is missing.

    The header matching every column of the sheet's spec wins; unknown
    headers become notes.
    """
    spec, row = table.spec, table.header_row
    for index, value in enumerate(values):
        if is_blank(value):
            continue
        text = parse_text(value)
        letter = get_column_letter(index + 1)
        column = _matching_column(spec, text)
        if column is None:
            close = difflib.get_close_matches(
                text, list(spec.headers), n=1, cutoff=0.6
            )
            hint = f"did you mean {close[0]!r}? " if close else ""
            table.problems.note(
                InputProblem(
                    f"column {text!r} is not one balancer reads; it is "
                    f"ignored (cell {letter}{row})",
                    sheet=table.title,
                    row=row,
                    column=text,
                    fix=f"{hint}the {spec.name} columns are "
                    f"{', '.join(spec.headers)}",
                )
            )
            continue
        if column.key in table.places:
            first = table.places[column.key]
            table.problems.add(
                InputProblem(
                    f"column {column.header!r} appears twice (cells "
                    f"{first.letter}{row} and {letter}{row})",
                    sheet=table.title,
                    row=row,
                    column=text,
                    fix="delete or rename one of them",
                )
            )
            continue
        table.places[column.key] = _Place(text, letter, index)
    complete = True
    for column in spec.columns:
        if column.required and column.key not in table.places:
            complete = False
            others = [n for n in (column.danish, *column.aliases) if n]
            aliases = ", ".join(others[:2])
            table.problems.add(
                InputProblem(
                    f"the required column {column.header!r} is missing",
                    sheet=table.title,
                    row=row,
                    column=column.header,
                    fix=f"add a column headed {column.header!r}"
                    + (f" (or {aliases})" if aliases else ""),
                )
            )
    return complete
