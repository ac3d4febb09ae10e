"""The team as a JSON file: the same records as the workbook, as data.

``load_team`` reads it back (:mod:`balancer.inputs.json_io`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from balancer.files.saving import save_text

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.domain import Team

__all__ = ["team_to_json", "write_team_json"]


def team_to_json(team: Team) -> str:
    """The team as indented JSON text."""
    return json.dumps(
        team.model_dump(mode="json"), indent=2, ensure_ascii=False
    )


def write_team_json(
    team: Team, path: str | Path, inputs: tuple[Path, ...] = ()
) -> Path:
    """Write the team as JSON, atomically; never over an input file."""
    return save_text(team_to_json(team) + "\n", path, inputs)
