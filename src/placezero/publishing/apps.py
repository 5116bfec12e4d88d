from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "placezero.publishing"
    label = "publishing"
    verbose_name = "Published outputs"

    def ready(self) -> None:
        from placezero.web.navigation import register_nav_item

        from . import permissions  # noqa: F401  (registers publishing.view)

        register_nav_item(
            "Published",
            "publishing:index",
            order=80,
            permission="publishing.view",
            place_url_name="publishing:place",
        )
