"""What every domain model shares: the frozen base and common field types."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "DateOutOfRange",
    "FrozenModel",
    "Identifier",
    "InputDate",
    "SkillLevel",
    "check_date",
]

SkillLevel = Annotated[int, Field(ge=1, le=3)]
Identifier = Annotated[str, Field(min_length=1, max_length=200)]

#: The dates an input may hold. Planning months run 2000-2100; an open
#: case may have come in long before, and a deadline or absence may lie
#: beyond. Outside this range a date is a typo (0027 for 2027), and day
#: arithmetic near year 9999 overflows.
FIRST_DATE = date(1900, 1, 1)
LAST_DATE = date(2199, 12, 31)


class DateOutOfRange(ValueError):
    """A real date, but outside the years balancer reads."""


def check_date(day: date) -> date:
    """``day`` itself; :class:`DateOutOfRange` when outside the range.

    Rule: every date in the input lies from :data:`FIRST_DATE` to
    :data:`LAST_DATE`.
    """
    if not FIRST_DATE <= day <= LAST_DATE:
        shown = f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
        raise DateOutOfRange(
            f"{shown} is outside the years {FIRST_DATE.year}-"
            f"{LAST_DATE.year} that balancer reads; check the year"
        )
    return day


#: A date in the input, checked by :func:`check_date`.
InputDate = Annotated[date, AfterValidator(check_date)]


class FrozenModel(BaseModel):
    """A frozen pydantic model that refuses unknown fields.

    Numbers must be finite: a NaN or an infinity (JSON allows both) would
    pass every bound and reach the solvers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self:
        """A copy; cached look-ups (``staff_by_id`` ...) are rebuilt.

        pydantic copies the instance dict, cached properties included, so
        a copy with other staff or absences would see the old ones.
        """
        copied = super().model_copy(update=update, deep=deep)
        for klass in type(self).__mro__:
            for name, member in vars(klass).items():
                if isinstance(member, cached_property):
                    copied.__dict__.pop(name, None)
        return copied
