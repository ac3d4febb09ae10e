"""Why each case moved or waits, in the planner's words.

Every moved case names its reason (:mod:`.holding`: owner away, owner
over capacity, planner allowed). Every case left on the shelf gets its
place in its skill queue (:mod:`.queues`; 1 = next) and one reason, the
first that holds of:

1. *nobody qualified*: nobody at work in the horizon has its skill at its
   level (nobody on the team, or nobody present);
2. *too big for the horizon*: nobody qualified could finish it in the
   horizon even with no other new work (passed over);
3. *group kept together*: its group stays with, or went to, someone who
   cannot take it (or is held by several caseworkers);
4. *overdue before the plan starts*: its deadline had passed already
   (the text then says what holds it too);
5. *the queue ahead of it* (``shelf_order = queue``): a case ahead of it
   in its queue waits;
6. *everyone qualified is full*: each person who may take it has less
   room left than it needs;
7. *not weighed* (``shelf_order = pack`` on a very large backlog only):
   past the candidate window of :mod:`.window`.

The model's rules make the last two true (``queue_head``,
``shelf_only_when_full``); the independent checker verifies each stated
reason again.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from balancer.result import MoveReason, WaitReason
from balancer.solvers.cases.queues import queue_name, shelf_key

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Case
    from balancer.solvers.cases.data import BacklogData

__all__ = ["case_notes"]


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.1f} h"


def case_notes(
    data: BacklogData, owners: Mapping[str, str | None], start: date
) -> dict[str, dict[str, Any]]:
    """Case id -> the :class:`~balancer.result.CaseAssignment` fields
    that say why it moved or waits, its queue and place, and a flag when
    its owner keeps it below the case's level."""
    team = data.team
    left = {p: data.free_minutes(p) for p in data.capacity}
    placed: dict[str, set[str]] = defaultdict(set)
    for k in data.classes:
        for cid in k.case_ids:
            p = owners.get(cid)
            if p is not None:
                left[p] -= k.efforts.get(p, 0)
                if k.group is not None:
                    placed[k.group].add(p)
    notes: dict[str, dict[str, Any]] = defaultdict(dict)
    for case in team.cases:
        now = owners.get(case.id, case.owner)
        if case.owner is not None and now != case.owner:
            why_moved = data.movable[case.id]
            notes[case.id].update(
                move_reason=why_moved,
                reason=_move_text(data, case, why_moved),
            )
        elif case.owner is not None and _below(data, case):
            notes[case.id]["below_level"] = True
    why = _Why(data, left, placed, start)
    queues: dict[str, list[Case]] = defaultdict(list)
    for case in team.cases:
        if owners.get(case.id, case.owner) is None:
            queues[queue_name(case)].append(case)
    for name, waiting in queues.items():
        waiting.sort(key=shelf_key)
        ahead: list[str] = []
        for place, case in enumerate(waiting, start=1):
            reason, text = why.waits(case, ahead)
            if case.id not in data.waiting:
                ahead.append(case.id)
            note = notes[case.id]
            moved = note.get("reason")
            note.update(
                wait_reason=reason,
                reason=f"back on the shelf: {moved}; {text}"
                if moved
                else text,
                queue=name,
                queue_place=place,
            )
    return dict(notes)


def _below(data: BacklogData, case: Case) -> bool:
    """True when the case's owner is below the case's skill level."""
    if case.skill is None or case.owner is None:
        return False
    person = data.team.staff_by_id.get(case.owner)
    return person is not None and person.level(case.skill) < case.min_level


def _move_text(data: BacklogData, case: Case, reason: MoveReason) -> str:
    owner = case.owner
    if reason is MoveReason.OWNER_AWAY:
        return f"{owner} has no casework hours in the horizon"
    if reason is MoveReason.OVER_CAPACITY:
        assert owner is not None
        hours = _hours(data.casework_minutes(owner))
        return (
            f"{owner} is over capacity: their queue reaches it only after "
            f"their {hours} of casework in the horizon"
        )
    return "the planner allowed it (May move)"


