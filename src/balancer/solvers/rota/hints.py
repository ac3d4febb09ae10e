"""Complete solution hints: a starting rota with every variable set.

CP-SAT only starts from a hint it can complete. A hint on the rota's
Booleans alone leaves thousands of penalty and helper variables open,
and in the demo (24 staff, 2 workers) the search then dropped the hint
and began from a much worse first solution. So a starting rota is
turned into a *complete* hint: pin the rota in a copy of the model,
minimise the full objective there (every penalty variable takes its
least value, which is cheap because nothing else is free), and hint
every variable with that solution. A hint CP-SAT can check to be
feasible becomes its first solution at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.solvers.runner import SolveParams, run_model

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.result import DutyAssignment
    from balancer.solvers.rota.model import RotaModel

__all__ = ["Priced", "complete_hint"]


@dataclass(frozen=True)
class Priced:
    """A rota's price in the model: the objective and each term's value.

    Both in model units (steps and counts times steps per hour).
    """

    cost: float
    terms: dict[str, int]

    def of(self, names: Iterable[str], weights: dict[str, int]) -> int:
        """The weighted sum of the named terms."""
        return sum(
            weights[n] * self.terms[n] for n in names if n in self.terms
        )


def complete_hint(
    built: RotaModel,
    rota: Iterable[DutyAssignment],
    *,
    time_limit: float = 5.0,
    params: SolveParams | None = None,
) -> Priced | None:
    """Hint every variable of ``built`` from ``rota``, if it is feasible.

    ``built.model`` must carry the objective the hint is for. Returns the
    rota's price (objective and terms, model units), or None when the
    rota breaks a hard
    rule (or the check ran out of time); then the rota is hinted on the
    rota Booleans only, as a guide for the search. The check runs on
    one worker, with the seed and settings of ``params``.
    """
    rota = tuple(rota)
    pinned = built.model.clone()
    on = {(a.staff_id, (a.day, a.duty_id, a.slot_index)) for a in rota}
    for key, index in built.variables.indices():
        pinned.add(pinned.get_bool_var_from_proto_index(index) == (key in on))
    pinned.clear_hints()  # type: ignore[no-untyped-call]
    run = run_model(
        pinned,
        (params or SolveParams()).step(time_limit, workers=1),
        after_stop=True,
    )
    built.model.clear_hints()  # type: ignore[no-untyped-call]
    if not run.has_solution:
        built.variables.hint(rota)
        return None
    hint = built.model.proto.solution_hint
    values = run.values()
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)
    return Priced(
        cost=float(run.solver.objective_value),
        terms={t.name: int(run.solver.value(t.expr)) for t in built.terms},
    )
