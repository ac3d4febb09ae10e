"""Re-check a backlog plan against every rule, from the domain alone.

Shares no code with the solver: the horizon, each person's casework
capacity, who may take a case and which owned case may move are
computed here again from the team (:mod:`.case_hours`). This is the
specification of the backlog's rules:

1. ``complete``: every case of the team appears exactly once, and no
   unknown case or person is named.
2. ``kept``: a pinned case stays with its owner; a case in progress
   never goes back to the shelf.
3. ``casework``: only staff who do casework get a case they did not hold.
4. ``skill``: a new owner has the case's skill at its minimum level (an
   owner below it may keep the case: see ``below_level``).
5. ``presence``: a new owner is at work on some day of the horizon.
6. ``group``: the cases of one group that the plan places (starts or
   moves) go to one person, the one who keeps any other case of the
   group.
7. ``capacity``: what each person holds after the plan fits their
   casework hours over the horizon (available - duty - overhead on each
   day at work), unless they were over capacity already (then ``over``:
   they get nothing new).

and, for the balancer's own plans, the rules of :mod:`.case_flow`:
``move_reason``, ``over``, ``max_moves``, ``queue``, ``wait_reason`` and
``below_level``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.domain import CaseStatus
from balancer.validate.case_flow import flow_violations
from balancer.validate.case_hours import BacklogView
from balancer.validate.violation import Violation

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from balancer.domain import Case, Team
    from balancer.result import CaseAssignment, DutyAssignment

__all__ = ["Violation", "casework_capacity", "check_backlog"]

_TOLERANCE = 1e-6


def casework_capacity(
    team: Team,
    start: date,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
) -> dict[str, float]:
    """Staff id -> free casework hours over the horizon, recomputed.

    Per day at work: ``max(0, available - duty - overhead)``; summed over
    the horizon; minus the effort of the cases the person keeps in
    progress or pinned.
    """
    view = BacklogView(team, start, rota, horizon_days)
    return {
        p.id: view.total(p.id)
        - sum(
            c.effort_for(p.id)
            for c in team.cases
            if c.owner == p.id
            and (c.pinned or c.status is CaseStatus.IN_PROGRESS)
        )
        for p in team.staff
    }


def check_backlog(
    team: Team,
    start: date,
    assignments: Sequence[CaseAssignment],
    capacity_hours: Mapping[str, float] | None = None,
    max_moves: int | None = None,
    *,
    rota: Sequence[DutyAssignment] = (),
    horizon_days: int | None = None,
    only_hard_rules: bool = False,
) -> list[Violation]:
    """Every rule ``assignments`` break; empty when the plan is valid.

    ``capacity_hours`` (free hours per person) replaces the recomputed
    capacity, e.g. for benchmark instances with given capacities;
    ``max_moves`` replaces the team's move budget. ``only_hard_rules``
    checks a plan made another way (the baselines) against rules 1-7
    only: it need not keep the queue, the move budget or the reasons.
    """
    found = _completeness(team, assignments)
    view = BacklogView(team, start, rota, horizon_days, capacity_hours)
    cases = {c.id: c for c in team.cases}
    plan = {a.case_id: a for a in assignments if a.case_id in cases}
    for entry in plan.values():
        found += _placement(team, view, cases[entry.case_id], entry)
    found += _groups(team, plan)
    found += _capacity(team, view, plan, only_hard_rules)
    if not only_hard_rules:
        found += flow_violations(team, view, plan, max_moves)
    return found


def _completeness(
    team: Team, assignments: Sequence[CaseAssignment]
) -> list[Violation]:
    found: list[Violation] = []
    cases = {c.id for c in team.cases}
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
    return found


def _placement(
    team: Team, view: BacklogView, case: Case, entry: CaseAssignment
) -> list[Violation]:
    """Kept cases stay; a new owner exists, does casework, is skilled
    and at work."""
    found = []
    who = entry.staff_id
    if case.pinned and who != case.owner:
        found.append(
            Violation(
                "kept",
                f"case {case.id} is pinned with {case.owner} but was given "
                f"to {who or 'the shelf'}",
                case.id,
                who,
            )
        )
    if case.status is CaseStatus.IN_PROGRESS and who is None:
        found.append(
            Violation(
                "kept",
                f"case {case.id} is in progress with {case.owner} but went "
                "back to the shelf",
                case.id,
            )
        )
    if who is None or who == case.owner:
        return found
    person = team.staff_by_id.get(who)
    if person is None:
        return [
            *found,
            Violation("complete", f"unknown staff id {who!r}", case.id, who),
        ]
    if not person.casework:
        found.append(
            Violation(
                "casework",
                f"{who} does no casework but got case {case.id}",
                case.id,
                who,
            )
        )
    if case.skill is not None and person.level(case.skill) < case.min_level:
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
    if not view.present[who]:
        found.append(
            Violation(
                "presence",
                f"{who} is away for the whole horizon but got case {case.id}",
                case.id,
                who,
            )
        )
    return found


def _groups(team: Team, plan: Mapping[str, CaseAssignment]) -> list[Violation]:
    """Placed cases of a group go to one person, the group's keeper."""
    placed: dict[str, set[str]] = defaultdict(set)
    kept: dict[str, set[str]] = defaultdict(set)
    for case in team.cases:
        entry = plan.get(case.id)
        if case.group is None or entry is None or entry.staff_id is None:
            continue
        side = kept if entry.staff_id == case.owner else placed
        side[case.group].add(entry.staff_id)
    found = []
    for group, owners in placed.items():
        if len(owners) > 1 or (kept[group] and owners != kept[group]):
            everyone = sorted(owners | kept[group])
            found.append(
                Violation(
                    "group",
                    f"cases of group {group!r} went to "
                    f"{', '.join(everyone)}; they go to one person",
                )
            )
    return found


def _capacity(
    team: Team,
    view: BacklogView,
    plan: Mapping[str, CaseAssignment],
    only_hard_rules: bool,
) -> list[Violation]:
    """What each person holds after the plan fits their hours.

    Someone over capacity before the plan may stay over (the balancer
    gives them nothing new: rule ``over``); a baseline may only not add
    to it.
    """
    load: dict[str, float] = defaultdict(float)
    gained: dict[str, float] = defaultdict(float)
    for case in team.cases:
        entry = plan.get(case.id)
        if entry is None or entry.staff_id is None:
            continue
        hours = case.effort_for(entry.staff_id)
        load[entry.staff_id] += hours
        if entry.staff_id != case.owner:
            gained[entry.staff_id] += hours
    found = []
    for who, hours in load.items():
        if who not in view.daily:
            continue
        room = view.total(who)
        if who in view.over:
            if not only_hard_rules or not gained[who]:
                continue
            held = sum(c.effort_for(who) for c in team.cases if c.owner == who)
            room = max(room, held)
        if hours > room + _TOLERANCE:
            found.append(
                Violation(
                    "capacity",
                    f"{who} holds {hours:.2f} h of cases but has "
                    f"{room:.2f} h for casework",
                    staff_id=who,
                )
            )
    return found
