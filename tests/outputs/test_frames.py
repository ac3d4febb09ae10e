"""Pure frames: the numbers and words before any formatting."""

from __future__ import annotations

from datetime import date, time

import pandas as pd
import pytest

from balancer.domain import AbsenceReason, CaseStatus, HistoryBalance
from balancer.files.schema import HISTORY
from balancer.language import month_name
from balancer.outputs import (
    account_frames,
    backlog_frames,
    rota_frames,
    summary_frames,
    words,
)
from balancer.result import (
    CaseAssignment,
    SolveStats,
    SolveStatus,
    WaitReason,
)
from tests.factories import (
    JANUARY,
    make_absence,
    make_case,
    make_duty,
    make_team,
)
from tests.outputs.samples import (
    MON,
    NEW_YEAR,
    THU,
    TUE,
    WED,
    backlog_result,
    backlog_team,
    duty,
    rota_result,
    rota_team,
)


def test_duty_codes_are_short_and_unique() -> None:
    """phone and post share `P`, so post gets its first two letters."""
    team = make_team(duties=(make_duty("phone"), make_duty("post")))
    assert words.duty_codes(team) == {"phone": "P", "post": "Po"}


def test_time_span_is_compact() -> None:
    assert words.time_span(time(8), time(10)) == "08-10"
    assert words.time_span(time(8, 30), time(10)) == "08:30-10"
    assert words.time_span(time(16), time.max) == "16-24"


def test_slot_instances_skip_closed_days() -> None:
    """January 2027 has 20 open days, each with 3 slots (2 phone, 1 mail)."""
    keys = rota_frames.slot_instances(rota_team(), JANUARY)
    assert len(keys) == 20 * 3
    assert all(day != NEW_YEAR and day.weekday() < 5 for day, _, _ in keys)
    assert keys[:3] == [
        (MON, "phone", 0),
        (MON, "phone", 1),
        (MON, "mail", 0),
    ]


def test_grid_lists_duties_by_start_time() -> None:
    grid = rota_frames.rota_cells(rota_team(), JANUARY, rota_result())
    cell = grid.cell("ann", MON)
    assert cell.text == "P 08-10\nM 12-15"
    assert cell.duty == "phone"
    assert cell.kind == "duty"


def test_grid_marks_absences_days_off_and_closed_days() -> None:
    team = rota_team()
    grid = rota_frames.rota_cells(team, JANUARY, rota_result())
    assert grid.cell("bo", TUE).text == "vacation"
    assert grid.cell("bo", TUE).kind == "absence"
    # ann is sick 08-10 on Wednesday: a line, not the whole day.
    assert grid.cell("ann", WED).text == "sick 08-10"
    # cy works Mon-Wed only.
    assert grid.cell("cy", THU).text == "off"
    assert grid.cell("cy", THU).kind == "off"
    assert grid.cell("ann", NEW_YEAR).kind == "closed"
    assert grid.cell("ann", NEW_YEAR).text == ""


def test_a_day_off_inside_a_vacation_shows_off() -> None:
    """cy works Mon-Wed; her vacation Mon-Fri is "off" on Thu and Fri."""
    vacation = make_absence(
        "cy", MON, date(2027, 1, 8), reason=AbsenceReason.VACATION
    )
    team = rota_team(absences=(vacation,))
    grid = rota_frames.rota_cells(team, JANUARY, rota_result())
    assert [grid.cell("cy", d).text for d in (WED, THU, date(2027, 1, 8))] == [
        "vacation",
        "off",
        "off",
    ]
    assert grid.cell("cy", THU).kind == "off"
    danish = rota_frames.rota_cells(team, JANUARY, rota_result(), lang="da")
    assert danish.cell("cy", THU).text == "fri"


