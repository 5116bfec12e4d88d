from django.apps import AppConfig


class AdvisoryConfig(AppConfig):
    name = "placezero.advisory"
    label = "advisory"
    verbose_name = "Advisory Service"

    def ready(self) -> None:
        from placezero.web.navigation import register_nav_item

        from . import permissions, signals  # noqa: F401  (rules; the search index follows saves)

        register_nav_item(
            "Advice and funding",
            "advisory:index",
            order=60,
            permission="advisory.view",
            place_url_name="advisory:home",
        )
