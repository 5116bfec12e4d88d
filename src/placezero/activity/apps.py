from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "placezero.activity"
    label = "activity"
    verbose_name = "History and notifications"

    def ready(self) -> None:
        # The app's permission rules (also found by accounts' autodiscovery).
        from . import permissions  # noqa: F401