def test_grid_in_danish() -> None:
    grid = rota_frames.rota_cells(
        rota_team(), JANUARY, rota_result(), lang="da"
    )
    assert grid.cell("bo", TUE).text == "ferie"
    assert grid.cell("cy", THU).text == "fri"
    assert grid.days[3].weekday == "man"
    assert month_name(JANUARY, "da") == "januar 2027"


def test_grid_frame_is_person_by_day() -> None:
    grid = rota_frames.rota_grid_frame(rota_team(), JANUARY, rota_result())
    assert list(grid.index) == ["ann", "bo", "cy"]
    assert len(grid.columns) == 31
    assert grid.at["cy", MON] == "P 10-12"


def test_day_headers_name_holidays_not_weekends() -> None:
    heads = rota_frames.day_headers_frame(rota_team(), JANUARY)
    first = heads.iloc[0]
    assert first["Holiday"] == "New Year's Day"
    assert heads.iloc[1]["Closed"] == "weekend"
    assert pd.isna(heads.iloc[1]["Holiday"])
    assert pd.isna(heads.iloc[3]["Closed"])
    assert heads.iloc[3]["Week"] == 1


def test_danish_outputs_name_holidays_in_danish() -> None:
    """A Danish board shows 'Nytårsdag', whatever the machine's locale."""
    heads = rota_frames.day_headers(rota_team(), JANUARY, "da")
    assert heads[0].holiday == "Nytårsdag"
    assert heads[0].closed == "New Year's Day"  # explanations stay English
    assert rota_frames.day_headers(rota_team(), JANUARY)[0].holiday == (
        "New Year's Day"
    )


def test_board_has_a_row_per_slot_with_staff_ids() -> None:
    board = rota_frames.board_frame(rota_team(), JANUARY, rota_result())
    assert tuple(board.columns) == rota_frames.BOARD_HEADERS
    assert len(board) == 60
    first = board.iloc[0]
    assert first["Date"] == MON
    assert first["Time"] == "08:00-10:00"
    assert first["Duty"] == "phone"
    assert first["Staff"] == "ann, bo"
    assert first["Names"] == "Ann Arbor, =cmd|' /C calc'!A0"
    assert first["Note"] == ""
    # Tuesday 10-12 has nobody: the row is there, marked short.
    tuesday = board[(board["Date"] == TUE) & (board["Time"] == "10:00-12:00")]
    assert tuesday.iloc[0]["Staff"] == ""
    assert tuesday.iloc[0]["Note"] == "short by 1"


def test_board_keeps_an_assignment_on_a_closed_day() -> None:
    """Nothing is lost, even a slot that should not run that day."""
    result = rota_result(assignments=(duty("ann", NEW_YEAR, "phone", 0),))
    board = rota_frames.board_frame(rota_team(), JANUARY, result)
    assert board.iloc[0]["Date"] == NEW_YEAR
    assert board.iloc[0]["Staff"] == "ann"


def test_coverage_counts_shortfalls() -> None:
    coverage = rota_frames.coverage_frame(rota_team(), JANUARY, rota_result())
    monday_phone = coverage.iloc[0]
    assert monday_phone["Assigned"] == 2
    assert monday_phone["Short of min"] == 0
    # Tuesday 08-10 needs 2 and has only cy.
    tuesday = coverage[
        (coverage["Date"] == TUE) & (coverage["Time"] == "08:00-10:00")
    ].iloc[0]
    assert tuesday["Assigned"] == 1
    assert tuesday["Short of min"] == 1


def test_fairness_shows_the_account_in_and_out() -> None:
    table = account_frames.fairness_frame(rota_team(), rota_result())
    ann = table.set_index("Staff").loc["ann"]
    assert ann["Carried in"] == 3.0
    assert ann["Fair share"] == 7.0
    assert ann["Assigned"] == 5.0
    assert ann["Deviation"] == -2.0
    assert ann["Short of target"] == 0.0
    assert ann["Carried out"] == -2.0
    assert ann["Unpopular deviation"] == 0.5
    assert ann["phone hours"] == 2.0
    assert ann["phone carried out"] == -2.0


