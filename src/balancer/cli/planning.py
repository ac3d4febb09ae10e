"""Planning commands: ``rota``, ``rebalance``, ``plan``, ``check``, ``demo``.

Every command is thin: it reads, calls the engine, writes and maps the
outcome to an exit status (:mod:`balancer.cli.options`).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from balancer.cli.options import (
    DATE,
    EXIT_NO_PLAN,
    EXIT_OK,
    FILE,
    LANG,
    MONTH,
    exit_for,
    month_option,
    read_team,
    rota_month,
    solve_options,
    solve_params,
)
from balancer.domain import Month
from balancer.domain.policy import MAX_WEIGHT
from balancer.files.saving import check_target
from balancer.inputs.kept import CHANGE_WEIGHT

if TYPE_CHECKING:
    from collections.abc import Callable

    from balancer.language import Language
    from balancer.result import DutyAssignment

__all__ = ["check", "demo", "plan", "rebalance", "rota"]

_F = TypeVar("_F", bound="Callable[..., Any]")


def _loop_options(func: _F) -> _F:
    """--keep, --freeze-until, --change-weight and --history (rota)."""
    options = (
        click.option(
            "--keep",
            type=FILE,
            help="Rota workbook to keep: hand edits on its Board hold, "
            "the rest changes as little as it can.",
        ),
        click.option(
            "--freeze-until",
            type=DATE,
            help="With --keep: days up to this one stay exactly as kept.",
        ),
        click.option(
            "--change-weight",
            type=click.IntRange(min=0, max=MAX_WEIGHT),
            default=CHANGE_WEIGHT,
            show_default=True,
            help="With --keep: points per change (fairness: 100 an hour).",
        ),
        click.option(
            "--history",
            type=FILE,
            help="Last month's rota workbook: its History balances replace "
            "the team workbook's.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


@click.command()
@click.argument("team_path", type=FILE)
@MONTH
@click.option(
    "-o",
    "--output",
    type=FILE,
    help="Rota workbook; default: rota-YYYY-MM.xlsx.",
)
@LANG
@_loop_options
@solve_options()
@click.pass_context
def rota(
    ctx: click.Context,
    /,
    team_path: Path,
    month_text: str | None,
    output: Path | None,
    lang: Language,
    keep: Path | None,
    freeze_until: datetime | None,
    change_weight: int,
    history: Path | None,
    **solve: Any,
) -> None:
    """Plan next month's duty rota for the team in TEAM_PATH.

    With --keep, the planner's hand edits in that rota workbook hold and
    the rest changes as little as it can; --history takes the balances
    from last month's rota workbook.
    """
    from balancer.inputs.kept import keep_baseline, with_history
    from balancer.outputs.console import rota_lines
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import solve_rota

    month = month_option(month_text)
    target = output or Path(f"rota-{month}.xlsx")
    inputs = [p for p in (team_path, keep, history) if p is not None]
    check_target(target, inputs)
    team = read_team(team_path, month).team
    notes: list[str] = []
    if history is not None:
        team, notes = with_history(team, history)
    baseline = None
    if keep is not None:
        frozen = freeze_until.date() if freeze_until else None
        baseline, kept = keep_baseline(
            keep, team, month, frozen, change_weight
        )
        notes += kept
    for note in notes:
        click.echo(note)
    result = solve_rota(team, month, solve_params(**solve), baseline=baseline)
    for line in rota_lines(result):
        click.echo(line)
    if result.assignments:
        written = write_rota_workbook(
            team, month, result, target, inputs=inputs, lang=lang
        )
        click.echo(_wrote(written))
    ctx.exit(exit_for(result.status.has_plan and not result.relaxed))


@click.command()
@click.argument("team_path", type=FILE)
@click.option(
    "--rota",
    "rota_path",
    type=FILE,
    help="Rota workbook whose duty hours reduce casework time.",
)
@click.option(
    "--start",
    type=DATE,
    help="First day of the horizon; default: today.",
)
@click.option(
    "--horizon",
    type=click.IntRange(min=1, max=260),
    help="Working days to plan; default: the Rules sheet (10).",
)
@click.option(
    "--max-moves",
    type=click.IntRange(min=0),
    help="Most cases that leave their owner (the move budget); default: "
    "the Rules sheet's max_moves, blank = 2 per caseworker at work.",
)
@click.option(
    "-o",
    "--output",
    type=FILE,
    default=Path("backlog.xlsx"),
    show_default=True,
    help="Backlog workbook to write.",
)
@LANG
@solve_options()
@click.pass_context
def rebalance(
    ctx: click.Context,
    /,
    team_path: Path,
    rota_path: Path | None,
    start: datetime | None,
    horizon: int | None,
    max_moves: int | None,
    output: Path,
    lang: Language,
    **solve: Any,
) -> None:
    """Assign new cases and rebalance the backlog in TEAM_PATH."""
    from balancer.inputs.rota_workbook import read_rota_workbook
    from balancer.language import Words
    from balancer.outputs.backlog_frames import backlog_metrics
    from balancer.outputs.backlog_workbook import write_backlog_workbook
    from balancer.outputs.console import backlog_lines
    from balancer.solvers.planning import balance_backlog, baseline_results

    inputs = [p for p in (team_path, rota_path) if p is not None]
    check_target(output, inputs)
    team = read_team(team_path).team
    first = start.date() if start else date.today()
    duty: list[DutyAssignment] = []
    if rota_path is not None:
        month = Month(year=first.year, month=first.month)
        duty = read_rota_workbook(rota_path, team, month)
    result = balance_backlog(
        team,
        first,
        solve_params(**solve),
        rota=duty,
        horizon_days=horizon,
        max_moves=max_moves,
    )
    for line in backlog_lines(result, Words(lang)):
        click.echo(line)
    baselines = baseline_results(team, first, duty, horizon)
    figures = {n: backlog_metrics(team, r) for n, r in baselines.items()}
    if result.status.has_plan:
        written = write_backlog_workbook(
            team, result, output, inputs=inputs, baselines=figures, lang=lang
        )
        click.echo(_wrote(written))
    ctx.exit(exit_for(result.status.has_plan))


def _run_plan(
    team_path: Path,
    month: Month,
    output: Path,
    solve: dict[str, Any],
    lang: Language = "en",
) -> int:
    """Rota, then backlog on its capacity, into one workbook."""
    from balancer.language import Words
    from balancer.outputs.backlog_frames import backlog_metrics
    from balancer.outputs.backlog_workbook import write_plan_workbook
    from balancer.outputs.console import backlog_lines, rota_lines
    from balancer.solvers.planning import plan_month

    check_target(output, [team_path])
    team = read_team(team_path, month).team
    params = solve_params(**solve)
    plan = plan_month(team, month, params, params)
    terminal = Words(lang)
    for line in (
        *rota_lines(plan.rota),
        *backlog_lines(plan.backlog, terminal),
    ):
        click.echo(line)
    figures = {
        name: backlog_metrics(team, result)
        for name, result in plan.baselines.items()
    }
    if plan.rota.assignments or plan.backlog.status.has_plan:
        written = write_plan_workbook(
            team,
            month,
            plan.rota,
            plan.backlog,
            output,
            inputs=[team_path],
            baselines=figures,
            lang=lang,
        )
        click.echo(_wrote(written))
    ok = plan.rota.status.has_plan and plan.backlog.status.has_plan
    return exit_for(ok and not plan.rota.relaxed)


@click.command()
@click.argument("team_path", type=FILE)
@MONTH
@click.option(
    "-o",
    "--output",
    type=FILE,
    help="Plan workbook; default: plan-YYYY-MM.xlsx.",
)
@LANG
@solve_options()
@click.pass_context
def plan(
    ctx: click.Context,
    /,
    team_path: Path,
    month_text: str | None,
    output: Path | None,
    lang: Language,
    **solve: Any,
) -> None:
    """Plan the month's rota, then the backlog on what it leaves."""
    month = month_option(month_text)
    target = output or Path(f"plan-{month}.xlsx")
    ctx.exit(_run_plan(team_path, month, target, solve, lang))


