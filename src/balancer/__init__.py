"""balancer: fair duty rotas and balanced case backlogs for service teams.

The public API re-exports the domain models and result types; the engines
live in :mod:`balancer.solvers.planning`.
"""

from balancer.domain import Absence as Absence
from balancer.domain import AbsenceReason as AbsenceReason
from balancer.domain import CalendarSettings as CalendarSettings
from balancer.domain import Case as Case
from balancer.domain import CaseStatus as CaseStatus
from balancer.domain import Duty as Duty
from balancer.domain import HistoryBalance as HistoryBalance
from balancer.domain import Month as Month
from balancer.domain import OpeningHours as OpeningHours
from balancer.domain import Preference as Preference
from balancer.domain import Priority as Priority
from balancer.domain import Rules as Rules
from balancer.domain import SkillRequirement as SkillRequirement
from balancer.domain import Slot as Slot
from balancer.domain import Staff as Staff
from balancer.domain import Team as Team
from balancer.domain import TeamValidationError as TeamValidationError
from balancer.domain import Weekday as Weekday
from balancer.domain import Weights as Weights
from balancer.domain import WorkDay as WorkDay
from balancer.errors import InputError as InputError
from balancer.errors import InputProblem as InputProblem
from balancer.result import BacklogResult as BacklogResult
from balancer.result import CaseAssignment as CaseAssignment
from balancer.result import DutyAssignment as DutyAssignment
from balancer.result import PenaltyTerm as PenaltyTerm
from balancer.result import RotaResult as RotaResult
from balancer.result import SolveStatus as SolveStatus

__version__ = "0.1.0"
