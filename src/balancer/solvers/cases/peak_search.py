"""Lower the busiest person's load by local search (the balance goal).

A min-max plan is hard for CP-SAT to *find* on big instances (its LP and
search need many seconds before the first good plan), yet simple moves
find one fast. This search works on plain arrays, so both the backlog
(per-person effort, kept load, capacity) and the R||Cmax benchmark use
it:

* target ``T`` = best peak found so far minus one step; the search
  minimises the *overload* ``sum_i max(0, load_i - T)``, with the total
  effort as a tie-break (a plan that does the same work faster leaves
  room for the busy ones);
* a step is the best single move (one case to another person) over all
  cases and people, else the best swap between a case on an overloaded
  person and any other case, both evaluated at once with numpy;
* at a local optimum a few cases are taken out and put back greedily
  (where they finish earliest), then the descent resumes; the result is
  kept when its overload is no worse (an iterated greedy).

Whenever the overload reaches 0 the plan is the new best and ``T`` drops.
Capacities are hard: no step puts anyone over theirs.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from collections.abc import Mapping

    from balancer.solvers.cases.data import BacklogData

__all__ = ["balance_hint", "lower_peak"]

#: Most cases one perturbation takes out (besides some of the busiest).
KICK_MAX = 16

#: Changes smaller than this are rounding noise (relative balance works
#: in fractions of a percent), never an improvement.
TOLERANCE = 1e-9

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


def lower_peak(
    effort: Floats,
    start: Ints,
    deadline: float,
    *,
    base: Floats | None = None,
    capacity: Floats | None = None,
    step: float = 1.0,
    floor: float = -np.inf,
    seed: int = 0,
) -> Ints:
    """A plan with a peak load no higher than ``start``'s.

    Parameters
    ----------
    effort:
        ``effort[j, i]``: what case ``j`` costs person ``i``; ``inf`` where
        ``i`` may not take ``j``.
    start:
        A plan that keeps every capacity: person index per case.
    deadline:
        A ``time.perf_counter()`` reading at which to stop.
    base:
        Load each person already has (kept cases); default 0.
    capacity:
        Most load each person may have (including ``base``); default none.
    step:
        The smallest improvement of the peak that counts (1 for whole
        minutes).
    floor:
        A lower bound on the peak: the search stops when it reaches it.
    seed:
        Seed of the random perturbations (the search is deterministic for
        a seed, up to the deadline).

    Returns
    -------
    numpy.ndarray
        Person index per case; the best plan found.
    """
    n, m = effort.shape
    if n == 0 or m < 2:
        return start.copy()
    base = np.zeros(m) if base is None else base.astype(np.float64)
    cap = np.full(m, np.inf) if capacity is None else capacity
    search = _Search(effort, base, cap, start.astype(np.int64), seed)
    # Whoever starts above their capacity may stay there, not go higher.
    cap = search.cap = np.maximum(cap, search.load)
    best = search.plan.copy()
    best_peak = float(search.load.max())
    target = best_peak - step
    anchor: tuple[Ints, Floats] | None = None
    anchor_over = np.inf
    while best_peak > floor + TOLERANCE and time.perf_counter() < deadline:
        search.descend(target, deadline)
        peak = float(search.load.max())
        if peak <= target + TOLERANCE and bool(np.all(search.load <= cap)):
            best, best_peak = search.plan.copy(), peak
            target = best_peak - step
            anchor, anchor_over = None, np.inf
            continue
        over = search.overload(target)
        if over <= anchor_over:
            anchor = (search.plan.copy(), search.load.copy())
            anchor_over = over
        elif anchor is not None:
            search.plan, search.load = anchor[0].copy(), anchor[1].copy()
        search.kick(target)
    return best


class _Search:
    """The plan, each person's load, and the steps that change them."""

    def __init__(
        self,
        effort: Floats,
        base: Floats,
        cap: Floats,
        plan: Ints,
        seed: int,
    ) -> None:
        self.cap = cap
        self.base = base
        self.plan = plan
        self.rows = np.arange(effort.shape[0])
        self.allowed = np.isfinite(effort)
        # Forbidden pairs are masked by ``allowed``; cost 0 there keeps
        # the vectorised sums finite.
        self.cost = np.where(self.allowed, effort, 0.0)
        self.load = base + np.bincount(
            plan, weights=self.cost[self.rows, plan], minlength=len(base)
        )
        self.rng = np.random.default_rng(seed)

    def overload(self, target: float) -> float:
        return float(np.maximum(self.load - target, 0.0).sum())

    def descend(self, target: float, deadline: float) -> None:
        """Take improving moves and swaps until none is left."""
        while time.perf_counter() < deadline:
            if not (self._move(target) or self._swap(target)):
                return

    def _move(self, target: float) -> bool:
        """The best single move of one case to another person."""
        cost, load, plan, rows = self.cost, self.load, self.plan, self.rows
        cur = cost[rows, plan]
        src_old = np.maximum(load[plan] - target, 0.0)
        src_new = np.maximum(load[plan] - cur - target, 0.0)
        after = load[None, :] + cost
        d_over = (
            (src_new - src_old)[:, None]
            + np.maximum(after - target, 0.0)
            - np.maximum(load - target, 0.0)[None, :]
        )
        d_total = cost - cur[:, None]
        bad = ~self.allowed | (after > self.cap[None, :])
        bad[rows, plan] = True
        best = _best(d_over, d_total, bad)
        if best is None:
            return False
        self._do_move(*best)
        return True

    def _do_move(self, j: int, i: int) -> None:
        src = self.plan[j]
        self.load[src] -= self.cost[j, src]
        self.load[i] += self.cost[j, i]
        self.plan[j] = i

    def _swap(self, target: float) -> bool:
        """The best exchange of a case on an overloaded person with any
        case of someone else."""
        cost, load, plan, rows = self.cost, self.load, self.plan, self.rows
        for a in np.flatnonzero(load > target):
            jobs = np.flatnonzero(plan == a)
            if len(jobs) == 0:
                continue
            out_a = cost[jobs, a][:, None]
            in_a = cost[:, a][None, :]
            new_a = load[a] - out_a + in_a
            own_b = cost[rows, plan][None, :]
            in_b = cost[jobs][:, plan]
            new_b = load[plan][None, :] - own_b + in_b
            d_over = (
                np.maximum(new_a - target, 0.0)
                - max(load[a] - target, 0.0)
                + np.maximum(new_b - target, 0.0)
                - np.maximum(load[plan] - target, 0.0)[None, :]
            )
            d_total = in_a - out_a + in_b - own_b
            bad = (
                (plan == a)[None, :]
                | ~self.allowed[:, a][None, :]
                | ~self.allowed[jobs][:, plan]
                | (new_a > self.cap[a])
                | (new_b > self.cap[plan][None, :])
            )
            best = _best(d_over, d_total, bad)
            if best is not None:
                j, x = int(jobs[best[0]]), best[1]
                b = int(plan[x])
                self._do_move(j, b)
                self._do_move(x, int(a))
                return True
        return False

    def kick(self, target: float) -> None:
        """Take a few cases out and put each back where it ends earliest."""
        n = len(self.plan)
        busy = np.flatnonzero(self.load[self.plan] > target)
        # Small and large kicks alternate at random: small ones refine
        # (machine-correlated times), large ones escape wide plateaus.
        size = int(self.rng.integers(2, max(3, min(KICK_MAX, n // 4) + 1)))
        picks = self.rng.choice(n, size=size, replace=False)
        if len(busy):
            extra = self.rng.choice(busy, size=min(size, len(busy)))
            picks = np.unique(np.concatenate([picks, extra]))
        src_of: dict[int, int] = {}
        for j in picks:
            src = self.plan[j]
            src_of[int(j)] = int(src)
            self.load[src] -= self.cost[j, src]
        for j in self.rng.permutation(picks):
            after = self.load + self.cost[j]
            bad = ~self.allowed[j] | (after > self.cap)
            after = np.where(bad, np.inf, after)
            # Nowhere fits: back where it was (over capacity only if the
            # others put back took its room; the best plan checks that).
            i = (
                int(np.argmin(after))
                if np.isfinite(after.min())
                else src_of[j]
            )
            self.plan[j] = i
            self.load[i] += self.cost[j, i]


def _best(
    d_over: Floats, d_total: Floats, bad: NDArray[np.bool_]
) -> tuple[int, int] | None:
    """The step with the least overload change, then the least total
    change; None when no allowed step improves on both counts."""
    d_over = np.where(bad, np.inf, d_over)
    least = d_over.min()
    if not np.isfinite(least) or least > TOLERANCE:
        return None
    score = np.where(d_over <= least + TOLERANCE, d_total, np.inf)
    r, c = np.unravel_index(int(np.argmin(score)), score.shape)
    if least >= -TOLERANCE and score[r, c] >= -TOLERANCE:
        return None
    return int(r), int(c)


def balance_hint(
    data: BacklogData,
    hint: Mapping[str, str | None],
    deadline: float,
    seed: int = 0,
) -> dict[str, str | None]:
    """The first plan with its busiest person's load lowered.

    Used when balance is the team's only goal (every other backlog weight
    is 0) and the plan places every case: other goals (lateness, moves,
    fit) would pull elsewhere, and moving cases could make room for a
    shelved one that must then be placed. Cases of a linked group, and
    cases outside the model, stay where the plan has them. Absolute
    balance lowers the largest load in minutes; relative balance the
    largest utilisation in % of each person's casework hours.
    """
    owners = dict(hint)
    w = data.weights
    if (
        w.balance_max <= 0
        or w.lateness
        or w.age
        or w.moves
        or w.fit
        or any(k.owner is not None for k in data.classes)
        or any(owner is None for owner in hint.values())
    ):
        return owners
    staff = list(data.capacity)
    col = {p: i for i, p in enumerate(staff)}
    relative = data.options.relative_balance
    hours = np.array(
        [max(1, data.casework_minutes(p)) for p in staff], dtype=np.float64
    )
    scale = 100.0 / hours if relative else np.ones(len(staff))
    counted = (
        set(data.balanced_staff)
        if relative
        else {s.id for s in data.team.staff if s.casework}
    )
    # Whoever the balance goal does not count takes nothing new here.
    base = np.array(
        [data.kept_minutes(p) if p in counted else 0 for p in staff],
        dtype=np.float64,
    )
    cap = base + np.array(
        [data.free_minutes(p) if p in counted else 0 for p in staff]
    )
    rows: list[str] = []
    effort: list[Floats] = []
    start: list[int] = []
    for k in data.classes:
        row = np.full(len(staff), np.inf)
        for p, minutes in k.efforts.items():
            if p in counted:
                row[col[p]] = minutes
        for cid in k.case_ids:
            owner = owners.get(cid)
            if owner is None or owner not in k.efforts:
                continue
            if k.group is not None or owner not in counted:
                base[col[owner]] += k.efforts[owner]
                continue
            rows.append(cid)
            effort.append(row)
            start.append(col[owner])
    if not rows:
        return owners
    plan = lower_peak(
        np.array(effort) * scale[None, :],
        np.array(start, dtype=np.int64),
        deadline,
        base=base * scale,
        capacity=cap * scale,
        step=1.0,
        seed=seed,
    )
    for cid, i in zip(rows, plan, strict=True):
        owners[cid] = staff[int(i)]
    return owners
