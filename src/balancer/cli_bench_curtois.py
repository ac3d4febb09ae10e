"""``balancer bench curtois``: the Curtois & Qu benchmark, as a table.

Thin: :mod:`balancer.bench.curtois` reads, solves and formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from balancer.cli_options import search_options

if TYPE_CHECKING:
    from balancer.bench.curtois import BenchRow

__all__ = ["curtois"]


@click.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@search_options(60.0, per="instance", seed=False)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write each roster here as <instance>.csv (employee,day,shift).",
)
def curtois(
    paths: tuple[Path, ...],
    time_limit: float,
    workers: int | None,
    out_dir: Path | None,
) -> None:
    """Solve Curtois & Qu instances (files, or folders of Instance*.txt).

    Prints instance, size (days x staff x shift types), our objective,
    the proven bound, the best known objective, the gap to it in % and
    the time.
    """
    from balancer.bench.curtois import (
        bench_params,
        find_instances,
        format_table,
        run_instance,
        write_roster,
    )

    params = bench_params(time_limit, workers)
    found = find_instances(paths)
    rows = []
    for path in found:
        instance, result, row = run_instance(path, params)
        rows.append(row)
        _progress(len(rows), len(found), row)
        if out_dir is not None and result.assignments:
            write_roster(instance, result, out_dir)
    click.echo(format_table(rows))


def _progress(done: int, total: int, row: BenchRow) -> None:
    """One line on stderr as each instance is solved (runs take minutes)."""
    from balancer.bench.common import progress_text

    click.echo(
        progress_text(
            done, total, row.instance, row.objective, row.gap, row.seconds
        ),
        err=True,
    )
