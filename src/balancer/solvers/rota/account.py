"""The month's fairness account: each person's line, from shares and rota.

One ledger, in steps, so it carries to the minute: per duty, the balance
carried out is the duty done less the fair share, plus the person's part
of the hours that duty falls short of target staffing (in proportion to
their share of it, whole steps by largest remainder, ties in team order;
negative when the duty is staffed over target). Each duty's balances add
up to 0 over the team, so the next month's shares add up to the planned
duty again. A person's overall balance is the sum of their duty
balances. The unavoidable part of a share (:mod:`.shares`) is named, not
carried: no rota can give it back.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.result import StaffDutySummary
from balancer.solvers.rota.shares import largest_remainder

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Team
    from balancer.result import DutyAssignment
    from balancer.solvers.rota.shares import Shares

__all__ = ["summarise"]


def summarise(
    team: Team, shares: Shares, assignments: Iterable[DutyAssignment]
) -> tuple[StaffDutySummary, ...]:
    """Each person's account: load, shares, what is carried in and out."""
    step = shares.step
    done: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unpopular: dict[str, int] = defaultdict(int)
    for a in set(assignments):
        slot = team.duty_by_id[a.duty_id].slots[a.slot_index]
        span = minutes(slot.end) - minutes(slot.start)
        done[a.staff_id][a.duty_id] += span // step
        unpopular[a.staff_id] += slot.unpopular
    parts = _short_of_target(team, shares, done)
    account = shares.account
    per_unit = shares.per_unit

    def hours(steps: float | Fraction) -> float:
        return round(float(steps) / per_unit, 6) + 0.0

    summaries = []
    for person in team.staff:
        mine = done.get(person.id, {})
        duties = {
            u: pool[person.id]
            for u, pool in shares.by_duty.items()
            if person.id in pool
        }
        short = {u: parts[u].get(person.id, 0) for u in duties}
        summaries.append(
            StaffDutySummary(
                staff_id=person.id,
                available_hours=shares.available[person.id] / 60,
                fair_share_hours=hours(shares.overall.get(person.id, 0)),
                assigned_hours=hours(sum(mine.values())),
                hours_by_duty={u: hours(n) for u, n in sorted(mine.items())},
                fair_share_by_duty={u: hours(n) for u, n in duties.items()},
                unpopular_slots=unpopular.get(person.id, 0),
                unpopular_fair_share=shares.unpopular.get(person.id, 0)
                / per_unit,
                claim_hours=hours(account.claim.get(person.id, 0)),
                carried_in_hours=hours(account.carried_in.get(person.id, 0)),
                carried_in_by_duty={
                    u: hours(value)
                    for u, value in account.carried_in_by_duty.get(
                        person.id, {}
                    ).items()
                },
                unavoidable_hours=hours(account.unavoidable.get(person.id, 0)),
                unavoidable_by_duty={
                    u: hours(account.unavoidable_by_duty[u][person.id])
                    for u in duties
                },
                short_of_target_hours=hours(sum(short.values())),
                short_of_target_by_duty={
                    u: hours(n) for u, n in short.items()
                },
                carried_out_by_duty={
                    u: hours(mine.get(u, 0) - share + short[u])
                    for u, share in duties.items()
                },
            )
        )
    return tuple(summaries)


def _short_of_target(
    team: Team, shares: Shares, done: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    """Duty -> person -> their part of the duty's shortfall, in steps."""
    order = [p.id for p in team.staff]
    parts: dict[str, dict[str, int]] = {}
    for duty_id, pool in shares.by_duty.items():
        planned = shares.account.planned.get(duty_id, 0)
        staffed = sum(load.get(duty_id, 0) for load in done.values())
        short = planned - staffed
        people = [p for p in order if p in pool]
        if not people or planned == 0:
            parts[duty_id] = dict.fromkeys(people, 0)
            continue
        exact = {p: Fraction(short * pool[p], planned) for p in people}
        if short >= 0:
            parts[duty_id] = largest_remainder(exact, short, people)
        else:  # over target: the same split of the excess, negated
            flipped = largest_remainder(
                {p: -value for p, value in exact.items()}, -short, people
            )
            parts[duty_id] = {p: -value for p, value in flipped.items()}
    return parts
