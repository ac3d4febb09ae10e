"""A first plan that keeps every hard rule and already weighs the goals.

The search needs a plan the model accepts. The least-loaded baseline
works on the team's cases and ignores what the model left out (pairs
cut from a queue or outside the candidate window, minutes rounded up),
so CP-SAT could reject it. This greedy works on the model's own data:

1. every owned case that may move stays with its owner at first;
2. then, within the move budget, such a case moves to the candidate
   where it costs least when that saves more than it costs, by the
   model's own weights: the hours it stops being late with its owner
   and the owner's drop from the highest utilisation, against a move,
   the hours it makes late where it goes (the lateness term, recomputed
   exactly per person), the fit cost and a raise of the highest
   utilisation;
3. then the shelf. Under ``shelf_order = queue``, all queues in the
   planners' order together (priority, deadline, received): a case goes
   to the candidate with room where it costs least, and when none has
   room its queue stops there (nothing behind it starts). Under
   ``pack``, the cases costliest to leave on the shelf for their size
   come first, and a case is shelved only when no candidate has room.

Room only shrinks, so a case that had no room at its turn has none at
the end: ``queue_head`` and ``shelf_only_when_full`` hold. On the demo
backlog the pack order is about 45 % cheaper than least-loaded (19,661
against 36,224 points, issue 4).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from balancer.solvers.cases.late_hours import late_hours
from balancer.solvers.cases.queues import shelf_key

if TYPE_CHECKING:
    from balancer.solvers.cases.data import BacklogData, CaseClass

__all__ = ["greedy_hint"]


class _Queues:
    """Each person's planned work by target day, and its late hours.

    Late hours as the ``lateness`` term counts them: on each day one of
    the person's cases is due, the work queued up to that day (cases
    kept in progress or pinned first, then every case by its target day)
    beyond their casework minutes by then, rounded up to whole hours.
    """

    def __init__(self, data: BacklogData) -> None:
        self.last = len(data.late_days)
        self.by_day = {
            p: [data.minutes_by(p, d) for d in range(self.last)]
            for p in data.capacity
        }
        self.work = {p: list(data.work_of(p)) for p in data.capacity}
        self.due = {p: [0] * (self.last + 1) for p in data.capacity}
        for p in data.capacity:
            for d in data.due_of(p):
                self.due[p][d] += 1
        self.late = {p: self._count(p, 0, None, 0) for p in data.capacity}

    def _count(self, p: str, effort: int, k: CaseClass | None, n: int) -> int:
        work, due = self.work[p], self.due[p]
        if k is not None:
            work = list(work)
            work[min(k.target_day, self.last)] += n * effort
            if k.deadline_day is not None:
                due = list(due)
                due[k.deadline_day] += n
        return late_hours(0, work, due, self.by_day[p])

    def added_late(self, k: CaseClass, p: str, n: int = 1) -> int:
        """Late hours ``n`` more cases of ``k`` (-1: one less) add."""
        return self._count(p, k.efforts[p], k, n) - self.late[p]

    def add(self, k: CaseClass, p: str, n: int = 1) -> None:
        """Queue ``n`` more cases of ``k`` for ``p`` (-1: one less)."""
        self.work[p][min(k.target_day, self.last)] += n * k.efforts[p]
        if k.deadline_day is not None:
            self.due[p][k.deadline_day] += n
        self.late[p] = self._count(p, 0, None, 0)


def _shelf_cost(data: BacklogData, k: CaseClass) -> int:
    """Points the model charges for leaving a case of ``k`` on the shelf.

    Its shelf points, and its hours if it is due in the horizon.
    """
    weights = data.weights
    cost = weights.age * k.urgencies[0]
    if data.due_in_horizon(k):
        cost += weights.lateness * k.late_hours
    return cost


def _priority(data: BacklogData, k: CaseClass) -> float:
    """Shelf cost per square root of the smallest effort.

    Per minute alone would shelve the big costly cases (many hours late)
    and per case alone fills the room with big ones; measured on the
    demo (24 x 400) and on 10,000 x 200, the square root beats both.
    """
    smallest = min(k.efforts.values(), default=1)
    return _shelf_cost(data, k) / math.sqrt(max(1, smallest))


class _Greedy:
    """The plan being built, with room, load and late hours per person."""

    def __init__(self, data: BacklogData) -> None:
        self.data = data
        self.room = {p: data.free_minutes(p) for p in data.capacity}
        self.used = {p: data.kept_minutes(p) for p in data.capacity}
        self.hours = {
            p: max(1, data.casework_minutes(p)) for p in data.capacity
        }
        self.queues = _Queues(data)
        self.peak = 0
        self.group_owner: dict[str, str] = {}
        self.owners: dict[str, str | None] = {}
        self.moves = 0

    def utilisation(self, p: str, extra: int = 0) -> int:
        return -(-100 * (self.used[p] + extra) // self.hours[p])

    def allowed(self, group: str | None, p: str) -> bool:
        tied = self.group_owner.get(group) if group is not None else None
        return tied is None or tied == p

    def fits(self, k: CaseClass) -> list[str]:
        return [
            p
            for p, m in k.efforts.items()
            if p != k.owner and m <= self.room[p] and self.allowed(k.group, p)
        ]

    def give(self, cid: str, k: CaseClass, p: str) -> None:
        self.owners[cid] = p
        self.room[p] -= k.efforts[p]
        self.used[p] += k.efforts[p]
        self.queues.add(k, p)
        if p in self.data.balanced_staff:
            self.peak = max(self.peak, self.utilisation(p))
        if k.group is not None:
            self.group_owner[k.group] = p

    def take_back(self, k: CaseClass, p: str) -> None:
        self.room[p] += k.efforts[p]
        self.used[p] -= k.efforts[p]
        self.queues.add(k, p, -1)

    def cost(self, k: CaseClass, p: str) -> tuple[int, int, str]:
        """Points of giving one case of ``k`` to ``p``, then tie-breaks."""
        w = self.data.weights
        utilisation = self.utilisation(p, k.efforts[p])
        points = (
            w.lateness * self.queues.added_late(k, p)
            + w.moves * (k.owner is not None and p != k.owner)
            + w.fit * k.costs[p]
            + w.balance_max * max(0, utilisation - self.peak)
        )
        return points, utilisation, p

    def saving(self, k: CaseClass) -> int:
        """Points saved when one case of ``k`` leaves its owner."""
        w = self.data.weights
        owner = k.owner
        assert owner is not None
        saved = -w.lateness * self.queues.added_late(k, owner, -1)
        if self.data.casework_minutes(owner) == 0:
            saved += w.age * k.urgencies[0]  # nobody works it there
        if owner in self.data.balanced_staff:
            now = self.utilisation(owner)
            if now >= self.peak:
                after = self.utilisation(owner, -k.efforts[owner])
                saved += w.balance_max * (now - after)
        return saved


def greedy_hint(data: BacklogData) -> dict[str, str | None]:
    """Case id -> owner (None = shelf) for every open case of ``data``."""
    plan = _Greedy(data)
    owned = [k for k in data.classes if k.owner is not None]
    for k in owned:
        for cid in k.case_ids:
            plan.give(cid, k, k.owner)  # type: ignore[arg-type]
    plan.peak = max([0] + [plan.utilisation(p) for p in data.balanced_staff])
    # A case of a group moves only with its group: left to the search.
    alone = [k for k in owned if k.group not in data.linked_groups]
    for k in sorted(alone, key=lambda k: -plan.saving(k)):
        for cid in k.case_ids:
            if plan.moves >= data.max_moves:
                break
            fits = plan.fits(k)
            if not fits:
                break
            best = min(fits, key=lambda p: plan.cost(k, p))
            if plan.cost(k, best)[0] >= plan.saving(k):
                break
            plan.take_back(k, k.owner)  # type: ignore[arg-type]
            plan.give(cid, k, best)
            plan.moves += 1
    shelf = [k for k in data.classes if k.owner is None]
    if data.queue_mode:
        _queue_shelf(data, plan, shelf)
    else:
        for k in sorted(
            shelf, key=lambda k: (-_priority(data, k), k.target_day, k.index)
        ):
            for cid in k.case_ids:
                fits = plan.fits(k)
                if fits:
                    plan.give(cid, k, min(fits, key=lambda p: plan.cost(k, p)))
                else:
                    plan.owners[cid] = None
    return plan.owners


def _queue_shelf(
    data: BacklogData, plan: _Greedy, shelf: list[CaseClass]
) -> None:
    """Start shelf cases in queue order until each queue stops."""
    by_id = {c.id: c for c in data.team.cases}
    queue_of = {
        i: name for name, chain in data.queue_chains.items() for i in chain
    }
    stopped: set[str] = set()
    for k in sorted(shelf, key=lambda k: shelf_key(by_id[k.case_ids[0]])):
        name = queue_of.get(k.index)
        for cid in k.case_ids:
            fits = plan.fits(k) if name is not None else []
            if name in stopped or not fits:
                plan.owners[cid] = None
                if name is not None:
                    stopped.add(name)
                continue
            plan.give(cid, k, min(fits, key=lambda p: plan.cost(k, p)))
