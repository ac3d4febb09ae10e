"""Long tables written straight into a saved workbook's sheet XML.

openpyxl makes an object per cell and styles it one attribute at a time:
100,000 cases x 14 columns took over a minute to write. A long table
therefore goes in two steps:

1. openpyxl writes the sheet with its header and one *template* row per
   kind of row (plain, late, moved, ...), each cell styled as that kind
   of row wants it (border, fill, number format), and everything around
   the table (widths, frozen panes, filter, print setup);
2. after the save, :func:`fill_sheets` replaces the template rows with
   the table's rows, each cell carrying the style of its column in its
   row's template (read back from the saved XML), numbers as numbers,
   dates as Excel serial numbers, text as inline strings.

Text is never read as a formula (inline strings are plain text), and
characters XML cannot hold are dropped, as openpyxl would refuse them.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["BulkTable", "column_letter", "fill_sheets"]

#: Excel's day 0 for serial dates (the 1900 system, as openpyxl writes).
_EPOCH = datetime(1899, 12, 30)

#: Characters XML 1.0 cannot hold.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_ROWS = re.compile(rb"<sheetData>.*</sheetData>|<sheetData\s*/>", re.DOTALL)


def column_letter(index: int) -> str:
    """Excel's letters for 1-based column ``index`` (1 -> A, 27 -> AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class BulkTable:
    """Rows to put in a sheet after it is saved.

    Attributes
    ----------
    sheet:
        The sheet's title.
    header_rows:
        Rows above the table kept as saved (the header).
    templates:
        Row kind -> the Excel row of its template.
    rows:
        Each row's kind and values, top to bottom.
    """

    sheet: str
    header_rows: int
    templates: dict[str, int]
    rows: Sequence[tuple[str, Sequence[Any]]]


def _cell(ref: str, style: str, value: Any) -> str:
    """One ``<c>`` element: number, date serial, inline text or empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return f'<c r="{ref}"{style}/>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        serial = (value - _EPOCH).total_seconds() / 86400
        return f'<c r="{ref}"{style}><v>{serial!r}</v></c>'
    if isinstance(value, date):
        serial_day = (value - _EPOCH.date()).days
        return f'<c r="{ref}"{style}><v>{serial_day}</v></c>'
    text = escape(_ILLEGAL.sub("", str(value)))
    return (
        f'<c r="{ref}"{style} t="inlineStr"><is>'
        f'<t xml:space="preserve">{text}</t></is></c>'
    )


def _styles(xml: bytes, templates: dict[str, int]) -> dict[str, list[str]]:
    """Row kind -> each column's ``s`` attribute, from the saved rows."""
    found: dict[str, list[str]] = {}
    for kind, number in templates.items():
        match = re.search(
            rb'<row r="%d"[^>]*>(.*?)</row>' % number, xml, re.DOTALL
        )
        cells = (
            re.findall(rb"<c [^>]*?>|<c [^>]*?/>", match[1]) if match else []
        )
        styles = []
        for cell in cells:
            style = re.search(rb' s="(\d+)"', cell)
            styles.append(f' s="{style[1].decode()}"' if style else "")
        found[kind] = styles
    return found


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> its XML part, from the workbook and its links.

    Only ever our own file just saved, so plain ElementTree will do.
    """
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = (
        "{http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships}id"
    )
    links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    found = {}
    for sheet in book.iter(f"{main}sheet"):
        target = targets.get(sheet.get(rel), "").lstrip("/")
        if not target.startswith("xl/"):
            target = f"xl/{target}"
        found[sheet.get("name", "")] = target
    return found


def _sheet_xml(xml: bytes, table: BulkTable) -> bytes:
    """The sheet's XML with its template rows replaced by the table."""
    styles = _styles(xml, table.templates)
    kept = re.findall(rb"<row .*?</row>|<row [^>]*/>", xml, re.DOTALL)
    head = [
        row
        for row in kept
        if int(re.search(rb'r="(\d+)"', row)[1])  # type: ignore[index]
        <= table.header_rows
    ]
    width = max((len(values) for _, values in table.rows), default=0)
    letters = [column_letter(j + 1) for j in range(width)]
    parts = [b"<sheetData>", *head]
    for i, (kind, values) in enumerate(table.rows):
        number = table.header_rows + 1 + i
        style = styles[kind]
        cells = "".join(
            _cell(
                f"{letters[j]}{number}",
                style[j] if j < len(style) else "",
                value,
            )
            for j, value in enumerate(values)
        )
        parts.append(f'<row r="{number}">{cells}</row>'.encode())
    parts.append(b"</sheetData>")
    last = table.header_rows + len(table.rows)
    xml = _ROWS.sub(lambda _: b"".join(parts), xml, count=1)
    corner = f"{letters[-1] if letters else 'A'}{last}"
    return re.sub(
        rb'<dimension ref="[^"]*"/>',
        f'<dimension ref="A1:{corner}"/>'.encode(),
        xml,
        count=1,
    )


def fill_sheets(path: str | Path, tables: Sequence[BulkTable]) -> None:
    """Put each table's rows into its sheet of the saved workbook."""
    if not tables:
        return
    source = Path(path)
    with zipfile.ZipFile(source) as archive:
        parts = _sheet_paths(archive)
        wanted = {parts[t.sheet]: t for t in tables}
        items = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(
        source, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as out:
        for info, data in items:
            table = wanted.get(info.filename)
            if table is not None:
                data = _sheet_xml(data, table)
            out.writestr(info.filename, data)
