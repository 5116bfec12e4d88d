from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "placezero.pathways"
    label = "pathways"
    verbose_name = "Decarbonisation Pathway Plan"

    def ready(self) -> None:
        from placezero.web.navigation import register_nav_item

        from . import (
            permissions,  # noqa: F401  (registers the app's rules)
            plan_tables,  # noqa: F401
            workspace_tables,  # noqa: F401
        )

        # One menu entry for the whole plan; the pages of each audience, the scenario
        # workspace, the plan on a page and long runs are in the section menu
        # (`sections.SECTIONS`), which shows only the pages that exist.
        register_nav_item(
            "Pathway plan",
            "pathways:index",
            order=30,
            permission="pathways.view",
            place_url_name="pathways:public",
            also_current_for=tuple(f"pathways:{s.url_name}" for s in sections()),
        )
        from . import audience_tables  # noqa: F401


def sections():
    from .sections import SECTIONS

    return SECTIONS
