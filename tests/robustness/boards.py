"""Rota workbooks (the Board) built cheaply in a temp folder, some hostile.

A rota workbook here is the smallest one balancer reads back: a Board
sheet for January 2027 that fits the two-person team of
:func:`tests.inputs.books.base_sheets` (``ann`` and ``bo``, a phone duty
of two slots). Hostile variants rewrite the Board's XML part with
:mod:`zipfile` directly, so a million-row Board or a gigabyte of spaces
is made in a second or two and stays small on disk.
"""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from tests.robustness import builders
from tests.robustness.builders import cell_xml, repeated_part, rewrite

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

#: The Board is the workbook's only sheet, so its part is sheet1.
BOARD_PART = "xl/worksheets/sheet1.xml"
BOARD_HEADER = ["Date", "Day", "Time", "Duty", "Staff", "Names"]
BOARD_ROWS: list[list[Any]] = [
    ["04.01.2027", "Mon", "08:00-10:00", "phone", "bo", "Bo"],
    ["04.01.2027", "Mon", "10:00-12:00", "phone", "bo", "Bo"],
    ["06.01.2027", "Wed", "08:00-10:00", "phone", "ann", "Ann"],
    ["06.01.2027", "Wed", "10:00-12:00", "phone", "bo", "Bo"],
]


def board_book(path: Path, rows: list[list[Any]] | None = None) -> Path:
    """A rota workbook whose Board holds ``rows`` (default: four duties)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Board"
    sheet.append(BOARD_HEADER)
    for row in BOARD_ROWS if rows is None else rows:
        sheet.append(row)
    book.save(path)
    return path


def bad_rows(path: Path, count: int = 1_048_575) -> Path:
    """A Board whose ``count`` rows each hold a date that is no date.

    The rows carry no row numbers (Excel may leave them out), so they are
    all alike and pack to almost nothing.
    """
    row = (
        b'<row><c t="inlineStr"><is><t>someday</t></is></c><c/>'
        b'<c t="inlineStr"><is><t>08:00-10:00</t></is></c>'
        b'<c t="inlineStr"><is><t>phone</t></is></c></row>'
    )
    per_block = 8192
    head, tail = _board_around(path, b"</sheetData>")
    blocks, rest = divmod(count, per_block)
    return repeated_part(
        path, BOARD_PART, head, row * per_block, blocks, row * rest + tail
    )


def many_duties(path: Path, count: int) -> Path:
    """A Board of ``count`` sound rows: bo on phone 08:00-10:00, 4 Jan."""
    row = (
        b'<row><c t="inlineStr"><is><t>04.01.2027</t></is></c><c/>'
        b'<c t="inlineStr"><is><t>08:00-10:00</t></is></c>'
        b'<c t="inlineStr"><is><t>phone</t></is></c>'
        b'<c t="inlineStr"><is><t>bo</t></is></c></row>'
    )
    head, tail = _board_around(path, b"</sheetData>")
    return repeated_part(path, BOARD_PART, head, row, count, tail)


def spaces(path: Path, megabytes: int = 1536) -> Path:
    """A Board with ``megabytes`` of spaces in one Staff cell.

    Deflate packs a megabyte of spaces into about a kilobyte, so the file
    is about a thousandth of that on disk.
    """
    new = b'<c r="E2" t="inlineStr"><is><t>bo<<SPACES>></t></is></c>'
    head, tail = _board_around(
        path, b"<<SPACES>>", lambda old: cell_xml(old, b"E2", new)
    )
    return repeated_part(
        path, BOARD_PART, head, b" " * (1 << 20), megabytes, tail
    )


def _board_around(
    path: Path, marker: bytes, edit: Callable[[bytes], bytes] | None = None
) -> tuple[bytes, bytes]:
    """Write the base Board; its XML before and after ``marker``.

    The base Board's own rows are dropped when the marker is the end of
    the sheet data, so the rows added are the only ones.
    """
    board_book(path, [] if marker == b"</sheetData>" else None)
    with zipfile.ZipFile(path) as source:
        old = source.read(BOARD_PART)
    head, tail = (edit(old) if edit else old).split(marker)
    return head, (marker if marker == b"</sheetData>" else b"") + tail


def entity_expansion(path: Path) -> Path:
    """A 'billion laughs' entity bomb in the Board's first Staff cell."""
    return builders.entity_bomb(board_book(path), BOARD_PART, b"E2")


def external_entity(path: Path) -> Path:
    """An XXE: the Board's first Staff cell pulls in /etc/passwd."""
    return builders.external_entity(board_book(path), BOARD_PART, b"E2")


def broken_xml(path: Path) -> Path:
    """A Board whose XML is cut off half way."""
    board_book(path)
    return rewrite(path, {BOARD_PART: lambda old: old[: len(old) // 2]})
