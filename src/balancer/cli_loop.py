"""The planner's loop: keep hand edits, replan a sick call, carry history.

``balancer rota --keep rota.xlsx`` keeps the planner's hand edits on the
Board (found by comparing it with the hidden Published sheet) and changes
as little else as it can; ``--freeze-until DATE`` keeps the past as it
is; ``--history rota-2027-01.xlsx`` takes the balances from last month's
rota workbook. ``balancer replan`` covers a sick call with the fewest
changes, fairest first, and lists who to ask for each open slot.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from balancer.cli_options import search_options
from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment, RotaBaseline

__all__ = [
    "CHANGE_WEIGHT",
    "keep_baseline",
    "replan",
    "with_absence",
    "with_history",
]

#: Points per change to the published rota: above 10 hours of the
#: largest deviation (100 points an hour), so the fewest changes come
#: first and fairness decides among them.
CHANGE_WEIGHT = 1000

_DATE = click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"])


def _replace(team: Team, **fields: Any) -> Team:
    """The team with some fields replaced, checked again."""
    from balancer.domain import Team

    current = {name: getattr(team, name) for name in Team.model_fields}
    return Team.checked(**{**current, **fields})


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
    from balancer.inputs.rota_workbook import (
        read_published,
        read_rota_workbook,
    )
    from balancer.result import RotaBaseline

    board = read_rota_workbook(path, team, month)
    published = read_published(path, team, month)
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

    staff_id = _staff_id(team, who)
    absence = Absence(
        staff_id=staff_id, start=start, end=end, reason=AbsenceReason.SICK
    )
    return _replace(team, absences=(*team.absences, absence)), staff_id


def _staff_id(team: Team, who: str) -> str:
    folded = who.strip().casefold()
    for person in team.staff:
        if folded in (person.id.casefold(), (person.name or "").casefold()):
            return person.id
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


@click.command()
@click.argument("team_path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("rota_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--absent", "who", required=True, help="Staff id (or name) who is away."
)
@click.option("--from", "start", type=_DATE, required=True, help="First day.")
@click.option("--to", "end", type=_DATE, help="Last day; default: --from.")
@click.option(
    "--freeze-until",
    type=_DATE,
    help="Keep the rota up to this day as it is; default: the day "
    "before --from.",
)
@click.option(
    "--change-weight",
    type=click.IntRange(min=1),
    default=CHANGE_WEIGHT,
    show_default=True,
    help="Points per change to the rota (fairness: 100 an hour).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="New rota workbook; default: <rota>-replanned.xlsx.",
)
@search_options(30.0)
@click.pass_context
def replan(
    ctx: click.Context,
    team_path: Path,
    rota_path: Path,
    who: str,
    start: datetime,
    end: datetime | None,
    freeze_until: datetime | None,
    change_weight: int,
    output: Path | None,
    time_limit: float,
    workers: int | None,
    seed: int,
) -> None:
    """Cover a sick call in ROTA_PATH with the fewest, fairest changes.

    Adds the absence, keeps the rota before it as it is (and any hand
    edits on the Board), and changes as little else as it can (fairness
    decides among equal changes). Prints
    the changes and, for each slot left open, the people to ask, best
    first; writes the new rota with a Changes sheet.
    """
    from balancer.domain import Month
    from balancer.outputs.console import rota_lines
    from balancer.outputs.rota_changes import (
        add_changes_sheet,
        asks_frame,
        changes_frame,
    )
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import solve_rota
    from balancer.solvers.rota.ask import people_to_ask
    from balancer.solvers.runner import SolveParams

    first, last = start.date(), (end or start).date()
    if last < first:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    month = Month(year=first.year, month=first.month)
    from balancer.cli import _load_for_month

    team = _load_for_month(team_path, month).team
    frozen = (freeze_until.date() if freeze_until else None) or (
        first - timedelta(days=1)
    )
    kept, notes = keep_baseline(
        rota_path,
        team,
        month,
        frozen if frozen >= month.first else None,
        change_weight,
    )
    before = list(kept.current)
    team, staff_id = with_absence(team, who, first, min(last, month.last))

    def affected(a: DutyAssignment) -> bool:
        return a.staff_id == staff_id and first <= a.day <= last

    # Hand edits on the Board stay pinned, except the absent person's.
    baseline = kept.model_copy(
        update={"pinned": tuple(a for a in kept.pinned if not affected(a))}
    )
    for note in notes:
        click.echo(note)
    params = SolveParams(time_limit=time_limit, workers=workers, seed=seed)
    result = solve_rota(team, month, params, baseline=baseline)
    for line in rota_lines(result):
        click.echo(line)
    if not result.assignments:
        ctx.exit(1)
    gaps = [a for a in before if affected(a)]
    asks = people_to_ask(
        team, gaps, result.assignments, result.staff, before=before
    )
    changes = changes_frame(team, before, result.assignments)
    _echo_changes(team, changes, asks, gaps, result.assignments)
    target = output or rota_path.with_name(f"{rota_path.stem}-replanned.xlsx")
    heading = (
        f"Replan: {staff_id} away {first:%d.%m.%Y}-{last:%d.%m.%Y}; "
        f"{len(changes)} change(s)"
    )
    written = write_rota_workbook(
        team,
        month,
        result,
        target,
        inputs=[team_path, rota_path],
        extra=lambda book: add_changes_sheet(
            book, changes, asks_frame(team, asks), heading
        ),
    )
    click.echo(f"Wrote {written}")
    ctx.exit(0 if result.status.has_plan and not result.relaxed else 1)


def _echo_changes(
    team: Team,
    changes: Any,
    asks: Sequence[Any],
    gaps: Sequence[DutyAssignment],
    after: Sequence[DutyAssignment],
) -> None:
    click.echo(f"Changes ({len(changes)}):")
    for row in changes.itertuples(index=False):
        click.echo(
            f"  {row.Date:%a %d.%m} {row.Time} {row.Duty}: "
            f"{row.Change} {row.Staff}"
        )
    for gap in gaps:
        slot = team.duty_by_id[gap.duty_id].slots[gap.slot_index]
        key = (gap.day, gap.duty_id, gap.slot_index)
        on = [
            a.staff_id
            for a in after
            if (a.day, a.duty_id, a.slot_index) == key
        ]
        state = (
            "short of its minimum"
            if len(on) < slot.min_staff
            else "short of its target"
            if len(on) < slot.target
            else "covered"
        )
        click.echo(
            f"{gap.day:%a %d.%m} {slot.label} {gap.duty_id}: {state} "
            f"({len(on)} on it: {', '.join(on) or 'nobody'}; min "
            f"{slot.min_staff}, target {slot.target}). Who to ask:"
        )
        mine = [
            a
            for a in asks
            if (a.day, a.duty_id, a.slot_index)
            == (gap.day, gap.duty_id, gap.slot_index)
        ]
        if not mine:
            click.echo("  nobody is free for it")
        for ask in mine:
            click.echo(f"  {ask.rank}. {ask.staff_id}: {ask.reason}")
