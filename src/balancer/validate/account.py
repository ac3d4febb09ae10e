"""The month's fairness account, checked line by line against the team.

The account (``RotaResult.staff``) is what the next month carries in, so
a mistake there is repaid for months. This check shares no code with the
solver's account (:mod:`balancer.solvers.rota.account`): it works the
shares out again (:mod:`.fair_shares`), counts the rota's hours itself
and checks every rule of the ledger (``docs/constraints.md``, "The
account"), in hundredths of an hour:

* each person's duty hours are the rota's, and their shares by duty are
  the exact shares, rounded, adding up to each duty's planned hours;
* what is carried in is the team's History, and the claim is the raw
  share less it;
* per duty, carried out = done - fair share + the person's part of the
  duty's shortfall (in proportion to their share), and the balances add
  up to 0 over the team;
* overall figures are the sums of the duty figures, and the unavoidable
  part is the fair share less the claim.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.validate.fair_shares import fair_shares

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment, StaffDutySummary

__all__ = ["check_account"]

#: Two figures agree when they round to the same hundredth; a sum of
#: rounded figures may differ from the rounded sum by this much per term.
HUNDREDTH = 0.01
_SLACK = 0.005 + 1e-9


def check_account(
    team: Team,
    month: Month,
    assignments: Iterable[DutyAssignment],
    summaries: Iterable[StaffDutySummary],
) -> list[str]:
    """Every way the account breaks its rules, in words; ``[]`` if none."""
    shares = fair_shares(team, month)
    per_hour = 60 / shares.step
    lines = {s.staff_id: s for s in summaries}
    problems: list[str] = []
    pool = list(shares.claim)
    missing = [p for p in pool if p not in lines]
    problems += [f"{p}: takes duty but has no line" for p in missing]

    done: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a in set(assignments):
        slot = team.duty_by_id[a.duty_id].slots[a.slot_index]
        done[a.staff_id][a.duty_id] += (
            minutes(slot.end) - minutes(slot.start)
        ) / 60

    for staff_id, line in lines.items():
        for duty_id, hours in done[staff_id].items():
            if abs(line.hours_by_duty.get(duty_id, 0.0) - hours) > _SLACK:
                problems.append(
                    f"{staff_id}: {line.hours_by_duty.get(duty_id, 0.0)} h "
                    f"of {duty_id} in the account, {hours} h in the rota"
                )
        problems += _line_adds_up(line)

    for duty_id, planned_steps in shares.planned.items():
        planned = planned_steps / per_hour
        takers = [
            p for p in pool if p in lines and duty_id in _duties(lines[p])
        ]
        fair_sum = sum(lines[p].fair_share_by_duty[duty_id] for p in takers)
        if abs(fair_sum - planned) > _SLACK:
            problems.append(
                f"{duty_id}: fair shares add up to {fair_sum:.2f} h, "
                f"planned {planned:.2f} h"
            )
        out_sum = sum(lines[p].carried_out_by_duty[duty_id] for p in takers)
        if abs(out_sum) > _SLACK:
            problems.append(
                f"{duty_id}: balances carried out add up to {out_sum:.2f} h, "
                "not 0"
            )
        staffed = sum(done[p].get(duty_id, 0.0) for p in done)
        exact = shares.exact_by_duty.get(duty_id, {})
        for p in takers:
            line = lines[p]
            share = exact.get(p, 0.0) / per_hour
            if abs(line.fair_share_by_duty[duty_id] - share) > HUNDREDTH:
                given = line.fair_share_by_duty[duty_id]
                problems.append(
                    f"{p}: fair share of {duty_id} {given} h, "
                    f"exact {share:.4f} h"
                )
            part = (planned - staffed) * share / planned if planned else 0.0
            want = done[p].get(duty_id, 0.0) - share + part
            got = line.carried_out_by_duty[duty_id]
            if abs(got - want) > HUNDREDTH:
                problems.append(
                    f"{p}: carries out {got} h of {duty_id}, the rota and "
                    f"shares give {want:.4f} h"
                )

    for p in pool:
        if p not in lines:
            continue
        line = lines[p]
        claim = float(shares.claim[p]) / per_hour
        if abs(line.claim_hours - claim) > _SLACK:
            problems.append(
                f"{p}: claim {line.claim_hours} h, not {claim:.4f} h"
            )
        carried = float(shares.carried_in[p]) / per_hour
        if abs(line.carried_in_hours - carried) > _SLACK:
            problems.append(
                f"{p}: carried in {line.carried_in_hours} h, History says "
                f"{carried:.2f} h"
            )
        for duty_id, value in shares.carried_in_by_duty.get(p, {}).items():
            given = line.carried_in_by_duty.get(duty_id, 0.0)
            if abs(given - float(value) / per_hour) > _SLACK:
                problems.append(
                    f"{p}: carried in {given} h of {duty_id}, History says "
                    f"{float(value) / per_hour:.2f} h"
                )
    return problems


def _duties(line: StaffDutySummary) -> set[str]:
    return set(line.fair_share_by_duty)


def _line_adds_up(line: StaffDutySummary) -> list[str]:
    """A person's figures add up as printed, per duty and overall."""
    who = line.staff_id
    found = []
    duties = _duties(line)
    for name, figures in (
        ("carried out", line.carried_out_by_duty),
        ("short of target", line.short_of_target_by_duty),
    ):
        if duties and set(figures) != duties:
            found.append(f"{who}: {name} names duties {sorted(figures)}")
            return found
    for duty_id in duties:
        left = line.carried_out_by_duty[duty_id]
        right = (
            line.hours_by_duty.get(duty_id, 0.0)
            - line.fair_share_by_duty[duty_id]
            + line.short_of_target_by_duty[duty_id]
        )
        if abs(left - right) > _SLACK:
            found.append(
                f"{who}: {duty_id} carried out {left} h, but done - fair "
                f"share + shortfall part = {right:.2f} h"
            )
    sums = (
        ("fair share", line.fair_share_hours, line.fair_share_by_duty),
        ("assigned", line.assigned_hours, line.hours_by_duty),
        (
            "short of target",
            line.short_of_target_hours,
            line.short_of_target_by_duty,
        ),
    )
    for name, total, parts in sums:
        if duties and abs(total - sum(parts.values())) > _SLACK * len(parts):
            found.append(
                f"{who}: {name} {total} h is not the sum of its duties "
                f"({sum(parts.values()):.2f} h)"
            )
    if duties:
        unavoidable = line.fair_share_hours - line.claim_hours
        if abs(line.unavoidable_hours - unavoidable) > _SLACK:
            found.append(
                f"{who}: unavoidable {line.unavoidable_hours} h, but fair "
                f"share - claim = {unavoidable:.2f} h"
            )
    return found
