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

from balancer.language import LANGUAGES, Said, Words
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
    from collections.abc import Callable, Iterable
    from datetime import date

    from ortools.sat.python import cp_model

    from balancer.domain import Duty, Month, SkillRequirement, Staff, Team
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
                when = _When(day, slot.label)
                if len(can) < slot.min_staff:
                    conflicts.append(
                        _too_few(when, duty, takers, reasons, slot.min_staff)
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
                            _too_few(when, duty, holders, reasons, need=need)
                        )
    return conflicts


def _too_few(
    when: _When,
    duty: Duty,
    people: list[Staff],
    reasons: dict[str, Said | None],
    count: int = 0,
    need: SkillRequirement | None = None,
) -> Conflict:
    """Fewer of ``people`` can take the slot than it needs, and why."""
    can = sum(1 for p in people if reasons[p.id] is None)

    def message(w: Words) -> str:
        because = _because(w, people, reasons)
        if need is None:
            return w(
                "conflict.short",
                when=when.text(w),
                duty=_title(duty),
                count=count,
                can=can,
                because=because,
            )
        return w(
            "conflict.short_skill",
            when=when.text(w),
            duty=_title(duty),
            count=need.count,
            skill=_skill(w, need),
            can=can,
            because=because,
        )

    rule = "minimum_staffing" if need is None else "required_skills"
    return _conflict(rule, when.day, message)


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
        rule = "required_skills"
        count = need.count
    else:
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
    when = _When(inst.day, inst.slot.label)
    duty = team.duty_by_id[inst.duty_id]

    def message(w: Words) -> str:
        if need is not None:
            wanted = w(
                "conflict.count_with", count=need.count, skill=_skill(w, need)
            )
        else:
            wanted = str(inst.slot.min_staff)
        text = w(
            "conflict.best_gives",
            when=when.text(w),
            duty=_title(duty),
            wanted=wanted,
            given=count - missing,
        )
        if busy:
            text += w(
                "conflict.at_limits",
                names=_names(
                    w,
                    [
                        f"{_name(team.staff_by_id[s])} ({r.text(w.lang)})"
                        for s, r in busy.items()
                    ],
                ),
            )
        unavailable = [
            f"{_name(p)} {reason.text(w.lang)}"
            for p in takers
            if (reason := reasons[p.id]) is not None
        ]
        if unavailable:
            text += w("conflict.unavailable", names=_names(w, unavailable))
        return text

    return _conflict(rule, inst.day, message)


def _limit_reason(
    built: RotaModel,
    person: Staff,
    inst: SlotInstance,
    rota: tuple[DutyAssignment, ...],
) -> Said:
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
    return reason or Said.of("why.not_placed")


@dataclass(frozen=True)
class _When:
    """A slot instance as the planner names it: ``Mon 4 Jan 08:00-10:00``."""

    day: date
    span: str

    def text(self, words: Words) -> str:
        return f"{words.day(self.day)} {self.span}"


def _conflict(
    rule: str, day: date, message: Callable[[Words], str]
) -> Conflict:
    """A conflict with its message in every language (English first)."""
    texts = {lang: message(Words(lang)) for lang in LANGUAGES}
    return Conflict(rule=rule, day=day, message=texts["en"], texts=texts)


def _because(
    words: Words, people: list[Staff], reasons: dict[str, Said | None]
) -> str:
    out = [
        f"{_name(p)} {reason.text(words.lang)}"
        for p in people
        if (reason := reasons[p.id]) is not None
    ]
    return f" ({_names(words, out)})" if out else ""


def _names(words: Words, items: list[str]) -> str:
    if len(items) <= _MAX_NAMES:
        return ", ".join(items)
    rest = len(items) - _MAX_NAMES
    shown = ", ".join(items[:_MAX_NAMES])
    return words("conflict.more", names=shown, rest=rest)


def _name(person: Staff) -> str:
    return person.name or person.id


def _title(duty: Duty) -> str:
    return duty.title.strip() or duty.id


def _skill(words: Words, need: SkillRequirement) -> str:
    if need.min_level == 1:
        return need.skill
    return words(
        "conflict.skill_level", skill=need.skill, level=need.min_level
    )
