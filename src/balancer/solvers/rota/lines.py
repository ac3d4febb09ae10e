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

With time to spare, further rounds re-plan each line against everyone
else's, which only lowers the estimated cost. When a round changes no
line, two lines at a time are re-planned together: one person alone can
rarely take a short-staffed shift when their minutes or runs are tight,
but two can trade (she takes the short shift, he takes one of hers).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ortools.sat.python import cp_model

from balancer.result import DutyAssignment
from balancer.solvers.rota.constraints import (
    HARD_RULES,
    minimum_staffing,
    required_skills,
)
from balancer.solvers.rota.objectives import matches
from balancer.solvers.rota.variables import RotaVariables
from balancer.solvers.runner import (
    SolveParams,
    run_model,
    stop_requested,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from balancer.domain import Month, Staff, Team
    from balancer.solvers.rota.variables import SlotInstance

__all__ = ["PERSONAL_RULES", "LinePlanner", "line_rota"]

#: The hard rules that concern one person only.
PERSONAL_RULES = tuple(
    rule
    for rule in HARD_RULES
    if rule not in (minimum_staffing, required_skills)
)

#: Points for taking a slot still below its minimum staff: more than any
#: goal can weigh against it, as it stands for a hard rule.
BELOW_MINIMUM = 10_000

#: Seconds for finding a person's first line, try after try, each with
#: two searches side by side: quick restarts and CP-SAT's feasibility
#: jump (a local search). On a 364-day line with a narrow minutes window
#: (Curtois Instance24: 111,600-112,320 minutes) quick restarts alone
#: found nothing in 10.5 s for 9 of the first 12 people, and the
#: feasibility jump finds a line in 1-2 s; on Instance22 quick restarts
#: are the faster of the two (1-7 s).
FIRST_LINE_LIMITS = (2.0, 8.0, 30.0)

#: Seconds for a last try with CP-SAT's two-worker portfolio. On
#: Instance22 (person AN: 111,360-112,320 minutes) quick restarts found
#: nothing in 40 s over four seeds; the portfolio found a line in
#: 8.5-19 s.
LAST_LINE_LIMIT = 60.0

#: Rounds of re-planning every line, the first included.
MAX_ROUNDS = 4

#: Seconds for re-planning a pair of lines (and for each line's own
#: model afterwards).
PAIR_SECONDS = 0.5

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


class LinePlanner:
    """Each person's line, planned against the cover the others leave.

    Every person gets a small model of their own hard rules, built once
    (:meth:`plan` builds it on first use). :attr:`staffed` counts who is
    on each slot across all lines, so re-planning one line prices its
    slots against everyone else's.

    Parameters
    ----------
    team, month
        What is planned.
    params
        Seed and settings of every small search; ``--workers`` caps
        them.
    """

    def __init__(
        self, team: Team, month: Month, params: SolveParams | None = None
    ) -> None:
        self.team = team
        self.month = month
        self.params = params or SolveParams()
        self.staffed: dict[_Key, int] = defaultdict(int)
        self._lines: dict[str, _Line] = {}

    def _line(self, staff_id: str) -> _Line:
        if staff_id not in self._lines:
            person = self.team.staff_by_id[staff_id]
            variables = _personal_model(self.team, self.month, person)
            asks = _asks(self.team, person, variables)
            self._lines[staff_id] = _Line(person, variables, asks)
        return self._lines[staff_id]

    def line(self, staff_id: str) -> tuple[DutyAssignment, ...]:
        """The person's line as it stands (empty before it is planned)."""
        found = self._lines.get(staff_id)
        return found.chosen if found else ()

    def rota(self) -> list[DutyAssignment]:
        """Every line planned so far, together."""
        return [a for line in self._lines.values() for a in line.chosen]

    def plan(self, staff_id: str, seconds: float) -> bool:
        """Give the person their best line against the others'.

        The first time, a line that keeps their own rules is searched
        first (see :data:`FIRST_LINE_LIMITS`). False when there is none.
        """
        return _replan(
            self._line(staff_id), self.staffed, seconds, self.params
        )

    def plan_pair(self, first: str, second: str) -> bool:
        """Re-plan two lines together; True when that made them cheaper."""
        pair = (self._line(first), self._line(second))
        return _replan_pair(
            self.team, self.month, pair, self.staffed, self.params
        )


def line_rota(
    team: Team,
    month: Month,
    *,
    time_limit: float,
    params: SolveParams | None = None,
) -> list[DutyAssignment] | None:
    """A rota keeping every personal hard rule, in about ``time_limit``.

    None when some person has no line that keeps their own rules (the
    full model is then infeasible, and the solver says why) or none was
    found in half a second. Each small search takes the seed and settings
    of ``params``. After Ctrl-C, the lines found so far come back.
    """
    planner = LinePlanner(team, month, params)
    deadline = time.perf_counter() + time_limit
    people = [p.id for p in team.staff]
    for k, staff_id in enumerate(people):
        # Out of time, each line still gets a first solution (a few
        # hundredths of a second each): a late start beats none.
        left = max(0.0, deadline - time.perf_counter())
        if not planner.plan(staff_id, left / (len(people) - k)):
            return None
    # Then rounds while time is left: each line is re-planned against all
    # the others (never worse, as its old line is the hint and remains
    # possible), which undoes the first round's bias towards the people
    # planned first.
    for _ in range(MAX_ROUNDS - 1):
        changed = False
        for k, staff_id in enumerate(people):
            left = deadline - time.perf_counter()
            if left < 0.05 * (len(people) - k) or stop_requested():
                return planner.rota()
            before = planner.line(staff_id)
            planner.plan(staff_id, left / (len(people) - k))
            changed = changed or set(before) != set(planner.line(staff_id))
        if not changed:
            break
    _trade_in_pairs(planner, people, deadline)
    return planner.rota()


def _trade_in_pairs(
    planner: LinePlanner, people: list[str], deadline: float
) -> None:
    """Re-plan two lines at a time, in random pairs, until ``deadline``.

    A pair is tried again only after one of its lines has changed; when
    every pair has been tried without a change, the search stops.
    """
    if len(people) < 2:
        return
    rng = random.Random(planner.params.seed)
    pairs = [(a, b) for a in range(len(people)) for b in range(a)]
    rng.shuffle(pairs)
    stale: set[tuple[int, int]] = set()
    while len(stale) < len(pairs):
        for a, b in pairs:
            left = deadline - time.perf_counter()
            if left < PAIR_SECONDS or stop_requested():
                return
            if (a, b) in stale:
                continue
            stale.add((a, b))
            if planner.plan_pair(people[a], people[b]):
                stale = {
                    pair for pair in stale if a not in pair and b not in pair
                }


def _personal_model(team: Team, month: Month, *people: Staff) -> RotaVariables:
    """The people's choices under their own hard rules, no objective."""
    alone = team.model_copy(update={"staff": people})
    variables = RotaVariables(cp_model.CpModel(), alone, month)
    for rule in PERSONAL_RULES:
        rule(variables)
    return variables


def _replan(
    line: _Line,
    staffed: dict[_Key, int],
    limit: float,
    params: SolveParams,
) -> bool:
    """Give the line its best choices against ``staffed``; False if none."""
    _count(staffed, (line,), -1)
    v = line.variables
    if not line.values:
        # With the prices, CP-SAT may spend a person's whole share
        # looking for a first line (Instance20: 0.3 s were not enough);
        # the rules alone give one in a few hundredths of a second.
        found = None
        # Usually found in a tenth of a second, but the time is
        # heavy-tailed (1.6 s once on Instance21): retry longer, reseeded.
        for attempt, most in enumerate(FIRST_LINE_LIMITS):
            found = _solve(
                v.model,
                params,
                max(limit, most),
                params.seed + attempt,
                search="first",
            )
            if found is not None:
                break
        if found is None:
            found = _solve(
                v.model,
                params,
                max(limit, LAST_LINE_LIMIT),
                params.seed,
                search="portfolio",
            )
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
    found = _solve(model, params, limit, params.seed) if limit > 0 else None
    if found is not None:
        _take(line, found)
    # else the line stays as it was: it keeps the person's rules.
    _count(staffed, (line,), 1)
    return True


def _count(
    staffed: dict[_Key, int], lines: Iterable[_Line], step: int
) -> None:
    """Add ``step`` to the staffing of every slot the ``lines`` take."""
    for line in lines:
        for a in line.chosen:
            staffed[a.day, a.duty_id, a.slot_index] += step


def _replan_pair(
    team: Team,
    month: Month,
    pair: tuple[_Line, _Line],
    staffed: dict[_Key, int],
    params: SolveParams,
) -> bool:
    """Re-plan two lines together against everyone else; True if cheaper.

    The shared slots are priced unit by unit: the first of the two on a
    slot earns what one more person there is worth, the second what one
    more after that is worth. Those prices only rise with the staffing
    (short of the minimum, short of the target, over it), so the cheaper
    unit is always the first one taken.
    """
    _count(staffed, pair, -1)
    taken = {
        (line.person.id, (a.day, a.duty_id, a.slot_index))
        for line in pair
        for a in line.chosen
    }
    v = _personal_model(team, month, pair[0].person, pair[1].person)
    model = v.model
    on: dict[_Key, list[tuple[_Line, cp_model.IntVar]]] = defaultdict(list)
    slot_of: dict[_Key, SlotInstance] = {}
    for line in pair:
        for inst, var in v.choices(line.person.id):
            model.add_hint(var, (line.person.id, inst.key) in taken)
            on[inst.key].append((line, var))
            slot_of[inst.key] = inst
    terms: list[cp_model.LinearExprT] = []
    now = 0
    for key, entries in on.items():
        inst, others = slot_of[key], staffed[key]
        room = inst.slot.maximum - others
        count = sum((line.person.id, key) in taken for line, _ in entries)
        prices = [_cover_price(v.team, inst, others + k) for k in range(2)]
        now += sum(prices[:count])
        for line, var in entries:
            ask = line.asks.get(key, 0)
            now += ask * ((line.person.id, key) in taken)
            if room <= 0:
                model.add(var == 0)
            elif ask:
                terms.append(ask * var)
        if room <= 0:
            continue
        if len(entries) == 1:
            terms.append(prices[0] * entries[0][1])
            continue
        units = [model.new_bool_var(f"unit{k}@{key}") for k in range(2)]
        model.add(sum(units) == sum(var for _, var in entries))
        model.add(units[1] <= units[0])
        if room < 2:
            model.add(units[1] == 0)
        for k, unit in enumerate(units):
            model.add_hint(unit, count > k)
            terms.append(prices[k] * unit)
    model.minimize(sum(terms))
    found = _solve(model, params, PAIR_SECONDS, params.seed)
    better = found is not None and _cost(model, found) < now
    if better:
        assert found is not None
        completed = [
            _complete(
                line,
                {
                    inst.key
                    for inst, var in v.choices(line.person.id)
                    if found[var.index]
                },
                params,
            )
            for line in pair
        ]
        better = all(values is not None for values in completed)
        if better:
            for line, values in zip(pair, completed, strict=True):
                assert values is not None
                _take(line, values)
    _count(staffed, pair, 1)
    return better


def _cost(model: cp_model.CpModel, values: tuple[int, ...]) -> int:
    """The model's objective at ``values``."""
    objective = model.proto.objective
    pairs = zip(objective.vars, objective.coeffs, strict=True)
    return int(sum(c * values[i] for i, c in pairs) + objective.offset)


def _complete(
    line: _Line, keys: set[_Key], params: SolveParams
) -> tuple[int, ...] | None:
    """Values for the line's own model with exactly the slots ``keys``.

    The line's own model (re-planned alone later) needs every variable's
    value as its hint: a short solve with the slots fixed fills them in.
    None if that solve finds nothing in time.
    """
    model = line.variables.model.clone()
    for inst, var in line.variables.choices(line.person.id):
        model.add(
            model.get_bool_var_from_proto_index(var.index)
            == int(inst.key in keys)
        )
    return _solve(model, params, PAIR_SECONDS, params.seed)


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
    model: cp_model.CpModel,
    params: SolveParams,
    limit: float,
    seed: int,
    *,
    search: Literal["quick", "first", "portfolio"] = "quick",
) -> tuple[int, ...] | None:
    """Every variable's value in the best solution found; None if none.

    ``quick``: one worker restarting often, trying other branchings (a
    first line within a tenth of a second for every Instance20 person
    tried, where the default search took 0.1-5 s or more, depending on
    the seed). ``first``: that worker beside CP-SAT's feasibility jump,
    for a first line. ``portfolio``: CP-SAT's own two-worker choice.
    """
    seconds = max(limit, 0.05)
    if search == "portfolio":
        step = params.step(
            seconds, workers=2, seed=seed, extra={"subsolvers": []}
        )
    elif search == "first":
        # With two workers CP-SAT adds the feasibility jump as a first-
        # solution search next to the full-problem worker named here.
        step = params.step(
            seconds,
            workers=2,
            seed=seed,
            extra={"subsolvers": ["quick_restart"]},
        )
    else:
        step = params.step(
            seconds,
            workers=1,
            seed=seed,
            extra={
                "subsolvers": [],
                "search_branching": (
                    cp_model.PORTFOLIO_WITH_QUICK_RESTART_SEARCH
                ),
            },
        )
    run = run_model(model, step)
    return run.values() if run.has_solution else None


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
