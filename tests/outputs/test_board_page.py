"""The board page: self-contained, escaped, in the page's language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from balancer.language.catalogue import CATALOGUE
from balancer.outputs.board_figures import board_figures
from balancer.outputs.board_page import (
    MAX_PEOPLE,
    board_html,
    write_board_page,
)
from tests.factories import JANUARY, make_case, make_staff, make_team
from tests.outputs.samples import rota_result, rota_team

WEDNESDAY = date(2027, 1, 6)


def _figures():  # type: ignore[no-untyped-def]
    team = rota_team(cases=(make_case("c1", skill=None),))
    return board_figures(team, JANUARY, rota_result().assignments, WEDNESDAY)


def test_the_page_fetches_nothing() -> None:
    html = board_html(_figures())
    assert "<script" not in html
    assert "<link" not in html
    assert not re.search(r"\b(src|href)\s*=", html)
    assert "url(" not in html
    # The one address is the SVG namespace, which is a name, not a fetch.
    addresses = set(re.findall(r"https?://[^\s\"'<>]+", html))
    assert addresses == {"http://www.w3.org/2000/svg"}


def test_basic_facts_are_in_the_markup() -> None:
    html = board_html(_figures())
    assert 'data-people="3"' in html
    assert 'data-shelf="1"' in html
    assert 'data-length="1"' in html
    assert html.count('class="person"') == 3


def test_names_from_the_workbook_are_escaped() -> None:
    team = make_team(staff=(make_staff("ann", name="<b>Ann</b>"),))
    html = board_html(board_figures(team, JANUARY, [], WEDNESDAY))
    assert "<b>Ann</b>" not in html
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_heading_in_the_page_language(lang: str) -> None:
    html = board_html(_figures(), lang)  # type: ignore[arg-type]
    assert f'<html lang="{lang}">' in html
    for key in ("board.duty", "board.shelf", "board.flow", "board.talk"):
        assert str(escape(CATALOGUE[key][lang])) in html  # type: ignore[index]
    other = "en" if lang == "da" else "da"
    assert CATALOGUE["board.talk"][other] not in html  # type: ignore[index]


def test_a_big_team_shows_the_most_loaded(tmp_path: Path) -> None:
    staff = tuple(make_staff(f"p{i:03d}") for i in range(MAX_PEOPLE + 5))
    cases = (make_case("c1", owner="p040", effort_hours=500.0),)
    team = make_team(staff=staff, cases=cases)
    path = write_board_page(
        board_figures(team, JANUARY, [], WEDNESDAY), tmp_path / "b.html"
    )
    html = path.read_text(encoding="utf-8")
    assert html.count('class="person"') == MAX_PEOPLE
    assert f'data-people="{MAX_PEOPLE + 5}"' in html
    first = html.index('class="person"')
    assert 'data-staff="p040"' in html[first : first + 200]


def test_a_crowded_duty_table_makes_room_by_showing_fewer_people() -> None:
    # 60 people, every one on the phone every day this week: the cells
    # are crowded, so the table is dense and the chart shows fewer rows,
    # to keep the page to one screen (and one printed page).
    from datetime import timedelta

    from balancer.result import DutyAssignment

    staff = tuple(make_staff(f"p{i:02d}") for i in range(60))
    team = make_team(staff=staff)
    monday = date(2027, 1, 4)
    rota = [
        DutyAssignment(
            staff_id=p.id, day=monday + timedelta(days=d), duty_id="phone",
            slot_index=0,
        )
        for p in staff
        for d in range(5)
    ]  # fmt: skip
    html = board_html(board_figures(team, JANUARY, rota, WEDNESDAY))
    assert 'class="duty dense"' in html
    assert 8 <= html.count('class="person"') < MAX_PEOPLE
