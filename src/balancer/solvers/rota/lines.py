"""A first rota for shift-work teams, built one person's line at a time.

:mod:`.greedy` fills slots day by day and keeps only the day and week
limits. Shift-work rules (shifts of a type, total minutes, runs of duty
days and days off, weekends, successions) span the whole period, and a
day-by-day rota breaks them; CP-SAT on the whole model, on the other
hand, finds no rota at all in a minute for a 182-day, 50-person team
(Curtois Instance20).

Those rules are all about one person, though. So each person in turn
gets their best *line* (what they do on each day of the period) from a
small CP-SAT model holding only their own hard rules, priced by what
the people before them left: a slot still short of its target earns the
target-staffing weight, one at or above it costs the over-target weight,
and requests and preferences count as in the full model. A slot already
at its maximum is closed. The rules about several people at once
(minimum staffing, skills) cannot be kept one line at a time; a slot
below its minimum weighs heavily instead, and the caller checks the
whole rota against the full model (:func:`.hints.complete_hint`).

With time to spare a second round re-plans each line against everyone
else's, which only lowers the estimated cost.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from balancer.result import DutyAssignment
from balancer.solvers.rota.constraints import (
    HARD_RULES,
    minimum_staffing,
    required_skills,
)
from balancer.solvers.rota.objectives import matches
from balancer.solvers.rota.variables import RotaVariables

if TYPE_CHECKING:
    from datetime import date

    from balancer.domain import Month, Staff, Team
    from balancer.solvers.rota.variables import SlotInstance

__all__ = ["PERSONAL_RULES", "line_rota"]

#: The hard rules that concern one person only.
PERSONAL_RULES = tuple(
    rule
    for rule in HARD_RULES
    if rule not in (minimum_staffing, required_skills)
)

#: Points for taking a slot still below its minimum staff: more than any
#: goal can weigh against it, as it stands for a hard rule.
BELOW_MINIMUM = 10_000

#: Seconds for finding a person's first line, try after try.
FIRST_LINE_LIMITS = (0.5, 2.0, 8.0)

#: Rounds of re-planning every line, the first included.
MAX_ROUNDS = 4

_Key = tuple["date", str, int]


@dataclass
class _Line:
    """One person's model, built once and re-priced each round."""

    person: Staff
    variables: RotaVariables
    asks: dict[_Key, int]
    chosen: tuple[DutyAssignment, ...] = ()
    #: Every variable's value in the line's last solution: the next hint.
    values: tuple[int, ...] = ()


def line_rota(
    team: Team, month: Month, *, time_limit: float, seed: int = 0
) -> list[DutyAssignment] | None:
    """A rota keeping every personal hard rule, in about ``time_limit``.

    None when some person has no line that keeps their own rules (the
    full model is then infeasible, and the solver says why) or none was
    found in half a second.
    """
    deadline = time.perf_counter() + time_limit
    staffed: dict[_Key, int] = defaultdict(int)
    lines: list[_Line] = []
    for k, person in enumerate(team.staff):
        variables = _personal_model(team, month, person)
        line = _Line(person, variables, _asks(team, person, variables))
        lines.append(line)
        # Out of time, each line still gets a first solution (a few
        # hundredths of a second each): a late start beats none.
        left = max(0.0, deadline - time.perf_counter())
        if not _replan(line, staffed, left / (len(team.staff) - k), seed):
            return None
    # Then rounds while time is left: each line is re-planned against all
    # the others (never worse, as its old line is the hint and remains
    # possible), which undoes the first round's bias towards the people
    # planned first.
    for _ in range(MAX_ROUNDS - 1):
        for k, line in enumerate(lines):
            left = deadline - time.perf_counter()
            if left < 0.05 * (len(lines) - k):
                return [a for line in lines for a in line.chosen]
            _replan(line, staffed, left / (len(lines) - k), seed)
    return [a for line in lines for a in line.chosen]


