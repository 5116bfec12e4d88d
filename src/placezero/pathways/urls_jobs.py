"""Routes of the pathway jobs pages, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
