"""Routes of the pathway workspace pages, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path

from .views import compare, files, history, levers, scenarios

urlpatterns: list = [
    path("scenarios/", scenarios.workspace, name="workspace"),
    path("scenarios/new/", scenarios.scenario_new, name="scenario_new"),
    path("scenarios/copy/", scenarios.scenario_copy, name="scenario_copy"),
    path("scenarios/import/", files.scenario_import, name="scenario_import"),
    path("scenarios/preview/", levers.scenario_preview, name="scenario_preview"),
    # A shipped scenario or the personal copy, chosen with ?scenario= (see views.common).
    path("scenarios/scenario.yaml", files.scenario_export, name="scenario_export"),
    path("scenarios/<int:scenario_id>/", levers.scenario, name="scenario"),
    path("scenarios/<int:scenario_id>/save/", levers.scenario_save, name="scenario_save"),
    path(
        "scenarios/<int:scenario_id>/details/",
        scenarios.scenario_details,
        name="scenario_details",
    ),
    path(
        "scenarios/<int:scenario_id>/preferred/",
        scenarios.scenario_preferred,
        name="scenario_preferred",
    ),
    path(
        "scenarios/<int:scenario_id>/history/",
        history.scenario_history,
        name="scenario_history",
    ),
    path(
        "scenarios/<int:scenario_id>/scenario.yaml", files.scenario_export, name="scenario_export"
    ),
    path("compare/", compare.compare, name="compare"),
    path("play/", levers.play, name="play"),
]
