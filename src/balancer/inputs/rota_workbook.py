"""Reading a rota back from its workbook: the Board and its published copy.

The Board sheet (written by :mod:`balancer.outputs.rota_workbook`) is the
rota in machine-readable form: one row per date, slot and duty, with the
staff ids on it in one cell. A planner edits the rota by editing those
ids (or adding rows). The hidden Published sheet is the same table as
balancer wrote it, so ``--keep`` can tell the hand edits.

:func:`open_rota_workbook` opens the file once, through the same guards
as the team workbook (:func:`balancer.files.opening.open_workbook`: size,
zip bombs, encrypted and old files, hostile XML, the row cap), and keeps
the tables. Its :class:`RotaWorkbook` then translates rows two ways:

- :meth:`RotaWorkbook.assignments` against a team and month, into
  :class:`~balancer.result.DutyAssignment` records (``check``,
  ``statements``, ``--keep``, ``replan``, ``rebalance --rota``). It
  rejects what it cannot translate: an unknown staff id or duty, a date
  outside the month, a time that is no slot of the duty.
- :meth:`RotaWorkbook.published_rota` without a team, as the Board shows
  it (``ics``, ``diff``).

Neither judges the rota (a person on duty during her vacation is read
fine); the validator does that. Every problem is collected and raised
together as an :class:`~balancer.errors.InputError` naming the sheet,
row and column.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from balancer.domain import DateOutOfRange, Month, Weekday, minutes
from balancer.domain.staff import STAFF_SEPARATORS
from balancer.errors import InputError, InputProblem
from balancer.files.cells import is_blank, parse_date, parse_time_span
from balancer.files.opening import open_workbook
from balancer.files.schema import (
    BOARD,
    CARRIED_IN,
    PUBLISHED,
    normalise_header,
)
from balancer.files.tables import Problems, read_table
from balancer.inputs.records import history_record
from balancer.result import BoardShift, DutyAssignment, PublishedRota

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date

    from balancer.domain import Duty, HistoryBalance, Staff, Team
    from balancer.files.tables import Row, Table

__all__ = [
    "RotaWorkbook",
    "open_rota_workbook",
    "read_board",
    "read_rota_workbook",
    "staff_tokens",
]

T = TypeVar("T")


@dataclass(frozen=True)
class RotaWorkbook:
    """A rota workbook, read once: its Board and its Published copy.

    Attributes
    ----------
    source
        The file, for messages.
    board
        The Board sheet's table.
    published
        The hidden Published sheet's table; None in workbooks written
        before it existed.
    carried_in
        The hidden Carried in sheet: the balances the rota was planned
        with; None in workbooks written before it existed.
    """

    source: str
    board: Table
    published: Table | None
    carried_in: tuple[HistoryBalance, ...] | None = None

    def assignments(
        self, team: Team, month: Month, *, published: bool = False
    ) -> list[DutyAssignment]:
        """The rota on the Board (or as published) as assignments.

        Each row names a date (in ``month``), a slot's time
        (``08:00-10:00``), a duty id, and the staff on it separated by
        commas; staff may be written by id (any case) or by a full name
        no one else has. Rows with an empty Staff cell have nobody on
        them; the same person twice on one slot counts once. Sorted by
        date, start time, duty (in team order) and staff.

        Raises
        ------
        InputError
            Listing every row that cannot be read, with sheet, row,
            column and the fix.
        """
        table = self.published if published else self.board
        if table is None:
            return []
        problems: list[InputProblem] = []
        found: dict[tuple[date, str, int, str], None] = {}
        for row in table.rows:
            cells = _Cells(table, row, problems)
            day = _day_in(cells, month)
            duty = _duty_of(cells, team)
            index = None
            if day is not None and duty is not None:
                index = _slot_of(cells, duty, day)
            staff = _staff_of(cells, team)
            if not cells.ok:
                continue
            assert day is not None and duty is not None and index is not None
            for staff_id in staff:
                found[(day, duty.id, index, staff_id)] = None
        _raise_if_any(problems, self.source, table)
        order = {duty.id: i for i, duty in enumerate(team.duties)}
        keys = sorted(
            found,
            key=lambda k: (
                k[0],
                minutes(team.duty_by_id[k[1]].slots[k[2]].start),
                order[k[1]],
                k[3],
            ),
        )
        return [
            DutyAssignment(staff_id=s, day=d, duty_id=u, slot_index=i)
            for d, u, i, s in keys
        ]

    def published_rota(self) -> PublishedRota:
        """The rota as the Board shows it, without a team.

        Staff are taken as written (ids, split as in a Board cell).
        Names come from the ``Names`` column where it lines up with
        ``Staff``; a hand edit changes the Staff cell and seldom the
        Names beside it, so each id takes the name it has on most rows.

        Raises
        ------
        InputError
            Listing every row whose date, time or duty cannot be read.
        """
        problems: list[InputProblem] = []
        shifts: set[BoardShift] = set()
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        titles: dict[str, str] = {}
        for row in self.board.rows:
            cells = _Cells(self.board, row, problems)
            day = cells.parsed(
                "date",
                parse_date,
                "write the date as dd.mm.yyyy",
                "is not a date",
            )
            span = cells.parsed(
                "time",
                parse_time_span,
                "write start-end like 08:00-10:00",
                "is not a time span",
            )
            duty = cells.text("duty")
            if duty is None:
                cells.problem(
                    "duty", "the duty is missing", "write the duty's id"
                )
            if not cells.ok:
                continue
            assert day is not None and span is not None and duty is not None
            title = cells.text("duty_name")
            if title:
                titles.setdefault(duty, title)
            staff = staff_tokens(cells.raw("staff"))
            for staff_id in staff:
                shifts.add(BoardShift(day, span[0], span[1], duty, staff_id))
            shown = staff_tokens(cells.raw("names"), STAFF_NAMES)
            if len(shown) == len(staff):
                for staff_id, name in zip(staff, shown, strict=True):
                    seen[staff_id][name] += 1
        _raise_if_any(problems, self.source, self.board)
        names = {
            staff_id: counts.most_common(1)[0][0]
            for staff_id, counts in seen.items()
        }
        return PublishedRota(tuple(sorted(shifts)), names, titles)

    def month(self) -> Month | None:
        """The month of the Board's first readable date; None if none."""
        for row in self.board.rows:
            value = row.raw("date")
            try:
                day = parse_date(value) if value is not None else None
            except ValueError:
                continue
            if day is not None:
                return Month(year=day.year, month=day.month)
        return None


