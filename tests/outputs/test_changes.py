"""The change report between two rotas, on hand-built rota results."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from balancer.outputs.changes import (
    blocks,
    describe,
    diff_rotas,
    shifts_from_result,
)
from balancer.result import BoardShift
from tests.outputs.samples import (
    ASSIGNMENTS,
    MON,
    TUE,
    WED,
    duty,
    rota_result,
    rota_team,
)

H = 60


def _shift(day: date, start: int, end: int, duty_id: str, who: str):
    return BoardShift(day, start * H, end * H, duty_id, who)


def test_shifts_from_result_carry_the_slot_times() -> None:
    shifts = shifts_from_result(rota_team(), rota_result())
    assert len(shifts) == len(ASSIGNMENTS)
    assert shifts[:3] == [
        _shift(MON, 8, 10, "phone", "ann"),
        _shift(MON, 8, 10, "phone", "bo"),
        _shift(MON, 10, 12, "phone", "cy"),
    ]


def test_back_to_back_slots_of_one_duty_join_into_a_block() -> None:
    joined = blocks(
        [
            _shift(MON, 8, 10, "phone", "ann"),
            _shift(MON, 10, 12, "phone", "ann"),
            _shift(MON, 12, 15, "mail", "ann"),  # another duty: own block
            _shift(MON, 14, 16, "phone", "ann"),  # a gap: own block
            _shift(TUE, 10, 12, "phone", "ann"),  # another day
            _shift(MON, 10, 12, "phone", "bo"),  # another person
        ]
    )
    assert joined == [
        _shift(MON, 8, 12, "phone", "ann"),
        _shift(MON, 10, 12, "phone", "bo"),
        _shift(MON, 12, 15, "mail", "ann"),
        _shift(MON, 14, 16, "phone", "ann"),
        _shift(TUE, 10, 12, "phone", "ann"),
    ]


def test_describe_reads_like_a_person_would_say_it() -> None:
    assert describe(_shift(date(2027, 1, 12), 8, 10, "phone", "ann")) == (
        "Tue 12 Jan 08:00-10:00 phone"
    )
    assert describe(BoardShift(MON, 22 * H, 24 * H, "mail", "x")) == (
        "Mon 4 Jan 22:00-24:00 mail"
    )


def test_diff_lists_gains_and_losses_per_person() -> None:
    team = rota_team()
    old = shifts_from_result(team, rota_result())
    # bo hands his Monday phone slot to cy; ann takes the Wednesday mail
    # from bo and also phone 10-12 on Monday, joining her 08-10.
    edited = [
        a
        for a in ASSIGNMENTS
        if (a.staff_id, a.day) not in {("bo", MON), ("bo", WED)}
    ]
    edited += [
        duty("cy", MON, "phone", 0),
        duty("ann", WED, "mail", 0),
        duty("ann", MON, "phone", 1),
        duty("bo", MON, "mail", 0),
    ]
    new = shifts_from_result(team, rota_result(assignments=tuple(edited)))
    found = diff_rotas(old, new)
    names = {"ann": "Ann Arbor", "bo": "Bo", "cy": "Cy Young"}
    # ann's new 10-12 slot follows her unchanged 08-10, so it is listed
    # alone; bo loses phone and gains mail at Monday, losses first.
    assert found.lines(names.__getitem__) == [
        "Ann Arbor: + Mon 4 Jan 10:00-12:00 phone; "
        "+ Wed 6 Jan 12:00-15:00 mail",
        "Bo: - Mon 4 Jan 08:00-10:00 phone; + Mon 4 Jan 12:00-15:00 mail; "
        "- Wed 6 Jan 12:00-15:00 mail",
        "Cy Young: + Mon 4 Jan 08:00-10:00 phone",
    ]
    # Unchanged: ann phone 08-10 and mail Mon, cy phone 10-12 Mon and
    # 08-10 Tue.
    assert found.headline() == (
        "3 people affected: 4 duties added, 2 removed; 4 duty slots unchanged."
    )


def test_added_slots_in_a_row_read_as_one_block() -> None:
    old = [_shift(TUE, 8, 10, "phone", "ann")]
    new = [
        _shift(TUE, 8, 10, "phone", "ann"),
        _shift(TUE, 12, 13, "phone", "ann"),
        _shift(TUE, 13, 14, "phone", "ann"),
    ]
    found = diff_rotas(old, new)
    assert found.lines() == ["ann: + Tue 5 Jan 12:00-14:00 phone"]
    assert found.headline() == (
        "1 person affected: 1 duty added, 0 removed; 1 duty slot unchanged."
    )


def test_same_rota_has_no_changes() -> None:
    shifts = shifts_from_result(rota_team(), rota_result())
    found = diff_rotas(shifts, list(reversed(shifts)))
    assert found.changes == {}
    assert found.lines() == []
    assert found.headline() == "No changes: the rotas agree (6 duty slots)."


_SLOTS = st.builds(
    lambda day, start, duty_id, who: _shift(
        date(2027, 1, 4 + day), start, start + 2, duty_id, who
    ),
    st.integers(0, 2),
    st.sampled_from((8, 10, 12, 14)),
    st.sampled_from(("phone", "mail")),
    st.sampled_from(("ann", "bo", "cy")),
)


def _slots_of(block: BoardShift) -> set[BoardShift]:
    """A block cut back into its two-hour slots."""
    return {
        BoardShift(block.day, start, start + 2 * H, block.duty, block.staff_id)
        for start in range(block.start, block.end, 2 * H)
    }


@given(st.sets(_SLOTS, max_size=12), st.sets(_SLOTS, max_size=12))
def test_the_diff_covers_exactly_the_slots_that_changed(
    old: set[BoardShift], new: set[BoardShift]
) -> None:
    found = diff_rotas(old, new)
    added: set[BoardShift] = set()
    removed: set[BoardShift] = set()
    for staff_id, changes in found.changes.items():
        assert changes, "a person is listed only with changes"
        for change in changes:
            assert change.shift.staff_id == staff_id
            (added if change.added else removed).update(
                _slots_of(change.shift)
            )
    assert added == new - old
    assert removed == old - new
    assert found.unchanged == len(old & new)
