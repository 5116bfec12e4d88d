from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "placezero.web"
    label = "web"
    verbose_name = "Web shell: home, static pages, navigation"
