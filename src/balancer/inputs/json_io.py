"""The team as JSON: the domain model's own shape, for programs and tests.

A JSON team is ``Team.model_dump(mode="json")``. Problems are reported with
the JSON path of the value at fault, e.g. ``staff[2].fte``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from balancer.domain import Team, TeamValidationError
from balancer.errors import InputError, InputProblem
from balancer.inputs.loaded import LoadedTeam, locate_problem
from balancer.inputs.messages import plain_pydantic_message
from balancer.inputs.overlaps import (
    OVERLAP_FIX,
    overlap_message,
    overlapping_absences,
)

__all__ = [
    "JsonPlaces",
    "load_team_json",
    "read_team_json",
]

#: Refuse JSON files larger than this; a team is a few megabytes at most.
MAX_JSON_BYTES = 200 * 1024 * 1024


def _path(location: tuple[int | str, ...]) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


@dataclass(frozen=True)
class JsonPlaces:
    """Names a record by its JSON path (a :class:`~.loaded.Locator`)."""

    source: str

    def problem(
        self,
        sheet: str,
        index: int | None,
        field: str | None,
        message: str,
        fix: str = "",
        slot: int | None = None,
    ) -> InputProblem:
        """A problem whose place is the JSON path, e.g. ``cases[3].owner``.

        The domain's sheet names map to the team's field names by lower
        case (``Absences`` -> ``absences``); ``slot`` adds
        ``slots[slot]`` to a duty's path.
        """
        location: list[int | str] = [sheet.lower()]
        if index is not None:
            location.append(index)
        if slot is not None:
            location += ["slots", slot]
        if field is not None:
            location.append(field)
        return InputProblem(f"{_path(tuple(location))}: {message}", fix=fix)


def load_team_json(path: str | Path) -> LoadedTeam:
    """Read a team from JSON, with a locator naming JSON paths.

    Raises
    ------
    balancer.errors.InputError
        With every problem, each prefixed by its JSON path.
    """
    source = Path(path)
    places = JsonPlaces(str(source))

    def fail(message: str, fix: str = "") -> InputError:
        return InputError([InputProblem(message, fix=fix)], str(source))

    if not source.is_file():
        raise fail("the file does not exist", "check the path and name")
    if source.stat().st_size > MAX_JSON_BYTES:
        raise fail("the file is too large to be a team")
    try:
        data: Any = json.loads(source.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise fail("the file is not UTF-8 text", "save it as UTF-8") from None
    except json.JSONDecodeError as error:
        raise fail(
            f"not valid JSON at line {error.lineno}, column {error.colno}: "
            f"{error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise fail("the JSON must be an object with a 'staff' list")
    try:
        team = Team.checked(**data)
    except TeamValidationError as error:
        raise InputError(
            [locate_problem(places, p) for p in error.problems], str(source)
        ) from None
    except ValidationError as error:
        problems = [
            InputProblem(
                f"{_path(tuple(detail['loc']))}: "
                + plain_pydantic_message(detail, "the value")
            )
            for detail in error.errors()
        ]
        raise InputError(problems, str(source)) from None
    except TypeError as error:  # e.g. a non-string key at the top
        raise fail(f"the JSON does not describe a team ({error})") from None
    overlaps = [
        places.problem(
            "Absences",
            index,
            "start",
            overlap_message(team, index, earlier, f"absences[{earlier}]"),
            OVERLAP_FIX,
        )
        for index, earlier in overlapping_absences(team)
    ]
    if overlaps:
        raise InputError(overlaps, str(source))
    return LoadedTeam(team=team, notes=(), locator=places, source=str(source))


def read_team_json(path: str | Path) -> Team:
    """Read a team from a JSON file; see :func:`load_team_json`."""
    return load_team_json(path).team
