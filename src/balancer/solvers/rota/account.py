"""The month's fairness account: each person's line, from shares and rota.

One ledger, in hundredths of an hour: the figures the sheets show are the
figures carried, and every line adds up as printed. The account measures
against the *exact* shares (:mod:`.shares`, before rounding to whole
steps): the rota is planned in whole steps, and the rounding is carried
like any other difference, so it cannot pile up on the same person month
after month.

Per duty, the balance carried out is the duty done less the exact fair
share, plus the person's part of the hours that duty falls short of
target staffing (in proportion to their share of it; negative when the
duty is staffed over target). Rounded to hundredths:

* each duty's fair shares add up to its planned hours, and its balances
  carried out add up to 0 over the team (largest remainders), so next
  month's shares add up to the planned duty again;
* a person's shortfall part is what makes their line add up exactly:
  carried out = done - fair share + shortfall part;
* overall figures are the sums of the duty figures, and the unavoidable
  part is the fair share less the claim. It is named, never carried: no
  rota can give it back.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING

from balancer.domain import minutes
from balancer.result import StaffDutySummary
from balancer.solvers.rota.rounding import largest_remainder

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from balancer.domain import Team
    from balancer.result import DutyAssignment
    from balancer.solvers.rota.shares import Shares

__all__ = ["summarise", "to_hundredths"]


def to_hundredths(hours: Fraction | float) -> int:
    """Hours as a whole number of hundredths (half up)."""
    return _half_up(Fraction(hours) * 100)


def _half_up(value: Fraction) -> int:
    return (2 * value.numerator + value.denominator) // (2 * value.denominator)


def _hours(hundredths: int) -> float:
    return hundredths / 100 + 0.0  # no minus zero


def _rounded_column(
    exact: Mapping[str, Fraction], total: int
) -> dict[str, int]:
    """Hundredths close to ``exact`` (hundredths) adding up to ``total``."""
    return largest_remainder(exact, total, list(exact))


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

    def exact(steps: Fraction | int) -> Fraction:
        """Steps as exact hundredths of an hour."""
        return Fraction(steps) * 100 / per_unit

    fair: dict[str, dict[str, int]] = defaultdict(dict)  # person, duty
    out: dict[str, dict[str, int]] = defaultdict(dict)
    short = _short_of_target(shares, done)
    for duty_id, pool in account.exact_by_duty.items():
        planned = to_hundredths(
            Fraction(account.planned.get(duty_id, 0)) / per_unit
        )
        for staff_id, value in _rounded_column(
            {p: exact(f) for p, f in pool.items()}, planned
        ).items():
            fair[staff_id][duty_id] = value
        balances = {
            p: exact(done[p].get(duty_id, 0) - f + short[duty_id][p])
            for p, f in pool.items()
        }
        for staff_id, value in _rounded_column(balances, 0).items():
            out[staff_id][duty_id] = value

    summaries = []
    for person in team.staff:
        mine = {u: _half_up(exact(n)) for u, n in done[person.id].items()}
        shares_of = fair.get(person.id, {})
        carried = out.get(person.id, {})
        part = {
            u: carried[u] - mine.get(u, 0) + shares_of[u] for u in shares_of
        }
        claim = _half_up(exact(account.claim.get(person.id, 0)))
        fair_total = sum(shares_of.values())
        unavoidable_by_duty = {
            u: _half_up(exact(account.unavoidable_by_duty[u][person.id]))
            for u in shares_of
        }
        summaries.append(
            StaffDutySummary(
                staff_id=person.id,
                available_hours=shares.available[person.id] / 60,
                fair_share_hours=_hours(fair_total),
                assigned_hours=_hours(sum(mine.values())),
                hours_by_duty={u: _hours(n) for u, n in sorted(mine.items())},
                fair_share_by_duty={
                    u: _hours(n) for u, n in shares_of.items()
                },
                unpopular_slots=unpopular.get(person.id, 0),
                unpopular_fair_share=shares.unpopular.get(person.id, 0)
                / per_unit,
                claim_hours=_hours(claim) if shares_of else 0.0,
                carried_in_hours=_hours(
                    _half_up(exact(account.carried_in.get(person.id, 0)))
                ),
                carried_in_by_duty={
                    u: _hours(_half_up(exact(value)))
                    for u, value in account.carried_in_by_duty.get(
                        person.id, {}
                    ).items()
                },
                unavoidable_hours=(
                    _hours(fair_total - claim) if shares_of else 0.0
                ),
                unavoidable_by_duty={
                    u: _hours(n) for u, n in unavoidable_by_duty.items()
                },
                short_of_target_hours=_hours(sum(part.values())),
                short_of_target_by_duty={
                    u: _hours(n) for u, n in part.items()
                },
                carried_out_by_duty={u: _hours(n) for u, n in carried.items()},
            )
        )
    return tuple(summaries)


def _short_of_target(
    shares: Shares, done: Mapping[str, Mapping[str, int]]
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
