"""Open cases and who may take them, before they join classes.

Used by :func:`~balancer.solvers.cases.data.prepare`: the rounding to
whole minutes, each open case's candidates with their efforts and fit
costs (:class:`Draft`), the groups that tie cases to one caseworker, and
the two ways a very large backlog is narrowed: each skill queue cut
where no plan can reach (``shelf_order = queue``, a proof) or the
candidate window (``pack``, a heuristic).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.solvers.cases.forecast import queue_key
from balancer.solvers.cases.queues import queue_name, reachable, shelf_key
from balancer.solvers.cases.window import window

if TYPE_CHECKING:
    from collections.abc import Mapping

    from balancer.domain import Case, Team
    from balancer.solvers.cases.capacity import StaffCapacity
    from balancer.solvers.cases.holding import Holding

__all__ = [
    "Draft",
    "Need",
    "apply_window",
    "ceil_minutes",
    "cut_queues",
    "floor_minutes",
    "need_of",
    "open_drafts",
    "tie_groups",
]

Need = tuple[str | None, int]


def floor_minutes(hours: float) -> int:
    return math.floor(hours * 60 + 1e-6)


def ceil_minutes(hours: float, quantum: int = 1) -> int:
    return math.ceil(hours * 60 / quantum - 1e-6) * quantum


def _qualified(
    need: Need, team: Team, capacity: Mapping[str, StaffCapacity]
) -> tuple[str, ...]:
    """Who may take a case: casework, at work, and skilled enough."""
    skill, level = need
    return tuple(
        person.id
        for person in team.staff
        if person.casework
        and (cap := capacity.get(person.id)) is not None
        and cap.present
        and (skill is None or person.level(skill) >= level)
    )


def _fit_cost(case: Case, team: Team, staff_id: str) -> int:
    """Skill levels above the need, plus the case's own fit cost."""
    person = team.staff_by_id[staff_id]
    above = person.level(case.skill) - case.min_level if case.skill else 0
    return max(0, above) + round(case.cost_by_staff.get(staff_id, 0.0))


@dataclass
class Draft:
    """An open case with its candidates, before it joins a class."""

    case: Case
    efforts: dict[str, int]
    costs: dict[str, int]


def need_of(case: Case) -> Need:
    return case.skill, case.min_level if case.skill else 0


def tie_groups(
    team: Team, fixed_owner: Mapping[str, str]
) -> tuple[dict[str, str], set[str], dict[str, list[str]]]:
    """Groups tied to the one owner who keeps some of their cases, groups
    whose open cases must go together, and groups held by several owners.

    The cases of a group held by several people stay where they are and
    its shelf cases wait: no one person can take them with the rest (the
    planner decides).
    """
    members: dict[str, list[Case]] = defaultdict(list)
    for case in team.cases:
        if case.group is not None:
            members[case.group].append(case)
    tied: dict[str, str] = {}
    linked: set[str] = set()
    split: dict[str, list[str]] = {}
    for group, cases in members.items():
        owners = sorted({c.owner for c in cases if c.owner is not None})
        keeper = {fixed_owner[c.id] for c in cases if c.id in fixed_owner}
        if len(owners) > 1:
            split[group] = owners
        elif keeper:
            tied[group] = keeper.pop()
        elif sum(1 for c in cases if c.id not in fixed_owner) > 1:
            linked.add(group)
    return tied, linked, split


def open_drafts(
    team: Team,
    caps: Mapping[str, StaffCapacity],
    held: Holding,
    groups: tuple[Mapping[str, str], set[str]],
    room: Mapping[str, int],
    quantum: int,
) -> tuple[list[Draft], dict[Need, tuple[str, ...]]]:
    """Every open case with its candidates, in queue order.

    ``groups`` holds the groups tied to one owner and those kept by
    several (their open cases have no candidate but their owner). Most
    cases share their candidates, efforts and costs with many others
    (same skill, level and effort, no per-person figures): work them out
    once per such signature, not once per case and person.
    """
    tied, split = groups
    qualified: dict[Need, tuple[str, ...]] = {}
    offers: dict[tuple[object, ...], tuple[dict[str, int], dict[str, int]]]
    offers = {}
    drafts: list[Draft] = []
    for case in sorted(team.cases, key=queue_key):
        if case.id in held.fixed_owner:
            continue
        need = need_of(case)
        if need not in qualified:
            qualified[need] = _qualified(need, team, caps)
        tie = tied.get(case.group) if case.group else None
        signature: tuple[object, ...] = (need, tie, case.effort_hours)
        if case.effort_by_staff or case.cost_by_staff:
            signature = ("case", case.id)
        if case.group in split:
            signature = ("split", case.id)
        if signature not in offers:
            people = [
                p
                for p in qualified[need]
                if p not in held.over
                and (tie is None or p == tie)
                and case.group not in split
            ]
            efforts = {}
            for p in people:
                minutes = ceil_minutes(case.effort_for(p), quantum)
                if minutes <= room[p]:  # never a variable for what can't fit
                    efforts[p] = minutes
            costs = {p: _fit_cost(case, team, p) for p in efforts}
            offers[signature] = (efforts, costs)
        efforts, costs = offers[signature]
        owner = case.owner
        if owner is not None:
            # The owner may keep it (even when away, over or below level).
            efforts = {
                owner: ceil_minutes(case.effort_for(owner), quantum),
                **{p: m for p, m in efforts.items() if p != owner},
            }
            costs = {p: _fit_cost(case, team, p) for p in efforts}
        drafts.append(Draft(case, dict(efforts), dict(costs)))
    return drafts, qualified


def cut_queues(
    drafts: list[Draft],
    waiting: Mapping[str, object],
    room: Mapping[str, int],
) -> None:
    """Clear the candidates of shelf cases no plan can ever start."""
    queues: dict[str, list[Draft]] = defaultdict(list)
    for d in drafts:
        if d.case.owner is None and d.case.id not in waiting:
            queues[queue_name(d.case)].append(d)
    for queue in queues.values():
        queue.sort(key=lambda d: shelf_key(d.case))
        n = reachable([d.efforts for d in queue], room)
        for d in queue[n:]:
            d.efforts.clear()
            d.costs.clear()


def apply_window(
    drafts: list[Draft], room: Mapping[str, int]
) -> frozenset[str]:
    """Keep only the window's candidates (``shelf_order = pack``, huge);
    return the ids of the cases that lost some."""
    kept = window([(d.case.owner, d.efforts) for d in drafts], room)
    narrowed = frozenset(
        d.case.id
        for d, ok in zip(drafts, kept, strict=True)
        if set(d.efforts) - ok - {d.case.owner}
    )
    for d, ok in zip(drafts, kept, strict=True):
        # Keep the team's order (sets iterate by hash): repeatable; an
        # owner always keeps the choice to keep the case.
        d.efforts = {
            p: m for p, m in d.efforts.items() if p in ok or p == d.case.owner
        }
        d.costs = {p: c for p, c in d.costs.items() if p in d.efforts}
    return narrowed
