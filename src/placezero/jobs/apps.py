from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "placezero.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        # The settings and registry checks (`manage.py check`, every `runserver`).
        from . import checks  # noqa: F401
