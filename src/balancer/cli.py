"""The ``balancer`` command line: read -> solve -> write -> summarise.

Every command is thin: it calls the readers, engines and writers and maps
the outcome to an exit status. Exit 0 = done, 1 = no plan could be made
(the report says why), 2 = bad input or usage. Problems are printed without
a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from balancer import __version__
from balancer.cli_options import search_options
from balancer.domain import Month
from balancer.errors import BalancerError, InputError
from balancer.files.saving import refuse_inputs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from balancer.errors import InputProblem
    from balancer.inputs.loaded import LoadedTeam
    from balancer.outputs.frames import Language
    from balancer.result import DutyAssignment
    from balancer.solvers.runner import Progress, SolveParams

_F = TypeVar("_F", bound="Callable[..., Any]")

EXIT_OK = 0
EXIT_NO_PLAN = 1
EXIT_BAD_INPUT = 2


class _PlannerGroup(click.Group):
    """A group that reports balancer errors plainly and exits with 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BalancerError as error:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {error}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(
    cls=_PlannerGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="balancer")
@click.option(
    "--debug", is_flag=True, help="Show a traceback when something fails."
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Fair duty rotas and balanced case backlogs for service teams."""
    ctx.obj = {"debug": debug}


def main() -> None:
    """Console entry point: run the CLI, turning known errors into exit 2."""
    debug = "--debug" in sys.argv[1:]
    try:
        # Without standalone mode click returns ctx.exit(n)'s code instead
        # of exiting, so pass it on.
        code = cli.main(standalone_mode=False)
        if isinstance(code, int) and code != EXIT_OK:
            sys.exit(code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_BAD_INPUT)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except BalancerError as error:
        if debug:
            raise
        click.echo(f"Error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as error:  # the last line of defence for planners
        if debug:
            raise
        click.echo(
            f"Error: unexpected failure ({type(error).__name__}: {error}). "
            "Run again with --debug and report the traceback.",
            err=True,
        )
        sys.exit(EXIT_BAD_INPUT)


# --------------------------------------------------------------------------
# Team workbook: template and validate
# --------------------------------------------------------------------------


def _month_option(text: str | None) -> Month:
    """The --month value, defaulting to the month after today."""
    if text is None:
        return Month.following(date.today())
    try:
        return Month.parse(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not a month; write it like 2027-01",
            param_hint="--month",
        ) from None


_MONTH = click.option(
    "--month",
    "month_text",
    metavar="YYYY-MM",
    help="Month to plan; default: next month.",
)


_LANG = click.option(
    "--lang",
    type=click.Choice(["en", "da"]),
    default="en",
    show_default=True,
    help="Language of the printed rota: weekdays, months, absence "
    "words and holiday names (da = Danish).",
)


def _echo_problems(title: str, problems: Sequence[InputProblem]) -> None:
    click.echo(title)
    for problem in problems:
        click.echo(f"  - {problem}")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def template(path: Path) -> None:
    """Write an empty team workbook to PATH, with examples and help."""
    from balancer.outputs.template import write_template

    written = write_template(path)
    click.echo(
        f"Wrote {written}. Fill it in, then run: balancer validate {written}"
    )


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@_MONTH
@click.pass_context
def validate(ctx: click.Context, path: Path, month_text: str | None) -> None:
    """Check a team workbook (or .json) and list every problem.

    Exit 0 when it can be planned (warnings are printed), 2 otherwise.
    """
    from balancer.inputs.loaded import load_team
    from balancer.inputs.month_checks import check_month

    month = _month_option(month_text)
    try:
        loaded = load_team(path)
    except InputError as error:
        count = len(error.problems)
        _echo_problems(
            f"{path}: {count} problem{'s' if count != 1 else ''} found:",
            error.problems,
        )
        if ctx.obj and ctx.obj.get("debug"):
            raise  # --debug: the traceback too
        ctx.exit(EXIT_BAD_INPUT)
    checked = check_month(loaded, month)
    notes = (*loaded.notes, *checked.warnings)
    if notes:
        _echo_problems(f"{path}: {len(notes)} note(s):", notes)
    if checked.problems:
        _echo_problems(
            f"{path}: {len(checked.problems)} problem(s) for {month}:",
            checked.problems,
        )
        ctx.exit(EXIT_BAD_INPUT)
    team = loaded.team
    slots = sum(len(duty.slots) for duty in team.duties)
    click.echo(
        f"{path}: OK. {len(team.staff)} staff, {len(team.duties)} duties "
        f"({slots} slots), {len(team.absences)} absences, "
        f"{len(team.cases)} cases; {month} has {checked.opening_days} "
        "opening days."
    )


# --------------------------------------------------------------------------
# Planning: rota, rebalance, plan, check, demo
# --------------------------------------------------------------------------


def _solve_options(func: _F) -> _F:
    """--time-limit, --workers, --seed and --quiet for every solve."""
    func = click.option(
        "--quiet", is_flag=True, help="Don't show live progress."
    )(func)
    return search_options(30.0)(func)


def _loop_options(func: _F) -> _F:
    """--keep, --freeze-until, --change-weight and --history (rota)."""
    from balancer.cli_loop import CHANGE_WEIGHT

    options = (
        click.option(
            "--keep",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Rota workbook to keep: hand edits on its Board hold, "
            "the rest changes as little as it can.",
        ),
        click.option(
            "--freeze-until",
            type=click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"]),
            help="With --keep: days up to this one stay exactly as kept.",
        ),
        click.option(
            "--change-weight",
            type=click.IntRange(min=0),
            default=CHANGE_WEIGHT,
            show_default=True,
            help="With --keep: points per change (fairness: 100 an hour).",
        ),
        click.option(
            "--history",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Last month's rota workbook: its History balances replace "
            "the team workbook's.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def _params(
    time_limit: float, workers: int | None, seed: int, quiet: bool
) -> SolveParams:
    from balancer.outputs.console import progress_line
    from balancer.solvers.runner import SolveParams

    def show(progress: Progress) -> None:
        click.echo(progress_line(progress), err=True)

    return SolveParams(
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        on_progress=None if quiet else show,
    )


def _load_for_month(path: Path, month: Month) -> LoadedTeam:
    """Read a team and run the month checks; bad input raises."""
    from balancer.inputs.loaded import load_team
    from balancer.inputs.month_checks import check_month

    loaded = load_team(path)
    checked = check_month(loaded, month)
    if checked.problems:
        raise InputError(list(checked.problems), source=str(path))
    return loaded


def _exit_for(has_plan: bool) -> int:
    return EXIT_OK if has_plan else EXIT_NO_PLAN


@cli.command()
@click.argument("team_path", type=click.Path(dir_okay=False, path_type=Path))
@_MONTH
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Rota workbook; default: rota-YYYY-MM.xlsx.",
)
@_LANG
@_loop_options
@_solve_options
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
    from balancer.cli_loop import keep_baseline, with_history
    from balancer.outputs.console import rota_lines
    from balancer.outputs.rota_workbook import write_rota_workbook
    from balancer.solvers.planning import solve_rota

    month = _month_option(month_text)
    target = output or Path(f"rota-{month}.xlsx")
    inputs = [p for p in (team_path, keep, history) if p is not None]
    refuse_inputs(target, inputs)
    team = _load_for_month(team_path, month).team
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
    result = solve_rota(team, month, _params(**solve), baseline=baseline)
    for line in rota_lines(result):
        click.echo(line)
    if result.assignments:
        written = write_rota_workbook(
            team, month, result, target, inputs=inputs, lang=lang
        )
        click.echo(f"Wrote {written}")
    ctx.exit(_exit_for(result.status.has_plan and not result.relaxed))


@cli.command()
@click.argument("team_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--rota",
    "rota_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Rota workbook whose duty hours reduce casework time.",
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d", "%d.%m.%Y"]),
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
    help="At most this many already assigned cases change owner.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("backlog.xlsx"),
    show_default=True,
    help="Backlog workbook to write.",
)
@_solve_options
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
    **solve: Any,
) -> None:
    """Assign new cases and rebalance the backlog in TEAM_PATH."""
    from balancer.inputs.loaded import load_team
    from balancer.inputs.rota_workbook import read_rota_workbook
    from balancer.outputs.backlog_workbook import write_backlog_workbook
    from balancer.outputs.console import backlog_lines
    from balancer.outputs.frames import backlog_metrics
    from balancer.solvers.planning import balance_backlog, baseline_results

    inputs = [p for p in (team_path, rota_path) if p is not None]
    refuse_inputs(output, inputs)
    team = load_team(team_path).team
    first = start.date() if start else date.today()
    duty: list[DutyAssignment] = []
    if rota_path is not None:
        month = Month(year=first.year, month=first.month)
        duty = read_rota_workbook(rota_path, team, month)
    result = balance_backlog(
        team,
        first,
        _params(**solve),
        rota=duty,
        horizon_days=horizon,
        max_moves=max_moves,
    )
    for line in backlog_lines(result):
        click.echo(line)
    baselines = baseline_results(team, first, duty, horizon)
    figures = {n: backlog_metrics(team, r) for n, r in baselines.items()}
    if result.status.has_plan:
        written = write_backlog_workbook(
            team, result, output, inputs=inputs, baselines=figures
        )
        click.echo(f"Wrote {written}")
    ctx.exit(_exit_for(result.status.has_plan))


def _run_plan(
    team_path: Path,
    month: Month,
    output: Path,
    solve: dict[str, Any],
    lang: Language = "en",
) -> int:
    """Rota, then backlog on its capacity, into one workbook."""
    from balancer.outputs.backlog_workbook import write_plan_workbook
    from balancer.outputs.console import backlog_lines, rota_lines
    from balancer.outputs.frames import backlog_metrics
    from balancer.solvers.planning import plan_month

    refuse_inputs(output, [team_path])
    team = _load_for_month(team_path, month).team
    params = _params(**solve)
    plan = plan_month(team, month, params, params)
    for line in (*rota_lines(plan.rota), *backlog_lines(plan.backlog)):
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
        click.echo(f"Wrote {written}")
    ok = plan.rota.status.has_plan and plan.backlog.status.has_plan
    return _exit_for(ok and not plan.rota.relaxed)


@cli.command()
@click.argument("team_path", type=click.Path(dir_okay=False, path_type=Path))
@_MONTH
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Plan workbook; default: plan-YYYY-MM.xlsx.",
)
@_LANG
@_solve_options
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
    month = _month_option(month_text)
    target = output or Path(f"plan-{month}.xlsx")
    ctx.exit(_run_plan(team_path, month, target, solve, lang))


@cli.command()
@click.argument("team_path", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("rota_path", type=click.Path(dir_okay=False, path_type=Path))
@_MONTH
@click.pass_context
def check(
    ctx: click.Context,
    team_path: Path,
    rota_path: Path,
    month_text: str | None,
) -> None:
    """Check a (hand-edited) rota workbook against every rule.

    Exit 0 when no rule is broken, 1 when some are (each is listed).
    """
    from balancer.inputs.loaded import load_team
    from balancer.inputs.rota_workbook import read_rota_workbook
    from balancer.validate.rota import check_rota

    month = _month_option(month_text)
    team = load_team(team_path).team
    assignments = read_rota_workbook(rota_path, team, month)
    violations = check_rota(team, month, assignments)
    if not violations:
        click.echo(
            f"{rota_path}: OK. {len(assignments)} duty slots, no rule broken."
        )
        ctx.exit(EXIT_OK)
    click.echo(f"{rota_path}: {len(violations)} rule(s) broken:")
    for violation in violations:
        click.echo(f"  - {violation.message}")
    ctx.exit(EXIT_NO_PLAN)


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the demo workbooks.",
)
@_MONTH
@click.option(
    "--staff", type=click.IntRange(min=8), default=24, show_default=True
)
@click.option(
    "--cases", type=click.IntRange(min=0), default=400, show_default=True
)
@click.option("--team-only", is_flag=True, help="Write the team; don't plan.")
@_LANG
@_solve_options
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

    The team is synthetic and the same every run (``--seed``).
    """
    from balancer.inputs.demo import make_demo_team
    from balancer.outputs.team_workbook import write_team_workbook

    month = _month_option(month_text)
    team = make_demo_team(
        month, seed=2027 + solve["seed"], staff=staff, cases=cases
    )
    team_path = write_team_workbook(team, out_dir / "demo-team.xlsx")
    click.echo(f"Wrote {team_path} ({staff} staff, {cases} cases)")
    if team_only:
        ctx.exit(EXIT_OK)
    output = out_dir / f"demo-plan-{month}.xlsx"
    ctx.exit(_run_plan(team_path, month, output, solve, lang))


# After publishing: calendars, change report, fairness statements.
from balancer.cli_publish import diff, ics, statements  # noqa: E402

cli.add_command(ics)
cli.add_command(diff)
cli.add_command(statements)

from balancer.cli_loop import replan  # noqa: E402  (a command of its own)

cli.add_command(replan)

# Benchmarks (issue 5): ``balancer bench gap|rcmax|...`` in cli_bench.py.
from balancer.cli_bench import bench  # noqa: E402

cli.add_command(bench)
