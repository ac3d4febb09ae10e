"""Reading a published rota's Board sheet without the team workbook.

``balancer ics`` and ``balancer diff`` work from the rota workbook alone:
the file the team was sent. Its Board sheet says everything they need
(date, time, duty and staff ids per slot, and the names), so they read it
as it stands, without checking ids against a team (``balancer check`` does
that with :func:`balancer.inputs.rota_workbook.read_rota_workbook`).

The Board grammar (headers, Danish aliases, dates, time spans, staff
separators) is the one that reader accepts; its cell parsers are reused
here so both read a hand-edited Board alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balancer.errors import InputError, InputProblem
from balancer.files.schema import normalise_header
from balancer.inputs.rota_workbook import (
    _SEPARATORS,
    _as_date,
    _as_span,
    _blank,
    _board_rows,
    _cell,
    _find_header,
    _show,
    _Where,
)

if TYPE_CHECKING:
    from datetime import date

__all__ = ["BoardShift", "PublishedRota", "read_board"]

#: Headers of the optional names column (``Names`` as balancer writes it).
_NAMES_HEADERS = ("names", "navne")


@dataclass(frozen=True, order=True)
class BoardShift:
    """One person on one duty from ``start`` to ``end`` on ``day``.

    ``start`` and ``end`` are minutes since midnight (1440 = 24:00), as
    in :func:`balancer.domain.minutes`. Ordered by day, time, duty, staff.
    """

    day: date
    start: int
    end: int
    duty: str
    staff_id: str

    @property
    def minutes(self) -> int:
        """Length in minutes."""
        return self.end - self.start


@dataclass(frozen=True)
class PublishedRota:
    """A rota as its Board sheet shows it.

    Attributes
    ----------
    shifts
        Every person on every slot, sorted, each once.
    names
        Staff id -> name, from the Board's ``Names`` column where it lines
        up with the ``Staff`` column (the name most rows give an id).
    """

    shifts: tuple[BoardShift, ...]
    names: dict[str, str]

    def name(self, staff_id: str) -> str:
        """The person's name, falling back to the id."""
        return self.names.get(staff_id) or staff_id


def read_board(path: str | Path) -> PublishedRota:
    """Read the rota from the Board sheet of a rota workbook.

    Staff are taken as written (ids, split on ``,`` ``;`` ``/`` ``&``
    ``+`` or ``og``); no team is needed. Rows with nobody on them and
    empty rows are skipped.

    Raises
    ------
    InputError
        When the file is no rota workbook, or listing every row whose
        date, time or duty cannot be read, with sheet, row and column.
    """
    source = Path(path)
    sheet_name, rows = _board_rows(source)
    header_row, columns = _find_header(rows, sheet_name, source)
    header = rows[header_row - 1]
    names_at = next(
        (
            i
            for i, text in enumerate(header)
            if not _blank(text)
            and normalise_header(str(text)) in _NAMES_HEADERS
        ),
        None,
    )
    problems: list[InputProblem] = []
    shifts: set[BoardShift] = set()
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for number, row in enumerate(rows[header_row:], start=header_row + 1):
        values = {key: _cell(row, index) for key, index in columns.items()}
        if all(_blank(v) for v in values.values()):
            continue
        where = _Where(sheet_name, number, columns, header)
        before = len(problems)
        day = _as_date(values["date"])
        if day is None:
            problems.append(
                where.problem(
                    "date",
                    f"{_show(values['date'])} is not a date",
                    "write the date as dd.mm.yyyy",
                )
            )
        span = _as_span(values["time"])
        if span is None:
            problems.append(
                where.problem(
                    "time",
                    f"{_show(values['time'])} is not a time span",
                    "write start-end like 08:00-10:00",
                )
            )
        if _blank(values["duty"]):
            problems.append(
                where.problem(
                    "duty", "the duty is missing", "write the duty's id"
                )
            )
        if len(problems) > before:
            continue
        assert day is not None and span is not None
        staff = _tokens(values["staff"])
        for staff_id in staff:
            shifts.add(
                BoardShift(
                    day,
                    span[0],
                    span[1],
                    str(values["duty"]).strip(),
                    staff_id,
                )
            )
        if names_at is not None:
            shown = _tokens(_cell(row, names_at), separators=",;\n")
            if len(shown) == len(staff):
                for staff_id, name in zip(staff, shown, strict=True):
                    seen[staff_id][name] += 1
    if problems:
        raise InputError(problems, source=str(source))
    # A hand edit changes the Staff cell and seldom the Names beside it,
    # so each id takes the name it has on most rows.
    names = {
        staff_id: counts.most_common(1)[0][0]
        for staff_id, counts in seen.items()
    }
    return PublishedRota(tuple(sorted(shifts)), names)


def _tokens(value: Any, separators: str | None = None) -> list[str]:
    """Distinct non-blank parts of a cell, in order."""
    if _blank(value):
        return []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if separators is None:
        parts = _SEPARATORS.split(text)
    else:
        for mark in separators[1:]:
            text = text.replace(mark, separators[0])
        parts = text.split(separators[0])
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))
