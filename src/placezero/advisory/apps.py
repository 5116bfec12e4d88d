from django.apps import AppConfig


class AdvisoryConfig(AppConfig):
    name = "placezero.advisory"
    label = "advisory"
    verbose_name = "Advisory Service"

    def ready(self) -> None:
        from datetime import timedelta

        from placezero.jobs import PeriodicSpec, register_periodic
        from placezero.web.navigation import register_nav_item

        from . import permissions, signals  # noqa: F401  (rules; the search index follows saves)
        from .alerts import register_notification_kinds, send_alerts

        register_notification_kinds()
        register_periodic(
            PeriodicSpec(
                key="advisory.alerts",
                every=timedelta(hours=1),
                run=send_alerts,
                description="Tell followers of new advice and of funding deadlines near",
            )
        )

        register_nav_item(
            "Advice and funding",
            "advisory:index",
            order=60,
            permission="advisory.view",
            place_url_name="advisory:home",
        )
