"""The month's fairness account: each person's line, from shares and rota.

One ledger, to the minute. The account measures against the *exact*
shares (:mod:`.shares`, before rounding to whole steps): the rota is
planned in whole steps, and the rounding is carried like any other
difference, so it cannot pile up on the same person month after month.

Per duty, the balance carried out is the duty done less the exact fair
share, plus the person's part of the hours that duty falls short of
target staffing (in proportion to their share of it; negative when the
duty is staffed over target), rounded to the minute. Each duty's
balances add up to 0 over the team (to the minute), so next month's
shares add up to the planned duty again. A person's overall balance is
the sum of their duty balances. The unavoidable part of a share is named,
not carried: no rota can give it back.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.result import StaffDutySummary

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Team
    from balancer.result import DutyAssignment
    from balancer.solvers.rota.shares import Shares

__all__ = ["summarise", "to_minute"]


def to_minute(hours: Fraction | float) -> float:
    """Hours rounded to the whole minute (half up), as a float."""
    whole = Fraction(hours) * 60
    return (2 * whole.numerator + whole.denominator) // (
        2 * whole.denominator
    ) / 60 + 0.0


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
    account = shares.account
    per_unit = shares.per_unit
    short = _short_of_target(shares, done)

    def hours(steps: Fraction | int) -> float:
        return to_minute(Fraction(steps) / per_unit)

    summaries = []
    for person in team.staff:
        mine = done.get(person.id, {})
        exact = {
            u: pool[person.id]
            for u, pool in account.exact_by_duty.items()
            if person.id in pool
        }
        part = {u: short[u].get(person.id, Fraction(0)) for u in exact}
        carried_out = {
            u: hours(mine.get(u, 0) - share + part[u])
            for u, share in exact.items()
        }
        summaries.append(
            StaffDutySummary(
                staff_id=person.id,
                available_hours=shares.available[person.id] / 60,
                fair_share_hours=hours(account.exact.get(person.id, 0)),
                assigned_hours=hours(sum(mine.values())),
                hours_by_duty={u: hours(n) for u, n in sorted(mine.items())},
                fair_share_by_duty={u: hours(n) for u, n in exact.items()},
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
                    for u in exact
                },
                short_of_target_hours=sum(hours(n) for n in part.values()),
                short_of_target_by_duty={u: hours(n) for u, n in part.items()},
                carried_out_by_duty=carried_out,
            )
        )
    return tuple(summaries)


def _short_of_target(
    shares: Shares, done: dict[str, dict[str, int]]
) -> dict[str, dict[str, Fraction]]:
    """Duty -> person -> their part of the duty's shortfall, in steps.

    The shortfall is the planned steps less those staffed; each person's
    part is in proportion to their exact share of the duty.
    """
    parts: dict[str, dict[str, Fraction]] = {}
    for duty_id, pool in shares.account.exact_by_duty.items():
        planned = shares.account.planned.get(duty_id, 0)
        staffed = sum(load.get(duty_id, 0) for load in done.values())
        if planned == 0:
            parts[duty_id] = dict.fromkeys(pool, Fraction(0))
            continue
        short = planned - staffed
        parts[duty_id] = {
            p: Fraction(short) * share / planned for p, share in pool.items()
        }
    return parts
