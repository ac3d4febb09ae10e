"""A Danish workbook holds no English word: rota, backlog and the team.

The demo team (Danish duty titles) is planned briefly and its plan
workbook written in Danish; every string cell of the backlog sheets, their
page headers and chart titles is read for the English words of
:mod:`tests.outputs.english_words`, the team's own words aside. So are
the Danish team workbook and template, and every Danish sentence of the
catalogue areas the backlog and the team workbook use (which reaches the
reasons and warnings a short demo solve never gives).
"""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING

import pytest

from balancer.domain import Month
from balancer.inputs.demo import make_demo_team
from balancer.language.catalogue import CATALOGUE
from balancer.outputs.backlog_frames import backlog_metrics
from balancer.outputs.backlog_workbook import write_plan_workbook
from balancer.outputs.team_workbook import write_team_workbook
from balancer.outputs.template import example_team, write_template
from balancer.solvers.planning import SolveParams, plan_month
from tests.outputs.english_words import (
    english_words_in,
    english_words_in_text,
    team_words,
)

if TYPE_CHECKING:
    from pathlib import Path

    from balancer.domain import Team

MONTH = Month(year=2027, month=1)

#: The backlog sheets of a Danish plan workbook.
BACKLOG_SHEETS = ["Sager", "Belastning", "Reol", "Sagsoverblik"]

#: The rota sheets of a Danish plan workbook.
ROTA_SHEETS = [
    "Vagtplan", "Tavle", "Fordeling", "Opgørelser", "Vagtplanoverblik",
    "Historik",
]  # fmt: skip

#: Catalogue keys whose Danish sentences the workbooks, the statements,
#: the checker and the terminal write.
OURS = (
    "reason.", "risk.", "conflict.", "phase.", "goal.", "count.", "queue.",
    "need.", "backlog.", "budget.", "rule.", "console.", "team.",
    "setting.", "purpose.", "template.", "value.", "header.", "why.",
    "check.", "statement.", "fairness.", "rota.", "board_sheet.",
    "summary.", "changes.", "ask.", "ics.", "diff.", "kept.", "tier.",
    "replan.", "validate.", "cli.", "rewrite.", "noun.", "sheet.",
)  # fmt: skip


@pytest.fixture(scope="module")
def demo_team() -> Team:
    return make_demo_team(MONTH, staff=8, cases=80, lang="da")


@pytest.fixture(scope="module")
def plan_path(
    demo_team: Team, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    params = SolveParams(time_limit=1, workers=1)
    plan = plan_month(demo_team, MONTH, params, params)
    assert plan.backlog.status.has_plan
    figures = {
        n: backlog_metrics(demo_team, r) for n, r in plan.baselines.items()
    }
    return write_plan_workbook(
        demo_team,
        MONTH,
        plan.rota,
        plan.backlog,
        tmp_path_factory.mktemp("plan") / "plan.xlsx",
        baselines=figures,
        lang="da",
    )


def test_the_backlog_sheets_of_a_danish_plan_hold_no_english(
    plan_path: Path, demo_team: Team
) -> None:
    found = english_words_in(
        plan_path, sheets=BACKLOG_SHEETS, allowed=team_words(demo_team)
    )
    assert found == []


def test_the_rota_sheets_of_a_danish_plan_hold_no_english(
    plan_path: Path, demo_team: Team
) -> None:
    # Goal names (fairness_max, ...) are the Rules sheet's setting names.
    found = english_words_in(
        plan_path,
        sheets=ROTA_SHEETS,
        allowed=team_words(demo_team),
        skip=_setting_name,
    )
    assert found == []


def _setting_name(sheet: str, where: str, text: str) -> bool:
    parts = [p.strip() for p in text.split(",")]
    return all(
        (p and p.replace("_", "").isalpha() and "_" in p)
        or p in ("blocks", "preferences", "variety", "requests")
        for p in parts
    )


def test_the_walk_finds_english_where_there_is_some(
    plan_path: Path, demo_team: Team
) -> None:
    """The same plan in English is full of it: the test can fail."""
    params = SolveParams(time_limit=1, workers=1)
    plan = plan_month(demo_team, MONTH, params, params)
    english = write_plan_workbook(
        demo_team,
        MONTH,
        plan.rota,
        plan.backlog,
        plan_path.parent / "plan-en.xlsx",
    )
    found = english_words_in(
        english,
        sheets=["Cases", "Shelf", "Load", "Backlog summary"],
        allowed=team_words(demo_team),
    )
    words = {f.word for f in found}
    assert {"case", "shelf", "owner", "late", "objective"} <= words
    assert "chart 1 title" in {f.where for f in found}


def _named_value(sheet: str, where: str, text: str) -> bool:
    # shelf_order's values `queue` and `pack` are names the reader knows,
    # like the setting names beside them.
    return sheet == "Regler" and text in ("queue", "pack")


def test_a_danish_team_workbook_holds_no_english(
    demo_team: Team, tmp_path: Path
) -> None:
    path = write_team_workbook(demo_team, tmp_path / "hold.xlsx", lang="da")
    found = english_words_in(
        path, allowed=team_words(demo_team), skip=_named_value
    )
    assert found == []


def test_a_danish_template_holds_no_english(tmp_path: Path) -> None:
    path = write_template(tmp_path / "skabelon.xlsx", lang="da")
    # The guide's command line is a command, and its example is a path.
    found = english_words_in(
        path,
        allowed={*team_words(example_team("da")), "balancer", "validate"},
        skip=_named_value,
    )
    assert found == []


@pytest.mark.parametrize(
    "key", sorted(k for k in CATALOGUE if k.startswith(OURS))
)
def test_every_danish_sentence_of_ours_holds_no_english(key: str) -> None:
    # Only the words of the sentence itself: blanks are filled by others.
    words = " ".join(
        text for text, *_ in Formatter().parse(CATALOGUE[key]["da"])
    )
    names = {"max_moves", "shelf_order", "pack", "balancer", "validate"}
    assert english_words_in_text(words, allowed=names) == [], key
