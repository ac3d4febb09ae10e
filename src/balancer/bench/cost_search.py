"""Lower the total fit cost of a plan by local search, within capacity.

The fit goal with hard capacities is the generalised assignment problem;
on big backlogs (thousands of cases, dozens of people) CP-SAT spends most
of a minute loading the model and improves a greedy plan little. Moves
and swaps that keep every capacity, with random kicks at local optima
(an iterated local search), close much of that gap in seconds. The
search works on plain arrays, like :mod:`.peak_search`.
"""

from __future__ import annotations

import time

import numpy as np
from numpy.typing import NDArray

__all__ = ["lower_cost"]

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

#: Rows of the swap matrix evaluated at once (bounds the memory use).
SWAP_BLOCK = 256

#: Changes smaller than this are rounding noise, never an improvement.
TOLERANCE = 1e-9


def lower_cost(
    cost: Floats,
    use: Floats,
    capacity: Floats,
    start: Ints,
    deadline: float,
    *,
    seed: int = 0,
) -> Ints:
    """A plan that keeps every capacity and costs no more than ``start``.

    Parameters
    ----------
    cost, use:
        ``[j, i]``: what case ``j`` costs, and how much of person ``i``'s
        capacity it takes, when ``i`` gets it; ``inf`` cost where ``i``
        may not take ``j``.
    capacity:
        What each person can take in all.
    start:
        A plan within every capacity: person index per case.
    deadline:
        A ``time.perf_counter()`` reading at which to stop.
    seed:
        Seed of the random kicks.
    """
    n, m = cost.shape
    if n == 0 or m < 2:
        return start.copy()
    allowed = np.isfinite(cost)
    c = np.where(allowed, cost, 0.0)
    rows = np.arange(n)
    plan = start.astype(np.int64)
    load = np.bincount(plan, weights=use[rows, plan], minlength=m)
    cap = np.maximum(capacity, load)  # never worse than the start
    rng = np.random.default_rng(seed)

    def total(p: Ints) -> float:
        return float(c[rows, p].sum())

    def move() -> bool:
        cur = c[rows, plan]
        delta = c - cur[:, None]
        bad = ~allowed | (load[None, :] + use > cap[None, :])
        bad[rows, plan] = True
        delta = np.where(bad, np.inf, delta)
        k = int(np.argmin(delta))
        j, i = divmod(k, m)
        if not delta[j, i] < -TOLERANCE:
            return False
        load[plan[j]] -= use[j, plan[j]]
        load[i] += use[j, i]
        plan[j] = i
        return True

    def swap() -> bool:
        cur = c[rows, plan]
        own_use = use[rows, plan]
        for lo in range(0, n, SWAP_BLOCK):
            js = rows[lo : lo + SWAP_BLOCK]
            a = plan[js]
            # Case j (on a) goes to b = plan[x], case x comes to a.
            to_b = c[js][:, plan]
            to_a = c[:, a].T
            delta = to_b + to_a - cur[js][:, None] - cur[None, :]
            new_a = (load[a] - own_use[js])[:, None] + use[:, a].T
            new_b = (load[plan] - own_use)[None, :] + use[js][:, plan]
            bad = (
                (a[:, None] == plan[None, :])
                | ~allowed[js][:, plan]
                | ~allowed[:, a].T
                | (new_a > cap[a][:, None])
                | (new_b > cap[plan][None, :])
            )
            delta = np.where(bad, np.inf, delta)
            k = int(np.argmin(delta))
            r, x = divmod(k, n)
            if delta[r, x] < -TOLERANCE:
                j = int(js[r])
                ja, xb = int(plan[j]), int(plan[x])
                load[ja] += use[x, ja] - use[j, ja]
                load[xb] += use[j, xb] - use[x, xb]
                plan[j], plan[x] = xb, ja
                return True
        return False

    def descend() -> None:
        while time.perf_counter() < deadline and (move() or swap()):
            pass

    descend()
    best, best_cost = plan.copy(), total(plan)
    while time.perf_counter() < deadline:
        saved = (plan.copy(), load.copy())
        for j in rng.choice(n, size=min(n, int(rng.integers(2, 9)))):
            room = allowed[j] & (load + use[j] <= cap)
            room[plan[j]] = False
            choices = np.flatnonzero(room)
            if len(choices):
                i = int(rng.choice(choices))
                load[plan[j]] -= use[j, plan[j]]
                load[i] += use[j, i]
                plan[j] = i
        descend()
        now = total(plan)
        if now < best_cost - TOLERANCE:
            best, best_cost = plan.copy(), now
        elif now > best_cost + TOLERANCE:
            plan[:], load[:] = saved
    return best
