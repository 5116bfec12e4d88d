from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "placezero.web"
    label = "web"
    verbose_name = "Web shell: home, static pages, navigation"

    def ready(self) -> None:
        from . import cache
        from .navigation import register_nav_item

        cache.connect()  # data changes invalidate the public page cache (production)
        register_nav_item("Overview", "web:home", order=0, place_url_name="web:place")
        register_nav_item(
            "Data sources", "web:data_sources", order=90, place_url_name="web:place_data_sources"
        )
