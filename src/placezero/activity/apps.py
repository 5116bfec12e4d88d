from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "placezero.activity"
    label = "activity"
    verbose_name = "History and notifications"

    def ready(self) -> None:
        from datetime import timedelta

        from placezero.jobs import PeriodicSpec, register_periodic

        # The app's permission rules (also found by accounts' autodiscovery) and its
        # deployment checks (`check --deploy`).
        from . import checks, permissions  # noqa: F401
        from .emails import send_digests

        # People who chose the digest get one email a day listing what is still unread.
        register_periodic(
            PeriodicSpec(
                key="activity.daily_digest",
                every=timedelta(days=1),
                run=send_digests,
                description="Email the people who chose the daily digest their unread items",
            )
        )
