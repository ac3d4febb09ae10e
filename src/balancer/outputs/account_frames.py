"""The fairness account as plain tables: the Fairness and History sheets.

Balances carried to next month
------------------------------
A person's fair share for the month (``StaffDutySummary.fair_share_hours``)
already subtracts the balance carried in from History: someone who did 3 h
too much last month has a fair share 3 h smaller this month. Their
deviation, assigned minus fair share, therefore *is* the new balance:

    new balance = assigned - fair share
                = assigned - (raw share - old balance)
                = (assigned - raw share) + old balance

so it is written to the new History sheet as it is, never added to the old
balance a second time. The same holds per duty (``hours_by_duty`` against
``fair_share_by_duty``) and for unpopular slots.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from balancer.files.schema import HISTORY
from balancer.outputs.words import hundredths

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.result import RotaResult

__all__ = ["fairness_frame", "history_frame"]


def _old_balance(team: Team, staff_id: str) -> tuple[float, float]:
    """Carried hours (all-duties rows, else the duty rows) and unpopular."""
    mine = [b for b in team.history if b.staff_id == staff_id]
    overall = [b for b in mine if b.duty is None]
    hours = sum(b.hours for b in (overall or mine))
    unpopular = sum(b.unpopular_slots for b in mine)
    return hours, unpopular


def fairness_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """Per person: duty hours and unpopular slots against fair share.

    Columns: Staff, Name, Available hours, Old balance, Fair share,
    Assigned, Deviation, Unpopular slots, Unpopular fair share, Unpopular
    deviation, then ``<duty> hours`` per duty, each followed by
    ``<duty> fair share`` when the rota has fair shares per duty (blank
    for someone who may not take the duty). ``Fair share`` already
    subtracts the old balance, so ``Deviation`` (assigned - fair share) is
    the new balance carried to next month (see the module docstring).
    Hours are rounded to 0.01.

    The per-duty shares are each duty's hours split among the people who
    may take it, so for someone who may take only some duties they need
    not add up to their overall share: both cannot be met, and the
    columns side by side show by how much.

    With carried history the cumulative view follows: ``Month deviation``
    (assigned - this month's fair share before the old balance) and
    ``New balance`` (old balance + month deviation = ``Deviation``).
    """
    summaries = {s.staff_id: s for s in result.staff}
    cumulative = bool(team.history)
    shared = {
        duty_id for s in result.staff for duty_id in s.fair_share_by_duty
    }
    rows = []
    for person in team.staff:
        summary = summaries.get(person.id)
        if summary is None:
            continue
        old_hours, _ = _old_balance(team, person.id)
        row: dict[str, object] = {
            "Staff": person.id,
            "Name": person.name,
            "Available hours": hundredths(summary.available_hours),
            "Old balance": hundredths(old_hours),
            "Fair share": hundredths(summary.fair_share_hours),
            "Assigned": hundredths(summary.assigned_hours),
            "Deviation": hundredths(summary.deviation_hours),
            "Unpopular slots": summary.unpopular_slots,
            "Unpopular fair share": hundredths(summary.unpopular_fair_share),
            "Unpopular deviation": hundredths(
                summary.unpopular_slots - summary.unpopular_fair_share
            ),
        }
        for duty in team.duties:
            row[f"{duty.id} hours"] = hundredths(
                summary.hours_by_duty.get(duty.id, 0)
            )
            if duty.id in summary.fair_share_by_duty:
                row[f"{duty.id} fair share"] = hundredths(
                    summary.fair_share_by_duty[duty.id]
                )
        if cumulative:
            row["Month deviation"] = hundredths(
                summary.deviation_hours - old_hours
            )
            row["New balance"] = hundredths(summary.deviation_hours)
        rows.append(row)
    per_duty = []
    for duty in team.duties:
        per_duty.append(f"{duty.id} hours")
        if duty.id in shared:
            per_duty.append(f"{duty.id} fair share")
    columns = [
        *_FAIRNESS_COLUMNS,
        *per_duty,
        *(("Month deviation", "New balance") if cumulative else ()),
    ]
    return pd.DataFrame(rows, columns=columns)


_FAIRNESS_COLUMNS = [
    "Staff",
    "Name",
    "Available hours",
    "Old balance",
    "Fair share",
    "Assigned",
    "Deviation",
    "Unpopular slots",
    "Unpopular fair share",
    "Unpopular deviation",
]


def history_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """The new History sheet: balances to carry into next month.

    Same columns as the input History sheet (``columns.HISTORY``): Staff,
    Duty, Balance hours, Unpopular balance. One row per person with a blank
    duty (all duties together: assigned - fair share, which already
    includes the old balance) and, when the result has per-duty fair
    shares, one row per person and duty (that duty's hours - its fair
    share). The unpopular balance sits on the all-duties row.

    Without a rota (no staff summaries) the old balances are carried on
    unchanged, so nothing is lost when a month could not be planned.
    """
    headers = HISTORY.headers
    if not result.staff:
        rows = [
            (
                b.staff_id,
                b.duty or "",
                hundredths(b.hours),
                hundredths(b.unpopular_slots),
            )
            for b in team.history
        ]
        return pd.DataFrame(rows, columns=list(headers))
    summaries = {s.staff_id: s for s in result.staff}
    ordered = [p.id for p in team.staff if p.id in summaries]
    ordered += [s for s in summaries if s not in team.staff_by_id]
    rows = []
    for staff_id in ordered:
        summary = summaries[staff_id]
        rows.append(
            (
                staff_id,
                "",
                hundredths(summary.deviation_hours),
                hundredths(
                    summary.unpopular_slots - summary.unpopular_fair_share
                ),
            )
        )
        for duty in team.duties:
            if duty.id not in summary.fair_share_by_duty:
                continue
            balance = summary.hours_by_duty.get(
                duty.id, 0.0
            ) - summary.fair_share_by_duty.get(duty.id, 0.0)
            rows.append((staff_id, duty.id, hundredths(balance), 0.0))
    return pd.DataFrame(rows, columns=list(headers))
