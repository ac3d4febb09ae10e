"""The backlog's texts in every language, and the pieces they are made of.

The reasons, risks and warnings of a backlog plan are written once in
every language (:func:`balancer.language.texts`), so a writer shows them
in the planner's; the English one also stays in the result's plain text
fields. People are named by their names, dates and hours in each
language's style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.language import LANGUAGES, Words, texts
from balancer.solvers.cases.queues import ANY_SKILL

if TYPE_CHECKING:
    from collections.abc import Iterable

    from balancer.domain import Team

__all__ = [
    "Texts",
    "cases_count",
    "hours",
    "name",
    "names",
    "queue_words",
    "say",
    "whose",
]

#: Language -> text, as :func:`balancer.language.texts` gives it.
Texts = dict[str, str]


def say(key: str, **fields: object) -> Texts:
    """The catalogue's sentence for ``key`` in every language; a field
    given in every language goes in in each."""
    return {lang: text for lang, text in texts(key, **fields).items()}


def name(team: Team, staff_id: str) -> str:
    """The person's name, or their id when they have none."""
    person = team.staff_by_id.get(staff_id)
    return (person.name or staff_id) if person else staff_id


def names(team: Team, staff_ids: Iterable[str]) -> str:
    """Names separated by commas."""
    return ", ".join(name(team, s) for s in staff_ids)


def whose(team: Team, staff_id: str) -> Texts:
    """``Anna Holm's`` / ``Anna Holms``."""
    who = name(team, staff_id)
    return {lang: Words(lang).possessive(who) for lang in LANGUAGES}


def hours(value: float) -> Texts:
    """``3.5 h`` / ``3,5 t``."""
    return {lang: Words(lang).hours(value) for lang in LANGUAGES}


def cases_count(count: int) -> Texts:
    """``1 case``, ``3 cases`` / ``1 sag``, ``3 sager``."""
    if count == 1:
        return say("count.case")
    return say("count.cases", count=count)


def queue_words(queue: str) -> Texts:
    """``the pension queue`` / ``køen for pension``."""
    if queue == ANY_SKILL:
        return say("queue.any")
    return say("queue.named", queue=queue)
