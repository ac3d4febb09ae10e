"""Improve the first plan by local search before CP-SAT starts.

On the demo backlog CP-SAT's own search improves a plan slowly (a few
hundred points in 5 s), while simple exchanges, scored by the model's
own weights, gain 1,242 (6 %) in 0.3 s; on 10,000 x 200 they gain 10 %
in about 3 s, where CP-SAT gains under 1 % in a minute. The
search repeats three moves, each taken only when it lowers the
objective and keeps every hard rule, until none helps or the time is up:

1. *swap in*: a shelved case takes the place of an assigned one, which
   goes to another candidate with room, or else to the shelf (it must
   then fit nobody; and nothing else on the shelf may fit where room
   was freed);
2. *reassign*: an assigned case goes to another candidate with room;
3. *exchange*: two people swap one case each.

The score of a move is the change of the objective as the model counts
it: highest and lowest utilisation (in whole %), late hours per person
(recomputed for the people the move touches), shelf points, moves and
fit cost; it matches the model's objective exactly on plans that keep
the rules (shelf points are counted per case; the model counts the
least urgent of a class first, never more). Cases of a group, kept
cases and benchmark modes (absolute balance, no shelf) are left alone,
and a move budget is respected. A heuristic: it proves nothing.
"""

from __future__ import annotations

import time
from bisect import bisect_left, insort
from typing import TYPE_CHECKING

from balancer.solvers.cases.late_hours import late_hours

if TYPE_CHECKING:
    from collections.abc import Mapping

    from balancer.solvers.cases.data import BacklogData, CaseClass

__all__ = ["polish"]


