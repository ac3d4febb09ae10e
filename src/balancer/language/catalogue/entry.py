"""One catalogue entry: a sentence per language."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from balancer.language.words import Language

__all__ = ["Entry"]

#: Language -> template with ``{blanks}``.
Entry = dict["Language", str]