def test_fairness_shows_each_duty_share_beside_its_hours() -> None:
    """A person who may not take a duty has no share in it: a blank."""
    result = rota_result()
    cy = result.staff[2].model_copy(
        update={
            "fair_share_by_duty": {"phone": 4},
            "carried_out_by_duty": {"phone": 0.0},
        }
    )
    result = result.model_copy(update={"staff": (*result.staff[:2], cy)})
    table = account_frames.fairness_frame(rota_team(), result).set_index(
        "Staff"
    )
    duties = [c for c in table.columns if c.startswith(("phone", "mail"))]
    assert duties == [
        "phone hours",
        "phone fair share",
        "phone carried out",
        "mail hours",
        "mail fair share",
        "mail carried out",
    ]
    assert table.loc["ann", "phone fair share"] == 4.0
    assert table.loc["bo", "mail fair share"] == 1.5
    assert pd.isna(table.loc["cy", "mail fair share"])


def test_new_history_is_what_is_carried_out() -> None:
    """ann's fair share already took her +3 h, so -2 h carries, not +1 h."""
    history = account_frames.history_frame(rota_team(), rota_result())
    assert tuple(history.columns) == HISTORY.headers
    overall = history[history["Duty"] == ""].set_index("Staff")
    assert overall.loc["ann", "Balance hours"] == -2.0
    assert overall.loc["bo", "Balance hours"] == 1.0
    assert overall.loc["cy", "Balance hours"] == 0.0
    assert overall.loc["bo", "Unpopular balance"] == 0.75


def test_new_history_has_a_row_per_duty_adding_up_to_the_overall() -> None:
    history = account_frames.history_frame(rota_team(), rota_result())
    rows = {
        (s, d): h
        for s, d, h in zip(
            history["Staff"],
            history["Duty"],
            history["Balance hours"],
            strict=True,
        )
    }
    assert rows[("bo", "phone")] == -0.5
    assert rows[("bo", "mail")] == 1.5
    assert rows[("bo", "")] == rows[("bo", "phone")] + rows[("bo", "mail")]
    assert rows[("cy", "mail")] == 0.0
    assert len(history) == 3 + 6


def test_history_without_a_rota_keeps_the_old_balances() -> None:
    team = rota_team(
        history=(
            HistoryBalance(staff_id="ann", hours=3.0),
            HistoryBalance(staff_id="bo", duty="phone", hours=-1.0),
        )
    )
    empty = rota_result(
        stats=SolveStats(status=SolveStatus.INFEASIBLE),
        assignments=(),
        staff=(),
    )
    history = account_frames.history_frame(team, empty)
    assert history.values.tolist() == [
        ["ann", "", 3.0, 0.0],
        ["bo", "phone", -1.0, 0.0],
    ]


def test_stats_and_terms() -> None:
    stats = summary_frames.stats_frame(rota_result().stats).set_index("Item")
    assert stats.loc["Status", "Value"] == "FEASIBLE"
    assert stats.loc["Gap", "Value"] == pytest.approx(20 / 120, abs=1e-4)
    terms = summary_frames.terms_frame(rota_result().terms)
    assert terms.iloc[0]["Weighted"] == 100.0


def test_cases_frame_shows_moves_and_effort_for_the_new_owner() -> None:
    cases = backlog_frames.cases_frame(backlog_team(), backlog_result())
    c1 = cases.set_index("Case").loc["c1"]
    assert c1["Owner"] == "bo"
    assert c1["Previous owner"] == "ann"
    assert c1["Moved"] == "yes"
    assert c1["Effort hours"] == 2.0  # bo's own figure for c1
    c3 = cases.set_index("Case").loc["c3"]
    assert c3["Late"] == "yes"
    assert c3["Deadline"] == date(2027, 1, 8)


