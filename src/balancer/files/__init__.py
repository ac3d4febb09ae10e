"""File formats, under both the readers and the writers.

Safe opening with every guard (:mod:`.opening`), table reading and
header mapping (:mod:`.tables`), cell parsing (:mod:`.cells`), the column
schemas of every sheet balancer reads or writes (:mod:`.schema`) and
atomic saving (:mod:`.saving`). Imports only :mod:`balancer.errors` and
:mod:`balancer.domain`.
"""
