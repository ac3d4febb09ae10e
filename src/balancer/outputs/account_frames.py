"""The fairness account as plain tables: the Fairness and History sheets.

Every figure comes from the month's account (``RotaResult.staff``; see
:mod:`balancer.solvers.rota.account`): the balance *carried in* (from
last month's History), the fair share (already less what was carried in,
and as far as who may take which duty allows), the part of it no rota can
give back (*unavoidable*, not carried), the hours done, their deviation
from the share, the person's part of a staffing shortfall (not carried)
and the balance *carried out*, which next month's History holds: the
deviation plus that part. Per duty alike; the overall balance carried out
is the sum of the duty balances.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from balancer.files.schema import HISTORY
from balancer.outputs.words import hundredths

if TYPE_CHECKING:
    from balancer.domain import Team
    from balancer.result import RotaResult

__all__ = [
    "FAIRNESS_COLUMNS",
    "carried_in_frame",
    "fairness_frame",
    "history_frame",
]


def fairness_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """Per person: the account of duty hours, overall and per duty.

    Columns: Staff, Name, Available hours, Carried in, Fair share,
    Unavoidable, Assigned, Deviation, Short of target, Carried out,
    Unpopular slots, Unpopular fair share, Unpopular deviation, then per
    duty ``<duty> hours``, ``<duty> fair share`` and ``<duty> carried
    out`` (blank for someone who may not take the duty). Hours to the
    minute, shown to 0.01.
    """
    summaries = {s.staff_id: s for s in result.staff}
    rows = []
    for person in team.staff:
        summary = summaries.get(person.id)
        if summary is None:
            continue
        row: dict[str, object] = {
            "Staff": person.id,
            "Name": person.name,
            "Available hours": hundredths(summary.available_hours),
            "Carried in": hundredths(summary.carried_in_hours),
            "Fair share": hundredths(summary.fair_share_hours),
            "Unavoidable": hundredths(summary.unavoidable_hours),
            "Assigned": hundredths(summary.assigned_hours),
            "Deviation": hundredths(summary.deviation_hours),
            "Short of target": hundredths(summary.short_of_target_hours),
            "Carried out": hundredths(summary.carried_out_hours),
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
                row[f"{duty.id} carried out"] = hundredths(
                    summary.carried_out_by_duty.get(duty.id, 0.0)
                )
        rows.append(row)
    per_duty = [
        f"{duty.id} {what}"
        for duty in team.duties
        for what in ("hours", "fair share", "carried out")
    ]
    return pd.DataFrame(rows, columns=[*FAIRNESS_COLUMNS, *per_duty])


#: The Fairness sheet's columns before the per-duty ones.
FAIRNESS_COLUMNS = (
    "Staff",
    "Name",
    "Available hours",
    "Carried in",
    "Fair share",
    "Unavoidable",
    "Assigned",
    "Deviation",
    "Short of target",
    "Carried out",
    "Unpopular slots",
    "Unpopular fair share",
    "Unpopular deviation",
)


def carried_in_frame(team: Team) -> pd.DataFrame:
    """The balances the rota was planned with, in the History layout.

    The rota workbook keeps them (a hidden sheet), so ``balancer
    statements`` tells the same account as the Statements sheet, also
    after a hand edit.
    """
    rows = [
        (b.staff_id, b.duty or "", b.hours, b.unpopular_slots)
        for b in team.history
    ]
    return pd.DataFrame(rows, columns=list(HISTORY.headers))


def history_frame(team: Team, result: RotaResult) -> pd.DataFrame:
    """The new History sheet: balances carried out to next month.

    Same columns as the input History sheet (``schema.HISTORY``): Staff,
    Duty, Balance hours, Unpopular balance. Per person one row with a
    blank duty (all duties together: the sum of the duty rows) and one
    per duty they may take, each the balance carried out, to the minute
    (the cell holds the exact hours; it shows two decimals). The
    unpopular balance sits on the all-duties row.

    Without a rota (no staff summaries) the old balances are carried on
    unchanged, so nothing is lost when a month could not be planned.
    """
    headers = HISTORY.headers
    if not result.staff:
        rows = [
            (b.staff_id, b.duty or "", b.hours, b.unpopular_slots)
            for b in team.history
        ]
        return pd.DataFrame(rows, columns=list(headers))
    summaries = {s.staff_id: s for s in result.staff}
    ordered = [p.id for p in team.staff if p.id in summaries]
    rows = []
    for staff_id in ordered:
        summary = summaries[staff_id]
        if not summary.fair_share_by_duty:
            continue  # takes no duty: nothing to carry
        rows.append(
            (
                staff_id,
                "",
                summary.carried_out_hours,
                hundredths(
                    summary.unpopular_slots - summary.unpopular_fair_share
                ),
            )
        )
        for duty in team.duties:
            if duty.id in summary.carried_out_by_duty:
                rows.append(
                    (
                        staff_id,
                        duty.id,
                        summary.carried_out_by_duty[duty.id],
                        0.0,
                    )
                )
    return pd.DataFrame(rows, columns=list(headers))
