"""The team as a planner describes it: frozen, validated input models.

Everything both engines read lives here: the staff and their contracts, the
absences, the duties with their slots, the calendar, the team's rules and
weights, preferences, last month's balances, and the case backlog.

The models know nothing about spreadsheets or solvers. Readers in
``balancer.inputs`` translate rows into these models; the solvers in
``balancer.solvers`` read them. Ids are plain strings everywhere.

Rules that involve one record are field or model validators on that record.
Rules that involve several records (an absence names a known person, a slot's
skill is held by someone) sit in :class:`Team`'s model validator, which
reports *every* problem at once through :class:`TeamValidationError`.

Modules, by idea: :mod:`.clock` (minutes, weekdays, months), :mod:`.opening`
(opening hours and holidays), :mod:`.staff`, :mod:`.duties`, :mod:`.policy`
(rules, weights, preferences, history), :mod:`.cases` and :mod:`.team`.
"""

from balancer.domain.base import FIRST_DATE as FIRST_DATE
from balancer.domain.base import LAST_DATE as LAST_DATE
from balancer.domain.base import DateOutOfRange as DateOutOfRange
from balancer.domain.base import FrozenModel as FrozenModel
from balancer.domain.base import Identifier as Identifier
from balancer.domain.base import InputDate as InputDate
from balancer.domain.base import SkillLevel as SkillLevel
from balancer.domain.base import check_date as check_date
from balancer.domain.cases import Case as Case
from balancer.domain.cases import CaseStatus as CaseStatus
from balancer.domain.cases import Priority as Priority
from balancer.domain.clock import WORKWEEK as WORKWEEK
from balancer.domain.clock import Month as Month
from balancer.domain.clock import Period as Period
from balancer.domain.clock import Weekday as Weekday
from balancer.domain.clock import minutes as minutes
from balancer.domain.duties import Duty as Duty
from balancer.domain.duties import SkillRequirement as SkillRequirement
from balancer.domain.duties import Slot as Slot
from balancer.domain.opening import CalendarSettings as CalendarSettings
from balancer.domain.opening import OpeningHours as OpeningHours
from balancer.domain.policy import (
    MOVES_PER_CASEWORKER as MOVES_PER_CASEWORKER,
)
from balancer.domain.policy import DutyRequest as DutyRequest
from balancer.domain.policy import HistoryBalance as HistoryBalance
from balancer.domain.policy import Preference as Preference
from balancer.domain.policy import Rules as Rules
from balancer.domain.policy import ShelfOrder as ShelfOrder
from balancer.domain.policy import Weights as Weights
from balancer.domain.staff import Absence as Absence
from balancer.domain.staff import AbsenceReason as AbsenceReason
from balancer.domain.staff import Staff as Staff
from balancer.domain.staff import WorkDay as WorkDay
from balancer.domain.team import Problem as Problem
from balancer.domain.team import Team as Team
from balancer.domain.team import TeamValidationError as TeamValidationError

__all__ = [
    "FIRST_DATE",
    "LAST_DATE",
    "MOVES_PER_CASEWORKER",
    "WORKWEEK",
    "Absence",
    "AbsenceReason",
    "CalendarSettings",
    "Case",
    "CaseStatus",
    "DateOutOfRange",
    "Duty",
    "DutyRequest",
    "FrozenModel",
    "HistoryBalance",
    "Identifier",
    "InputDate",
    "Month",
    "OpeningHours",
    "Period",
    "Preference",
    "Priority",
    "Problem",
    "Rules",
    "ShelfOrder",
    "SkillLevel",
    "SkillRequirement",
    "Slot",
    "Staff",
    "Team",
    "TeamValidationError",
    "Weekday",
    "Weights",
    "WorkDay",
    "check_date",
    "minutes",
]
