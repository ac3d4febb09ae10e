"""The backlog model's decision variables, behind query methods.

``assign(k, p)`` is how many cases of class ``k`` person ``p`` gets (a
0/1 variable for a class of one). Integer indices stay in this module;
constraint and objective code ask for loads, moves and shelf counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from balancer.solvers.cases.data import BacklogData, CaseClass

__all__ = ["BacklogVariables"]

Expr = cp_model.LinearExprT


class BacklogVariables:
    """Who gets how many cases of each class; created from the data."""

    def __init__(self, model: cp_model.CpModel, data: BacklogData) -> None:
        self.model = model
        self.data = data
        self._assign: dict[tuple[int, str], cp_model.IntVar] = {}
        self._by_staff: dict[str, list[int]] = defaultdict(list)
        self._group: dict[tuple[str, str], cp_model.IntVar] = {}
        self._full: dict[tuple[str, int], cp_model.IntVar] = {}
        self._on_shelf: dict[int, cp_model.IntVar] = {}
        #: Derived variables shared between objective terms (peak load).
        self.derived: dict[str, cp_model.IntVar] = {}
        self._classes_of: dict[str, tuple[CaseClass, ...]] = {}
        self._placed: dict[int, cp_model.IntVar] = {}
        self._load_expr: dict[str, Expr] = {}
        self._max_load: dict[tuple[str, int | None], int] = {}
        for k in data.classes:
            for p in k.candidates:
                name = f"assign[{k.case_ids[0]}x{k.size},{p}]"
                var = (
                    model.new_bool_var(name)
                    if k.size == 1
                    else model.new_int_var(0, k.size, name)
                )
                self._assign[k.index, p] = var
                self._by_staff[p].append(k.index)

    # -- queries ----------------------------------------------------------

    @property
    def classes(self) -> tuple[CaseClass, ...]:
        """All case classes."""
        return self.data.classes

    def assign(self, k: CaseClass, staff_id: str) -> cp_model.IntVar | None:
        """Cases of ``k`` going to ``staff_id``; None when impossible."""
        return self._assign.get((k.index, staff_id))

    def pairs(self, k: CaseClass) -> Iterator[tuple[str, cp_model.IntVar]]:
        """(staff id, variable) for every candidate of ``k``."""
        for p in k.candidates:
            yield p, self._assign[k.index, p]

    def classes_of(self, staff_id: str) -> tuple[CaseClass, ...]:
        """Classes ``staff_id`` may take cases from."""
        found = self._classes_of.get(staff_id)
        if found is None:
            classes = self.data.classes
            found = tuple(classes[i] for i in self._by_staff[staff_id])
            self._classes_of[staff_id] = found
        return found

    def placed(self, k: CaseClass) -> Expr:
        """How many cases of ``k`` leave the shelf.

        One variable per class with several candidates (made on first
        use), so terms that count shelved cases stay short on big models.
        """
        if len(k.candidates) < 2:
            return cp_model.LinearExpr.sum([var for _, var in self.pairs(k)])
        var = self._placed.get(k.index)
        if var is None:
            var = self.model.new_int_var(
                0, k.size, f"placed[{k.case_ids[0]}x{k.size}]"
            )
            self.model.add(
                var == cp_model.LinearExpr.sum([v for _, v in self.pairs(k)])
            )
            self._placed[k.index] = var
        return var

    def shelved(self, k: CaseClass) -> Expr:
        """How many cases of ``k`` stay on (or go back to) the shelf."""
        return k.size - self.placed(k)

    def waiting(self, k: CaseClass) -> Expr:
        """Cases of ``k`` nobody works in the horizon: on the shelf, or
        kept by an owner with no casework hours in it (away)."""
        if k.owner is None or self.data.casework_minutes(k.owner) > 0:
            return self.shelved(k)
        others = [var for p, var in self.pairs(k) if p != k.owner]
        return k.size - cp_model.LinearExpr.sum(others)

    def on_shelf(self, k: CaseClass) -> cp_model.IntVar:
        """A literal that is true when some case of ``k`` is on the shelf
        (made on first use, shared).

        Formula: ``shelved[k] <= size(k) * on_shelf[k]``.
        """
        if k.index not in self._on_shelf:
            lit = self.model.new_bool_var(
                f"on_shelf[{k.case_ids[0]}x{k.size}]"
            )
            self.model.add(self.shelved(k) <= k.size * lit)
            self._on_shelf[k.index] = lit
        return self._on_shelf[k.index]

    def load(self, staff_id: str, up_to_day: int | None = None) -> Expr:
        """Minutes of new cases for ``staff_id``.

        With ``up_to_day`` only cases whose target day is on or before it
        (the work ahead of a case due that day).
        """
        if up_to_day is None and staff_id in self._load_expr:
            return self._load_expr[staff_id]
        chosen = [
            k
            for k in self.classes_of(staff_id)
            if up_to_day is None or k.target_day <= up_to_day
        ]
        expr = cp_model.LinearExpr.weighted_sum(
            [self._assign[k.index, staff_id] for k in chosen],
            [k.efforts[staff_id] for k in chosen],
        )
        if up_to_day is None:
            self._load_expr[staff_id] = expr
        return expr

    def load_var(self, staff_id: str) -> cp_model.IntVar:
        """:meth:`load` as one variable (made on first use)."""
        key = f"load[{staff_id}]"
        if key not in self.derived:
            var = self.model.new_int_var(
                0, max(0, self.max_load(staff_id)), key
            )
            self.model.add(var == self.load(staff_id))
            self.derived[key] = var
        return self.derived[key]

    def max_load(self, staff_id: str, up_to_day: int | None = None) -> int:
        """The largest value :meth:`load` can take (every candidate)."""
        key = (staff_id, up_to_day)
        if key not in self._max_load:
            self._max_load[key] = sum(
                k.efforts[staff_id] * k.size
                for k in self.classes_of(staff_id)
                if up_to_day is None or k.target_day <= up_to_day
            )
        return self._max_load[key]

    def moves(self, k: CaseClass) -> Expr:
        """Cases of ``k`` that leave their current owner (0 if none)."""
        if k.owner is None:
            return 0
        stay = self.assign(k, k.owner)
        return k.size - stay if stay is not None else k.size

    def full(self, staff_id: str, effort: int) -> cp_model.IntVar:
        """A literal that, when true, says ``staff_id`` has no room left
        for ``effort`` more minutes (made on first use, shared).

        Formula: ``full[p, e] => load[p] >= free[p] - e + 1``.
        """
        key = (staff_id, effort)
        if key not in self._full:
            lit = self.model.new_bool_var(f"full[{staff_id},{effort}]")
            room = self.data.free_minutes(staff_id) - effort
            self.model.add(
                self.load_var(staff_id) >= room + 1
            ).only_enforce_if(lit)
            self._full[key] = lit
        return self._full[key]

    def group_choice(self, group: str, staff_id: str) -> cp_model.IntVar:
        """True when ``group``'s cases go to ``staff_id`` (made on use)."""
        key = (group, staff_id)
        if key not in self._group:
            self._group[key] = self.model.new_bool_var(
                f"group[{group},{staff_id}]"
            )
        return self._group[key]

    # -- fixing, hints, reading --------------------------------------------

    def fix(self, case_id: str, staff_id: str | None) -> None:
        """Force one case to a person (or the shelf): for tests.

        Only for classes of one case; raises ``KeyError`` otherwise or when
        the pair has no variable.
        """
        k = self._class_of(case_id)
        if k.size != 1:
            raise KeyError(f"{case_id} is in a class of {k.size}")
        for p, var in self.pairs(k):
            self.model.add(var == int(p == staff_id))
        if staff_id is not None and staff_id not in k.efforts:
            raise KeyError(f"no variable for {case_id} with {staff_id}")

    def hint(self, owners: Mapping[str, str | None]) -> None:
        """Suggest a plan (case id -> owner) as the search's start."""
        for k in self.data.classes:
            counts: dict[str, int] = defaultdict(int)
            for cid in k.case_ids:
                owner = owners.get(cid)
                if owner is not None and owner in k.efforts:
                    counts[owner] += 1
            for p, var in self.pairs(k):
                self.model.add_hint(var, counts[p])

    def extract(self, solver: cp_model.CpSolver) -> dict[str, str | None]:
        """Case id -> new owner (None = shelf) from a solved model.

        Within a class the most urgent cases leave the shelf first and the
        current owner keeps theirs first.
        """
        owners: dict[str, str | None] = {}
        for k in self.data.classes:
            order = sorted(k.candidates, key=lambda p: p != k.owner)
            queue = list(k.case_ids)
            for p in order:
                for _ in range(solver.value(self._assign[k.index, p])):
                    owners[queue.pop(0)] = p
            for cid in queue:
                owners[cid] = None
        for cid, owner in self.data.fixed_owner.items():
            owners[cid] = owner
        return owners

    def _class_of(self, case_id: str) -> CaseClass:
        for k in self.data.classes:
            if case_id in k.case_ids:
                return k
        raise KeyError(case_id)
