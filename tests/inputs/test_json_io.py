"""The team as JSON: round trip, and problems named by JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from balancer.errors import InputError
from balancer.inputs.json_io import read_team_json
from balancer.outputs.team_json import write_team_json
from tests.outputs.test_team_workbook import rich_team


def test_json_round_trip(tmp_path: Path) -> None:
    team = rich_team()
    assert read_team_json(write_team_json(team, tmp_path / "t.json")) == team


def _problems(path: Path, data: object) -> list[str]:
    path.write_text(json.dumps(data))
    with pytest.raises(InputError) as caught:
        read_team_json(path)
    return [p.message for p in caught.value.problems]


def test_field_problem_names_the_json_path(tmp_path: Path) -> None:
    data = json.loads(rich_team().model_dump_json())
    data["staff"][1]["weekly_hours"] = 500
    [message] = _problems(tmp_path / "t.json", data)
    assert message.startswith("staff[1].weekly_hours:")
    assert "at most 80" in message


def test_cross_record_problem_names_the_json_path(tmp_path: Path) -> None:
    data = json.loads(rich_team().model_dump_json())
    data["absences"][1]["staff_id"] = "zoe"
    [message] = _problems(tmp_path / "t.json", data)
    assert message.startswith("absences[1].staff_id:") and "zoe" in message


@pytest.mark.parametrize(
    ("text", "words"),
    [("{not json", "not valid JSON at line 1"), ("[1, 2]", "object")],
)
def test_not_a_team(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(text)
    with pytest.raises(InputError, match=words):
        read_team_json(path)


def test_overlapping_absences_are_named_by_path(tmp_path: Path) -> None:
    data = json.loads(rich_team().model_dump_json())
    first = data["absences"][0]
    data["absences"].append(dict(first))  # the same absence entered twice
    index = len(data["absences"]) - 1
    problems = _problems(tmp_path / "t.json", data)
    assert problems == [
        next(p for p in problems if p.startswith(f"absences[{index}].start"))
    ]
    assert "overlaps the absence" in problems[0]
    assert "in absences[0]" in problems[0]
