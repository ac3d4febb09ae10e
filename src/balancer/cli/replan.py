"""``balancer replan``: cover a sick call with the fewest, fairest changes.

The month's other loops (``rota --keep`` and ``rota --history``) are
options of ``rota`` (:mod:`balancer.cli.planning`); what they read is in
:mod:`balancer.inputs.kept`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import click

from balancer.cli.options import (
    DATE,
    FILE,
    LANG,
    read_team,
    solve_options,
    solve_params,
)
from balancer.domain.policy import MAX_WEIGHT
from balancer.files.saving import check_target
from balancer.inputs.kept import CHANGE_WEIGHT

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from balancer.domain import Team
    from balancer.language import Language
    from balancer.result import DutyAssignment

__all__ = ["replan"]


@click.command()
@click.argument("team_path", type=FILE)
@click.argument("rota_path", type=FILE)
@click.option(
    "--absent", "who", required=True, help="Staff id (or name) who is away."
)
@click.option("--from", "start", type=DATE, required=True, help="First day.")
@click.option("--to", "end", type=DATE, help="Last day; default: --from.")
@click.option(
    "--freeze-until",
    type=DATE,
    help="Keep the rota up to this day as it is; default: the day "
    "before --from.",
)
@click.option(
    "--change-weight",
    type=click.IntRange(min=1, max=MAX_WEIGHT),
    default=CHANGE_WEIGHT,
    show_default=True,
    help="Points per change to the rota (fairness: 100 an hour).",
)
@click.option(
    "-o",
    "--output",
    type=FILE,
    help="New rota workbook; default: <rota>-replanned.xlsx.",
)
@LANG
@solve_options()
@click.pass_context
def replan(
    ctx: click.Context,
    /,
    team_path: Path,
    rota_path: Path,
    who: str,
    start: datetime,
    end: datetime | None,
    freeze_until: datetime | None,
    change_weight: int,
    output: Path | None,
    lang: Language,
    **solve: Any,
) -> None:
    """Cover a sick call in ROTA_PATH with the fewest, fairest changes.

    --absent takes a staff id or a name, in any case: a full name, or a
    first name nobody else on the team has.

    Adds the absence, keeps the rota before it as it is (and any hand
    edits on the Board), and changes as little else as it can (fairness
    decides among equal changes). Prints
    the changes and, for each slot left open, the people to ask, best
    first; writes the new rota with a Changes sheet.
    """
    from balancer.domain import Month
    from balancer.inputs.kept import keep_baseline, with_absence
    from balancer.language import Words
    from balancer.outputs.console import rota_lines
    from balancer.outputs.rota_changes import (
        add_changes_sheet,
        asks_frame,
        changes_frame,
    )
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import solve_rota
    from balancer.solvers.rota.ask import people_to_ask

    first, last = start.date(), (end or start).date()
    if last < first:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    target = output or rota_path.with_name(f"{rota_path.stem}-replanned.xlsx")
    check_target(target, [team_path, rota_path])
    month = Month(year=first.year, month=first.month)
    team = read_team(team_path, month).team
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
    result = solve_rota(team, month, solve_params(**solve), baseline=baseline)
    for line in rota_lines(result):
        click.echo(line)
    if not result.assignments:
        ctx.exit(1)
    gaps = [a for a in before if affected(a)]
    asks = people_to_ask(
        team, gaps, result.assignments, result.staff, before=before
    )
    asks = _worth_asking(team, asks, result.assignments)
    changes = changes_frame(team, before, result.assignments)
    _echo_changes(team, changes, asks, gaps, result.assignments)
    words = Words(lang)
    person = team.staff_by_id[staff_id]
    heading = words(
        "changes.heading",
        who=person.name or staff_id,
        span=words.span(first, last),
        count=len(changes),
    )
    written = write_rota_workbook(
        team,
        month,
        result,
        target,
        inputs=[team_path, rota_path],
        lang=lang,
        extra=lambda book: add_changes_sheet(
            book, changes, asks_frame(team, asks, lang), heading, lang=lang
        ),
    )
    click.echo(f"Wrote {written}")
    ctx.exit(0 if result.status.has_plan and not result.relaxed else 1)


def _worth_asking(
    team: Team, asks: Sequence[Any], after: Sequence[DutyAssignment]
) -> list[Any]:
    """The people to ask, less those a slot does not need.

    Rule: on a slot the new rota staffs to its target, only those it
    puts there need asking (to confirm); one the others already cover
    needs nobody, in the terminal and on the Changes sheet alike.
    """
    on: dict[tuple[Any, str, int], int] = {}
    for a in after:
        key = (a.day, a.duty_id, a.slot_index)
        on[key] = on.get(key, 0) + 1
    kept = []
    ranks: dict[tuple[Any, str, int], int] = {}
    for ask in asks:
        key = (ask.day, ask.duty_id, ask.slot_index)
        slot = team.duty_by_id[ask.duty_id].slots[ask.slot_index]
        if ask.chosen or on.get(key, 0) < slot.target:
            ranks[key] = ranks.get(key, 0) + 1
            kept.append(ask.model_copy(update={"rank": ranks[key]}))
    return kept


def _echo_changes(
    team: Team,
    changes: Any,
    asks: Sequence[Any],
    gaps: Sequence[DutyAssignment],
    after: Sequence[DutyAssignment],
) -> None:
    from balancer.language import Words

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
        covered = len(on) >= slot.target
        state = (
            "short of its minimum"
            if len(on) < slot.min_staff
            else "short of its target"
            if not covered
            else "covered"
        )
        mine = [
            a
            for a in asks
            if (a.day, a.duty_id, a.slot_index)
            == (gap.day, gap.duty_id, gap.slot_index)
        ]
        click.echo(
            f"{gap.day:%a %d.%m} {slot.label} {gap.duty_id}: {state} "
            f"({len(on)} on it: {', '.join(on) or 'nobody'}; min "
            f"{slot.min_staff}, target {slot.target})."
            + (" Who to ask:" if mine or not covered else "")
        )
        if not mine:
            words = Words()
            click.echo(
                "  "
                + words("replan.no_ask" if covered else "replan.nobody_free")
            )
        for ask in mine:
            click.echo(f"  {ask.rank}. {ask.staff_id}: {ask.reason}")
