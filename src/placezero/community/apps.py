from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "placezero.community"
    label = "community"
    verbose_name = "Community Energy Pathway"

    def ready(self) -> None:
        from placezero.web.navigation import register_nav_item

        from . import permissions  # noqa: F401  (registers the app's rules)
        from .services import notices, outputs

        notices.register_kinds()
        outputs.register_output_kinds()
        register_nav_item(
            "Community energy",
            "community:index",
            order=40,
            permission="community.view",
            place_url_name="community:home",
        )
