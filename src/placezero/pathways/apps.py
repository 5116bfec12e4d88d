from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "placezero.pathways"
    label = "pathways"
    verbose_name = "Decarbonisation Pathway Plan"

    def ready(self) -> None:
        from placezero.places.services import place_loaded
        from placezero.web.navigation import register_nav_item

        # Importing these registers the app's permission rules and every table the pages
        # show and the exports write (`tables.register_table`).
        from . import (  # noqa: F401
            audience_tables,
            permissions,
            plan_tables,
            workspace_tables,
        )
        from .outputs import on_place_loaded, register_output_kinds
        from .runs import register_kinds

        # Long runs (optimisation, Monte Carlo, batches) are kinds of background job.
        register_kinds()
        # The national view's columns: each place's gap, cost per tonne and headroom.
        from .runs.national import register_national_columns

        register_national_columns()
        # The plan on a page and the preferred pathway are published (placezero.publishing),
        # each place's as soon as it is loaded.
        register_output_kinds()
        place_loaded.connect(on_place_loaded, dispatch_uid="pathways.publish_on_load")

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


def sections():
    from .sections import SECTIONS

    return SECTIONS
