"""Routes of the pathway workspace pages, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path

from .views import workspace as views

urlpatterns: list = [
    path("scenarios/", views.workspace, name="workspace"),
    path("scenarios/new/", views.scenario_new, name="scenario_new"),
    path("scenarios/copy/", views.scenario_copy, name="scenario_copy"),
    path("scenarios/import/", views.scenario_import, name="scenario_import"),
    path("scenarios/preview/", views.scenario_preview, name="scenario_preview"),
    # A shipped scenario or the personal copy, chosen with ?scenario= (see views.common).
    path("scenarios/scenario.yaml", views.scenario_export, name="scenario_export"),
    path("scenarios/<int:scenario_id>/", views.scenario, name="scenario"),
    path("scenarios/<int:scenario_id>/save/", views.scenario_save, name="scenario_save"),
    path("scenarios/<int:scenario_id>/details/", views.scenario_details, name="scenario_details"),
    path(
        "scenarios/<int:scenario_id>/preferred/",
        views.scenario_preferred,
        name="scenario_preferred",
    ),
    path("scenarios/<int:scenario_id>/history/", views.scenario_history, name="scenario_history"),
    path(
        "scenarios/<int:scenario_id>/scenario.yaml", views.scenario_export, name="scenario_export"
    ),
    path("compare/", views.compare, name="compare"),
    path("play/", views.play, name="play"),
]
