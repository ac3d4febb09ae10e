"""What every domain model shares: the frozen base and common field types."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FrozenModel", "Identifier", "SkillLevel"]

SkillLevel = Annotated[int, Field(ge=1, le=3)]
Identifier = Annotated[str, Field(min_length=1, max_length=200)]


class FrozenModel(BaseModel):
    """A frozen pydantic model that refuses unknown fields.

    Numbers must be finite: a NaN or an infinity (JSON allows both) would
    pass every bound and reach the solvers.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False
    )

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
