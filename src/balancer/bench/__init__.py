"""Run the backlog engine on published OR benchmarks and score it.

The runners live here, not in the CLI, so ``balancer bench ...`` and the
scripts in ``benchmarks/`` share them. It sits above the readers and
writers and below the CLI: it reads instances (``balancer.inputs``),
solves them with the engines exactly as a planner's plans are solved
(``balance_backlog`` with :class:`BacklogOptions` aimed at the
benchmark), and compares the plan with the published reference values.

* :mod:`.gap`: Generalized Assignment (OR-Library gap1..12, a..d; Yagiura).
* :mod:`.rcmax`: unrelated parallel machines, makespan (Fanjul-Peyro & Ruiz).
* :mod:`.common`: the table row, references, writing assignments.
"""
