"""Every sentence balancer prints, in English and Danish.

Key -> language -> template with ``{blanks}``;
:class:`balancer.language.Words` fills the blanks in, writing numbers,
hours and dates the language's way. The entries live in one module per
area; a test checks that every key has every language and the same blanks
in each, and that no key is defined twice.
"""

from __future__ import annotations

import re
from functools import cache

from balancer.language.catalogue.backlog import BACKLOG
from balancer.language.catalogue.board_page import BOARD_PAGE
from balancer.language.catalogue.checks import CHECKS
from balancer.language.catalogue.cli import CLI
from balancer.language.catalogue.common import COMMON
from balancer.language.catalogue.entry import Entry
from balancer.language.catalogue.goals import GOALS
from balancer.language.catalogue.reasons import REASONS
from balancer.language.catalogue.rota import ROTA
from balancer.language.catalogue.rules import RULES
from balancer.language.catalogue.statements import STATEMENTS
from balancer.language.catalogue.team import TEAM

__all__ = ["AREAS", "CATALOGUE", "Entry", "patterns"]

#: The areas in the order they are merged.
AREAS: tuple[dict[str, Entry], ...] = (
    BACKLOG,
    BOARD_PAGE,
    CHECKS,
    CLI,
    COMMON,
    GOALS,
    REASONS,
    ROTA,
    RULES,
    STATEMENTS,
    TEAM,
)

CATALOGUE: dict[str, Entry] = {
    key: entry for area in AREAS for key, entry in area.items()
}


@cache
def patterns(prefix: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The ``prefix`` entries with blanks, as (English regex, key).

    ``header.{duty} hours`` matches ``phone hours`` with ``duty=phone``;
    longer templates first, so the most specific wins.
    """
    found = []
    for key in CATALOGUE:
        if not key.startswith(prefix) or "{" not in key:
            continue
        parts = re.split(r"(\{\w+\})", key[len(prefix) :])
        regex = "".join(
            f"(?P<{part[1:-1]}>.+?)"
            if part.startswith("{")
            else re.escape(part)
            for part in parts
            if part
        )
        found.append((re.compile(regex), key))
    found.sort(key=lambda item: -len(item[1]))
    return tuple(found)
