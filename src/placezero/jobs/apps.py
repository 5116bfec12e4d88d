from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "placezero.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from datetime import timedelta

        from placezero.activity import NotificationKind, register_notification_kind

        # The settings and registry checks (`manage.py check`, every `runserver`).
        from . import checks  # noqa: F401
        from .queue import FINISHED_KIND
        from .registry import PeriodicSpec, register_periodic
        from .workers import forget_old_workers

        # The person who started a run hears when it ends (queue.tell_starter).
        register_notification_kind(
            NotificationKind(
                key=FINISHED_KIND,
                label="A run you started has ended",
                description="When a background run you started (an optimisation, a Monte "
                "Carlo run) finishes, fails or is cancelled.",
            )
        )

        # Every web process start and every `placezero worker --once` adds a worker row.
        register_periodic(
            PeriodicSpec(
                key="jobs.forget_old_workers",
                every=timedelta(days=1),
                run=forget_old_workers,
                description="Forget workers silent for longer than JOBS_WORKER_RETENTION_DAYS",
            )
        )
