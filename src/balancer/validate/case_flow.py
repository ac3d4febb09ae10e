"""The backlog checker's rules on moves, the shelf queue and reasons.

Shares no code with the solver; the view of the team comes from
:mod:`.case_hours`. The rules, as the specification:

* ``move_reason``: a case leaves its owner only for a reason that holds
  (owner away, owner over capacity, planner allowed), and the plan
  states one of them.
* ``over``: someone over capacity gets no case they did not hold.
* ``max_moves``: at most the move budget of cases leave their owner
  (``Rules.max_moves``, by default two per caseworker at work); going
  back to the shelf counts.
* ``queue`` (``shelf_order = queue``): each skill's shelf cases form a
  queue, ordered by priority, deadline (none last), date received and
  id; a shelf case starts only when every case ahead of it in its queue
  starts too, except a case *passed over*: nobody qualified could
  finish it in the horizon even with no other new work. A case that
  goes back to the shelf joins its queue.
* ``wait_reason``: every case on the shelf after the plan states why it
  waits, and that reason holds (*not weighed*, past the candidate window
  of a very large backlog, only under ``shelf_order = pack``).
* ``below_level``: an owner below a case's skill level keeps it only
  flagged, and only such a case is flagged.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from balancer.domain import ShelfOrder
from balancer.result import WaitReason
from balancer.validate.case_hours import minutes_up
from balancer.validate.violation import Violation

if TYPE_CHECKING:
    from collections.abc import Mapping

    from balancer.domain import Case, Team
    from balancer.result import CaseAssignment
    from balancer.validate.case_hours import BacklogView

__all__ = ["flow_violations"]


def _queue_of(case: Case) -> str:
    return case.skill or "any"


def _order(case: Case) -> tuple[int, bool, date, date, str]:
    return (
        -int(case.priority),
        case.deadline is None,
        case.deadline or date.max,
        case.received,
        case.id,
    )


class _Plan:
    """A plan read against the team: who holds what, room left."""

    def __init__(
        self,
        team: Team,
        view: BacklogView,
        plan: Mapping[str, CaseAssignment],
    ) -> None:
        self.team = team
        self.view = view
        self.plan = plan
        self.cases = {c.id: c for c in team.cases}
        self.owner = {cid: a.staff_id for cid, a in plan.items()}
        self.left = {p.id: view.room_minutes(p.id) for p in team.staff}
        for cid, who in self.owner.items():
            case = self.cases.get(cid)
            if case is None or who is None or who not in self.left:
                continue
            if who == case.owner and cid not in view.reasons:
                continue  # kept for certain: already off the room
            self.left[who] -= minutes_up(case.effort_for(who))
        self.groups: dict[str, list[Case]] = defaultdict(list)
        for case in team.cases:
            if case.group is not None:
                self.groups[case.group].append(case)

    def qualified(self, case: Case) -> list[str]:
        """Caseworkers at work with the case's skill at its level."""
        return [
            p.id
            for p in self.team.staff
            if p.casework
            and self.view.present[p.id]
            and (case.skill is None or p.level(case.skill) >= case.min_level)
        ]

    def group_holders(self, case: Case) -> set[str]:
        """Who keeps a case of its group for certain (before the plan)."""
        return {
            c.owner
            for c in self.groups.get(case.group or "", ())
            if c.owner is not None and c.id not in self.view.reasons
        }

    def takers(self, case: Case) -> list[str]:
        """Who could take it besides what they keep for certain."""
        holders = self.group_held_by(case)
        return [
            p
            for p in self.qualified(case)
            if p not in self.view.over
            and (not holders or holders == {p})
            and minutes_up(case.effort_for(p)) <= self.view.room_minutes(p)
        ]

    def group_held_by(self, case: Case) -> set[str]:
        """Owners (before the plan) of cases of its group, if one keeps
        any for certain or several hold them."""
        owners = {
            c.owner
            for c in self.groups.get(case.group or "", ())
            if c.owner is not None
        }
        if len(owners) > 1 or self.group_holders(case):
            return owners
        return set()

    def passed_over(self, case: Case) -> bool:
        """A shelf case nobody could finish in the horizon, even with no
        other new work."""
        return case.owner is None and not self.takers(case)

    def fits_someone(self, case: Case) -> bool:
        """Someone who may take it has room left for it after the plan."""
        return any(
            minutes_up(case.effort_for(p)) <= self.left[p]
            for p in self.takers(case)
        )


def flow_violations(
    team: Team,
    view: BacklogView,
    plan: Mapping[str, CaseAssignment],
    max_moves: int | None,
) -> list[Violation]:
    """Every broken move, queue and reason rule in ``plan``."""
    read = _Plan(team, view, plan)
    found = _moves(read, max_moves)
    if team.rules.shelf_order is ShelfOrder.QUEUE:
        found += _queue(read)
    found += _waits(read)
    return found


