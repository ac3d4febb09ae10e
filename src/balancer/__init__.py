"""balancer: fair duty rotas and balanced case backlogs for service teams.

The public entry, as a developer embeds it::

    from balancer import Month, SolveParams, load_team, solve_rota

    team = load_team("team.xlsx").team
    month = Month.parse("2027-03")
    result = solve_rota(team, month, SolveParams(time_limit=10))
    write_rota_workbook(team, month, result, "rota-2027-03.xlsx")

Read a team (:func:`load_team`), plan (:func:`solve_rota`,
:func:`balance_backlog`, :func:`plan_month`), check any plan with the
independent validator (:func:`check_rota`, :func:`check_account`,
:func:`check_backlog`) and
write the workbooks. A solve never raises for an infeasible or timed-out
run; it returns a result with a status, objective, bound and named
terms.

The packages underneath, bottom to top: ``domain`` (the inputs, frozen
pydantic models) beside ``result`` and ``errors``; ``files`` (file
formats), ``solvers`` (the CP-SAT engines) and ``validate`` (the
independent checker); ``inputs`` (readers) and ``outputs`` (writers);
``bench`` (the benchmark harness); ``cli`` (the command line).
"""

from balancer.domain import Absence as Absence
from balancer.domain import AbsenceReason as AbsenceReason
from balancer.domain import CalendarSettings as CalendarSettings
from balancer.domain import Case as Case
from balancer.domain import CaseStatus as CaseStatus
from balancer.domain import Duty as Duty
from balancer.domain import DutyRequest as DutyRequest
from balancer.domain import HistoryBalance as HistoryBalance
from balancer.domain import Month as Month
from balancer.domain import OpeningHours as OpeningHours
from balancer.domain import Period as Period
from balancer.domain import Preference as Preference
from balancer.domain import Priority as Priority
from balancer.domain import Rules as Rules
from balancer.domain import ShelfOrder as ShelfOrder
from balancer.domain import SkillRequirement as SkillRequirement
from balancer.domain import Slot as Slot
from balancer.domain import Staff as Staff
from balancer.domain import Team as Team
from balancer.domain import TeamValidationError as TeamValidationError
from balancer.domain import Weekday as Weekday
from balancer.domain import Weights as Weights
from balancer.domain import WorkDay as WorkDay
from balancer.errors import BalancerError as BalancerError
from balancer.errors import InputError as InputError
from balancer.errors import InputProblem as InputProblem
from balancer.errors import OutputError as OutputError
from balancer.inputs.demo import make_demo_team as make_demo_team
from balancer.inputs.excel import read_team_workbook as read_team_workbook
from balancer.inputs.json_io import read_team_json as read_team_json
from balancer.inputs.loaded import LoadedTeam as LoadedTeam
from balancer.inputs.loaded import load_team as load_team
from balancer.inputs.rota_workbook import (
    open_rota_workbook as open_rota_workbook,
)
from balancer.inputs.rota_workbook import read_board as read_board
from balancer.inputs.rota_workbook import (
    read_rota_workbook as read_rota_workbook,
)
from balancer.outputs.backlog_workbook import (
    write_backlog_workbook as write_backlog_workbook,
)
from balancer.outputs.backlog_workbook import (
    write_plan_workbook as write_plan_workbook,
)
from balancer.outputs.rota_workbook import (
    write_rota_workbook as write_rota_workbook,
)
from balancer.outputs.team_json import write_team_json as write_team_json
from balancer.outputs.team_workbook import (
    write_team_workbook as write_team_workbook,
)
from balancer.outputs.template import write_template as write_template
from balancer.result import BacklogResult as BacklogResult
from balancer.result import CaseAssignment as CaseAssignment
from balancer.result import Conflict as Conflict
from balancer.result import DutyAssignment as DutyAssignment
from balancer.result import PenaltyTerm as PenaltyTerm
from balancer.result import RotaBaseline as RotaBaseline
from balancer.result import RotaResult as RotaResult
from balancer.result import SolveStats as SolveStats
from balancer.result import SolveStatus as SolveStatus
from balancer.result import StaffDutySummary as StaffDutySummary
from balancer.solvers.planning import MonthPlan as MonthPlan
from balancer.solvers.planning import account_for as account_for
from balancer.solvers.planning import balance_backlog as balance_backlog
from balancer.solvers.planning import baseline_results as baseline_results
from balancer.solvers.planning import plan_month as plan_month
from balancer.solvers.planning import solve_rota as solve_rota
from balancer.solvers.runner import Progress as Progress
from balancer.solvers.runner import SolveParams as SolveParams
from balancer.validate.account import check_account as check_account
from balancer.validate.cases import check_backlog as check_backlog
from balancer.validate.rota import check_rota as check_rota
from balancer.validate.rota import score_rota as score_rota
from balancer.version import __version__ as __version__
