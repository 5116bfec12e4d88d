from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "placezero.api"
    label = "api"
    verbose_name = "Public API (OpenAPI)"
