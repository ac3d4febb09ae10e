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
from dataclasses import dataclass
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


def number_cell(path: Path, text: bytes, ref: bytes = b"B2") -> Path:
    """Cases effort (B2) as a number cell saving ``text`` (e.g. NaN).

    Excel never saves NaN or an infinity; other programs do.
    """
    base_book(path)
    new = b'<c r="' + ref + b'"><v>' + text + b"</v></c>"
    return rewrite(path, {CASES_PART: lambda old: cell_xml(old, ref, new)})


def entity_expansion(path: Path) -> Path:
    """A 'billion laughs' entity bomb in the Staff sheet."""
    return entity_bomb(base_book(path), STAFF_PART, b"B2")


def entity_bomb(path: Path, part: str, ref: bytes) -> Path:
    """Cell ``ref`` of ``part`` as ``&l9;``: 10^9 'lol's once expanded."""
    levels = [b'<!ENTITY l0 "lol">']
    for k in range(1, 10):
        refs = b"".join(b"&l%d;" % (k - 1) for _ in range(10))
        levels.append(b'<!ENTITY l%d "%s">' % (k, refs))
    return _with_entity(path, part, ref, b"".join(levels), b"l9")


def external_entity(path: Path, part: str, ref: bytes) -> Path:
    """Cell ``ref`` of ``part`` as an XXE pulling in /etc/passwd."""
    declared = b'<!ENTITY xxe SYSTEM "file:///etc/passwd">'
    return _with_entity(path, part, ref, declared, b"xxe")


def _with_entity(
    path: Path, part: str, ref: bytes, declared: bytes, name: bytes
) -> Path:
    doctype = b"<!DOCTYPE worksheet [" + declared + b"]>"
    new = (
        b'<c r="' + ref + b'" t="inlineStr"><is><t>&' + name + b";</t>"
        b"</is></c>"
    )
    return rewrite(path, {part: lambda old: doctype + cell_xml(old, ref, new)})


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


# -- parts written by hand -------------------------------------------------


def repeated_part(
    path: Path, part: str, head: bytes, block: bytes, repeat: int, tail: bytes
) -> Path:
    """Make ``part`` of the zip at ``path`` ``head + block * repeat + tail``.

    zipfile would deflate every byte; here one block is deflated once and
    repeated (after a full flush the compressor starts afresh, so the
    copies form one valid stream), and the zip is written by hand: local
    headers, data, central directory, zip64 where a part needs it.
    """
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts.pop(part, None)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    middle = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(repeat):
        crc = zlib.crc32(block, crc)
    entries = [_Entry.of(name, content) for name, content in parts.items()]
    entries.append(
        _Entry(
            part.encode(),
            zlib.crc32(tail, crc),
            packed + middle * repeat + end,
            len(head) + len(block) * repeat + len(tail),
        )
    )
    out = bytearray()
    central = bytearray()
    for entry in entries:
        offset = len(out)
        out += entry.local()
        central += entry.central(offset)
    count = len(entries)
    directory_at = len(out)
    out += central + struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central),
        directory_at, 0,
    )  # fmt: skip
    path.write_bytes(bytes(out))
    return path


@dataclass(frozen=True)
class _Entry:
    """One deflated part of a zip written by hand."""

    name: bytes
    crc: int
    data: bytes
    size: int

    @classmethod
    def of(cls, name: str, content: bytes) -> _Entry:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name.encode(), zlib.crc32(content), data, len(content))

    def _sizes(self) -> tuple[bytes, tuple[int, int]]:
        """Zip64 extra field and the 32-bit size fields."""
        if self.size < 0xFFFFFFFF:
            return b"", (len(self.data), self.size)
        extra = struct.pack("<HHQQ", 1, 16, self.size, len(self.data))
        return extra, (0xFFFFFFFF, 0xFFFFFFFF)

    def local(self) -> bytes:
        extra, sizes = self._sizes()
        head = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, self.crc,
            *sizes, len(self.name), len(extra),
        )  # fmt: skip
        return head + self.name + extra + self.data

    def central(self, offset: int) -> bytes:
        extra, sizes = self._sizes()
        head = struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21,
            self.crc, *sizes, len(self.name), len(extra), 0, 0, 0, 0,
            offset,
        )  # fmt: skip
        return head + self.name + extra


