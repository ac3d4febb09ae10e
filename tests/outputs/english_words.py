"""Find English words in a workbook meant to be Danish.

:func:`english_words_in` walks every string cell of the chosen sheets,
their printed page headers and their charts' titles, and returns each
word of :data:`ENGLISH_WORDS` it finds, with where. The team's own data
(names, ids, duty titles, skills, case types...) is no English of
balancer's: :func:`team_words` collects its words to pass as ``allowed``.

Words are runs of letters; a word joined to others by underscores (a
setting such as ``max_moves``) and text in backticks are names, not
words, and are skipped.

Usage::

    found = english_words_in(path, sheets=["Sager"], allowed=team_words(t))
    assert found == []
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import load_workbook

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, Iterator

    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from balancer.domain import Team

__all__ = [
    "ENGLISH_WORDS",
    "EnglishWord",
    "english_words_in",
    "english_words_in_text",
    "team_words",
]

#: English words that have no business in a Danish workbook. Words that
#: are Danish too are left out on purpose: at, for, to, by, over, under,
#: start, plan, model, normal, total, balance, budget, note, type, min,
#: optimal, status, blank, mail, person, time (an hour), sat (set), fri
#: (off).
ENGLISH_WORDS: frozenset[str] = frozenset(
    """
    above after allowed an and any assigned avoid away because behind
    below bound case cases capacity chart closed conflict conflicts course
    date day days deadline default description detail duty duties each
    effort everyone feasible finish first fixed forecast from full gap goal
    goals greedy group high history in infeasible instructions is it kept
    late least level load loaded low message metric move moved moves name
    names new no nobody none not objective of off on opening overdue owner
    owners phase pinned place planned planner priority progress qualified
    queue reason received risk room rota rule rules seconds setting
    settings share sheet shelf sick skill skills solve spread staff
    stopped summary switches the this until urgent user utilisation
    vacation value waiting waits want warning warnings week weekly weight
    weighted with yes
    monday tuesday wednesday thursday friday saturday sunday
    mon tue wed thu sun
    """.split()  # noqa: SIM905 (a word list reads best as words)
)

_WORD = re.compile(r"[^\W\d_]+(?:_[^\W\d_]+)*|\w+", re.UNICODE)
_BACKTICKED = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class EnglishWord:
    """An English word found: the sheet, where on it, the word, the text."""

    sheet: str
    where: str
    word: str
    text: str


def english_words_in_text(
    text: str, allowed: Collection[str] = ()
) -> list[str]:
    """The English words in ``text`` (lower case), ``allowed`` aside."""
    allowed_folded = {a.casefold() for a in allowed}
    found = []
    for token in _WORD.findall(_BACKTICKED.sub(" ", text)):
        if "_" in token:
            continue  # a name such as max_moves, not a word
        word = token.casefold()
        if word in ENGLISH_WORDS and word not in allowed_folded:
            found.append(word)
    return found


def english_words_in(
    workbook: Workbook | str | Path,
    sheets: Iterable[str] | None = None,
    allowed: Collection[str] = (),
    skip: Callable[[str, str, str], bool] | None = None,
) -> list[EnglishWord]:
    """Every English word on ``sheets`` (default: all) of ``workbook``.

    ``allowed`` are words of the team's own (:func:`team_words`).
    ``skip(sheet, where, text)`` leaves a cell out, for names on purpose
    (say so where you use it).
    """
    book = (
        load_workbook(workbook)
        if isinstance(workbook, (str, Path))
        else workbook
    )
    titles = list(sheets) if sheets is not None else book.sheetnames
    found = []
    for title in titles:
        for where, text in _texts(book[title]):
            if skip is not None and skip(title, where, text):
                continue
            found += [
                EnglishWord(title, where, word, text)
                for word in english_words_in_text(text, allowed)
            ]
    return found


def _texts(sheet: Worksheet) -> Iterator[tuple[str, str]]:
    """(where, text) of every string cell, the page header and the
    charts' titles."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                yield cell.coordinate, cell.value
    header = sheet.oddHeader.center.text
    if header:
        yield "page header", header
    for number, chart in enumerate(getattr(sheet, "_charts", ())):
        for part, title in (
            ("title", chart.title),
            ("x axis", chart.x_axis.title),
            ("y axis", chart.y_axis.title),
        ):
            text = _title_text(title)
            if text:
                yield f"chart {number + 1} {part}", text


def _title_text(title: object) -> str:
    """The text of an openpyxl chart title (a string or rich text)."""
    if title is None:
        return ""
    if isinstance(title, str):
        return title
    rich = getattr(getattr(title, "tx", None), "rich", None)
    if rich is None:
        return ""
    return " ".join(
        run.t for paragraph in rich.p for run in (paragraph.r or ()) if run.t
    )


def team_words(team: Team) -> set[str]:
    """The words of the team's own data: people, duties, skills, cases."""
    texts: list[str] = []
    for person in team.staff:
        texts += [person.id, person.name or "", *person.skills]
        texts += list(person.duties or ())
    for duty in team.duties:
        texts += [duty.id, duty.name or ""]
        for slot in duty.slots:
            texts += [need.skill for need in slot.requirements]
    for case in team.cases:
        texts += [case.id, case.type or "", case.skill or "", case.group or ""]
    for absence in team.absences:
        texts.append(getattr(absence, "note", "") or "")
    words = set()
    for text in texts:
        for token in re.findall(r"[^\W\d_]+", text):
            words.add(token.casefold())
    return words
