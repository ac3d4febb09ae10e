"""Why a rota cannot meet every demand, and the best rota that comes close.

Two steps, both in the planner's words:

1. :func:`demand_conflicts` is a cheap check per slot instance: when
   fewer people are available than the slot needs (in total, or with a
   required skill), it names who is unavailable and why, e.g. ``Tue 4 May
   10:00-12:00: phone needs 2 with english; only 1 can (Anna on vacation,
   Bo doesn't work Tuesdays)``.
2. :func:`solve_relaxed` turns minimum staffing and skill needs into soft
   demands with a huge penalty per missing person, so the best rota
   breaks as few demands as possible. Every demand it breaks becomes a
   :class:`~balancer.result.Conflict` that also says which limits keep
   the available people off the slot.

Only the demands (minimum staffing, skills) are relaxed: every other hard
rule is an upper limit, so a rota always exists once demands may go
unmet, and the limits show up in the explanation instead.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.result import Conflict, SolveStats, SolveStatus
from balancer.solvers.rota.constraints import (
    HARD_RULES,
    minimum_staffing,
    required_skills,
)
from balancer.solvers.rota.eligibility import unavailability
from balancer.solvers.rota.limits import day_refusal
from balancer.solvers.rota.model import build_model, to_result
from balancer.solvers.rota.objectives import Term
from balancer.solvers.rota.tiers import reporting
from balancer.solvers.runner import run_model

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from ortools.sat.python import cp_model

    from balancer.domain import Month, SkillRequirement, Staff, Team
    from balancer.result import DutyAssignment, RotaBaseline, RotaResult
    from balancer.solvers.rota.model import RotaModel
    from balancer.solvers.rota.variables import RotaVariables, SlotInstance
    from balancer.solvers.runner import SolveParams

__all__ = ["RELAX_WEIGHT", "demand_conflicts", "solve_relaxed"]

#: Points per person missing from a demand: above any other goal's total.
RELAX_WEIGHT = 1_000_000

#: Names listed in a conflict before "and N more".
_MAX_NAMES = 6


def demand_conflicts(team: Team, month: Month) -> list[Conflict]:
    """Slot instances that too few people are available for, and why."""
    conflicts: list[Conflict] = []
    open_days = [d for d in month.days() if team.calendar.is_open(d)]
    for day in open_days:
        for duty in team.duties:
            for slot in duty.slots:
                if not slot.runs_on(day.weekday()):
                    continue
                takers = [p for p in team.staff if p.may_take(duty.id)]
                reasons = {
                    p.id: unavailability(team, p, day, duty.id, slot)
                    for p in takers
                }
                can = [p for p in takers if reasons[p.id] is None]
                when = f"{_day(day)} {slot.label}"
                if len(can) < slot.min_staff:
                    conflicts.append(
                        Conflict(
                            rule="minimum_staffing",
                            day=day,
                            message=f"{when}: {duty.id} needs "
                            f"{slot.min_staff}; only {len(can)} can"
                            + _because(takers, reasons),
                        )
                    )
                for need in slot.requirements:
                    holders = [
                        p
                        for p in takers
                        if p.level(need.skill) >= need.min_level
                    ]
                    able = [p for p in holders if reasons[p.id] is None]
                    if len(able) < need.count:
                        conflicts.append(
                            Conflict(
                                rule="required_skills",
                                day=day,
                                message=f"{when}: {duty.id} needs "
                                f"{need.count} with {_skill(need)}; only "
                                f"{len(able)} can"
                                + _because(holders, reasons),
                            )
                        )
    return conflicts


@dataclass(frozen=True)
class _Demand:
    """A relaxed demand: slot instance, skill need (or None), shortfall."""

    instance: SlotInstance
    need: SkillRequirement | None
    shortfall: cp_model.IntVar


def solve_relaxed(
    team: Team,
    month: Month,
    params: SolveParams,
    known: Iterable[Conflict] = (),
    *,
    time_limit: float | None = None,
    started: float | None = None,
    baseline: RotaBaseline | None = None,
) -> RotaResult:
    """The rota that leaves the fewest demands unmet, with the conflicts.

    ``known`` conflicts (from :func:`demand_conflicts`) come first; each
    demand the rota breaks that they don't already name is added.
    The result's status is INFEASIBLE (the rules cannot all hold) and
    ``relaxed`` is True when it carries a rota.
    """
    started = time.perf_counter() if started is None else started
    rules = [
        r for r in HARD_RULES if r not in (minimum_staffing, required_skills)
    ]
    built = build_model(team, month, rules=rules, baseline=baseline)
    demands = _soft_demands(built.variables)
    built.terms.insert(
        0,
        Term(
            "unmet_demand",
            "People missing from minimum staffing or skill needs",
            RELAX_WEIGHT,
            built.shares.per_unit * sum(d.shortfall for d in demands),
            built.shares.per_unit,
        ),
    )
    built.minimize()
    progress = reporting(
        params,
        started,
        "demands, points",
        built.shares.per_unit,
        per_missing=RELAX_WEIGHT,
    )
    run = run_model(built.model, progress, time_limit)
    conflicts = list(known)
    if run.has_solution:
        rota = built.variables.extract(run.solver)
        seen = {(c.rule, c.day, c.message.split(":")[0]) for c in conflicts}
        for demand in demands:
            missing = run.solver.value(demand.shortfall)
            if missing > 0:
                conflict = _explain_shortfall(built, demand, missing, rota)
                key = (
                    conflict.rule,
                    conflict.day,
                    conflict.message.split(":")[0],
                )
                if key not in seen:
                    conflicts.append(conflict)
    unmet = sum(
        run.solver.value(d.shortfall) for d in demands if run.has_solution
    )
    stats = SolveStats(
        status=SolveStatus.INFEASIBLE,
        objective=None
        if run.objective is None
        else run.objective / built.shares.per_unit,
        bound=None if run.bound is None else run.bound / built.shares.per_unit,
        seconds=round(time.perf_counter() - started, 3),
        interrupted=run.interrupted,
        phases=(
            "the rules cannot all hold",
            f"relaxed rota ({run.status.value}) leaves {unmet} "
            "person-slot(s) of demand unmet"
            if run.has_solution
            else f"no relaxed rota found ({run.status.value})",
        ),
    )
    return to_result(
        built,
        run,
        conflicts=conflicts,
        relaxed=run.has_solution,
        status_override=stats,
    )


def _soft_demands(v: RotaVariables) -> list[_Demand]:
    """Minimum staffing and skill needs, each with a shortfall variable."""
    staff = v.team.staff_by_id
    demands: list[_Demand] = []
    for inst in v.instances():
        on = v.staff_on(inst)
        needs: list[tuple[SkillRequirement | None, int, list[cp_model.IntVar]]]
        needs = [(None, inst.slot.min_staff, [var for _, var in on])]
        for req in inst.slot.requirements:
            holders = [
                var
                for staff_id, var in on
                if staff[staff_id].level(req.skill) >= req.min_level
            ]
            needs.append((req, req.count, holders))
        for need, count, xs in needs:
            if count == 0:
                continue
            what = "staff" if need is None else need.skill
            short = v.model.new_int_var(0, count, f"unmet:{inst.label}/{what}")
            v.model.add(sum(xs) + short >= count)
            demands.append(_Demand(inst, need, short))
    return demands


def _explain_shortfall(
    built: RotaModel,
    demand: _Demand,
    missing: int,
    rota: tuple[DutyAssignment, ...],
) -> Conflict:
    """A broken demand and what keeps each candidate off the slot."""
    team, inst, need = built.team, demand.instance, demand.need
    takers = [p for p in team.staff if p.may_take(inst.duty_id)]
    if need is not None:
        takers = [p for p in takers if p.level(need.skill) >= need.min_level]
        wanted = f"{need.count} with {_skill(need)}"
        rule = "required_skills"
        count = need.count
    else:
        wanted = str(inst.slot.min_staff)
        rule = "minimum_staffing"
        count = inst.slot.min_staff
    reasons = {
        p.id: unavailability(team, p, inst.day, inst.duty_id, inst.slot)
        for p in takers
    }
    on_slot = {
        a.staff_id
        for a in rota
        if (a.day, a.duty_id, a.slot_index) == inst.key
    }
    busy = {
        p.id: _limit_reason(built, p, inst, rota)
        for p in takers
        if reasons[p.id] is None and p.id not in on_slot
    }
    message = (
        f"{_day(inst.day)} {inst.slot.label}: {inst.duty_id} needs "
        f"{wanted}; the best rota gives {count - missing}"
    )
    if busy:
        message += "; the others who work then are at their limits: " + (
            _names(
                [f"{_name(team.staff_by_id[s])} {r}" for s, r in busy.items()]
            )
        )
    unavailable = [
        f"{_name(p)} {reasons[p.id]}" for p in takers if reasons[p.id]
    ]
    if unavailable:
        message += "; unavailable: " + _names(unavailable)
    return Conflict(rule=rule, day=inst.day, message=message)


def _limit_reason(
    built: RotaModel,
    person: Staff,
    inst: SlotInstance,
    rota: tuple[DutyAssignment, ...],
) -> str:
    """Which limit keeps an available person off the slot in ``rota``."""
    mine = {
        (a.day, a.duty_id, a.slot_index)
        for a in rota
        if a.staff_id == person.id
    }
    today = [
        i for i, _ in built.variables.day_of(person.id, inst.day)
        if i.key in mine
    ]  # fmt: skip
    week = inst.day.isocalendar()[:2]
    others = len(
        {
            d
            for d, _, _ in mine
            if d != inst.day and d.isocalendar()[:2] == week
        }
    )
    reason = day_refusal(built.team, person, inst, today, others)
    return f"({reason})" if reason else "(not placed)"


def _because(people: list[Staff], reasons: dict[str, str | None]) -> str:
    out = [f"{_name(p)} {reasons[p.id]}" for p in people if reasons[p.id]]
    return f" ({_names(out)})" if out else ""


def _names(items: list[str]) -> str:
    if len(items) <= _MAX_NAMES:
        return ", ".join(items)
    rest = len(items) - _MAX_NAMES
    return ", ".join(items[:_MAX_NAMES]) + f" and {rest} more"


def _name(person: Staff) -> str:
    return person.name or person.id


def _skill(need: SkillRequirement) -> str:
    if need.min_level == 1:
        return need.skill
    return f"{need.skill} (level {need.min_level}+)"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"