class _Why:
    """Works out why one waiting case waits."""

    def __init__(
        self,
        data: BacklogData,
        left: Mapping[str, int],
        placed: Mapping[str, set[str]],
        start: date,
    ) -> None:
        self.data = data
        self.left = left
        self.placed = placed
        self.start = start

    def waits(
        self, case: Case, ahead: Sequence[str]
    ) -> tuple[WaitReason, str]:
        """The reason and its words; ``ahead`` are the cases of its queue
        that wait ahead of it and could start (first first)."""
        early = self.data.waiting.get(case.id)
        if early is not None:
            return early, self._early(case, early)
        reason, text = self._now(case, ahead)
        if case.deadline is not None and case.deadline < self.start:
            return WaitReason.OVERDUE, (
                f"overdue before the plan starts (deadline {case.deadline}); "
                f"{text}"
            )
        return reason, text

    def _now(self, case: Case, ahead: Sequence[str]) -> tuple[WaitReason, str]:
        if ahead and self.data.queue_mode:
            cases = "1 case" if len(ahead) == 1 else f"{len(ahead)} cases"
            return WaitReason.QUEUE, (
                f"behind {cases} waiting in the {queue_name(case)} queue "
                f"(first: {ahead[0]})"
            )
        gone = self.placed.get(case.group or "", set())
        if case.group in self.data.linked_groups and gone:
            who = ", ".join(sorted(gone))
            return WaitReason.GROUP, (
                f"group kept together: its group {case.group} went to "
                f"{who}, who has no room left for it"
            )
        if case.id in self.data.narrowed and self._room_for(case):
            return WaitReason.NOT_WEIGHED, self._early(
                case, WaitReason.NOT_WEIGHED
            )
        return WaitReason.FULL, self._full(case)

    def _room_for(self, case: Case) -> bool:
        """Someone who may take it has room left for it."""
        free, _ = self._people(case)
        return any(
            self.left[p] >= math.ceil(case.effort_for(p) * 60 - 1e-6)
            for p in free
        )

    def _people(self, case: Case) -> tuple[list[str], list[str]]:
        """Who is qualified and at work, split into over capacity or not."""
        need = (case.skill, case.min_level if case.skill else 0)
        qualified = self.data.qualified.get(need, ())
        over = [p for p in qualified if p in self.data.over]
        return [p for p in qualified if p not in self.data.over], over

    def _full(self, case: Case) -> str:
        free, over = self._people(case)
        needs = f"it needs {case.effort_hours:.1f} h"
        if not free:
            return (
                f"everyone who can take it is full: {needs}; all of them "
                f"are over capacity ({', '.join(over)})"
            )
        best = max(free, key=lambda p: (self.left[p], p))
        return (
            f"everyone who can take it is full: {needs}; the most room "
            f"left is {_hours(max(0, self.left[best]))} ({best})"
        )

    def _early(self, case: Case, reason: WaitReason) -> str:
        if reason is WaitReason.NOBODY_QUALIFIED and case.skill is None:
            return "nobody qualified: nobody who does casework is at work"
        if reason is WaitReason.NOBODY_QUALIFIED:
            need = f"{case.skill} at level {case.min_level}"
            holders = [
                p.id
                for p in self.data.team.staff
                if p.casework and p.level(case.skill or "") >= case.min_level
            ]
            if holders:
                return (
                    f"nobody qualified is at work in the horizon: {need} "
                    f"({', '.join(holders)} away)"
                )
            return f"nobody on the team can take it: it needs {need}"
        if reason is WaitReason.GROUP:
            owners = sorted(
                {
                    c.owner
                    for c in self.data.team.cases
                    if c.group == case.group and c.owner is not None
                }
            )
            return (
                f"group kept together: its group {case.group} stays with "
                f"{', '.join(owners)}, who cannot take it now"
            )
        if reason is WaitReason.NOT_WEIGHED:
            return (
                "not weighed: past the candidate window of a very large "
                "backlog (shelf_order = pack); queue order weighs every case"
            )
        free, over = self._people(case)
        room = {p: self.data.free_minutes(p) for p in free}
        most = (
            f"the most anyone qualified has free is "
            f"{_hours(max(0, max(room.values())))} "
            f"({max(room, key=lambda p: (room[p], p))})"
            if room
            else f"everyone qualified is over capacity ({', '.join(over)})"
        )
        return (
            f"too big for the horizon: it needs {case.effort_hours:.1f} h "
            f"even with no other new work; {most}"
        )
