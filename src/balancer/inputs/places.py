"""Where each record of a read workbook came from: sheet, row, column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balancer.errors import InputProblem

if TYPE_CHECKING:
    from balancer.files.tables import Table

__all__ = ["SheetPlaces"]

#: Domain field names that differ from the column key, per sheet.
_FIELD_TO_COLUMN: dict[tuple[str, str], str] = {
    ("Duties", "id"): "duty",
    ("Duties", "slots"): "start",
    ("Staff", "pattern"): "days",
}


#: Fixes for the domain's cross-record problems, by field at fault.
_CROSS_FIX: dict[str, str] = {
    "id": "give each record its own id",
    "staff_id": "use an ID from the Staff sheet, or add the person there",
    "owner": "use an ID from the Staff sheet, or leave it blank",
    "effort_by_staff": "use IDs from the Staff sheet",
    "duties": "use duties named on the Duties sheet, or add the duty there",
    "duty": "use a duty named on the Duties sheet, or leave it blank",
    "requirements": "add the skill to someone in Staff who may take the "
    "duty, or lower the requirement",
    "skill": "add the skill in Staff, or lower the case's level",
}


@dataclass
class SheetPlaces:
    """Where each record of a workbook came from (a :class:`Locator`).

    ``rows[sheet][index]`` is the row of record ``index``; for Duties, the
    rows of each duty's slots are kept with their time labels so a slot's
    problem lands on the slot's own row.
    """

    source: str
    tables: dict[str, Table] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)
    slot_rows: dict[int, list[tuple[str, int]]] = field(default_factory=dict)
    setting_rows: dict[str, int] = field(default_factory=dict)

    def problem(
        self,
        sheet: str,
        index: int | None,
        field: str | None,
        message: str,
        fix: str = "",
        slot: int | None = None,
    ) -> InputProblem:
        """A problem about record ``index`` of ``sheet`` (English name).

        On the Duties sheet the problem lands on the row of slot ``slot``
        of the duty, else on the first of its slots named in the message.
        """
        table = self.tables.get(sheet)
        if table is None:
            return InputProblem(message, sheet=sheet, fix=fix)
        row = None
        if index is not None and index < len(self.rows.get(sheet, [])):
            row = self.rows[sheet][index]
            slots = self.slot_rows.get(index, []) if sheet == "Duties" else []
            if slot is not None and slot < len(slots):
                row = slots[slot][1]
            else:
                row = next(
                    (found for label, found in slots if label in message),
                    row,
                )
        key = _FIELD_TO_COLUMN.get((sheet, field or ""), field)
        if key is not None and not any(
            c.key == key for c in table.spec.columns
        ):
            key = None
        return table.problem(
            row, key, message, fix or _CROSS_FIX.get(field or "", "")
        )
