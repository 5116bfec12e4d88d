"""Citizen landscaping routes: per place under /places/<place_slug>/landscape/, and a
contributor's own data under /landscape/."""

from django.urls import path

from .views import contribute, moderation, own, results

app_name = "landscape"
PER_PLACE = "places/<slug:place_slug>/landscape/"
urlpatterns = [
    path("landscape/", contribute.index, name="index"),
    path("landscape/mine/", own.mine, name="mine"),
    path("landscape/mine/<int:pk>/delete/", own.delete_mine, name="delete_mine"),
    path("landscape/link/<str:token>/", own.secret, name="secret"),
    path(PER_PLACE, contribute.say, name="say"),
    path(PER_PLACE + "without-map/", contribute.say_without_map, name="say_without_map"),
    path(PER_PLACE + "thanks/", contribute.thanks, name="thanks"),
    path(PER_PLACE + "results/", results.results, name="results"),
    path(PER_PLACE + "pathway/", results.pathway, name="pathway"),
    path(PER_PLACE + "moderation/", moderation.queue, name="queue"),
    path(PER_PLACE + "moderation/<int:pk>/", moderation.moderate_one, name="moderate_one"),
]
