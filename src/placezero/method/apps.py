from django.apps import AppConfig


class MethodConfig(AppConfig):
    name = "placezero.method"
    label = "method"
    verbose_name = "How the figures are made (the method pages)"

    def ready(self) -> None:
        from placezero.web.navigation import register_nav_item

        register_nav_item("How the figures are made", "method:index", order=95)
