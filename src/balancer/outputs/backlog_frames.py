"""The backlog plan as plain tables: Cases, Load, Shelf and figures.

Columns keep their English names (the developers' API; a writer shows
them in the planner's language); the values are written in the language
of ``words`` (English when none is given): yes, priorities, reasons and
the solver's texts, which the result keeps in every language.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from balancer.domain import MOVES_PER_CASEWORKER
from balancer.language import Words
from balancer.outputs.metrics import owned_hours
from balancer.outputs.words import hundredths
from balancer.result import ANY_QUEUE, MoveReason, WaitReason

if TYPE_CHECKING:
    from balancer.domain import Case, Team
    from balancer.result import BacklogResult, CaseAssignment

__all__ = [
    "SHELF_COLUMNS",
    "Baselines",
    "backlog_metrics",
    "baselines_frame",
    "cases_frame",
    "load_frame",
    "moves_frame",
    "reasons_frame",
    "shelf_frame",
]

#: Baseline name -> metric -> value, set beside a backlog plan's figures,
#: e.g. ``{"Round robin": {"Max utilisation %": 104.0}}``.
Baselines = Mapping[str, Mapping[str, float | str | None]]


def cases_frame(
    team: Team, result: BacklogResult, words: Words | None = None
) -> pd.DataFrame:
    """Per case: where it goes and when it is forecast to be worked.

    Columns: Case, Type, Priority, Effort hours (for the new owner), Owner
    (blank = shelf), Previous owner, Moved, Move reason, Planned start,
    Planned finish, Deadline, Late, Risk, Note (why a case waits on the
    shelf, or that its owner keeps it below its level). Rows follow the
    result's order.
    """
    words = words or Words()
    yes = words.value("yes")
    cases = {case.id: case for case in team.cases}
    rows = []
    for a in result.assignments:
        case = cases.get(a.case_id)
        effort = None
        if case is not None:
            effort = hundredths(
                case.effort_for(a.staff_id)
                if a.staff_id
                else case.effort_hours
            )
        why = a.move_reason if a.moved else None
        rows.append(
            (
                a.case_id,
                case.type if case else "",
                _priority(case, words),
                effort,
                a.staff_id or "",
                a.previous_owner or "",
                yes if a.moved else "",
                words.value(why.value) if why else "",
                a.planned_start,
                a.planned_finish,
                case.deadline if case else None,
                yes if a.late else "",
                a.risk_text(words.lang),
                _note(team, a, case, words),
            )
        )
    return pd.DataFrame(rows, columns=_CASES_COLUMNS)


def _priority(case: Case | None, words: Words) -> str:
    return words.value(case.priority.name.lower()) if case else ""


def _note(
    team: Team, a: CaseAssignment, case: Case | None, words: Words
) -> str:
    """Why a case waits, or that its owner keeps it below its level."""
    if a.below_level and case is not None and case.skill is not None:
        person = team.staff_by_id.get(a.staff_id or "")
        return words(
            "reason.below_level",
            who=(person.name or person.id) if person else a.staff_id,
            skill=case.skill,
            level=case.min_level,
        )
    if a.staff_id is None or a.moved:
        return a.reason_text(words.lang)
    return ""


_CASES_COLUMNS = [
    "Case",
    "Type",
    "Priority",
    "Effort hours",
    "Owner",
    "Previous owner",
    "Moved",
    "Move reason",
    "Planned start",
    "Planned finish",
    "Deadline",
    "Late",
    "Risk",
    "Note",
]


def load_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Per caseworker: casework hours, load, utilisation and cases.

    Casework hours are the hours for cases over the horizon: the free hours
    the result reports plus the cases they keep (in progress or pinned).
    Load is the effort of all cases they own after the run, kept ones
    included, in their own hours (``Case.effort_for``). Utilisation = load
    / casework hours, as the balance goal counts it; blank when there are
    no casework hours. Listed: everyone who takes casework, has capacity
    or owns a case.
    """
    load, kept = owned_hours(team, result.assignments)
    count: dict[str, int] = defaultdict(int)
    moved_in: dict[str, int] = defaultdict(int)
    late: dict[str, int] = defaultdict(int)
    for a in result.assignments:
        if a.staff_id is None:
            continue
        count[a.staff_id] += 1
        moved_in[a.staff_id] += int(a.moved)
        late[a.staff_id] += int(a.late)
    ids = [
        p.id
        for p in team.staff
        if p.casework or p.id in result.capacity_hours or p.id in count
    ]
    ids += [s for s in (*result.capacity_hours, *count) if s not in ids]
    rows = []
    for staff_id in dict.fromkeys(ids):
        person = team.staff_by_id.get(staff_id)
        free = result.capacity_hours.get(staff_id, 0.0)
        owned = load.get(staff_id, 0.0)
        casework = free + kept.get(staff_id, 0.0)
        share = owned / casework if casework > 1e-9 else None
        rows.append(
            {
                "Staff": staff_id,
                "Name": person.name if person else "",
                "Casework hours": hundredths(casework),
                "Kept hours": hundredths(kept.get(staff_id, 0.0)),
                "Load hours": hundredths(owned),
                "Utilisation": None if share is None else round(share, 4),
                "Cases": count[staff_id],
                "Moved in": moved_in[staff_id],
                "Late": late[staff_id],
            }
        )
    return pd.DataFrame(rows, columns=_LOAD_COLUMNS)


_LOAD_COLUMNS = [
    "Staff",
    "Name",
    "Casework hours",
    "Kept hours",
    "Load hours",
    "Utilisation",
    "Cases",
    "Moved in",
    "Late",
]


