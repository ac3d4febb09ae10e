"""``balancer serve``: the planner's work in a local web app.

:func:`~balancer.web.app.create_app` builds the app (Starlette), which
``balancer serve`` runs with uvicorn on 127.0.0.1. Each browser tab gets
a workspace of its own (:mod:`.workspaces`); plans and sick calls run in
processes of their own (:mod:`.jobs`).
"""

from balancer.web.app import AppSettings as AppSettings
from balancer.web.app import create_app as create_app

__all__ = ["AppSettings", "create_app"]
