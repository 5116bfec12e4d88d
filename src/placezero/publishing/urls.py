"""Routes of the published outputs: /published/ and, per place, /places/<slug>/published/."""

from django.urls import path

from .views import outputs

app_name = "publishing"
urlpatterns = [
    path("published/", outputs.index, name="index"),
    path("places/<slug:place_slug>/published/", outputs.place_outputs, name="place"),
    path("places/<slug:place_slug>/published/feed.atom", outputs.place_feed, name="feed"),
]
