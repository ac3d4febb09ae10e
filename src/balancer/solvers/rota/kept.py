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

from balancer.language import LANGUAGES, Said, Words
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

_Edit = tuple["DutyAssignment", bool, Said]


def kept_edits(baseline: RotaBaseline) -> list[_Edit]:
    """Each fixed choice: (assignment, on or off, why it is fixed)."""
    hand, removed = Said.of("kept.hand_edit"), Said.of("kept.removed")
    edits: list[_Edit] = [(a, True, hand) for a in baseline.pinned]
    edits += [(a, False, removed) for a in baseline.removed]
    until = baseline.frozen_until
    if until is not None:
        pinned = set(baseline.pinned)
        frozen = Said.of("kept.frozen", day=until)
        edits += [
            (a, True, frozen)
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
            reason = Said.of("why.slot_not_that_day")
        if reason is not None:
            said = Said.of(
                "conflict.kept",
                what=_what(team, a),
                why=why,
                name=person.name or person.id,
                reason=reason,
            )
            found.append(
                Conflict(
                    rule="kept_rota",
                    day=a.day,
                    message=said.text(),
                    texts=said.texts(),
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
    name = "kept_rota" if rule is None else rule.name
    texts = {}
    for lang in LANGUAGES:
        words = Words(lang)
        if rule is None:
            which = words("kept.rules_together")
        else:
            which = words("kept.the_rule", rule=_rule_words(words, rule))
        listed = "; ".join(
            f"{_what(team, a).text(lang)} ({why.text(lang)})"
            for a, _, why in core
        )
        texts[lang] = words("kept.break", rule=which, listed=listed)
    return Conflict(
        rule=name,
        day=min(a.day for a, _, _ in core),
        message=texts["en"],
        texts=texts,
    )


def _rule_words(words: Words, rule: HardRule) -> str:
    """The rule's sentence, without its full stop, lower case first."""
    key = f"rule.{rule.name}"
    if words.has(key):
        sentence = words(key)
    else:
        sentence = (rule.add.__doc__ or rule.name).strip().splitlines()[0]
    sentence = sentence.rstrip(".")
    return sentence[:1].lower() + sentence[1:]


def _what(team: Team, a: DutyAssignment) -> Said:
    person = team.staff_by_id.get(a.staff_id)
    who = (person.name or person.id) if person else a.staff_id
    duty = team.duty_by_id.get(a.duty_id)
    label: object = (
        duty.slots[a.slot_index].label
        if duty and a.slot_index < len(duty.slots)
        else Said.of("board.slot", number=a.slot_index + 1)
    )
    title = (duty.title.strip() or a.duty_id) if duty else a.duty_id
    return Said.of("kept.what", who=who, day=a.day, span=label, duty=title)
