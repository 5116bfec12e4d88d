"""System checks: the worker settings, the old setting names, and that every registered
kind names permissions that exist (a typo must fail at start-up, not at the first run)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning, register

from .options import WorkerMode
from .registry import registered_kinds

OLD_ENV = "PLACEZERO_PATHWAY_JOBS_WORKER"


@register()
def worker_settings(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    mode = getattr(settings, "JOBS_WORKER", WorkerMode.THREAD)
    if mode not in WorkerMode.values:
        problems.append(
            Error(
                f"JOBS_WORKER is {mode!r}.",
                hint=f"Use one of {', '.join(WorkerMode.values)} (env PLACEZERO_JOBS_WORKER).",
                id="jobs.E001",
            )
        )
    if hasattr(settings, "PATHWAY_JOBS_WORKER"):
        problems.append(
            Error(
                "PATHWAY_JOBS_WORKER is no longer read: long runs of every app now go through "
                "the jobs app.",
                hint="Rename the setting to JOBS_WORKER (same values: thread or external).",
                id="jobs.E002",
            )
        )
    if os.environ.get(OLD_ENV):
        problems.append(
            Warning(
                f"{OLD_ENV} is deprecated; it is still read when PLACEZERO_JOBS_WORKER is unset.",
                hint="Set PLACEZERO_JOBS_WORKER instead (same values: thread or external).",
                id="jobs.W001",
            )
        )
    heartbeat = float(getattr(settings, "JOBS_HEARTBEAT_S", 5))
    timeout = float(getattr(settings, "JOBS_WORKER_TIMEOUT_S", 60))
    if heartbeat <= 0 or timeout < 3 * heartbeat:
        problems.append(
            Error(
                f"JOBS_WORKER_TIMEOUT_S ({timeout:g}) must be at least three heartbeats "
                f"(JOBS_HEARTBEAT_S = {heartbeat:g}, more than 0).",
                hint="A worker that misses one beat is not dead; the default is 5 s and 60 s.",
                id="jobs.E003",
            )
        )
    return problems


@register()
def kind_permissions(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    from placezero.accounts.permissions import registered

    known = registered()
    return [
        Error(
            f"Job kind {spec.key!r} names the permission {name!r}, which nobody registered.",
            hint="Register it in the app's permissions.py, or correct the name.",
            id="jobs.E004",
        )
        for spec in registered_kinds().values()
        for name in spec.permissions
        if name not in known
    ]
