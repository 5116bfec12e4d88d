"""Pathway routes: each part of the app keeps its own module; all live under the namespace
`pathways` and, per place, under /places/<place_slug>/pathway/."""

from django.urls import include, path

from .views.index import index

app_name = "pathways"
PER_PLACE = "places/<slug:place_slug>/pathway/"
urlpatterns = [
    path("pathway/", index, name="index"),
    path(PER_PLACE, include("placezero.pathways.urls_audiences")),
    path(PER_PLACE, include("placezero.pathways.urls_workspace")),
    path(PER_PLACE, include("placezero.pathways.urls_plan")),
    path(PER_PLACE, include("placezero.pathways.urls_jobs")),
    path(PER_PLACE, include("placezero.pathways.urls_exports")),
]
