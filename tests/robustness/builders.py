"""Broken and hostile files, built cheaply in a temp folder.

Cell-level defects start from the valid ``base_sheets()`` team of
:mod:`tests.inputs.books`. File-level ones (merged cells, formulas, huge
or hostile parts) rewrite the parts of a valid workbook with
:mod:`zipfile` directly, so a 1,000,000-row sheet or a 600 MB zip bomb is
made in well under a second instead of through openpyxl.

Part names follow openpyxl's order of ``base_sheets()``: sheet1 = Staff,
sheet2 = Duties, sheet3 = Absences, sheet4 = Cases, sheet5 = Rules.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from openpyxl import load_workbook

from tests.inputs.books import Sheets, base_sheets, write_book

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

STAFF_PART = "xl/worksheets/sheet1.xml"
ABSENCES_PART = "xl/worksheets/sheet3.xml"
CASES_PART = "xl/worksheets/sheet4.xml"

Edit = bytes | Callable[[bytes], bytes]


def base_book(path: Path, sheets: Sheets | None = None) -> Path:
    """Write the valid base team (or ``sheets``) to ``path``."""
    return write_book(path, base_sheets() if sheets is None else sheets)


def rewrite(
    path: Path,
    edits: dict[str, Edit],
    streamed: dict[str, Callable[[], Iterator[bytes]]] | None = None,
) -> Path:
    """Replace or add parts of the zip at ``path``, in place.

    ``edits`` maps a part to new bytes or a function of the old bytes;
    ``streamed`` parts are written chunk by chunk (large parts).
    """
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(
        path, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as target:
        for name, data in parts.items():
            edit = edits.get(name)
            if callable(edit):
                data = edit(data)
            elif edit is not None:
                data = edit
            if streamed and name in streamed:
                continue
            target.writestr(name, data)
        for name, data in edits.items():
            if name not in parts and not callable(data):
                target.writestr(name, data)
        for name, chunks in (streamed or {}).items():
            with target.open(name, "w", force_zip64=True) as out:
                for chunk in chunks():
                    out.write(chunk)
    return path


def cell_xml(old: bytes, ref: bytes, new_cell: bytes) -> bytes:
    """Replace the ``<c r="ref">`` element of a sheet part."""
    pattern = rb'<c r="' + ref + rb'"[^>]*?(?:/>|>.*?</c>)'
    changed, count = re.subn(pattern, new_cell, old, count=1)
    assert count == 1, ref
    return changed


# -- whole-file oddities -----------------------------------------------------


def merged_cells(path: Path) -> Path:
    """Absences with two rows for ann whose Staff cells are merged."""
    sheets = base_sheets()
    sheets["Absences"].append([None, "11.01.2027", "12.01.2027", "kursus"])
    base_book(path, sheets)
    book = load_workbook(path)
    book["Absences"].merge_cells("A2:A3")
    book.save(path)
    return path


def formula(path: Path, cached: bytes | None, ref: bytes = b"B2") -> Path:
    """Cases effort (B2 by default) as a formula, with or without a value."""
    base_book(path)
    value = b"" if cached is None else b"<v>" + cached + b"</v>"
    new = b'<c r="' + ref + b'"><f>2*3</f>' + value + b"</c>"
    return rewrite(path, {CASES_PART: lambda old: cell_xml(old, ref, new)})


def entity_expansion(path: Path) -> Path:
    """A 'billion laughs' entity bomb in the Staff sheet."""
    base_book(path)
    levels = [b'<!ENTITY l0 "lol">']
    for k in range(1, 10):
        refs = b"".join(b"&l%d;" % (k - 1) for _ in range(10))
        levels.append(b'<!ENTITY l%d "%s">' % (k, refs))
    doctype = b"<!DOCTYPE worksheet [" + b"".join(levels) + b"]>"

    def bomb(old: bytes) -> bytes:
        old = cell_xml(
            old, b"B2", b'<c r="B2" t="inlineStr"><is><t>&l9;</t></is></c>'
        )
        return doctype + old

    return rewrite(path, {STAFF_PART: bomb})


def formatted_empty_rows(path: Path, count: int = 1_000_000) -> Path:
    """Absences followed by ``count`` formatted but empty rows."""
    base_book(path)
    with zipfile.ZipFile(path) as source:
        old = source.read(ABSENCES_PART)
    head, tail = old.split(b"</sheetData>")
    head = re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:D1048576"', head
    )

    def chunks() -> Iterator[bytes]:
        yield head
        start = 3
        while start < 3 + count:
            stop = min(start + 10_000, 3 + count)
            yield b"".join(
                b'<row r="%d" s="1" customFormat="1" ht="15"/>' % n
                for n in range(start, stop)
            )
            start = stop
        yield b"</sheetData>" + tail

    return rewrite(path, {}, {ABSENCES_PART: chunks})


def with_picture(path: Path, megabytes: int = 50) -> Path:
    """The base team plus an incompressible 'picture' of ``megabytes``."""
    base_book(path)
    blob = os.urandom(megabytes * 1024 * 1024)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/image1.png", blob)
    return path


def xlsm(path: Path) -> Path:
    """A macro-enabled workbook (the base team, .xlsm content type)."""
    base_book(path)
    main = b"spreadsheetml.sheet.main+xml"
    macro = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    return rewrite(
        path,
        {
            "[Content_Types].xml": lambda old: re.sub(
                rb"application/vnd\.openxmlformats-officedocument\."
                + re.escape(main),
                macro,
                old,
            )
        },
    )


def ods(path: Path) -> Path:
    """An OpenDocument spreadsheet (just its tell-tale parts)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def xlsb(path: Path) -> Path:
    """An Excel binary workbook (its tell-tale parts)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return path


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole(path: Path, stream: str) -> Path:
    """An OLE compound file whose directory names ``stream``.

    Enough of the format for a reader to tell an old .xls (``Workbook``)
    from a password-protected .xlsx (``EncryptedPackage``).
    """
    header = _OLE + bytes(504)
    entry = stream.encode("utf-16-le") + b"\0\0"
    directory = entry + bytes(128 - len(entry))
    path.write_bytes(header + directory + bytes(4096))
    return path


def truncated(path: Path) -> Path:
    """A workbook cut off half way, as by a failed download."""
    base_book(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged_sheet(path: Path) -> Path:
    """A workbook whose Staff sheet holds broken XML."""
    base_book(path)
    return rewrite(path, {STAFF_PART: lambda old: old[: len(old) // 2]})


# -- a zip bomb --------------------------------------------------------------


@cache
def _zeros_deflated(megabytes: int) -> tuple[bytes, int]:
    """Raw deflate data and CRC of ``megabytes`` MB of zeros, made fast.

    After a full flush the compressor starts afresh, so one compressed
    megabyte repeated is a valid stream for many megabytes.
    """
    zeros = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    return block * megabytes + end, crc


def zip_bomb(path: Path, megabytes: int = 600) -> Path:
    """The base team plus a part that unpacks to ``megabytes`` of zeros.

    The part is appended by hand (local header, data, central directory)
    because zipfile cannot store ready-made deflate data.
    """
    base_book(path)
    data, crc = _zeros_deflated(megabytes)
    name = b"xl/media/image1.png"
    size = megabytes << 20
    with zipfile.ZipFile(path) as source:
        kept = [(i, source.read(i.filename)) for i in source.infolist()]
    out = bytearray()
    central = bytearray()

    def add(
        name: bytes, method: int, crc: int, packed: bytes, full: int
    ) -> None:
        offset = len(out)
        sizes = (crc, len(packed), full, len(name))
        local = (0x04034B50, 20, 0, method, 0, 0x21, *sizes, 0)
        out.extend(struct.pack("<IHHHHHIIIHH", *local) + name + packed)
        entry = (0x02014B50, 20, 20, 0, method, 0, 0x21, *sizes)
        entry += (0, 0, 0, 0, 0, offset)
        central.extend(struct.pack("<IHHHHHHIIIHHHHHII", *entry) + name)

    for info, content in kept:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = packer.compress(content) + packer.flush()
        add(
            info.filename.encode(),
            8,
            zlib.crc32(content),
            packed,
            len(content),
        )
    add(name, 8, crc, data, size)
    entries = len(kept) + 1
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central),
        len(out), 0,
    )  # fmt: skip
    path.write_bytes(bytes(out + central) + end)
    return path