def _moves(read: _Plan, max_moves: int | None) -> list[Violation]:
    found = []
    moves = 0
    for cid, entry in read.plan.items():
        case = read.cases.get(cid)
        if case is None or case.owner is None:
            continue
        who = entry.staff_id
        below = (
            who == case.owner
            and case.skill is not None
            and read.team.staff_by_id[case.owner].level(case.skill)
            < case.min_level
        )
        if entry.below_level != below:
            says = (
                "keeps it below its skill level, unflagged"
                if below
                else "is flagged below its level, but is not"
            )
            found.append(
                Violation("below_level", f"case {cid}: {case.owner} {says}")
            )
        if who == case.owner:
            continue
        moves += 1
        valid = read.view.reasons.get(cid, set())
        if entry.move_reason not in valid:
            stated = entry.move_reason.value if entry.move_reason else "none"
            found.append(
                Violation(
                    "move_reason",
                    f"case {cid} left {case.owner} for reason {stated!r}; "
                    "the reasons that hold: "
                    + (", ".join(sorted(r.value for r in valid)) or "none"),
                    cid,
                    who,
                )
            )
    for cid, who in read.owner.items():
        case = read.cases.get(cid)
        if who in read.view.over and case is not None and case.owner != who:
            found.append(
                Violation(
                    "over",
                    f"{who} is over capacity but got case {cid}",
                    cid,
                    who,
                )
            )
    budget = (
        max_moves
        if max_moves is not None
        else read.team.rules.move_budget(read.view.at_work())
    )
    if moves > budget:
        found.append(
            Violation(
                "max_moves",
                f"{moves} cases leave their owner; the budget is {budget}",
            )
        )
    return found


def _queue(read: _Plan) -> list[Violation]:
    """A started shelf case with a case ahead of it still waiting."""
    queues: dict[str, list[Case]] = defaultdict(list)
    for case in read.team.cases:
        waits = read.owner.get(case.id) is None
        if case.owner is None or waits:
            queues[_queue_of(case)].append(case)
    found = []
    for name, cases in queues.items():
        cases.sort(key=_order)
        waiting: Case | None = None
        for case in cases:
            if read.owner.get(case.id) is None:
                if waiting is None and not read.passed_over(case):
                    waiting = case
            elif waiting is not None and case.owner is None:
                found.append(
                    Violation(
                        "queue",
                        f"case {case.id} starts while {waiting.id}, ahead "
                        f"of it in the {name} queue, waits",
                        case.id,
                        read.owner.get(case.id),
                    )
                )
    return found


def _waits(read: _Plan) -> list[Violation]:
    """Every case on the shelf states a reason that holds."""
    found = []
    ahead: dict[str, list[Case]] = defaultdict(list)
    waiting = sorted(
        (
            c
            for c in read.team.cases
            if c.id in read.plan and read.owner[c.id] is None
        ),
        key=_order,
    )
    for case in waiting:
        entry = read.plan.get(case.id)
        stated = entry.wait_reason if entry else None
        earlier = ahead[_queue_of(case)]
        if stated is None or not _holds(read, case, stated, earlier):
            found.append(
                Violation(
                    "wait_reason",
                    f"case {case.id} waits on the shelf "
                    + (
                        f"for a reason that does not hold: {stated.value!r}"
                        if stated
                        else "without a reason"
                    ),
                    case.id,
                )
            )
        if not read.passed_over(case):
            earlier.append(case)
    return found


def _holds(
    read: _Plan, case: Case, reason: WaitReason, earlier: list[Case]
) -> bool:
    """True when ``reason`` is a true account of why ``case`` waits."""
    if reason is WaitReason.NOBODY_QUALIFIED:
        return not read.qualified(case)
    if reason is WaitReason.TOO_BIG:
        return read.passed_over(case)
    if reason is WaitReason.OVERDUE:
        return case.deadline is not None and case.deadline < read.view.start
    if reason is WaitReason.NOT_WEIGHED:
        return (
            read.team.rules.shelf_order is ShelfOrder.PACK
            and case.owner is None
        )
    if reason is WaitReason.QUEUE:
        return read.team.rules.shelf_order is ShelfOrder.QUEUE and bool(
            earlier
        )
    if reason is WaitReason.GROUP:
        if case.group is None:
            return False
        if read.passed_over(case):
            return bool(read.group_held_by(case))
        gone = {
            read.owner[c.id]
            for c in read.groups[case.group]
            if read.owner.get(c.id) is not None
        }
        return bool(gone) and not any(
            p in gone and minutes_up(case.effort_for(p)) <= read.left[p]
            for p in read.takers(case)
        )
    return not read.fits_someone(case)
