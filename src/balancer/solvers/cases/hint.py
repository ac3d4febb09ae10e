"""A first plan that always fits the model: least loaded, on its classes.

The warm start needs a plan the model accepts. The least-loaded baseline
works on the team's cases and ignores what the model left out (pairs
outside the candidate window of :mod:`.window`, minutes rounded up), so
on big backlogs CP-SAT could reject it. This greedy works on the model's
own data: owners keep their cases while they have room (queue order),
then each case goes to the candidate with room and the lowest
utilisation. A case is shelved only when no candidate has room at its
turn, and room only shrinks, so ``shelf_only_when_full`` holds too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.solvers.cases.data import BacklogData

__all__ = ["greedy_hint"]


def greedy_hint(data: BacklogData) -> dict[str, str | None]:
    """Case id -> owner (None = shelf) for every open case of ``data``."""
    room = {p: data.free_minutes(p) for p in data.capacity}
    used = {p: data.kept_minutes(p) for p in data.capacity}
    hours = {p: max(1, data.casework_minutes(p)) for p in data.capacity}
    group_owner: dict[str, str] = {}
    owners: dict[str, str | None] = {}
    queue = sorted(data.classes, key=lambda k: (k.target_day, k.index))

    def allowed(group: str | None, p: str) -> bool:
        tied = group_owner.get(group) if group is not None else None
        return tied is None or tied == p

    def give(cid: str, group: str | None, p: str, minutes: int) -> None:
        owners[cid] = p
        room[p] -= minutes
        used[p] += minutes
        if group is not None:
            group_owner[group] = p

    waiting = []
    for k in queue:
        owner = k.owner
        for cid in k.case_ids:
            if (
                owner is not None
                and owner in k.efforts
                and k.efforts[owner] <= room[owner]
                and allowed(k.group, owner)
            ):
                give(cid, k.group, owner, k.efforts[owner])
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
        p = min(fits, key=lambda q: (used[q] / hours[q], q))
        give(cid, k.group, p, k.efforts[p])
    return owners
