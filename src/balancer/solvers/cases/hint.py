"""A first plan that always fits the model, and already weighs the goals.

The warm start needs a plan the model accepts. The least-loaded baseline
works on the team's cases and ignores what the model left out (pairs
outside the candidate window of :mod:`.window`, minutes rounded up), so
on big backlogs CP-SAT could reject it. This greedy works on the model's
own data and takes first the cases most costly to leave on the shelf
(by the model's weights: shelf points, hours late if due in the
horizon, a move if someone holds it) for their size; then queue order:

1. owners keep their cases while they have room and keeping one makes
   nothing of theirs late;
2. every other case goes to the candidate with room where it costs least
   by the model's own weights: the hours it makes late (the lateness
   term, recomputed exactly for that person), a move, the fit cost, and
   a raise of the highest utilisation; ties go to the lowest
   utilisation.

A case is shelved only when no candidate has room at its turn, and room
only shrinks, so ``shelf_only_when_full`` holds too. On the demo backlog
this start is about 45 % cheaper than least-loaded (19,661 against
36,224 points), mostly in lateness, which CP-SAT otherwise spends its
first seconds repairing; on 10,000 x 200 about 20 % (1.39 against 1.73
million).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from balancer.solvers.cases.late_hours import late_hours

if TYPE_CHECKING:
    from balancer.solvers.cases.data import BacklogData, CaseClass

__all__ = ["greedy_hint"]


class _Queues:
    """Each person's planned work by target day, and its late hours.

    Late hours as the ``lateness`` term counts them: on each day one of
    the person's cases is due, the work queued up to that day (kept
    cases, then cases whose target day is on or before it) beyond their
    casework minutes by then, rounded up to whole hours.
    """

    def __init__(self, data: BacklogData) -> None:
        self.horizon = data.horizon
        self.kept = {p: data.kept_minutes(p) for p in data.capacity}
        self.by_day = {
            p: [data.minutes_by(p, d) for d in range(self.horizon)]
            for p in data.capacity
        }
        self.work = {p: [0] * (self.horizon + 1) for p in data.capacity}
        self.due = {p: [0] * (self.horizon + 1) for p in data.capacity}
        self.late = dict.fromkeys(data.capacity, 0)

    def added_late(self, k: CaseClass, p: str) -> int:
        """Late hours one more case of ``k`` would add for ``p``."""
        work, due = list(self.work[p]), list(self.due[p])
        work[min(k.target_day, self.horizon)] += k.efforts[p]
        if k.deadline_day is not None:
            due[k.deadline_day] += 1
        late = late_hours(self.kept[p], work, due, self.by_day[p])
        return late - self.late[p]

    def add(self, k: CaseClass, p: str) -> None:
        """Queue one case of ``k`` for ``p``."""
        self.work[p][min(k.target_day, self.horizon)] += k.efforts[p]
        if k.deadline_day is not None:
            self.due[p][k.deadline_day] += 1
        self.late[p] = late_hours(
            self.kept[p], self.work[p], self.due[p], self.by_day[p]
        )


def _shelf_cost(data: BacklogData, k: CaseClass) -> int:
    """Points the model charges for leaving a case of ``k`` on the shelf.

    Its shelf points, its hours if it is due in the horizon (lateness),
    and a move if someone holds it now.
    """
    weights = data.weights
    cost = weights.age * k.urgencies[0]
    if k.deadline_day is not None:
        cost += weights.lateness * k.late_hours
    if k.owner is not None:
        cost += weights.moves
    return cost


def _priority(data: BacklogData, k: CaseClass) -> float:
    """Shelf cost per square root of the smallest effort.

    Per minute alone would shelve the big costly cases (many hours late)
    and per case alone fills the room with big ones; measured on the
    demo (24 x 400) and on 10,000 x 200, the square root beats both.
    """
    smallest = min(k.efforts.values(), default=1)
    return _shelf_cost(data, k) / math.sqrt(max(1, smallest))


def greedy_hint(data: BacklogData) -> dict[str, str | None]:
    """Case id -> owner (None = shelf) for every open case of ``data``."""
    weights = data.weights
    room = {p: data.free_minutes(p) for p in data.capacity}
    used = {p: data.kept_minutes(p) for p in data.capacity}
    hours = {p: max(1, data.casework_minutes(p)) for p in data.capacity}
    queues = _Queues(data)
    peak = max(
        [0] + [-(-100 * used[p] // hours[p]) for p in data.balanced_staff]
    )
    group_owner: dict[str, str] = {}
    owners: dict[str, str | None] = {}
    order = sorted(
        data.classes,
        key=lambda k: (-_priority(data, k), k.target_day, k.index),
    )

    def allowed(group: str | None, p: str) -> bool:
        tied = group_owner.get(group) if group is not None else None
        return tied is None or tied == p

    def give(cid: str, k: CaseClass, p: str) -> None:
        nonlocal peak
        owners[cid] = p
        room[p] -= k.efforts[p]
        used[p] += k.efforts[p]
        queues.add(k, p)
        peak = max(peak, -(-100 * used[p] // hours[p]))
        if k.group is not None:
            group_owner[k.group] = p

    def cost(k: CaseClass, p: str) -> tuple[int, int, str]:
        utilisation = -(-100 * (used[p] + k.efforts[p]) // hours[p])
        points = (
            weights.lateness * queues.added_late(k, p)
            + weights.moves * (k.owner is not None and p != k.owner)
            + weights.fit * k.costs[p]
            + weights.balance_max * max(0, utilisation - peak)
        )
        return points, utilisation, p

    waiting = []
    for k in order:
        owner = k.owner
        for cid in k.case_ids:
            if (
                owner is not None
                and owner in k.efforts
                and k.efforts[owner] <= room[owner]
                and allowed(k.group, owner)
                and queues.added_late(k, owner) == 0
            ):
                give(cid, k, owner)
            else:
                waiting.append((k, cid))
    for k, cid in waiting:
        fits = [
            p
            for p, m in k.efforts.items()
            if m <= room[p] and allowed(k.group, p)
        ]
        if not fits:
            owners[cid] = None
            continue
        give(cid, k, min(fits, key=lambda p: cost(k, p)))
    return owners
