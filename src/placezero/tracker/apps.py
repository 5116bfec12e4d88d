from datetime import timedelta

from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "placezero.tracker"
    label = "tracker"
    verbose_name = "Action and impact tracker"

    def ready(self) -> None:
        from placezero.jobs import PeriodicSpec, register_periodic, registered_periodic
        from placezero.web.navigation import register_nav_item

        from . import announce, decisions, permissions  # noqa: F401  (registers the rules)

        announce.register_kinds()
        # The governance seam: approved decisions create tracker actions.
        decisions.register()
        if "tracker.overdue_milestones" not in registered_periodic():
            register_periodic(
                PeriodicSpec(
                    key="tracker.overdue_milestones",
                    every=timedelta(days=1),
                    run=announce.remind_overdue_milestones,
                    description="Remind lead officers of milestones past their due date",
                )
            )
        register_nav_item(
            "Action plan",
            "tracker:index",
            order=35,
            permission="tracker.view",
            place_url_name="tracker:dashboard",
            also_current_for=(
                "tracker:actions",
                "tracker:action",
                "tracker:action_new",
                "tracker:reports",
                "tracker:report",
                "tracker:priority",
            ),
        )