# -- a zip bomb --------------------------------------------------------------


def zip_bomb(path: Path, megabytes: int = 600) -> Path:
    """The base team plus a part that unpacks to ``megabytes`` of zeros."""
    base_book(path)
    return repeated_part(
        path, "xl/media/image1.png", b"", bytes(1 << 20), megabytes, b""
    )


# -- big sheets and many texts ----------------------------------------------

_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TEXTS = "xl/sharedStrings.xml"
_TEXT = b"<si><t>a</t></si>"
_TEXT_BLOCK = 60_000  # shared texts per repeated block, about 1 MB


def _with_shared_texts(path: Path, count: int) -> Path:
    """The base team with ``count`` one-letter shared texts added."""
    base_book(path)
    with zipfile.ZipFile(path) as source:
        types = source.read("[Content_Types].xml")
        links = source.read("xl/_rels/workbook.xml.rels")
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
        b"application/vnd.openxmlformats-officedocument.spreadsheetml."
        b'sharedStrings+xml"/></Types>'
    )
    link = (
        b'<Relationship Id="rIdTexts" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="sharedStrings.xml"/></Relationships>'
    )
    rewrite(
        path,
        {
            "[Content_Types].xml": types.replace(b"</Types>", override),
            "xl/_rels/workbook.xml.rels": links.replace(
                b"</Relationships>", link
            ),
        },
    )
    blocks, rest = divmod(count, _TEXT_BLOCK)
    return repeated_part(
        path,
        _TEXTS,
        b'<sst xmlns="' + _MAIN + b'">',
        _TEXT * _TEXT_BLOCK,
        blocks,
        _TEXT * rest + b"</sst>",
    )


def _cases_rows(path: Path, row: bytes, rows: int) -> Path:
    """The Cases sheet with ``rows`` copies of ``row`` after its records."""
    with zipfile.ZipFile(path) as source:
        head, tail = source.read(CASES_PART).split(b"</sheetData>")
    blocks, rest = divmod(rows, 1_000)
    return repeated_part(
        path,
        CASES_PART,
        head,
        row * 1_000,
        blocks,
        row * rest + b"</sheetData>" + tail,
    )


def many_texts(path: Path, count: int = 19_000_000) -> Path:
    """The base team with ``count`` shared texts (19 M: 323 MB of XML)."""
    return _with_shared_texts(path, count)


def many_cells(path: Path, cells: int = 19_000_000) -> Path:
    """Cases with 100,000 more rows of tiny number cells, ``cells`` in all.

    19 M cells is 285 MB of XML, under the 500 MB zip cap.
    """
    base_book(path)
    per_row = cells // 100_000
    return _cases_rows(
        path, b"<row>" + b"<c><v>1</v></c>" * per_row + b"</row>", 100_000
    )


def largest_accepted(path: Path) -> Path:
    """The slowest team workbook the size caps let through.

    Shared texts just under :data:`~balancer.files.opening.MAX_TEXT_BYTES`
    (the shortest texts, the most of them) and a Cases sheet of the
    smallest cells, 24 to a row (100,000 rows fill it), filling the rest
    of :data:`~balancer.files.opening.MAX_XML_BYTES`: the most for
    openpyxl to parse per megabyte.
    """
    from balancer.files.opening import MAX_TEXT_BYTES, MAX_XML_BYTES

    texts = (MAX_TEXT_BYTES - 4096) // len(_TEXT)
    _with_shared_texts(path, texts)
    with zipfile.ZipFile(path) as source:
        used = sum(i.file_size for i in source.infolist())
    row = b"<row>" + b'<c t="s"><v>0</v></c>' * 24 + b"</row>"
    return _cases_rows(path, row, (MAX_XML_BYTES - used - 4096) // len(row))