@click.command()
@click.argument("team_path", type=FILE)
@click.argument("rota_path", type=FILE)
@click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="The rota's month; default: the month of its dates.",
)
@click.pass_context
def check(
    ctx: click.Context,
    team_path: Path,
    rota_path: Path,
    month_text: str | None,
) -> None:
    """Check a (hand-edited) rota workbook against every rule.

    The month is the rota's own (a --month that contradicts it is an
    error). Exit 0 when no rule is broken, 1 when some are (each is
    listed).
    """
    from balancer.inputs.rota_workbook import open_rota_workbook
    from balancer.language import Words, terminal_language
    from balancer.validate.rota import check_rota

    book = open_rota_workbook(rota_path)
    month = rota_month(month_text, book.month(), rota_path)
    team = read_team(team_path, month).team
    assignments = book.assignments(team, month)
    violations = check_rota(team, month, assignments)
    words = Words(terminal_language())
    if not violations:
        click.echo(words("check.ok", path=rota_path, count=len(assignments)))
        ctx.exit(EXIT_OK)
    rules = words.counted(len(violations), "rule")
    click.echo(words("check.broken", path=rota_path, rules=rules))
    for violation in violations:
        click.echo(f"  - {violation.text(words.lang)}")
    ctx.exit(EXIT_NO_PLAN)


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the demo workbooks.",
)
@MONTH
@click.option(
    "--staff", type=click.IntRange(min=8), default=24, show_default=True
)
@click.option(
    "--cases", type=click.IntRange(min=0), default=400, show_default=True
)
@click.option("--team-only", is_flag=True, help="Write the team; don't plan.")
@LANG
@solve_options()
@click.pass_context
def demo(
    ctx: click.Context,
    /,
    out_dir: Path,
    month_text: str | None,
    staff: int,
    cases: int,
    team_only: bool,
    lang: Language,
    **solve: Any,
) -> None:
    """Write the demo team workbook and plan its month.

    The team is synthetic and the same every run (``--seed``); with --lang
    da its workbook and its duties' titles are Danish too.
    """
    from balancer.inputs.demo import make_demo_team
    from balancer.outputs.team_workbook import write_team_workbook

    month = month_option(month_text)
    output = out_dir / f"demo-plan-{month}.xlsx"
    check_target(out_dir / "demo-team.xlsx")
    if not team_only:
        check_target(output)
    team = make_demo_team(
        month, seed=2027 + solve["seed"], staff=staff, cases=cases, lang=lang
    )
    team_path = write_team_workbook(
        team, out_dir / "demo-team.xlsx", lang=lang
    )
    click.echo(f"Wrote {team_path} ({staff} staff, {cases} cases)")
    if team_only:
        ctx.exit(EXIT_OK)
    ctx.exit(_run_plan(team_path, month, output, solve, lang))


def _wrote(path: Path) -> str:
    """``Wrote PATH`` in the terminal's language."""
    from balancer.language import Words, terminal_language

    return Words(terminal_language())("console.wrote", path=path)
