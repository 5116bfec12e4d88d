from datetime import timedelta

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "placezero.feedback"
    label = "feedback"
    verbose_name = "Feedback on the site"

    def ready(self) -> None:
        from placezero import jobs

        from . import (
            permissions,  # noqa: F401  (registers the feedback.* rules)
            services,
        )

        jobs.register_periodic(
            jobs.PeriodicSpec(
                key="feedback.expire",
                every=timedelta(days=1),
                run=services.expire,
                description="Deletes feedback after a year and email addresses after 90 days",
            )
        )
