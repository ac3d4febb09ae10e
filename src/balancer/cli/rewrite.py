"""``balancer rewrite``: the rota workbook again, without solving."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from balancer.cli.options import EXIT_NO_PLAN, EXIT_OK, FILE, LANG

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.language import Language

__all__ = ["rewrite"]


@click.command()
@click.argument("team_path", metavar="TEAM", type=FILE)
@click.argument("rota_path", metavar="ROTA", type=FILE)
@click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="The rota's month; default: the month of its dates.",
)
@click.option(
    "-o",
    "--output",
    type=FILE,
    help="Workbook to write; default: <rota>-<lang>.xlsx beside ROTA.",
)
@LANG
@click.pass_context
def rewrite(
    ctx: click.Context,
    team_path: Path,
    rota_path: Path,
    month_text: str | None,
    output: Path | None,
    lang: Language,
) -> None:
    """Write rota workbook ROTA again, in --lang, without solving.

    The rota is ROTA's Board as it stands, hand edits included; the
    fairness account, statements and History are worked out again from
    the team workbook TEAM and the balances ROTA was planned with. Nothing
    is searched, so the rota is exactly the one on the Board: use it for
    the workbook in the other language, or after editing the Board by
    hand. Rules the Board breaks are listed on the Summary and here, and
    the exit code is 1.
    """
    from balancer.cli.rota_file import read_planned_rota
    from balancer.files.saving import check_target
    from balancer.language import Words
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.result import Conflict, SolveStatus
    from balancer.solvers.planning import account_for
    from balancer.validate.rota import check_rota

    target = output or rota_path.with_name(f"{rota_path.stem}-{lang}.xlsx")
    check_target(target, [team_path, rota_path])
    planned = read_planned_rota(team_path, rota_path, month_text)
    if planned.note:
        click.echo(planned.note, err=True)
    team, month = planned.team, planned.month
    result = account_for(team, month, planned.assignments)
    broken = check_rota(team, month, planned.assignments)
    if broken:
        stats = result.stats.model_copy(
            update={"status": SolveStatus.INFEASIBLE}
        )
        conflicts = tuple(
            Conflict(rule=v.rule, day=v.day, message=v.message, texts=v.texts)
            for v in broken
        )
        result = result.model_copy(
            update={"stats": stats, "conflicts": conflicts, "relaxed": True}
        )
    written = write_rota_workbook(
        team,
        month,
        result,
        target,
        inputs=[team_path, rota_path],
        lang=lang,
    )
    words = Words(lang)
    for conflict in result.conflicts:
        click.echo(f"  ! {conflict.text(lang)}")
    click.echo(
        words(
            "rewrite.done",
            path=written,
            count=len(planned.assignments),
            broken=len(broken),
        )
    )
    ctx.exit(EXIT_NO_PLAN if broken else EXIT_OK)
