"""Every sentence balancer prints, in English and Danish.

Key -> language -> template with ``{blanks}``;
:class:`balancer.language.Words` fills the blanks in, writing numbers,
hours and dates the language's way. The entries live in one module per
area; a test checks that every key has every language and the same blanks
in each, and that no key is defined twice.
"""

from __future__ import annotations

from balancer.language.catalogue.entry import Entry
from balancer.language.catalogue.statements import STATEMENTS

__all__ = ["AREAS", "CATALOGUE", "Entry"]

#: The areas in the order they are merged.
AREAS: tuple[dict[str, Entry], ...] = (STATEMENTS,)

CATALOGUE: dict[str, Entry] = {
    key: entry for area in AREAS for key, entry in area.items()
}
