from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "placezero.pathways"
    label = "pathways"
    verbose_name = "Decarbonisation Pathway Plan"

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the app's rules)
