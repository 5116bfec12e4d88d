"""Background jobs for every app: a registry of kinds, one database queue, workers that beat
a heartbeat, periodic work, and the pages that show a run's progress and results.

Apps register in `AppConfig.ready()` (`register_kind`, `register_periodic`) and start,
cancel and list runs through `placezero.jobs.services`. See docs/decisions/0005-jobs.md.
"""

from .registry import (
    JobCancelled,
    JobFailed,
    JobKindSpec,
    JobLost,
    JobParametersError,
    PeriodicSpec,
    Progress,
    UnknownJobKind,
    get_kind,
    register_kind,
    register_periodic,
    registered_kinds,
    registered_periodic,
)

__all__ = [
    "JobCancelled",
    "JobFailed",
    "JobKindSpec",
    "JobLost",
    "JobParametersError",
    "PeriodicSpec",
    "Progress",
    "UnknownJobKind",
    "get_kind",
    "register_kind",
    "register_periodic",
    "registered_kinds",
    "registered_periodic",
]