def shelf_frame(
    team: Team, result: BacklogResult, words: Words | None = None
) -> pd.DataFrame:
    """Cases waiting on the shelf, queue by queue, next one first.

    Each skill queue in the planners' order (priority, deadline, date
    received): Queue, Place (1 = next), Case, Priority, Deadline,
    Received, Type, Effort hours, Waits because (one reason of
    :class:`~balancer.result.WaitReason`), Detail (the reason in full),
    Late. Cases without a queue come last, by id.
    """
    words = words or Words()
    cases = {case.id: case for case in team.cases}
    shelf = [a for a in result.assignments if a.staff_id is None]
    shelf.sort(
        key=lambda a: (
            a.queue is None,
            a.queue or "",
            a.queue_place or 0,
            a.case_id,
        )
    )
    rows = []
    for a in shelf:
        case = cases.get(a.case_id)
        rows.append(
            (
                _queue(a.queue, words),
                a.queue_place,
                a.case_id,
                _priority(case, words),
                case.deadline if case else None,
                case.received if case else None,
                case.type if case else "",
                hundredths(case.effort_hours) if case else None,
                words.value(a.wait_reason.value) if a.wait_reason else "",
                a.reason_text(words.lang),
                words.value("yes") if a.late else "",
            )
        )
    return pd.DataFrame(rows, columns=SHELF_COLUMNS)


def _queue(queue: str | None, words: Words) -> str:
    """A skill queue's name; the queue of cases needing no skill in
    words."""
    if queue == ANY_QUEUE:
        return words.value(queue)
    return queue or ""


#: The Shelf sheet's columns, in order.
SHELF_COLUMNS = [
    "Queue",
    "Place",
    "Case",
    "Priority",
    "Deadline",
    "Received",
    "Type",
    "Effort hours",
    "Waits because",
    "Detail",
    "Late",
]


def reasons_frame(
    result: BacklogResult, words: Words | None = None
) -> pd.DataFrame:
    """Cases on the shelf by the reason they wait, every reason listed
    (*not weighed* only when it occurs: ``pack`` order on a huge
    backlog)."""
    words = words or Words()
    counts = Counter(
        a.wait_reason for a in result.assignments if a.staff_id is None
    )
    rows = [
        (words.value(reason.value), counts.get(reason, 0))
        for reason in WaitReason
        if reason is not WaitReason.NOT_WEIGHED or counts.get(reason)
    ]
    return pd.DataFrame(rows, columns=["Waits because", "Cases"])


def moves_frame(
    team: Team, result: BacklogResult, words: Words | None = None
) -> pd.DataFrame:
    """The move budget, cases moved by reason, and owners below level."""
    words = words or Words()
    item = words.value
    moved = [a for a in result.assignments if a.moved]
    counts = Counter(a.move_reason for a in moved)
    budget = result.move_budget
    rows: list[tuple[str, object]] = [
        (item("Move budget"), budget if budget is not None else item("none")),
        (item("Budget rule"), _budget_rule(team, budget, words)),
        (item("Cases moved"), len(moved)),
    ]
    rows += [
        (
            words("value.Moved: {reason}", reason=item(reason.value)),
            counts.get(reason, 0),
        )
        for reason in MoveReason
    ]
    rows.append(
        (
            item("Kept by an owner below the case's level (flagged)"),
            sum(a.below_level for a in result.assignments),
        )
    )
    return pd.DataFrame(rows, columns=["Item", "Value"])


def _budget_rule(team: Team, budget: int | None, words: Words) -> str:
    """Where the move budget came from, in words."""
    if budget is None:
        return words("budget.none")
    if team.rules.max_moves is not None and team.rules.max_moves == budget:
        return words("budget.rules")
    if team.rules.max_moves is None:
        return words("budget.per_caseworker", count=MOVES_PER_CASEWORKER)
    return words("budget.run")


def backlog_metrics(team: Team, result: BacklogResult) -> dict[str, float]:
    """Headline figures of a backlog plan, to set beside baselines.

    Max and spread of utilisation (in %, over people with capacity), cases
    moved, cases forecast late, cases left on the shelf, and hours left on
    the shelf.
    """
    load = load_frame(team, result)
    used = load["Utilisation"].dropna().astype(float)
    cases = {case.id: case for case in team.cases}
    shelf = [
        cases[a.case_id].effort_hours
        for a in result.assignments
        if a.staff_id is None and a.case_id in cases
    ]
    return {
        "Max utilisation %": round(float(used.max()) * 100, 1)
        if len(used)
        else 0.0,
        "Utilisation spread %": round(float(used.max() - used.min()) * 100, 1)
        if len(used)
        else 0.0,
        "Cases moved": float(sum(a.moved for a in result.assignments)),
        "Cases late": float(sum(a.late for a in result.assignments)),
        "Cases on shelf": float(
            sum(a.staff_id is None for a in result.assignments)
        ),
        "Shelf hours": hundredths(sum(shelf)),
    }


def baselines_frame(
    ours: Mapping[str, float],
    baselines: Baselines | None,
    name: str = "This plan",
) -> pd.DataFrame:
    """Our figures and each baseline's, side by side.

    One row per metric (ours first, then any extra metric a baseline
    reports), one column per plan: ``name`` first, then the baselines in
    the order given. A baseline without a metric leaves its cell blank.
    """
    plans: dict[str, Mapping[str, float | str | None]] = {name: ours}
    plans.update(baselines or {})
    metrics = list(ours)
    for figures in plans.values():
        metrics += [m for m in figures if m not in metrics]
    rows = [
        {"Metric": metric, **{p: f.get(metric) for p, f in plans.items()}}
        for metric in metrics
    ]
    return pd.DataFrame(rows, columns=["Metric", *plans])