def _personal_model(team: Team, month: Month, person: Staff) -> RotaVariables:
    """The person's choices under their own hard rules, no objective."""
    alone = team.model_copy(update={"staff": (person,)})
    variables = RotaVariables(cp_model.CpModel(), alone, month)
    for rule in PERSONAL_RULES:
        rule(variables)
    return variables


def _replan(
    line: _Line, staffed: dict[_Key, int], limit: float, seed: int
) -> bool:
    """Give the line its best choices against ``staffed``; False if none."""
    for a in line.chosen:
        staffed[a.day, a.duty_id, a.slot_index] -= 1
    v = line.variables
    if not line.values:
        # With the prices, CP-SAT may spend a person's whole share
        # looking for a first line (Instance20: 0.3 s were not enough);
        # the rules alone give one in a few hundredths of a second.
        found = None
        # Usually found in a tenth of a second, but the time is
        # heavy-tailed (1.6 s once on Instance21): retry longer, reseeded.
        for attempt, most in enumerate(FIRST_LINE_LIMITS):
            found = _solve(v.model, max(limit, most), seed + attempt)
            if found is not None:
                break
        if found is None:
            return False
        _take(line, found)
    model = v.model.clone()
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(line.values)))
    hint.values.extend(line.values)
    terms = []
    for inst, var in v.choices(line.person.id):
        own = model.get_bool_var_from_proto_index(var.index)
        others = staffed[inst.key]
        if others >= inst.slot.maximum:
            model.add(own == 0)
            continue
        price = line.asks.get(inst.key, 0) + _cover_price(v.team, inst, others)
        if price:
            terms.append(price * own)
    model.minimize(sum(terms))
    found = _solve(model, limit, seed) if limit > 0 else None
    if found is not None:
        _take(line, found)
    # else the line stays as it was: it keeps the person's rules.
    for a in line.chosen:
        staffed[a.day, a.duty_id, a.slot_index] += 1
    return True


def _take(line: _Line, values: tuple[int, ...]) -> None:
    """Make ``values`` (a solution of the person's model) the line."""
    line.values = values
    line.chosen = tuple(
        DutyAssignment(
            staff_id=line.person.id,
            day=inst.day,
            duty_id=inst.duty_id,
            slot_index=inst.slot_index,
        )
        for inst, var in line.variables.choices(line.person.id)
        if values[var.index]
    )


def _solve(
    model: cp_model.CpModel, limit: float, seed: int
) -> tuple[int, ...] | None:
    """Every variable's value in the best solution found; None if none."""
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(limit, 0.05)
    solver.parameters.random_seed = seed
    # Restarts often, trying other branchings: a first line within a
    # tenth of a second for every Instance20 person tried, where the
    # default search took 0.1-5 s or more, depending on the seed.
    solver.parameters.search_branching = (
        cp_model.PORTFOLIO_WITH_QUICK_RESTART_SEARCH
    )
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return tuple(solver.response_proto.solution)


def _cover_price(team: Team, inst: SlotInstance, others: int) -> int:
    """Points one more person on ``inst`` adds, with ``others`` on it."""
    weights = team.weights
    price = 0
    if others < inst.slot.min_staff:
        price -= BELOW_MINIMUM
    if others < inst.slot.target_on(inst.day):
        price -= weights.target_staffing
    else:
        price += weights.over_target
    return price


def _asks(
    team: Team, person: Staff, variables: RotaVariables
) -> dict[_Key, int]:
    """Points the person's requests and preferences put on each choice."""
    weights = team.weights
    asks: dict[_Key, int] = defaultdict(int)
    if weights.requests:
        for req in team.requests:
            if req.staff_id != person.id:
                continue
            for inst, _ in variables.day_of(person.id, req.on):
                if inst.duty_id == req.duty:
                    sign = -1 if req.want else 1
                    asks[inst.key] += sign * weights.requests * req.weight
    mine = [p for p in team.preferences if p.staff_id == person.id]
    if weights.preferences and mine:
        for inst, _ in variables.choices(person.id):
            asks[inst.key] += weights.preferences * sum(
                pref.weight
                for pref in mine
                if matches(pref, inst) != pref.want
            )
    return dict(asks)
