"""What the backlog's data tells the planner before any plan: conflicts.

Each is a :class:`~balancer.result.Conflict` in planner's words, in
every language (:mod:`.wording`); none stops the plan. They name people
over capacity with work they cannot hand over, groups kept by several
caseworkers, and cases nobody on the team can take.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.result import Conflict
from balancer.solvers.cases.wording import hours, name, names, say

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Team
    from balancer.solvers.cases.capacity import StaffCapacity
    from balancer.solvers.cases.wording import Texts

__all__ = [
    "overload_conflicts",
    "split_group_conflicts",
    "unskilled_conflicts",
]


def _shown(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")


def _conflict(rule: str, text: Texts) -> Conflict:
    return Conflict(rule=rule, message=text["en"], texts=text)


def overload_conflicts(
    team: Team, caps: Mapping[str, StaffCapacity]
) -> list[Conflict]:
    """People whose cases in progress or pinned exceed their hours."""
    found = []
    for person in team.staff:
        cap = caps.get(person.id)
        if cap is not None and cap.free_hours < -1e-6:
            text = say(
                "conflict.capacity",
                who=name(team, person.id),
                kept=hours(cap.kept_hours),
                total=hours(cap.total_hours),
                over=hours(-cap.free_hours),
            )
            found.append(_conflict("capacity", text))
    return found


def split_group_conflicts(
    team: Team, split: Mapping[str, Sequence[str]]
) -> list[Conflict]:
    """Groups whose cases stay with different caseworkers."""
    found = []
    for group, owners in split.items():
        cases = [c.id for c in team.cases if c.group == group]
        text = say(
            "conflict.group",
            group=group,
            who=names(team, owners),
            cases=_shown(cases),
        )
        found.append(_conflict("group", text))
    return found


def unskilled_conflicts(team: Team, case_ids: Sequence[str]) -> list[Conflict]:
    """Cases nobody may take, one message per skill and level."""
    by_id = {c.id: c for c in team.cases}
    needs: dict[tuple[str | None, int], list[str]] = defaultdict(list)
    for cid in case_ids:
        case = by_id[cid]
        needs[case.skill, case.min_level].append(cid)
    found = []
    for (skill, level), ids in needs.items():
        need = (
            say("conflict.skill.level", skill=skill, level=level)
            if skill
            else say("conflict.skill.casework")
        )
        holders = [
            p.id
            for p in team.staff
            if p.casework and (skill is None or p.level(skill) >= level)
        ]
        why = (
            say("conflict.skill.away", who=names(team, holders))
            if holders
            else say("conflict.skill.nobody")
        )
        key = "conflict.skill.one" if len(ids) == 1 else "conflict.skill"
        text = say(key, count=len(ids), need=need, why=why, ids=_shown(ids))
        found.append(_conflict("skill", text))
    return found
