"""Periodic work (`register_periodic`): run by every worker's loop between jobs, and by
`placezero jobs run-due` for a site that prefers cron.

A task is due when its `PeriodicRun.next_due_at` has passed (a task never run is due at
once). Whoever looks first takes it by moving `next_due_at` on with a compare-and-set
UPDATE on the value it read, so with several workers (and cron) a due task runs once. The
next time due keeps the cadence (last due + every) unless that too has passed (the site was
down), when it is now + every: missed periods are not caught up one after another.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import PeriodicRun
from .options import PeriodicOutcome
from .queue import when_unlocked
from .registry import PeriodicSpec, registered_periodic

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    key: str
    outcome: str
    message: str

    @property
    def sentence(self) -> str:
        said = f": {self.message}" if self.message else "."
        return f"Periodic task {self.key} {PeriodicOutcome(self.outcome).label.lower()}{said}"


def _state(key: str, now: datetime | None = None) -> PeriodicRun:
    """A task's row, made on first sight due `now` (a task never run is due at once)."""
    try:
        with transaction.atomic():
            defaults = {"next_due_at": now or timezone.now()}
            return PeriodicRun.objects.get_or_create(key=key, defaults=defaults)[0]
    except IntegrityError:  # another worker created it between the look and the insert
        return PeriodicRun.objects.get(key=key)


def take_if_due(spec: PeriodicSpec, worker_name: str = "", now: datetime | None = None) -> bool:
    """Take the task for this run if it is due; False if it is not, or someone else took it."""
    now = now or timezone.now()
    state = when_unlocked(lambda: _state(spec.key, now))
    due = state.next_due_at
    if due > now:
        return False
    following = due + spec.every
    if following <= now:
        following = now + spec.every
    taken = when_unlocked(
        lambda: PeriodicRun.objects.filter(key=spec.key, next_due_at=due).update(
            next_due_at=following,
            last_started_at=now,
            last_outcome=PeriodicOutcome.RUNNING,
            last_message="",
            last_worker=worker_name,
        )
    )
    return bool(taken)


def _run(spec: PeriodicSpec) -> Outcome:
    try:
        said = spec.run()
    except Exception as error:  # recorded and logged; the worker carries on
        logger.exception("periodic task %s failed", spec.key)
        outcome = Outcome(spec.key, PeriodicOutcome.FAILED, f"{type(error).__name__}: {error}")
    else:
        outcome = Outcome(spec.key, PeriodicOutcome.SUCCEEDED, str(said or ""))
    when_unlocked(
        lambda: PeriodicRun.objects.filter(key=spec.key).update(
            last_finished_at=timezone.now(),
            last_outcome=outcome.outcome,
            last_message=outcome.message,
        )
    )
    return outcome


def run_due(worker_name: str = "", now: datetime | None = None) -> list[Outcome]:
    """Run every registered periodic task that is due (and that nobody else took)."""
    return [
        _run(spec) for spec in registered_periodic().values() if take_if_due(spec, worker_name, now)
    ]


def states() -> list[PeriodicRun]:
    """Every registered task's state (created on first sight), for `placezero jobs list`."""
    return [_state(key) for key in registered_periodic()]