def open_rota_workbook(path: str | Path) -> RotaWorkbook:
    """Open a rota workbook once: its Board, Published and Carried in.

    Raises
    ------
    InputError
        When the file is no workbook, fails a guard, or has no Board
        sheet with the Date, Time, Duty and Staff columns.
    """
    source = Path(path)
    problems = Problems(str(source))
    book = open_workbook(source)
    try:
        tabs = list(book.sheetnames)
        if not any(BOARD.matches(title) for title in tabs):
            raise InputError(
                [
                    InputProblem(
                        f"no {BOARD.name} sheet; sheets found: "
                        f"{', '.join(tabs) or '(none)'}",
                        fix="use the rota workbook balancer wrote, with "
                        f"its {BOARD.name} sheet",
                    )
                ],
                source=str(source),
            )
        board = read_table(book, BOARD, problems, _looks_like_a_duty)
        published = read_table(book, PUBLISHED, problems, _looks_like_a_duty)
        kept = read_table(book, CARRIED_IN, problems)
    finally:
        book.close()
    problems.raise_if_any(tabs)
    assert board is not None  # a missing Board is a problem above
    if published is not None and not published.complete:
        published = None
    carried_in = None
    if kept is not None and kept.complete:
        records = [history_record(row) for row in kept.rows]
        carried_in = tuple(r for r in records if r is not None)
    problems.raise_if_any(tabs)
    return RotaWorkbook(str(source), board, published, carried_in)


def read_rota_workbook(
    path: str | Path, team: Team, month: Month
) -> list[DutyAssignment]:
    """The rota on the Board of a rota workbook, as assignments.

    See :meth:`RotaWorkbook.assignments`.
    """
    return open_rota_workbook(path).assignments(team, month)


def read_board(path: str | Path) -> PublishedRota:
    """The rota as the Board of a rota workbook shows it, without a team.

    See :meth:`RotaWorkbook.published_rota`.
    """
    return open_rota_workbook(path).published_rota()


# --------------------------------------------------------------------------
# Cells, read against a team
# --------------------------------------------------------------------------

#: How names are separated in the Board's Names column.
STAFF_NAMES = re.compile(r"\s*[,;\n]\s*")


def staff_tokens(
    value: Any, separators: re.Pattern[str] = STAFF_SEPARATORS
) -> list[str]:
    """Distinct non-blank parts of a Staff (or Names) cell, in order."""
    if is_blank(value):
        return []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    parts = separators.split(str(value).strip())
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


class _Cells:
    """One Board row's cells, and the problems found in them."""

    def __init__(
        self, table: Table, row: Row, problems: list[InputProblem]
    ) -> None:
        self.table = table
        self.row = row
        self.problems = problems
        self.ok = True

    def raw(self, key: str) -> Any:
        return self.row.raw(key)

    def text(self, key: str) -> str | None:
        return self.row.text(key)

    def problem(self, key: str, message: str, fix: str) -> None:
        self.ok = False
        self.problems.append(
            self.table.problem(self.row.number, key, message, fix)
        )

    def parsed(
        self, key: str, parse: Callable[[Any], T], fix: str, what: str
    ) -> T | None:
        """The cell parsed, or None after naming the problem."""
        value = self.raw(key)
        try:
            if value is None:
                raise ValueError(value)
            return parse(value)
        except DateOutOfRange as error:
            self.problem(key, str(error), fix)
        except ValueError:
            self.problem(key, f"{_show(value)} {what}", fix)
        return None