def test_load_frame_sums_effort_against_capacity() -> None:
    """bo: c1 (2 h for him) + c3 (3 h) = 5 h of 10 h capacity."""
    load = backlog_frames.load_frame(backlog_team(), backlog_result())
    rows = load.set_index("Staff")
    assert rows.loc["bo", "Load hours"] == 5.0
    assert rows.loc["bo", "Utilisation"] == 0.5
    assert rows.loc["bo", "Cases"] == 2
    assert rows.loc["bo", "Moved in"] == 1
    assert rows.loc["ann", "Utilisation"] == 0.5
    # cy takes no casework but has a capacity entry; 0 capacity = blank.
    assert pd.isna(rows.loc["cy", "Utilisation"])


def test_load_counts_kept_cases_on_both_sides() -> None:
    """ann keeps c2 (6 h, in progress) and has 4 h free: 10 casework hours.

    Her load is the kept 6 h plus new c3 (3 h) = 9 h, so 90 %, not 9 h
    over the 4 free hours (225 %), which mixed the two bases.
    """
    team = backlog_team().model_copy(
        update={
            "cases": (
                make_case(
                    "c2",
                    owner="ann",
                    effort_hours=6.0,
                    status=CaseStatus.IN_PROGRESS,
                ),
                make_case("c3", effort_hours=3.0),
            )
        }
    )
    result = backlog_result(
        assignments=(
            CaseAssignment(case_id="c2", staff_id="ann", previous_owner="ann"),
            CaseAssignment(case_id="c3", staff_id="ann"),
        ),
        capacity_hours={"ann": 4.0, "bo": 10.0},
    )
    rows = backlog_frames.load_frame(team, result).set_index("Staff")
    assert rows.loc["ann", "Casework hours"] == 10.0
    assert rows.loc["ann", "Kept hours"] == 6.0
    assert rows.loc["ann", "Load hours"] == 9.0
    assert rows.loc["ann", "Utilisation"] == 0.9


def test_shelf_is_in_queue_order() -> None:
    shelf = backlog_frames.shelf_frame(backlog_team(), backlog_result())
    assert list(shelf["Case"]) == ["c5", "c4"]
    assert list(shelf["Place"]) == [1, 2]
    assert list(shelf["Waits because"]) == [
        "everyone qualified is full",
        "the queue ahead of it",
    ]


def test_reasons_are_each_counted_even_when_none() -> None:
    table = backlog_frames.reasons_frame(backlog_result())
    counts = dict(zip(table["Waits because"], table["Cases"], strict=True))
    assert counts["the queue ahead of it"] == 1
    assert counts["everyone qualified is full"] == 1
    assert counts["too big for the horizon"] == 0
    assert len(counts) == len(WaitReason) - 1  # not weighed: pack only


def test_moves_are_counted_by_reason_beside_the_budget() -> None:
    table = backlog_frames.moves_frame(backlog_team(), backlog_result())
    items = dict(zip(table["Item"], table["Value"], strict=True))
    assert items["Move budget"] == 4
    assert items["Cases moved"] == 1
    assert items["Moved: planner allowed"] == 1
    assert items["Kept by an owner below the case's level (flagged)"] == 0


def test_baselines_sit_beside_this_plan() -> None:
    ours = backlog_frames.backlog_metrics(backlog_team(), backlog_result())
    assert ours["Cases moved"] == 1
    assert ours["Cases on shelf"] == 2
    assert ours["Shelf hours"] == 6.0
    assert ours["Max utilisation %"] == 50.0
    table = backlog_frames.baselines_frame(
        ours, {"Round robin": {"Cases moved": 3, "Fairness": 0.2}}
    )
    assert list(table.columns) == ["Metric", "This plan", "Round robin"]
    rows = table.set_index("Metric")
    assert rows.loc["Cases moved", "Round robin"] == 3
    assert rows.loc["Fairness", "Round robin"] == 0.2
