"""A sentence not yet in any language: a catalogue key and its fields.

The solvers explain themselves (why someone cannot take a slot, why a
demand is not met) before anyone knows which language will show it. They
say it as a :class:`Said`; the writer picks the language. A field may be
another ``Said`` (a reason inside a conflict), written in the same
language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from balancer.language.words import LANGUAGES, Words

if TYPE_CHECKING:
    from balancer.language.words import Language

__all__ = ["Said"]


@dataclass(frozen=True)
class Said:
    """The catalogue's sentence ``key`` with ``fields``, in no language yet."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: object) -> Said:
        """``Said.of("why.no_duty", duty="phone")``."""
        return cls(key, tuple(fields.items()))

    def text(self, lang: Language = "en") -> str:
        """The sentence in ``lang``."""
        words = Words(lang)
        filled = {
            name: value.text(lang) if isinstance(value, Said) else value
            for name, value in self.fields
        }
        return words(self.key, **filled)

    def texts(self) -> dict[str, str]:
        """The sentence in every language, by language code."""
        return {lang: self.text(lang) for lang in LANGUAGES}

    def __str__(self) -> str:
        return self.text("en")
