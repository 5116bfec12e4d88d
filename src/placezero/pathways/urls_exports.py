"""Routes of the pathway exports (CSV, XLSX, GeoJSON, scenario files), under
/places/<slug>/pathway/ (see urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
