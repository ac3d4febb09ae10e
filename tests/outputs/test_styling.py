"""Shared formatting helpers."""

from __future__ import annotations

import numpy as np

from balancer.outputs.styling import PALETTE, cell_value, duty_colours
from tests.factories import make_duty, make_team


def test_duties_never_share_a_colour() -> None:
    """mail has no colour of its own; it must not get phone's yellow."""
    team = make_team(
        duties=(
            make_duty("phone", colour="#" + PALETTE[0]),
            make_duty("mail"),
            make_duty("chat", colour="9dc3e6"),
        )
    )
    colours = duty_colours(team)
    assert colours["phone"] == PALETTE[0]
    assert colours["chat"] == "9DC3E6"
    assert colours["mail"] not in (colours["phone"], colours["chat"])


def test_cell_values_from_frames() -> None:
    assert cell_value(float("nan")) is None
    assert cell_value(np.int64(3)) == 3
    assert type(cell_value(np.float64(2.5))) is float
    assert cell_value("=x") == "=x"
