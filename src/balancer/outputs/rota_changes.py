"""The change list of a replanned rota: what moved, and who to ask.

:func:`changes_frame` and :func:`asks_frame` are pure (rota in, table
out); :func:`add_changes_sheet` puts both on a "Changes" sheet of the
replanned rota workbook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from balancer.domain import minutes
from balancer.language import Language, Words
from balancer.outputs.styling import (
    fit_columns,
    font,
    page_setup,
    write_table,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Team
    from balancer.result import AskCandidate, DutyAssignment

__all__ = ["add_changes_sheet", "asks_frame", "changes_frame"]

CHANGE_COLUMNS = ("Date", "Time", "Duty", "Change", "Staff", "Name")
ASK_COLUMNS = ("Date", "Time", "Duty", "Rank", "Staff", "Name", "Why")


def changes_frame(
    team: Team,
    before: Iterable[DutyAssignment],
    after: Iterable[DutyAssignment],
) -> pd.DataFrame:
    """Assignments removed from and added to the rota, by date and time."""
    old, new = set(before), set(after)
    rows = [(a, "removed") for a in old - new]
    rows += [(a, "added") for a in new - old]

    def order(item: tuple[DutyAssignment, str]) -> tuple[object, ...]:
        a, change = item
        slot = team.duty_by_id[a.duty_id].slots[a.slot_index]
        return (a.day, minutes(slot.start), a.duty_id, change, a.staff_id)

    return pd.DataFrame(
        [
            (
                a.day,
                team.duty_by_id[a.duty_id].slots[a.slot_index].label,
                a.duty_id,
                change,
                a.staff_id,
                _name(team, a.staff_id),
            )
            for a, change in sorted(rows, key=order)
        ],
        columns=list(CHANGE_COLUMNS),
    )


def asks_frame(
    team: Team, asks: Sequence[AskCandidate], lang: Language = "en"
) -> pd.DataFrame:
    """Per open slot, the ranked people to ask and why (in ``lang``)."""
    return pd.DataFrame(
        [
            (
                ask.day,
                team.duty_by_id[ask.duty_id].slots[ask.slot_index].label,
                ask.duty_id,
                ask.rank,
                ask.staff_id,
                _name(team, ask.staff_id),
                ask.text(lang),
            )
            for ask in asks
        ],
        columns=list(ASK_COLUMNS),
    )


def add_changes_sheet(
    book: Workbook,
    changes: pd.DataFrame,
    asks: pd.DataFrame,
    heading: str,
    title: str = "Changes",
    lang: Language = "en",
) -> Worksheet:
    """The change list, then the people to ask per open slot.

    ``changes`` and ``asks`` are :func:`changes_frame` and
    :func:`asks_frame`; ``lang`` writes headers and the change words in
    its language (the asks' reasons come in it from :func:`asks_frame`).
    """
    words = Words(lang)
    sheet = book.create_sheet(words.sheet(title))
    cell = sheet.cell(row=1, column=1, value=heading)
    cell.font = font(bold=True, size=12)
    shown = changes.assign(Change=[words.value(c) for c in changes["Change"]])
    last = write_table(sheet, shown, top=3, words=words)
    top = last + 3
    label = sheet.cell(row=top - 1, column=1, value=words.header("Who to ask"))
    label.font = font(bold=True)
    write_table(sheet, asks, top=top, words=words)
    fit_columns(sheet, maximum=60, skip_rows=1)
    page_setup(sheet, landscape=False, title=title, fit_width=True)
    return sheet


def _name(team: Team, staff_id: str) -> str:
    person = team.staff_by_id.get(staff_id)
    return (person.name or staff_id) if person else staff_id
