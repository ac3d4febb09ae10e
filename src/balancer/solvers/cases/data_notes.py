"""What the backlog's data tells the planner before any plan: conflicts.

Each is a :class:`~balancer.result.Conflict` in planner's words; none
stops the plan. They name people over capacity with work they cannot
hand over, groups kept by several caseworkers, and cases nobody on the
team can take.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.result import Conflict

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Team
    from balancer.solvers.cases.capacity import StaffCapacity

__all__ = [
    "overload_conflicts",
    "split_group_conflicts",
    "unskilled_conflicts",
]


def _shown(ids: Sequence[str]) -> str:
    return ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")


def overload_conflicts(
    team: Team, caps: Mapping[str, StaffCapacity]
) -> list[Conflict]:
    """People whose cases in progress or pinned exceed their hours."""
    found = []
    for person in team.staff:
        cap = caps.get(person.id)
        if cap is not None and cap.free_hours < -1e-6:
            found.append(
                Conflict(
                    rule="capacity",
                    message=f"{person.id} keeps {cap.kept_hours:.1f} h of "
                    "in-progress or pinned cases but has only "
                    f"{cap.total_hours:.1f} h for casework in the "
                    f"horizon: {-cap.free_hours:.1f} h over before any "
                    "other case; in-progress cases past their hours may go "
                    "to someone with room (a move); unpin or hand over the "
                    "rest",
                )
            )
    return found


def split_group_conflicts(
    team: Team, split: Mapping[str, Sequence[str]]
) -> list[Conflict]:
    """Groups whose cases stay with different caseworkers."""
    found = []
    for group, owners in split.items():
        cases = [c.id for c in team.cases if c.group == group]
        found.append(
            Conflict(
                rule="group",
                message=f"cases of group {group!r} are held by different "
                f"caseworkers ({', '.join(owners)}), but a group goes to "
                "one person; they stay where they are and its cases on "
                f"the shelf wait until you reassign them ({_shown(cases)})",
            )
        )
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
        need = f"{skill} at level {level} or higher" if skill else "casework"
        holders = [
            p.id
            for p in team.staff
            if p.casework and (skill is None or p.level(skill) >= level)
        ]
        why = (
            f"nobody who has it ({', '.join(holders)}) is at work in the "
            "horizon"
            if holders
            else "nobody on the team can take them"
        )
        found.append(
            Conflict(
                rule="skill",
                message=f"{len(ids)} case(s) need {need}: {why} "
                f"({_shown(ids)}); they wait on the shelf",
            )
        )
    return found
