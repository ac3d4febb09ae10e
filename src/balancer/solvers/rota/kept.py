"""Why a kept rota's hand edits cannot hold, in the planner's words.

With ``--keep`` (or ``replan``) the planner's hand edits and the frozen
past are hard (:func:`.constraints.kept_rota`). When no rota keeps them,
:func:`kept_conflicts` names the edits at fault:

1. an edit that puts someone where they cannot be at all (absent, not
   working then, not allowed on the duty, the team closed), with the
   reason;
2. for each hard rule on its own, the smallest set of edits found that
   breaks it, via CP-SAT assumptions (one Boolean per edit; the solver's
   infeasibility core names a sufficient subset);
3. failing both, the edits that clash with the rules taken together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.result import Conflict, SolveStatus
from balancer.solvers.rota.constraints import HARD_RULES
from balancer.solvers.rota.eligibility import unavailability
from balancer.solvers.rota.model import build_model
from balancer.solvers.runner import SolveParams, run_model

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Month, Team
    from balancer.result import DutyAssignment, RotaBaseline
    from balancer.solvers.rota.constraints import HardRule

__all__ = ["kept_conflicts", "kept_edits"]

#: Seconds per rule check; the models are small.
_CHECK_SECONDS = 5.0
#: Largest core shrunk edit by edit (one small solve per edit).
_SHRINK_UP_TO = 12

_Edit = tuple["DutyAssignment", bool, str]


def kept_edits(baseline: RotaBaseline) -> list[_Edit]:
    """Each fixed choice: (assignment, on or off, why it is fixed)."""
    edits: list[_Edit] = [(a, True, "hand edit") for a in baseline.pinned]
    edits += [(a, False, "removed by hand") for a in baseline.removed]
    until = baseline.frozen_until
    if until is not None:
        pinned = set(baseline.pinned)
        edits += [
            (a, True, f"frozen until {until:%d.%m.%Y}")
            for a in baseline.current
            if a.day <= until and a not in pinned
        ]
    return edits


def kept_conflicts(
    team: Team,
    month: Month,
    baseline: RotaBaseline,
    rules: Iterable[HardRule] = HARD_RULES,
    params: SolveParams | None = None,
) -> list[Conflict]:
    """The hand edits (and frozen days) that no rota can keep, and why.

    Each check is a short one-worker search with ``params``' seed and
    settings.
    """
    check = (params or SolveParams()).step(_CHECK_SECONDS, workers=1)
    edits = kept_edits(baseline)
    conflicts = _unavailable(team, edits)
    if conflicts:
        return conflicts
    for rule in rules:
        core = _core(team, month, edits, [rule], check)
        if core:
            conflicts.append(_conflict(team, rule, core))
    if not conflicts:
        core = _core(team, month, edits, list(rules), check)
        if core:
            conflicts.append(_conflict(team, None, core))
    return conflicts


def _unavailable(team: Team, edits: list[_Edit]) -> list[Conflict]:
    found = []
    for a, on, why in edits:
        if not on:
            continue
        person = team.staff_by_id.get(a.staff_id)
        duty = team.duty_by_id.get(a.duty_id)
        if person is None or duty is None or a.slot_index >= len(duty.slots):
            continue
        slot = duty.slots[a.slot_index]
        reason = unavailability(team, person, a.day, a.duty_id, slot)
        if reason is None and not slot.runs_on(a.day.weekday()):
            reason = "the slot does not run that day"
        if reason is not None:
            found.append(
                Conflict(
                    rule="kept_rota",
                    day=a.day,
                    message=f"{_what(team, a)} ({why}): "
                    f"{person.name or person.id} {reason}",
                )
            )
    return found


def _core(
    team: Team,
    month: Month,
    edits: list[_Edit],
    rules: list[HardRule],
    params: SolveParams,
) -> list[_Edit]:
    """A small set of edits that together break ``rules``; empty if none.

    CP-SAT's core is sufficient, not minimal; a short deletion pass drops
    every edit the rest still fails without (for cores up to
    :data:`_SHRINK_UP_TO` edits), so the planner reads only the culprits.
    """
    core = _raw_core(team, month, edits, rules, params)
    if len(core) > _SHRINK_UP_TO:
        return core
    for edit in list(core):
        rest = [e for e in core if e is not edit]
        if rest and _raw_core(team, month, rest, rules, params):
            core = rest
    return core


def _raw_core(
    team: Team,
    month: Month,
    edits: list[_Edit],
    rules: list[HardRule],
    params: SolveParams,
) -> list[_Edit]:
    """Edits that together break ``rules``; empty when they can hold."""
    built = build_model(team, month, rules=rules, goals=())
    v, model = built.variables, built.model
    literals: dict[int, _Edit] = {}
    assumed = []
    for edit in edits:
        a, on, _ = edit
        var = v.works(a.staff_id, a.day, a.duty_id, a.slot_index)
        if var is None:
            continue
        keep = model.new_bool_var(f"keep:{var.name}")
        model.add(var == int(on)).only_enforce_if(keep)
        literals[keep.index] = edit
        assumed.append(keep)
    model.add_assumptions(assumed)
    run = run_model(model, params)
    if run.status is not SolveStatus.INFEASIBLE:
        return []
    core = run.solver.sufficient_assumptions_for_infeasibility()
    return [literals[i] for i in core if i in literals]


def _conflict(
    team: Team, rule: HardRule | None, core: list[_Edit]
) -> Conflict:
    if rule is None:
        name, words = "kept_rota", "the rules taken together"
    else:
        name = rule.name
        words = (rule.add.__doc__ or name).strip().splitlines()[0].rstrip(".")
        words = f"the rule {words[0].lower()}{words[1:]!s}"
    listed = "; ".join(f"{_what(team, a)} ({why})" for a, _, why in core)
    return Conflict(
        rule=name,
        day=min(a.day for a, _, _ in core),
        message=f"The hand edits break {words}: {listed}",
    )


def _what(team: Team, a: DutyAssignment) -> str:
    person = team.staff_by_id.get(a.staff_id)
    who = (person.name or person.id) if person else a.staff_id
    duty = team.duty_by_id.get(a.duty_id)
    label = (
        duty.slots[a.slot_index].label
        if duty and a.slot_index < len(duty.slots)
        else f"slot {a.slot_index + 1}"
    )
    return f"{who} on {a.day:%a} {a.day.day} {a.day:%b} {label} {a.duty_id}"
