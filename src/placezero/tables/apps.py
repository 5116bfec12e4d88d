from __future__ import annotations

from django.apps import AppConfig


class TablesConfig(AppConfig):
    """Registered only so Django finds `tables/_table.html`, its template tags and the chart
    script; the package has no models."""

    name = "placezero.tables"
    label = "tables"
    verbose_name = "Tables: one table model for every page and download"
