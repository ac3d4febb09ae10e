"""Fairness month to month: plan several months, with or without history.

:func:`simulate` plans consecutive months for a team. With a carry-over
function, each month's new balances (what the rota workbook's History
sheet holds) become the next month's history; without one, every month
is planned as if it were the first. For each month it records every
person's cumulative duty hours against their cumulative fair share, where
a month's fair share is the exact one without any carried balance (the
team's planned duty split by available hours, as far as who may take
which duty allows: :mod:`balancer.solvers.rota.shares`), less their part
of any hours the month's rota falls short of target staffing (nobody's
debt: in proportion to their share of the duty); overall and per duty.

``benchmarks/fairness_simulation.py`` runs it on the demo team for six
months and draws both curves; ``docs/fairness-over-time.md`` has the
figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balancer.domain import HistoryBalance
from balancer.solvers.rota import solve_rota
from balancer.solvers.rota.shares import compute_shares

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from balancer.domain import Month, Team
    from balancer.result import RotaResult, SolveStatus
    from balancer.solvers.runner import SolveParams

__all__ = ["MonthFigures", "balances_after", "simulate"]


@dataclass(frozen=True)
class MonthFigures:
    """One planned month: loads this month and cumulative deviations."""

    month: Month
    status: SolveStatus
    assigned: dict[str, float]
    fair: dict[str, float]
    cumulative: dict[str, float] = field(default_factory=dict)
    cumulative_by_duty: dict[str, dict[str, float]] = field(
        default_factory=dict
    )
    unavoidable: dict[str, float] = field(default_factory=dict)
    result: RotaResult | None = None

    @property
    def worst(self) -> float:
        """Largest cumulative deviation from fair share, in hours."""
        return max((abs(v) for v in self.cumulative.values()), default=0.0)

    @property
    def worst_by_duty(self) -> float:
        """Largest cumulative deviation of any person in any duty."""
        return max(
            (
                abs(v)
                for mine in self.cumulative_by_duty.values()
                for v in mine.values()
            ),
            default=0.0,
        )


def balances_after(
    team: Team, month: Month, result: RotaResult
) -> tuple[HistoryBalance, ...]:
    """The new balances, as the rota workbook's History sheet has them.

    One all-duties row per person and one row per duty, each the balance
    carried out (in hundredths of an hour; the all-duties row is the sum
    of the duty rows). Without a rota the old balances carry on unchanged.
    """
    if not result.staff:
        return team.history
    rows: list[HistoryBalance] = []
    for s in result.staff:
        if not s.fair_share_by_duty and not s.carried_out_by_duty:
            continue
        rows.append(
            HistoryBalance(
                staff_id=s.staff_id,
                hours=s.carried_out_hours,
                unpopular_slots=round(
                    s.unpopular_slots - s.unpopular_fair_share, 2
                ),
            )
        )
        rows += [
            HistoryBalance(staff_id=s.staff_id, duty=duty_id, hours=hours)
            for duty_id, hours in s.carried_out_by_duty.items()
        ]
    return tuple(rows)


def simulate(
    teams: Sequence[Team],
    months: Sequence[Month],
    params: SolveParams,
    carry: Callable[[Team, Month, RotaResult], tuple[HistoryBalance, ...]]
    | None = balances_after,
) -> list[MonthFigures]:
    """Plan ``months`` in order; ``teams[i]`` is the team of month ``i``.

    Each team's own history is replaced: by the carried balances when
    ``carry`` is given (none in the first month), else by nothing.
    ``carry(team, month, result)`` returns the balances after a month
    (:func:`balances_after` by default). Staff must be the same in every
    month.
    """
    from balancer.domain import Team

    history: tuple[HistoryBalance, ...] = ()
    total: dict[str, float] = {}
    by_duty: dict[str, dict[str, float]] = {}
    figures: list[MonthFigures] = []
    for base, month in zip(teams, months, strict=True):
        fields = {name: getattr(base, name) for name in Team.model_fields}
        team = Team.checked(**{**fields, "history": history})
        fresh = Team.checked(**{**fields, "history": ()})
        account = compute_shares(fresh, month).account
        per_unit = compute_shares(fresh, month).per_unit
        fair = {p: float(v) / per_unit for p, v in account.exact.items()}
        result = solve_rota(team, month, params)
        assigned = dict.fromkeys(fair, 0.0)
        done: dict[str, dict[str, float]] = {}
        for a in result.assignments:
            slot = team.duty_by_id[a.duty_id].slots[a.slot_index]
            assigned[a.staff_id] = assigned.get(a.staff_id, 0.0) + slot.hours
            mine = done.setdefault(a.staff_id, {})
            mine[a.duty_id] = mine.get(a.duty_id, 0.0) + slot.hours
        planned = {
            duty_id: float(steps) / per_unit
            for duty_id, steps in account.planned.items()
        }
        staffed: dict[str, float] = {}
        for mine in done.values():
            for duty_id, hours in mine.items():
                staffed[duty_id] = staffed.get(duty_id, 0.0) + hours
        for duty_id, pool in account.exact_by_duty.items():
            mine = by_duty.setdefault(duty_id, {})
            short = planned.get(duty_id, 0.0) - staffed.get(duty_id, 0.0)
            for staff_id, steps in pool.items():
                share = float(steps) / per_unit
                part = short * share / planned[duty_id] if short else 0.0
                deviation = (
                    done.get(staff_id, {}).get(duty_id, 0.0) - share + part
                )
                mine[staff_id] = mine.get(staff_id, 0.0) + deviation
                total[staff_id] = total.get(staff_id, 0.0) + deviation
        figures.append(
            MonthFigures(
                month=month,
                status=result.status,
                assigned=assigned,
                fair=fair,
                cumulative={k: round(v, 4) for k, v in total.items()},
                cumulative_by_duty={
                    u: {k: round(v, 4) for k, v in mine.items()}
                    for u, mine in by_duty.items()
                },
                unavoidable={
                    p: float(v) / per_unit
                    for p, v in account.unavoidable.items()
                },
                result=result,
            )
        )
        if carry is not None:
            history = carry(team, month, result)
    return figures
