"""The shell's routes. `web:home` is the home page: the default place's overview."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("places/", views.places_compared, name="places_compared"),
    path("places/<slug:place_slug>/", views.place_overview, name="place"),
    path("places/<slug:place_slug>/emissions.csv", views.emissions_csv, name="emissions_csv"),
    path(
        "places/<slug:place_slug>/data-sources/",
        views.place_data_sources,
        name="place_data_sources",
    ),
    path("data-sources/", views.data_sources, name="data_sources"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("licence/", views.licence, name="licence"),
    path("glossary/", views.glossary_page, name="glossary"),
]
