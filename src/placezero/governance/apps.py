from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "placezero.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from placezero.jobs import register_periodic, registered_periodic
        from placezero.web.navigation import register_nav_item

        from . import announce, permissions  # noqa: F401  (registers the rules)
        from .outcomes import register_shipped_handlers
        from .services.deadlines import periodic_task

        register_shipped_handlers()
        announce.register_kinds()
        task = periodic_task()
        if task.key not in registered_periodic():
            register_periodic(task)
        register_nav_item(
            "Governance",
            "governance:index",
            order=20,
            permission="governance.view",
            place_url_name="governance:place",
        )
