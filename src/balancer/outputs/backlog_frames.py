"""The backlog plan as plain tables: Cases, Load, Shelf and figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from balancer.outputs.metrics import owned_hours
from balancer.outputs.words import hundredths

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.result import BacklogResult

__all__ = [
    "Baselines",
    "backlog_metrics",
    "baselines_frame",
    "cases_frame",
    "load_frame",
    "shelf_frame",
]

#: Baseline name -> metric -> value, set beside a backlog plan's figures,
#: e.g. ``{"Round robin": {"Max utilisation %": 104.0}}``.
Baselines = Mapping[str, Mapping[str, float | str | None]]


def cases_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Per case: where it goes and when it is forecast to be worked.

    Columns: Case, Type, Priority, Effort hours (for the new owner), Owner
    (blank = shelf), Previous owner, Moved, Planned start, Planned finish,
    Deadline, Late, Risk. Rows follow the result's order.
    """
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
        rows.append(
            {
                "Case": a.case_id,
                "Type": case.type if case else "",
                "Priority": case.priority.name.lower() if case else "",
                "Effort hours": effort,
                "Owner": a.staff_id or "",
                "Previous owner": a.previous_owner or "",
                "Moved": "yes" if a.moved else "",
                "Planned start": a.planned_start,
                "Planned finish": a.planned_finish,
                "Deadline": case.deadline if case else None,
                "Late": "yes" if a.late else "",
                "Risk": a.risk,
            }
        )
    return pd.DataFrame(rows, columns=_CASES_COLUMNS)


_CASES_COLUMNS = [
    "Case",
    "Type",
    "Priority",
    "Effort hours",
    "Owner",
    "Previous owner",
    "Moved",
    "Planned start",
    "Planned finish",
    "Deadline",
    "Late",
    "Risk",
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


def shelf_frame(team: Team, result: BacklogResult) -> pd.DataFrame:
    """Cases left on the shelf, next one first.

    Ordered by ``shelf_rank`` (cases without a rank last, by id). Columns:
    Rank, Case, Type, Priority, Effort hours, Received, Deadline, Risk.
    """
    cases = {case.id: case for case in team.cases}
    shelf = [a for a in result.assignments if a.staff_id is None]
    shelf.sort(
        key=lambda a: (
            a.shelf_rank is None,
            a.shelf_rank or 0,
            a.case_id,
        )
    )
    rows = []
    for a in shelf:
        case = cases.get(a.case_id)
        rows.append(
            {
                "Rank": a.shelf_rank,
                "Case": a.case_id,
                "Type": case.type if case else "",
                "Priority": case.priority.name.lower() if case else "",
                "Effort hours": hundredths(case.effort_hours)
                if case
                else None,
                "Received": case.received if case else None,
                "Deadline": case.deadline if case else None,
                "Risk": a.risk,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "Rank",
            "Case",
            "Type",
            "Priority",
            "Effort hours",
            "Received",
            "Deadline",
            "Risk",
        ],
    )


def backlog_metrics(team: Team, result: BacklogResult) -> dict[str, float]:
    """Headline figures of a backlog plan, to set beside baselines.

    Max and spread of utilisation (in %, over people with capacity), cases
    moved, cases forecast late, cases left on the shelf, and hours left on
    the shelf.
    """
    load = load_frame(team, result)
    used = load["Utilisation"].dropna().astype(float)
    shelf = shelf_frame(team, result)
    return {
        "Max utilisation %": round(float(used.max()) * 100, 1)
        if len(used)
        else 0.0,
        "Utilisation spread %": round(float(used.max() - used.min()) * 100, 1)
        if len(used)
        else 0.0,
        "Cases moved": float(sum(a.moved for a in result.assignments)),
        "Cases late": float(sum(a.late for a in result.assignments)),
        "Cases on shelf": float(len(shelf)),
        "Shelf hours": hundredths(shelf["Effort hours"].fillna(0).sum()),
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
