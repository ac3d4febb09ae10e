"""Reading a backlog plan back from its workbook: the Cases sheet.

``balancer board --backlog backlog.xlsx`` shows who has which case and
which cases are forecast to miss their deadline, as the backlog plan
says. The backlog workbook (and the plan workbook, which holds the same
sheets) lists every case on its Cases sheet with its owner after the
run, the forecast start and finish, and whether it is late. The file
goes through the same guards as every workbook balancer reads
(:func:`balancer.files.opening.open_workbook`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from balancer.errors import InputProblem
from balancer.files.cells import parse_bool, parse_date, parse_text
from balancer.files.opening import open_workbook
from balancer.files.schema import CASE_PLAN
from balancer.files.tables import Problems, read_table
from balancer.result import CaseAssignment

if TYPE_CHECKING:
    from balancer.files.tables import Row

__all__ = ["read_backlog_workbook"]


def read_backlog_workbook(path: str | Path) -> tuple[CaseAssignment, ...]:
    """Every case of a backlog (or plan) workbook's Cases sheet.

    Returns one :class:`~balancer.result.CaseAssignment` per row, in the
    sheet's order: owner (None = on the shelf), previous owner, planned
    start and finish, late and risk (no shelf rank: the board does not
    need one).

    Raises
    ------
    InputError
        When the file fails a guard or is no backlog workbook, or a row
        cannot be read; each problem names sheet, row, column and fix.
    """
    source = Path(path)
    problems = Problems(str(source))
    book = open_workbook(source)
    try:
        tabs = list(book.sheetnames)
        table = read_table(book, CASE_PLAN, problems)
    finally:
        book.close()
    if table is None or not table.complete:
        if not problems.errors:
            problems.add(
                InputProblem(
                    "no Cases sheet with the backlog plan's columns",
                    sheet=CASE_PLAN.name,
                    fix="give the backlog or plan workbook balancer "
                    "wrote (balancer rebalance or balancer plan)",
                )
            )
        problems.raise_if_any(tabs)
    assert table is not None
    found: list[CaseAssignment] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        entry = _entry(row, seen)
        if entry is not None:
            found.append(entry)
    problems.raise_if_any(tabs)
    return tuple(found)


def _entry(row: Row, seen: dict[str, int]) -> CaseAssignment | None:
    case = row.required("case", parse_text)
    late = row.get("late", parse_bool)
    start = row.get("planned_start", parse_date)
    finish = row.get("planned_finish", parse_date)
    if case is not None and case in seen:
        row.problem(
            "case",
            f"case {case} is listed twice (also in row {seen[case]})",
            "keep one row per case",
        )
    if case is None or not row.ok:
        return None
    seen[case] = row.number
    return CaseAssignment(
        case_id=case,
        staff_id=row.text("owner"),
        previous_owner=row.text("previous_owner"),
        planned_start=start,
        planned_finish=finish,
        late=bool(late),
        risk=row.text("risk") or "",
    )
