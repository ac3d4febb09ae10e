"""The duty-rota engine (CP-SAT).

``solve_rota(team, month, params)`` plans a month's phone and mail duty:
every hard rule in ``docs/constraints.md`` holds, and the soft goals
(fairness, unpopular slots, casework time, blocks, target staffing,
preferences, variety) are weighed by ``Team.weights``.

Modules: :mod:`.eligibility` (who may take a slot), :mod:`.variables`
(the decision variables), :mod:`.constraints` (hard rules),
:mod:`.objectives` (soft goals), :mod:`.shares` (fair shares),
:mod:`.model` (build and read), :mod:`.explain` (infeasibility) and
:mod:`.solve` (the entry point).
"""

from balancer.solvers.rota.search import solve_rota as solve_rota
