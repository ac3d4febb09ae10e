"""``balancer bench``: the engines on published OR benchmarks.

Each subcommand reads instance files, solves them with the engine, prints
a table (instance, size, objective, proven bound, best known, gap %,
time) and, with ``--out``, writes each plan in the reference scorer's
``job,agent`` format. The runners live in :mod:`balancer.bench`.

The Curtois rostering set is ``bench curtois``. Further sets join as
``@bench.command()`` below, reusing ``_bench_options``, ``_solve_all``
and ``_emit``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from balancer.cli.options import solve_options, solve_params
from balancer.errors import InputError, InputProblem

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from balancer.bench.common import BenchRow
    from balancer.bench.curtois import BenchRow as CurtoisRow
    from balancer.inputs.gap_format import GapInstance, Sense
    from balancer.inputs.rcmax_format import RcmaxInstance

_F = TypeVar("_F", bound="Callable[..., Any]")
_J = TypeVar("_J")

#: What solving one job gives: row, plan, plan file name, instance file.
_Solved = tuple["BenchRow", "list[int] | None", str, Path]

__all__ = ["bench"]


@click.group()
def bench() -> None:
    """Solve published benchmark instances and compare with the best known.

    Exit 0 when every instance got a plan, 1 otherwise, 2 on bad input.
    """


def _bench_options(func: _F) -> _F:
    """--time-limit, --workers, --seed and --out for every bench command."""
    func = click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder for the plans (job,agent CSV, 0-based).",
    )(func)
    return solve_options(10.0, per="instance")(func)


def _emit(rows: Sequence[BenchRow]) -> int:
    """Print the table; the exit status says whether all got a plan."""
    from balancer.bench.common import format_table

    for line in format_table(rows):
        click.echo(line)
    return 0 if all(r.objective is not None for r in rows) else 1


def _solve_all(
    jobs: Sequence[_J],
    solve_one: Callable[[_J], _Solved],
    out_dir: Path | None,
) -> list[BenchRow]:
    """Solve each job in turn; say so as each is done; write the plans.

    ``solve_one`` gives the table row, the plan (agent per job, 0-based;
    None without one), the plan file's name in ``out_dir`` and the
    instance file it came from.
    """
    from balancer.bench.common import write_assignment

    rows = []
    for job in jobs:
        row, plan, name, source = solve_one(job)
        rows.append(row)
        _progress(len(rows), len(jobs), row)
        if out_dir is not None and plan is not None:
            write_assignment(out_dir / name, plan, inputs=[source])
    return rows


def _progress(done: int, total: int, row: BenchRow) -> None:
    """One line on stderr as each problem is solved.

    A long run (the Yagiura set takes over half an hour) then shows how
    far it has got, and what was solved is on screen even if the run is
    stopped; the table on stdout stays clean for a file or a pipe.
    """
    from balancer.bench.common import progress_text

    name = f"{row.instance} ({row.sense})"
    click.echo(
        progress_text(done, total, name, row.objective, row.gap, row.seconds),
        err=True,
    )


def _split_index(spec: str) -> tuple[Path, int | None]:
    """``PATH[:INDEX]`` -> (path, 1-based index or None for all)."""
    head, colon, tail = spec.rpartition(":")
    if colon and tail.isdigit() and head:
        return Path(head), int(tail)
    return Path(spec), None


@bench.command()
@click.argument("specs", nargs=-1, required=True, metavar="PATH[:INDEX]...")
@click.option(
    "--sense",
    type=click.Choice(["published", "min", "max", "both"]),
    default="published",
    show_default=True,
    help="Objective sense; published = max for gap1..12, min otherwise.",
)
@_bench_options
@click.pass_context
def gap(
    ctx: click.Context,
    /,
    specs: tuple[str, ...],
    sense: str,
    out_dir: Path | None,
    **solve: Any,
) -> None:
    """Generalized Assignment: OR-Library gap1..12, gapa..d, Yagiura.

    PATH is an instance file; INDEX (1-based) picks one problem of an
    OR-Library file, all of them by default.
    """
    from balancer.bench.gap import solve_gap
    from balancer.inputs.gap_format import read_gap

    chosen = []
    for spec in specs:
        path, index = _split_index(spec)
        problems = read_gap(path)
        if index is not None and not 1 <= index <= len(problems):
            raise InputError(
                [
                    InputProblem(
                        f"INDEX {index} is out of range; the file holds "
                        f"{len(problems)} problem(s), numbered from 1"
                    )
                ],
                str(path),
            )
        chosen.extend(problems if index is None else [problems[index - 1]])
    runs: list[tuple[GapInstance, Sense]] = []
    for instance in chosen:
        senses: list[Sense]
        if sense == "published":
            senses = [instance.published_sense]
        elif sense == "both":
            senses = ["min", "max"]
        else:
            senses = ["min" if sense == "min" else "max"]
        runs.extend((instance, one) for one in senses)

    def solve_one(job: tuple[GapInstance, Sense]) -> _Solved:
        instance, one = job
        run = solve_gap(instance, one, solve_params(**solve))
        name = f"{instance.set_name}-{instance.name}-{one}.csv"
        return run.row, run.agent_of_job, name, instance.source

    ctx.exit(_emit(_solve_all(runs, solve_one, out_dir)))


@bench.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@_bench_options
@click.pass_context
def rcmax(
    ctx: click.Context,
    /,
    paths: tuple[Path, ...],
    out_dir: Path | None,
    **solve: Any,
) -> None:
    """Unrelated parallel machines, makespan (Fanjul-Peyro & Ruiz)."""
    from balancer.bench.rcmax import solve_rcmax
    from balancer.inputs.rcmax_format import read_rcmax

    instances = [read_rcmax(path) for path in paths]

    def solve_one(instance: RcmaxInstance) -> _Solved:
        run = solve_rcmax(instance, solve_params(**solve))
        name = f"{Path(instance.name).stem}.csv"
        return run.row, run.machine_of_job, name, instance.source

    ctx.exit(_emit(_solve_all(instances, solve_one, out_dir)))


@bench.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@solve_options(60.0, per="instance")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write each roster here as <instance>.csv (employee,day,shift).",
)
def curtois(
    paths: tuple[Path, ...],
    out_dir: Path | None,
    **solve: Any,
) -> None:
    """Solve Curtois & Qu instances (files, or folders of Instance*.txt).

    Prints instance, size (days x staff x shift types), our objective,
    the proven bound, the best known objective, the gap to it in % and
    the time.
    """
    from balancer.bench.curtois import (
        find_instances,
        format_table,
        run_instance,
        tuned_for_curtois,
        write_roster,
    )

    params = tuned_for_curtois(solve_params(**solve))
    found = find_instances(paths)
    rows = []
    for path in found:
        instance, result, row = run_instance(path, params)
        rows.append(row)
        _curtois_progress(len(rows), len(found), row)
        if out_dir is not None and result.assignments:
            write_roster(instance, result, out_dir)
    click.echo(format_table(rows))


def _curtois_progress(done: int, total: int, row: CurtoisRow) -> None:
    """One line on stderr as each instance is solved (runs take minutes)."""
    from balancer.bench.common import progress_text

    click.echo(
        progress_text(
            done, total, row.instance, row.objective, row.gap, row.seconds
        ),
        err=True,
    )