def _raise_if_any(
    problems: list[InputProblem], source: str, table: Table
) -> None:
    """Raise every problem, led by why reading stopped early, if it did."""
    if table.stopped is not None:
        problems = [table.stopped, *problems]
    if problems:
        raise InputError(problems, source=source)


def _looks_like_a_duty(row: Row) -> bool:
    """True when a Board row has a date, a time span and a duty.

    Used while the sheet is read, so that a sheet of a million rows that
    are no duties stops early; what is wrong is said row by row later.
    """
    try:
        parse_date(row.raw("date"))
        parse_time_span(row.raw("time"))
    except (ValueError, TypeError):
        return False
    return row.has("duty")


def _day_in(row: _Cells, month: Month) -> date | None:
    fix = f"write the date as dd.mm.yyyy, e.g. {month.first:%d.%m.%Y}"
    day = row.parsed("date", parse_date, fix, "is not a date")
    if day is None:
        return None
    if not month.first <= day <= month.last:
        row.problem(
            "date",
            f"{day:%d.%m.%Y} is not in {month}",
            f"use a date from {month.first:%d.%m.%Y} to {month.last:%d.%m.%Y}",
        )
        return None
    return day


def _duty_of(row: _Cells, team: Team) -> Duty | None:
    known = ", ".join(d.id for d in team.duties) or "(none)"
    text = row.text("duty")
    if text is None:
        row.problem("duty", "the duty is missing", f"write one of: {known}")
        return None
    if text in team.duty_by_id:
        return team.duty_by_id[text]
    wanted = normalise_header(text)
    matches = [
        d
        for d in team.duties
        if wanted in (normalise_header(d.id), normalise_header(d.title))
    ]
    if len(matches) == 1:
        return matches[0]
    row.problem(
        "duty",
        f"unknown duty {text!r}",
        f"use a duty id from the Duties sheet: {known}",
    )
    return None


def _slot_of(row: _Cells, duty: Duty, day: date) -> int | None:
    """The index of the duty's slot with this time span on ``day``.

    A slot that runs on that weekday wins; failing that, the one slot of
    the duty with these times (the validator then reports the weekday).
    """
    weekday = Weekday(day.weekday()).short
    running = [s for s in duty.slots if s.runs_on(day.weekday())]
    offered = ", ".join(s.label for s in running) or "none"
    span = row.parsed(
        "time",
        parse_time_span,
        f"write start-end like 08:00-10:00; {duty.id} slots on "
        f"{weekday}: {offered}",
        "is not a time span",
    )
    if span is None:
        return None
    start, end = span
    same = [
        i
        for i, s in enumerate(duty.slots)
        if minutes(s.start) == start and minutes(s.end) == end
    ]
    today = [i for i in same if duty.slots[i].runs_on(day.weekday())]
    if len(today) == 1:
        return today[0]
    if len(same) == 1:
        return same[0]
    row.problem(
        "time",
        f"{duty.id} has no slot {_clock(start)}-{_clock(end)} on "
        f"{weekday} {day:%d.%m.%Y}",
        f"use one of the {duty.id} slots on {weekday}: {offered}",
    )
    return None


def _staff_of(row: _Cells, team: Team) -> list[str]:
    """Staff ids in the Staff cell, by id (any case) or unique full name."""
    value = row.raw("staff")
    if value is None:
        return []
    text = str(int(value) if isinstance(value, float) else value).strip()
    if text in team.staff_by_id:
        return [text]
    found: list[str] = []
    for token in staff_tokens(value):
        staff_id = _match_staff(token, team.staff)
        if staff_id is None:
            known = ", ".join(p.id for p in team.staff)
            row.problem(
                "staff",
                f"unknown staff {token!r}",
                f"use staff ids from the Staff sheet ({known}), "
                "separated by commas",
            )
        elif staff_id not in found:
            found.append(staff_id)
    return found


def _match_staff(token: str, staff: Sequence[Staff]) -> str | None:
    for person in staff:
        if person.id == token:
            return person.id
    folded = token.casefold()
    by_id = [p for p in staff if p.id.strip().casefold() == folded]
    if len(by_id) == 1:
        return by_id[0].id
    by_name = [p for p in staff if p.name and p.name.casefold() == folded]
    if len(by_name) == 1:
        return by_name[0].id
    return None


def _clock(total: int) -> str:
    return f"{total // 60:02d}:{total % 60:02d}"


def _show(value: Any) -> str:
    if is_blank(value):
        return "an empty cell"
    return repr(value) if isinstance(value, str) else str(value)
