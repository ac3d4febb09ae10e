"""Time the search for each person's first roster line; print a line.

Run from the repository root::

    PYTHONPATH=src python benchmarks/first_lines.py 24 [--people 12]
        [--data ../shared/benchmarks/curtois]

For the first ``--people`` people of a Curtois instance, the line-by-line
start (:mod:`balancer.solvers.rota.lines`) searches a first line that
keeps the person's own rules, with no time for pricing it. Prints the
total and the worst seconds, and how many people got no line.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from balancer.inputs.curtois import read_curtois
from balancer.solvers.rota.lines import LinePlanner
from bench_curtois import DEFAULT_DATA


def main() -> None:
    """Search each person's first line in turn, as the start does."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instance", type=int)
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    instance = read_curtois(args.data / f"Instance{args.instance}.txt")
    team, period = instance.team, instance.period
    planner = LinePlanner(team, period)
    total = worst = 0.0
    missing = 0
    for person in team.staff[: args.people]:
        started = time.perf_counter()
        found = planner.plan(person.id, 0.0)
        seconds = time.perf_counter() - started
        total += seconds
        worst = max(worst, seconds)
        missing += not found
    print(
        f"Instance{args.instance}, first {args.people} people: "
        f"total {total:.1f} s, worst {worst:.1f} s, no line {missing}"
    )


if __name__ == "__main__":
    main()
