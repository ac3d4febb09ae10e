"""Re-check a backlog plan against every hard rule, from the domain alone.

Shares no code with the solver: the horizon, each person's casework
capacity and who may take a case are computed here again from the team.
This is the specification of the backlog's hard rules:

1. ``complete``: every case of the team appears exactly once, and no
   unknown case or person is named.
2. ``kept``: in-progress and pinned cases stay with their owner.
3. ``casework``: only staff who do casework get new cases.
4. ``skill``: a new owner has the case's skill at its minimum level.
5. ``presence``: a new owner is at work on some day of the horizon.
6. ``group``: the cases of one group that leave the shelf go to one person.
7. ``capacity``: each person's new cases fit their free hours: casework
   hours over the horizon (available - duty - overhead on each day at
   work) minus the cases they keep.
8. ``max_moves``: at most that many assigned cases change owner
   (going back on the shelf counts).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from balancer.domain import Team
    from balancer.result import CaseAssignment, DutyAssignment

__all__ = ["Violation", "casework_capacity", "check_backlog"]

_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken rule in a backlog plan, in the planner's words."""

    rule: str
    message: str
    case_id: str | None = None
    staff_id: str | None = None


def _horizon(team: Team, start: date, days: int | None) -> list[date]:
    wanted = team.rules.horizon_working_days if days is None else days
    found: list[date] = []
    day = start
    for _ in range(3 * 366):
        if len(found) >= wanted:
            break
        if team.calendar.is_open(day):
            found.append(day)
        day += timedelta(days=1)
    return found


def casework_capacity(
    team: Team,
    start: date,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> dict[str, float]:
    """Staff id -> free casework hours over the horizon, recomputed.

    Per day at work: ``max(0, available - duty - overhead)``; summed over
    the horizon; minus the effort of the cases the person keeps.
    """
    days = _horizon(team, start, horizon_days)
    duty: dict[tuple[str, date], float] = defaultdict(float)
    for entry in rota:
        found = team.duty_by_id.get(entry.duty_id)
        if found is not None and entry.slot_index < len(found.slots):
            duty[entry.staff_id, entry.day] += found.slots[
                entry.slot_index
            ].hours
    free: dict[str, float] = {}
    for person in team.staff:
        hours = 0.0
        if person.casework:
            for day in days:
                at_work = team.available_hours(person, day)
                if at_work > 0:
                    hours += max(
                        0.0,
                        at_work
                        - duty[person.id, day]
                        - team.rules.daily_overhead_hours,
                    )
        known = getattr(person, "case_capacity_hours", None)
        if known is not None and person.casework:
            hours = known  # the planner's own figure replaces ours
        kept = sum(
            c.effort_for(person.id)
            for c in team.cases
            if c.owner == person.id
            and (c.pinned or c.status.value == "in_progress")
        )
        free[person.id] = hours - kept
    return free


def check_backlog(
    team: Team,
    start: date,
    assignments: Sequence[CaseAssignment],
    capacity_hours: Mapping[str, float] | None = None,
    max_moves: int | None = None,
    *,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> list[Violation]:
    """Every hard-rule violation in ``assignments``; empty when valid.

    ``capacity_hours`` (free hours per person) replaces the recomputed
    capacity, e.g. for benchmark instances with given capacities.
    """
    found: list[Violation] = []
    cases = {c.id: c for c in team.cases}
    staff = team.staff_by_id
    seen: dict[str, int] = defaultdict(int)
    for entry in assignments:
        seen[entry.case_id] += 1
    for cid, count in seen.items():
        if cid not in cases:
            found.append(
                Violation("complete", f"unknown case {cid!r}", case_id=cid)
            )
        elif count > 1:
            found.append(
                Violation("complete", f"case {cid} appears {count} times", cid)
            )
    for cid in cases:
        if cid not in seen:
            found.append(
                Violation("complete", f"case {cid} is missing", case_id=cid)
            )

    days = _horizon(team, start, horizon_days)
    free = (
        dict(capacity_hours)
        if capacity_hours is not None
        else casework_capacity(team, start, rota, horizon_days)
    )
    load: dict[str, float] = defaultdict(float)
    group_owners: dict[str, set[str]] = defaultdict(set)
    moves = 0
    for entry in assignments:
        case = cases.get(entry.case_id)
        if case is None:
            continue
        who = entry.staff_id
        kept = case.owner is not None and (
            case.pinned or case.status.value == "in_progress"
        )
        if case.owner is not None and who != case.owner:
            moves += 1
        if kept and who != case.owner:
            found.append(
                Violation(
                    "kept",
                    f"case {case.id} is {case.status.value}"
                    f"{' and pinned' if case.pinned else ''} with "
                    f"{case.owner} but was given to {who or 'the shelf'}",
                    case.id,
                    who,
                )
            )
        if who is None:
            continue
        if case.group is not None:
            group_owners[case.group].add(who)
        if kept and who == case.owner:
            continue
        person = staff.get(who)
        if person is None:
            found.append(
                Violation(
                    "complete", f"unknown staff id {who!r}", case.id, who
                )
            )
            continue
        if not person.casework:
            found.append(
                Violation(
                    "casework",
                    f"{who} does no casework but got case {case.id}",
                    case.id,
                    who,
                )
            )
        if case.skill is not None and person.level(case.skill) < (
            case.min_level
        ):
            found.append(
                Violation(
                    "skill",
                    f"case {case.id} needs {case.skill} at level "
                    f"{case.min_level}; {who} has level "
                    f"{person.level(case.skill)}",
                    case.id,
                    who,
                )
            )
        if not any(team.available_hours(person, day) > 0 for day in days):
            found.append(
                Violation(
                    "presence",
                    f"{who} is away for the whole horizon but got case "
                    f"{case.id}",
                    case.id,
                    who,
                )
            )
        load[who] += case.effort_for(who)
    for group, owners in group_owners.items():
        if len(owners) > 1:
            found.append(
                Violation(
                    "group",
                    f"cases of group {group!r} went to "
                    f"{', '.join(sorted(owners))}; they go to one person",
                )
            )
    for who, hours in load.items():
        room = free.get(who, 0.0)
        if hours > room + _TOLERANCE:
            found.append(
                Violation(
                    "capacity",
                    f"{who} got {hours:.2f} h of new cases but has "
                    f"{room:.2f} h free for casework",
                    staff_id=who,
                )
            )
    if max_moves is not None and moves > max_moves:
        found.append(
            Violation(
                "max_moves",
                f"{moves} assigned cases change owner; the budget is "
                f"{max_moves}",
            )
        )
    return found
