"""Time the demo team generator at several sizes and print a table.

Run from the repository root::

    PYTHONPATH=src python benchmarks/demo_generation.py

Each size is generated a few times; the table shows the fastest run (the
others mostly measure the machine's other load).
"""

from __future__ import annotations

import time

from balancer.domain import Month
from balancer.inputs.demo import make_demo_team

SIZES: tuple[tuple[int, int], ...] = (
    (24, 400),
    (60, 2_000),
    (150, 10_000),
    (200, 10_000),
    (200, 20_000),
)
REPEATS = 3


def main() -> None:
    """Print staff, cases, absences and the best generation time."""
    month = Month(year=2027, month=4)
    make_demo_team(month, staff=24, cases=1)  # warm up imports, holidays
    print(f"{'staff':>6} {'cases':>7} {'absences':>9} {'seconds':>8}")
    for staff, cases in SIZES:
        best = float("inf")
        for _ in range(REPEATS):
            started = time.perf_counter()
            team = make_demo_team(month, staff=staff, cases=cases)
            best = min(best, time.perf_counter() - started)
        print(f"{staff:>6} {cases:>7} {len(team.absences):>9} {best:>8.3f}")


if __name__ == "__main__":
    main()
