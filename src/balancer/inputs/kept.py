"""The planner's loop on files: a rota to keep, last month's balances, a
sick call.

``balancer rota --keep rota.xlsx`` keeps the planner's hand edits on the
Board (found by comparing it with the hidden Published sheet);
``--history rota-2027-01.xlsx`` takes the balances from last month's rota
workbook; ``balancer replan --absent anna`` adds a sick call. Each reads
a file or a planner's words into the domain and result models the engine
takes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import date
    from pathlib import Path

    from balancer.domain import HistoryBalance, Month, Staff, Team
    from balancer.result import DutyAssignment, RotaBaseline

__all__ = [
    "CHANGE_WEIGHT",
    "keep_baseline",
    "staff_id_for",
    "with_absence",
    "with_balances",
    "with_history",
]

#: Points per change to the published rota: above 10 hours of the
#: largest deviation (100 points an hour), so the fewest changes come
#: first and fairness decides among them.
CHANGE_WEIGHT = 1000


def _replace(team: Team, **fields: Any) -> Team:
    """The team with some fields replaced, checked again."""
    from balancer.domain import Team

    current = {name: getattr(team, name) for name in Team.model_fields}
    return Team.checked(**{**current, **fields})


def with_balances(team: Team, balances: Iterable[HistoryBalance]) -> Team:
    """The team with ``balances`` as its History (people gone left out)."""
    known = [b for b in balances if b.staff_id in team.staff_by_id]
    return _replace(team, history=tuple(known))


def with_history(team: Team, path: Path) -> tuple[Team, list[str]]:
    """The team with the History sheet of ``path`` as its balances.

    Balances of people no longer on the team are left out (with a note).
    """
    from balancer.inputs.excel import read_history_sheet

    rows = read_history_sheet(path)
    known = [r for r in rows if r.staff_id in team.staff_by_id]
    gone = sorted({r.staff_id for r in rows} - set(team.staff_by_id))
    notes = [f"History from {path}: {len(known)} balances"]
    if gone:
        notes.append(
            f"  left out balances of people not on the team: {', '.join(gone)}"
        )
    return _replace(team, history=tuple(known)), notes


def keep_baseline(
    path: Path,
    team: Team,
    month: Month,
    freeze_until: date | None = None,
    change_weight: int = CHANGE_WEIGHT,
) -> tuple[RotaBaseline, list[str]]:
    """The rota in ``path`` to keep: hand edits pinned, the rest close.

    Hand edits are the differences between the Board (as the planner left
    it) and the hidden Published sheet (as balancer wrote it). Without a
    Published sheet the Board counts as published, with no hand edits.
    """
    from balancer.inputs.rota_workbook import open_rota_workbook
    from balancer.result import RotaBaseline

    book = open_rota_workbook(path)
    board = book.assignments(team, month)
    published = (
        None
        if book.published is None
        else book.assignments(team, month, published=True)
    )
    notes: list[str] = []
    if published is None:
        notes.append(
            f"{path} has no Published sheet (not written by this "
            "version); its Board counts as published, without hand edits"
        )
        published = board
    pinned = sorted(set(board) - set(published), key=_order)
    removed = sorted(set(published) - set(board), key=_order)
    notes.append(
        f"Kept {path}: {len(board)} duty slots, {len(pinned)} added and "
        f"{len(removed)} removed by hand (pinned)"
        + (f", frozen until {freeze_until:%d.%m.%Y}" if freeze_until else "")
    )
    baseline = RotaBaseline(
        current=tuple(board),
        pinned=tuple(pinned),
        removed=tuple(removed),
        frozen_until=freeze_until,
        change_weight=change_weight,
    )
    return baseline, notes


def with_absence(
    team: Team, who: str, start: date, end: date
) -> tuple[Team, str]:
    """The team with one more (sick) absence; returns the staff id."""
    from balancer.domain import Absence, AbsenceReason

    staff_id = staff_id_for(team, who)
    absence = Absence(
        staff_id=staff_id, start=start, end=end, reason=AbsenceReason.SICK
    )
    return _replace(team, absences=(*team.absences, absence)), staff_id


def staff_id_for(team: Team, who: str) -> str:
    """The staff id a planner means by ``who``: an id, a name, a first name.

    Rule: case does not matter; an id wins over a full name, and a full
    name over a first name (``anna`` is Anna Holm when she is the only
    Anna). A first name two people share is a problem listing both,
    and so is a name nobody has.
    """
    folded = who.strip().casefold()

    def first_name(name: str | None) -> str:
        parts = (name or "").split()
        return parts[0].casefold() if parts else ""

    keys: tuple[Callable[[Staff], str], ...] = (
        lambda p: p.id.casefold(),
        lambda p: (p.name or "").strip().casefold(),
        lambda p: first_name(p.name),
    )
    for key in keys if folded else ():
        found = [person for person in team.staff if key(person) == folded]
        if len(found) == 1:
            return found[0].id
        if len(found) > 1:
            named = ", ".join(f"{p.name} ({p.id})" for p in found)
            raise InputError(
                [
                    InputProblem(
                        f"--absent {who!r} could be any of {named}",
                        fix="give the staff id or the full name, e.g. "
                        f"--absent {found[0].id}",
                    )
                ]
            )
    known = ", ".join(p.id for p in team.staff)
    raise InputError(
        [
            InputProblem(
                f"--absent {who!r} is nobody on the team",
                fix=f"use a staff id from the Staff sheet: {known}",
            )
        ]
    )


def _order(a: DutyAssignment) -> tuple[date, str, int, str]:
    return (a.day, a.duty_id, a.slot_index, a.staff_id)
