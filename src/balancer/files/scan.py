"""The raw XML of a sheet, scanned for what openpyxl's fast mode hides.

openpyxl's read-only mode, which balancer uses so that big sheets read in
bounded memory, shows neither merged cells nor formulas without a saved
value: a merged range reads as its first cell plus empty cells, and a
formula never calculated reads as an empty cell. Both silently change
what the planner meant, so the sheet's XML is scanned for them here, in
chunks, with bounded memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from openpyxl.utils import column_index_from_string

if TYPE_CHECKING:
    from collections.abc import Iterator

    from openpyxl import Workbook

__all__ = ["SheetScan", "covered_cells", "not_numbers", "scan_sheet"]

_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"'
)
_UNCACHED = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*'
    rb"(?:/>|>[^<]{0,8000}</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
#: A value cell whose saved value is no number (the type is checked
#: after: a text cell's value is an index, so a number too). The
#: lookahead keeps the common case, a number, inside the regex engine.
_NUMBER_CELL = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"([^>]*?)(?<!/)>\s*'
    rb"(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]{0,8000}</(?:\w+:)?f>)\s*)?"
    rb"<(?:\w+:)?v>(?!\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*<)"
    rb"([^<]{0,100})</(?:\w+:)?v>"
)
_TYPED = re.compile(rb'\bt="([^"]*)"')
_OVERLAP = 16 * 1024


@dataclass
class SheetScan:
    """Merged ranges and formula cells without a saved value in a sheet.

    openpyxl's read-only mode shows neither: a merged range reads as its
    first cell plus empty cells, and a formula never calculated reads as
    an empty cell. Both silently change what the planner meant.
    """

    merged: set[tuple[int, int, int, int]] = field(default_factory=set)
    uncached: set[tuple[int, int]] = field(default_factory=set)


def scan_sheet(book: Workbook, title: str) -> SheetScan:
    """Scan the raw XML of sheet ``title`` in chunks (bounded memory).

    Rows and columns are 1-based; merged ranges are
    ``(first_row, first_col, last_row, last_col)``. Returns an empty scan
    when the workbook is not a read-only one openpyxl opened from a zip.
    """
    found = SheetScan()
    for data in _chunks(book, title):
        for m in _MERGE.finditer(data):
            found.merged.add(
                (
                    int(m.group(2)),
                    column_index_from_string(m.group(1).decode()),
                    int(m.group(4)),
                    column_index_from_string(m.group(3).decode()),
                )
            )
        for m in _UNCACHED.finditer(data):
            found.uncached.add(_cell(m))
    return found


def not_numbers(book: Workbook, title: str) -> dict[tuple[int, int], str]:
    """(row, column) -> text of each number cell of ``title`` holding none.

    Excel never saves ``NaN`` as a number; another program may, and
    openpyxl then stops reading the sheet without naming the cell. Only
    called once it has stopped: the scan costs as much as the other two.
    """
    found: dict[tuple[int, int], str] = {}
    for data in _chunks(book, title):
        for m in _NUMBER_CELL.finditer(data):
            kind = _TYPED.search(m.group(3))
            if kind is None or kind.group(1) == b"n":
                found[_cell(m)] = m.group(4).decode("utf-8", "replace")
    return found


def _chunks(book: Workbook, title: str) -> Iterator[bytes]:
    """The sheet's XML in overlapping 1 MB chunks; none if not zipped."""
    archive = getattr(book, "_archive", None)
    part = getattr(book[title], "_worksheet_path", None)
    if archive is None or part is None:
        return
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            yield data
            tail = data[-_OVERLAP:]


def _cell(found: re.Match[bytes]) -> tuple[int, int]:
    """(row, column) of a match whose groups 1 and 2 are ``B`` and ``12``."""
    letters = found.group(1).decode()
    return int(found.group(2)), column_index_from_string(letters)


def covered_cells(scan: SheetScan, header_row: int) -> set[tuple[int, int]]:
    """Data cells under merged ranges, other than each range's corner."""
    covered: set[tuple[int, int]] = set()
    for first_row, first_col, last_row, last_col in scan.merged:
        if (last_row - first_row + 1) * (last_col - first_col + 1) > 10_000:
            continue  # a huge merge is reported; its cells need no list
        for row in range(max(first_row, header_row + 1), last_row + 1):
            for col in range(first_col, last_col + 1):
                if (row, col) != (first_row, first_col):
                    covered.add((row, col))
    return covered