class _Plan:
    """A plan with the running figures each move is scored against."""

    def __init__(
        self, data: BacklogData, owners: Mapping[str, str | None]
    ) -> None:
        self.data = data
        self.weights = data.weights
        self.horizon = len(data.late_days)
        staff = list(data.capacity)
        self.hours = {p: max(1, data.casework_minutes(p)) for p in staff}
        self.balanced = list(data.balanced_staff)
        self.is_balanced = set(self.balanced)
        self._top: list[tuple[int, str]] = []
        self._low: list[tuple[int, str]] = []
        #: Per person, the shelved cases they may take, smallest first.
        self._shelf_at: dict[str, list[tuple[int, str]]] = {
            p: [] for p in staff
        }
        self.by_day = {
            p: [data.minutes_by(p, d) for d in range(self.horizon)]
            for p in staff
        }
        self.room = {p: data.free_minutes(p) for p in staff}
        self.used = {p: data.kept_minutes(p) for p in staff}
        self.work = {p: list(data.work_of(p)) for p in staff}
        self.due = {p: [0] * (self.horizon + 1) for p in staff}
        for q in staff:
            for d in data.due_of(q):
                self.due[q][d] += 1
        self.owners: dict[str, str | None] = dict(owners)
        self.info: dict[str, tuple[CaseClass, int]] = {}
        self.held: dict[str, list[str]] = {p: [] for p in staff}
        self.shelved: list[str] = []
        self.moves = 0
        for k in data.classes:
            for cid, urgency in zip(k.case_ids, k.urgencies, strict=True):
                self.info[cid] = (k, urgency)
                p = self.owners.get(cid)
                self.moves += _moved(k, p)
                if p is None:
                    self.shelved.append(cid)
                    for q, effort in k.efforts.items():
                        self._shelf_at[q].append((effort, cid))
                else:
                    self._add(cid, p)
        for entries in self._shelf_at.values():
            entries.sort()
        self.late = {p: self.late_of(p) for p in staff}
        self._extremes()
        self.balance = self.balance_with({})

    # -- bookkeeping ------------------------------------------------------

    def _add(self, cid: str, p: str) -> None:
        k = self.info[cid][0]
        effort = k.efforts[p]
        self.room[p] -= effort
        self.used[p] += effort
        self.work[p][min(k.target_day, self.horizon)] += effort
        if k.deadline_day is not None:
            self.due[p][k.deadline_day] += 1
        self.held[p].append(cid)

    def _remove(self, cid: str, p: str) -> None:
        k = self.info[cid][0]
        effort = k.efforts[p]
        self.room[p] += effort
        self.used[p] -= effort
        self.work[p][min(k.target_day, self.horizon)] -= effort
        if k.deadline_day is not None:
            self.due[p][k.deadline_day] -= 1
        self.held[p].remove(cid)

    def move(self, cid: str, to: str | None) -> None:
        """Give ``cid`` to ``to`` (None: the shelf), updating figures."""
        k = self.info[cid][0]
        was = self.owners.get(cid)
        if was is None:
            self.shelved.remove(cid)
        else:
            self._remove(cid, was)
        if to is None:
            self.shelved.append(cid)
        else:
            self._add(cid, to)
        self.owners[cid] = to
        self.moves += _moved(k, to) - _moved(k, was)
        for p in {was, to} - {None}:
            assert p is not None
            self.late[p] = self.late_of(p)
        for q, effort in k.efforts.items():
            entries = self._shelf_at[q]
            if was is None:  # leaves the shelf
                del entries[bisect_left(entries, (effort, cid))]
            if to is None:
                insort(entries, (effort, cid))
        self._extremes()
        self.balance = self.balance_with({})

    # -- scores -----------------------------------------------------------

    def late_of(self, p: str, change: tuple[tuple[str, int], ...] = ()) -> int:
        """Late hours of ``p`` (as the lateness term), after ``change``.

        ``change`` holds (case id, +1 to add / -1 to take away).
        """
        work, due = list(self.work[p]), list(self.due[p])
        for cid, sign in change:
            k = self.info[cid][0]
            work[min(k.target_day, self.horizon)] += sign * k.efforts[p]
            if k.deadline_day is not None:
                due[k.deadline_day] += sign
        return late_hours(0, work, due, self.by_day[p])

    def _extremes(self) -> None:
        """The three highest and lowest utilisations, for quick scores."""
        top = sorted(
            (
                (-(-100 * self.used[p] // self.hours[p]), p)
                for p in self.balanced
            ),
            reverse=True,
        )
        low = sorted(
            (100 * self.used[p] // self.hours[p], p) for p in self.balanced
        )
        self._top, self._low = top[:3], low[:3]

    def balance_with(self, extra: Mapping[str, int]) -> int:
        """Weighted highest utilisation plus spread, after ``extra``.

        Only the people in ``extra`` change, so the others' extremes
        come from the three highest and lowest kept by :meth:`_extremes`.
        """
        top = max(
            [u for u, p in self._top if p not in extra][:1]
            + [
                -(-100 * (self.used[p] + e) // self.hours[p])
                for p, e in extra.items()
                if p in self.is_balanced
            ],
            default=0,
        )
        lows = [u for u, p in self._low if p not in extra][:1] + [
            100 * (self.used[p] + e) // self.hours[p]
            for p, e in extra.items()
            if p in self.is_balanced
        ]
        bottom = min(lows, default=0)
        w = self.weights
        return w.balance_max * top + w.balance_spread * (top - bottom)

    def shelf_cost(self, cid: str) -> int:
        """Shelf points and late hours of ``cid`` while on the shelf."""
        k, urgency = self.info[cid]
        cost = self.weights.age * urgency
        if self.data.due_in_horizon(k):
            cost += self.weights.lateness * k.late_hours
        return cost

    def stuck(self, cid: str, p: str | None) -> int:
        """Shelf points of ``cid`` if ``p`` is its owner with no casework
        hours in the horizon (nobody works it there either)."""
        k, urgency = self.info[cid]
        if p is None or p != k.owner or self.data.casework_minutes(p) > 0:
            return 0
        return self.weights.age * urgency

    def smallest_shelved(self, p: str, but: str | None = None) -> int | None:
        """The smallest effort at ``p`` of a shelved case (not ``but``)."""
        for effort, c in self._shelf_at[p][:2]:
            if c != but:
                return effort
        return None

    def within_budget(self, extra_moves: int) -> bool:
        """True when the move budget allows ``extra_moves``."""
        return self.moves + extra_moves <= self.data.max_moves


def _moved(k: CaseClass, p: str | None) -> int:
    """1 when a case of ``k`` with ``p`` counts as a move."""
    return int(k.owner is not None and p != k.owner)


def _free(k: CaseClass) -> bool:
    """Cases the search may touch: not part of a group."""
    return k.group is None


def polish(
    data: BacklogData, owners: Mapping[str, str | None], seconds: float
) -> dict[str, str | None]:
    """A plan at least as good as ``owners``, within about ``seconds``."""
    result = dict(owners)
    options = data.options
    if not options.relative_balance or not options.allow_shelf or seconds <= 0:
        return result
    deadline = time.perf_counter() + seconds
    plan = _Plan(data, result)
    improved = True
    while improved and time.perf_counter() < deadline:
        # Under the queue rule, who waits is the queue's business: only
        # who works on what may change here.
        improved = not data.queue_mode and _swap_in(plan, deadline)
        improved = _reassign(plan, deadline) or improved
        improved = _exchange(plan, deadline) or improved
    return plan.owners


def _swap_in(plan: _Plan, deadline: float) -> bool:
    """Shelved cases take the place of cheaper assigned ones.

    The case making room goes to the shelf when it fits nobody else, or
    else to another candidate with room for it.
    """
    improved = False
    for b in sorted(plan.shelved, key=lambda c: -plan.shelf_cost(c)):
        if time.perf_counter() > deadline:
            break
        kb = plan.info[b][0]
        if not _free(kb):
            continue
        best: tuple[int, str, str, str | None] | None = None
        for p, eb in kb.efforts.items():
            smallest = plan.smallest_shelved(p, but=b)
            for a in plan.held[p]:
                ka = plan.info[a][0]
                if not _free(ka):
                    continue
                ea = ka.efforts[p]
                room = plan.room[p] + ea - eb
                # Nothing else shelved may fit in the room left at p.
                if room < 0 or (smallest is not None and smallest <= room):
                    continue
                for to in _destinations(plan, ka, p, room):
                    change = _swap_change(plan, b, p, a, to, eb - ea)
                    if (
                        change is not None
                        and change < 0
                        and (best is None or change < best[0])
                    ):
                        best = (change, a, p, to)
        if best is not None:
            _, a, p, to = best
            plan.move(a, to)
            plan.move(b, p)
            improved = True
    return improved


def _destinations(
    plan: _Plan, ka: CaseClass, p: str, room: int
) -> list[str | None]:
    """Where a case leaving ``p`` may go: others with room, else the
    shelf (only when it fits nobody, ``p`` with ``room`` left included).
    """
    others = [q for q, e in ka.efforts.items() if q != p and e <= plan.room[q]]
    if others:
        return list(others)
    return [None] if ka.efforts[p] > room and ka.may_shelve else []


def _swap_change(
    plan: _Plan, b: str, p: str, a: str, to: str | None, load: int
) -> int | None:
    """Objective change when ``b`` leaves the shelf for ``p`` and ``a``
    leaves ``p`` for ``to``; None when the move budget forbids it."""
    w = plan.weights
    kb, ka = plan.info[b][0], plan.info[a][0]
    moves = _moved(kb, p) - _moved(kb, None) + _moved(ka, to) - _moved(ka, p)
    if not plan.within_budget(moves):
        return None
    fit = kb.costs[p] - ka.costs[p]
    late = plan.late_of(p, ((a, -1), (b, 1))) - plan.late[p]
    stuck = plan.stuck(b, p) + plan.stuck(a, to) - plan.stuck(a, p)
    extra = {p: load}
    if to is None:
        shelf = plan.shelf_cost(a) - plan.shelf_cost(b)
    else:
        shelf = -plan.shelf_cost(b)
        fit += ka.costs[to]
        late += plan.late_of(to, ((a, 1),)) - plan.late[to]
        extra[to] = ka.efforts[to]
    return (
        shelf
        + stuck
        + w.moves * moves
        + w.fit * fit
        + w.lateness * late
        + plan.balance_with(extra)
        - plan.balance
    )


def _reassign(plan: _Plan, deadline: float) -> bool:
    """Assigned cases go to a candidate where they cost less."""
    w = plan.weights
    improved = False
    for p in list(plan.held):
        if time.perf_counter() > deadline:
            break
        smallest = plan.smallest_shelved(p)
        for a in list(plan.held[p]):
            ka = plan.info[a][0]
            ea = ka.efforts[p]
            # Room freed at p must not fit anything on the shelf.
            if not _free(ka) or (
                smallest is not None and smallest <= plan.room[p] + ea
            ):
                continue
            best: tuple[int, str] | None = None
            for q, eq in ka.efforts.items():
                if q == p or eq > plan.room[q]:
                    continue
                moves = _moved(ka, q) - _moved(ka, p)
                if not plan.within_budget(moves):
                    continue
                late = (
                    plan.late_of(p, ((a, -1),))
                    - plan.late[p]
                    + plan.late_of(q, ((a, 1),))
                    - plan.late[q]
                )
                change = (
                    w.moves * moves
                    + plan.stuck(a, q)
                    - plan.stuck(a, p)
                    + w.fit * (ka.costs[q] - ka.costs[p])
                    + w.lateness * late
                    + plan.balance_with({p: -ea, q: eq})
                    - plan.balance
                )
                if change < 0 and (best is None or change < best[0]):
                    best = (change, q)
            if best is not None:
                plan.move(a, best[1])
                improved = True
    return improved


def _exchange(plan: _Plan, deadline: float) -> bool:
    """Two people swap one case each where both are better for it."""
    w = plan.weights
    improved = False
    # Exchanges leave the shelf as it is: its smallest efforts hold.
    smallest = {p: plan.smallest_shelved(p) for p in plan.held}
    for p in list(plan.held):
        if time.perf_counter() > deadline:
            break
        for a in list(plan.held[p]):
            if plan.owners.get(a) != p:
                continue  # moved by an earlier exchange of this pass
            ka = plan.info[a][0]
            if not _free(ka):
                continue
            best: tuple[int, str, str] | None = None
            for q in ka.efforts:
                if q == p:
                    continue
                for c in plan.held[q]:
                    kc = plan.info[c][0]
                    if not _free(kc) or p not in kc.efforts:
                        continue
                    room_p = plan.room[p] + ka.efforts[p] - kc.efforts[p]
                    room_q = plan.room[q] + kc.efforts[q] - ka.efforts[q]
                    if room_p < 0 or room_q < 0:
                        continue
                    if any(
                        (s := smallest[r]) is not None and s <= room
                        for r, room in ((p, room_p), (q, room_q))
                    ):
                        continue
                    moves = (
                        _moved(ka, q)
                        - _moved(ka, p)
                        + _moved(kc, p)
                        - _moved(kc, q)
                    )
                    if not plan.within_budget(moves):
                        continue
                    late = (
                        plan.late_of(p, ((a, -1), (c, 1)))
                        - plan.late[p]
                        + plan.late_of(q, ((c, -1), (a, 1)))
                        - plan.late[q]
                    )
                    change = (
                        w.moves * moves
                        + plan.stuck(a, q)
                        - plan.stuck(a, p)
                        + plan.stuck(c, p)
                        - plan.stuck(c, q)
                        + w.fit
                        * (
                            ka.costs[q]
                            - ka.costs[p]
                            + kc.costs[p]
                            - kc.costs[q]
                        )
                        + w.lateness * late
                        + plan.balance_with(
                            {
                                p: kc.efforts[p] - ka.efforts[p],
                                q: ka.efforts[q] - kc.efforts[q],
                            }
                        )
                        - plan.balance
                    )
                    if change < 0 and (best is None or change < best[0]):
                        best = (change, q, c)
            if best is not None:
                _, q, c = best
                plan.move(a, q)
                plan.move(c, p)
                improved = True
    return improved
