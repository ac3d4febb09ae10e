"""A candidate window for very large backlogs (a heuristic, documented).

On 10,000 open cases x 200 caseworkers every skilled pair is a variable:
about 600,000, more than CP-SAT can even load and presolve in a minute
on two cores. Most of those cases stay on the shelf anyway (the backlog
is several horizons deep). Above :data:`WINDOW_PAIRS` candidate pairs
the model therefore sees only a *window*:

* cases are taken in queue order (most urgent first) until their effort
  reaches :data:`DEPTH` times the team's free hours; later cases get no
  variable and stay on the shelf (their shelf points and deadline hours
  still count in the objective, as constants);
* each admitted case keeps its current owner (when still eligible) and
  the :data:`WIDTH` eligible people with the most window budget left
  (budget: ``DEPTH x WIDTH`` x their free hours, each pair charged its
  effort).

This is a restriction, not a proof: the bound CP-SAT reports is the
bound of the windowed model, and ``shelf_only_when_full`` holds for
admitted cases only. Smaller backlogs are never windowed.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["DEPTH", "WIDTH", "WINDOW_PAIRS", "window"]

#: Candidate pairs above which the window applies.
WINDOW_PAIRS = 150_000
#: Admitted work as a multiple of the team's free minutes.
DEPTH = 3
#: Candidates kept per admitted case (besides its current owner).
WIDTH = 6


def window(
    offers: Sequence[tuple[str | None, dict[str, int]]],
    free: Mapping[str, int],
) -> list[set[str]]:
    """Who stays a candidate for each case, in queue order.

    ``offers`` are (current owner, efforts by candidate) per open case,
    most urgent first; returns the kept candidates per case (empty =
    stays on the shelf without a variable).
    """
    # Each admitted case has about WIDTH candidates, so a person's pairs
    # add up to about DEPTH x WIDTH times their free minutes.
    budget = {p: DEPTH * WIDTH * max(0, m) for p, m in free.items()}
    total = DEPTH * sum(max(0, m) for m in free.values())
    admitted = 0
    kept: list[set[str]] = []
    for owner, efforts in offers:
        if not efforts or admitted >= total:
            kept.append(set())
            continue
        open_ = [p for p in efforts if budget[p] > 0]
        chosen = set(
            heapq.nlargest(WIDTH, open_, key=lambda p: (budget[p], p))
        )
        if owner in efforts:
            chosen.add(owner)
        if not chosen:
            kept.append(set())
            continue
        for p in chosen:
            budget[p] -= efforts[p]
        admitted += min(efforts[p] for p in chosen)
        kept.append(chosen)
    return kept
