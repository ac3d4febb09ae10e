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
reason again. Each text is written in every language
(:mod:`.wording`); the English one is also the plain ``reason``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from balancer.result import MoveReason, WaitReason
from balancer.solvers.cases.queues import queue_name, shelf_key
from balancer.solvers.cases.wording import (
    cases_count,
    hours,
    name,
    names,
    queue_words,
    say,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Case
    from balancer.solvers.cases.data import BacklogData
    from balancer.solvers.cases.wording import Texts

__all__ = ["case_notes"]


def _hours(minutes: int) -> Texts:
    return hours(minutes / 60)


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
            text = _move_text(data, case, why_moved)
            notes[case.id].update(
                move_reason=why_moved, reason=text["en"], reason_texts=text
            )
        elif case.owner is not None and _below(data, case):
            notes[case.id]["below_level"] = True
    why = _Why(data, left, placed, start)
    queues: dict[str, list[Case]] = defaultdict(list)
    for case in team.cases:
        if owners.get(case.id, case.owner) is None:
            queues[queue_name(case)].append(case)
    for queue, waiting in queues.items():
        waiting.sort(key=shelf_key)
        ahead: list[str] = []
        for place, case in enumerate(waiting, start=1):
            reason, text = why.waits(case, ahead)
            if case.id not in data.waiting:
                ahead.append(case.id)
            note = notes[case.id]
            moved = note.get("reason_texts")
            if moved:
                text = say("reason.back_on_shelf", moved=moved, why=text)
            note.update(
                wait_reason=reason,
                reason=text["en"],
                reason_texts=text,
                queue=queue,
                queue_place=place,
            )
    return dict(notes)


def _below(data: BacklogData, case: Case) -> bool:
    """True when the case's owner is below the case's skill level."""
    if case.skill is None or case.owner is None:
        return False
    person = data.team.staff_by_id.get(case.owner)
    return person is not None and person.level(case.skill) < case.min_level


def _move_text(data: BacklogData, case: Case, reason: MoveReason) -> Texts:
    owner = name(data.team, case.owner or "")
    if reason is MoveReason.OWNER_AWAY:
        return say("reason.owner_away", owner=owner)
    if reason is MoveReason.OVER_CAPACITY:
        assert case.owner is not None
        return say(
            "reason.over_capacity",
            owner=owner,
            hours=_hours(data.casework_minutes(case.owner)),
        )
    return say("reason.allowed")


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
    ) -> tuple[WaitReason, Texts]:
        """The reason and its words; ``ahead`` are the cases of its queue
        that wait ahead of it and could start (first first)."""
        early = self.data.waiting.get(case.id)
        if early is not None:
            return early, self._early(case, early)
        reason, text = self._now(case, ahead)
        if case.deadline is not None and case.deadline < self.start:
            return WaitReason.OVERDUE, say(
                "reason.overdue", deadline=case.deadline, why=text
            )
        return reason, text

    def _now(
        self, case: Case, ahead: Sequence[str]
    ) -> tuple[WaitReason, Texts]:
        if ahead and self.data.queue_mode:
            return WaitReason.QUEUE, say(
                "reason.queue",
                cases=cases_count(len(ahead)),
                queue=queue_words(queue_name(case)),
                first=ahead[0],
            )
        gone = self.placed.get(case.group or "", set())
        if case.group in self.data.linked_groups and gone:
            return WaitReason.GROUP, say(
                "reason.group_went",
                group=case.group,
                who=names(self.data.team, sorted(gone)),
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

    def _full(self, case: Case) -> Texts:
        free, over = self._people(case)
        needs = hours(case.effort_hours)
        team = self.data.team
        if not free:
            return say(
                "reason.full_all_over", hours=needs, who=names(team, over)
            )
        best = max(free, key=lambda p: (self.left[p], p))
        return say(
            "reason.full",
            hours=needs,
            room=_hours(max(0, self.left[best])),
            who=name(team, best),
        )

    def _early(self, case: Case, reason: WaitReason) -> Texts:
        team = self.data.team
        if reason is WaitReason.NOBODY_QUALIFIED and case.skill is None:
            return say("reason.nobody_at_work")
        if reason is WaitReason.NOBODY_QUALIFIED:
            need = say("need.level", skill=case.skill, level=case.min_level)
            holders = [
                p.id
                for p in team.staff
                if p.casework and p.level(case.skill or "") >= case.min_level
            ]
            if holders:
                return say(
                    "reason.qualified_away",
                    need=need,
                    who=names(team, holders),
                )
            return say("reason.nobody_can", need=need)
        if reason is WaitReason.GROUP:
            owners = sorted(
                {
                    c.owner
                    for c in team.cases
                    if c.group == case.group and c.owner is not None
                }
            )
            return say(
                "reason.group_stays",
                group=case.group,
                who=names(team, owners),
            )
        if reason is WaitReason.NOT_WEIGHED:
            return say("reason.not_weighed")
        free, over = self._people(case)
        room = {p: self.data.free_minutes(p) for p in free}
        if room:
            most = say(
                "reason.most_free",
                hours=_hours(max(0, max(room.values()))),
                who=name(team, max(room, key=lambda p: (room[p], p))),
            )
        else:
            most = say("reason.all_over", who=names(team, over))
        return say("reason.too_big", hours=hours(case.effort_hours), most=most)
