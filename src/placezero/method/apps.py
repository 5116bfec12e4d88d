from django.apps import AppConfig


class MethodConfig(AppConfig):
    name = "placezero.method"
    label = "method"
    verbose_name = "How the figures are made (the method pages)"

    def ready(self) -> None:
        from placezero.places.services import place_loaded
        from placezero.web.navigation import register_nav_item

        from .outputs import on_place_loaded, register_output_kinds

        register_nav_item("How the figures are made", "method:index", order=95)
        # The replication guide is published with every place (the advisory repository
        # lists it), as soon as the place is loaded.
        register_output_kinds()
        place_loaded.connect(on_place_loaded, dispatch_uid="method.publish_replication_guide")
