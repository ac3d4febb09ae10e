"""The independent checker: the specification of every rule.

It re-checks finished plans and shares no code with the solvers, so a bug
in a model cannot hide itself. ``rota`` checks duty rotas, ``account`` the
month's fairness account; ``cases`` checks backlog assignments.
"""
