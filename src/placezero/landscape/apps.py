from django.apps import AppConfig


class LandscapeConfig(AppConfig):
    name = "placezero.landscape"
    label = "landscape"
    verbose_name = "Citizen landscaping"

    def ready(self) -> None:
        from placezero.activity import NotificationKind, register_notification_kind
        from placezero.jobs import register_periodic, registered_periodic
        from placezero.publishing import OutputKind, register_output_kind
        from placezero.web.navigation import register_nav_item

        from . import permissions  # noqa: F401  (registers the landscape.* rules)
        from .retention import periodic_task

        task = periodic_task()
        if task.key not in registered_periodic():
            register_periodic(task)

        register_nav_item(
            "Have your say",
            "landscape:index",
            order=45,
            permission="landscape.contribute",
            place_url_name="landscape:say",
            also_current_for=(
                "landscape:say_without_map", "landscape:results", "landscape:queue",
                "landscape:moderate_one", "landscape:thanks", "landscape:pathway",
                "landscape:consultations", "landscape:consultation", "landscape:consultation_new",
                "landscape:consultation_edit", "landscape:said", "landscape:report",
                "landscape:say_in", "landscape:say_in_without_map", "landscape:bulk",
                "landscape:response_add",
            ),
        )  # fmt: skip
        register_notification_kind(NotificationKind(
            key="landscape.published", label="Your contribution was published",
            description="When what you said on the landscape map has been checked and published",
        ))  # fmt: skip
        register_notification_kind(NotificationKind(
            key="landscape.rejected", label="Your contribution was not published",
            description="When a moderator rejected what you said, with their reason",
        ))  # fmt: skip
        register_output_kind(OutputKind(
            key="landscape.results", label="What people said (citizen landscaping)",
            module="Citizen landscaping",
            audiences=("public", "officers", "community", "residents"),
            topics=("solar", "wind", "heat", "transport", "engagement"),
        ))  # fmt: skip
