"""Pathway routes: each part of the app keeps its own module; all live under the namespace
`pathways` and, per place, under /places/<place_slug>/pathway/."""

from django.urls import include, path

app_name = "pathways"
urlpatterns = [
    path("places/<slug:place_slug>/pathway/", include("placezero.pathways.urls_audiences")),
    path("places/<slug:place_slug>/pathway/", include("placezero.pathways.urls_workspace")),
    path("places/<slug:place_slug>/pathway/", include("placezero.pathways.urls_plan")),
    path("places/<slug:place_slug>/pathway/", include("placezero.pathways.urls_jobs")),
]
