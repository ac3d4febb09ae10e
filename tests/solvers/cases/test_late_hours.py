"""Late hours of a queue, as the lateness goal counts them."""

from __future__ import annotations

from balancer.solvers.cases.late_hours import late_hours

#: Casework minutes by the end of each of three days: 8 h a day.
BY_DAY = [480, 960, 1440]


def test_work_beyond_the_minutes_on_a_due_day_is_late_rounded_up() -> None:
    # 2 h kept, 7 h for Monday: 9 h by Monday, 1 h over; a case is due
    # Monday, so 1 h late. 61 minutes over is 2 h.
    assert late_hours(120, [420, 0, 0, 0], [1, 0, 0, 0], BY_DAY) == 1
    assert late_hours(121, [420, 0, 0, 0], [1, 0, 0, 0], BY_DAY) == 2


def test_only_days_with_a_case_due_count() -> None:
    # The same overflow on Monday with the only case due Wednesday:
    # by Wednesday the queue fits, so nothing is late.
    assert late_hours(120, [420, 0, 0, 0], [0, 0, 1, 0], BY_DAY) == 0


def test_each_due_day_counts_its_own_overflow() -> None:
    # 20 h of work targeted Monday, cases due Monday and Tuesday:
    # 12 h over on Monday, 4 h over on Tuesday.
    assert late_hours(0, [1200, 0, 0, 0], [1, 1, 0, 0], BY_DAY) == 16


def test_days_after_the_horizon_do_not_count() -> None:
    # Work and a due date after the horizon's last day are not late.
    assert late_hours(0, [0, 0, 0, 5000], [0, 0, 0, 1], BY_DAY) == 0
