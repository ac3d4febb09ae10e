"""Tables too long to style cell by cell: the backlog's Cases and Shelf.

A table of up to :data:`BULK_ROWS` rows is written as any other
(:func:`~balancer.outputs.styling.write_table`, wrapped to fit). A longer
one gets its header and one styled template row per kind of row here,
and its rows are filled into the saved file (:mod:`balancer.files.bulk`):
the same values, borders, fills and number formats, written in a
fraction of the time. Its columns are sized from the data; long text
is not wrapped (widen the column to read it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from balancer.files.bulk import BulkTable, column_letter
from balancer.outputs.styling import (
    BOX,
    DATE_FORMAT,
    cell_value,
    write_table,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    import pandas as pd
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.language import Words

__all__ = ["BULK_ROWS", "write_long_table"]

#: Tables with more rows than this are filled into the saved file.
BULK_ROWS = 1000

#: Widest a column grows to fit its values (characters).
_WIDEST = 40


def write_long_table(
    sheet: Worksheet,
    frame: pd.DataFrame,
    formats: Mapping[str, str] | None = None,
    kind_of: Callable[[Sequence[Any]], str] | None = None,
    fills: Mapping[str, PatternFill] | None = None,
    bulk: list[BulkTable] | None = None,
    words: Words | None = None,
) -> int:
    """Write ``frame`` from row 1; return its last row.

    ``kind_of`` names each row's kind from its values and ``fills`` gives
    a kind its fill. A long table's rows are added to ``bulk``, to fill in
    when the workbook is saved; without ``bulk`` every table is written
    cell by cell. With ``words`` the headers are in its language.
    """
    formats = dict(formats or {})
    fills = fills or {}
    kind_of = kind_of or (lambda _: "")
    if len(frame) <= BULK_ROWS or bulk is None:
        last = write_table(sheet, frame, formats=formats, words=words)
        for i, values in enumerate(frame.itertuples(index=False), start=2):
            fill = fills.get(kind_of(values))
            if fill is not None:
                for j in range(1, len(frame.columns) + 1):
                    sheet.cell(row=i, column=j).fill = fill
        return last
    write_table(sheet, frame.iloc[:0], formats=formats, words=words)
    rows = [
        tuple(cell_value(v) for v in values)
        for values in frame.itertuples(index=False, name=None)
    ]
    kinds = [kind_of(values) for values in rows]
    templates: dict[str, int] = {}
    for kind in dict.fromkeys(kinds):
        templates[kind] = 2 + len(templates)
        _template(
            sheet, templates[kind], frame, rows, formats, fills.get(kind)
        )
    headers = [
        words.header(str(h)) if words else str(h) for h in frame.columns
    ]
    _size_columns(sheet, frame, rows, headers)
    bulk.append(
        BulkTable(
            sheet=sheet.title,
            header_rows=1,
            templates=templates,
            rows=list(zip(kinds, rows, strict=True)),
        )
    )
    return 1 + len(rows)


def _template(
    sheet: Worksheet,
    number: int,
    frame: pd.DataFrame,
    rows: Sequence[Sequence[Any]],
    formats: Mapping[str, str],
    fill: PatternFill | None,
) -> None:
    """One styled, empty row: each column's border, format and fill."""
    for j, header in enumerate(frame.columns):
        cell = sheet.cell(row=number, column=j + 1)
        cell.border = BOX
        if str(header) in formats:
            cell.number_format = formats[str(header)]
        elif any(isinstance(r[j], date | datetime) for r in rows[:50]):
            cell.number_format = DATE_FORMAT
        if fill is not None:
            cell.fill = fill


def _size_columns(
    sheet: Worksheet,
    frame: pd.DataFrame,
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str],
) -> None:
    """Each column as wide as its longest value (or header word)."""
    for j, header in enumerate(headers):
        longest = max((len(word) for word in header.split()), default=0)
        for row in rows:
            value = row[j]
            if value is None:
                continue
            if isinstance(value, date | datetime):
                length = 10
            elif isinstance(value, float):
                length = len(f"{value:.2f}")
            else:
                length = len(str(value))
            longest = max(longest, length)
        sheet.column_dimensions[column_letter(j + 1)].width = min(
            _WIDEST, max(6, longest + 2)
        )
