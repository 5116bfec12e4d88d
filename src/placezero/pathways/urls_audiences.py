"""Routes of the pathway audiences pages, under /places/<slug>/pathway/ (see urls.py)."""

from django.urls import path

from .views import audiences, my_area

urlpatterns = [
    path("", audiences.public, name="public"),
    path("my-area/", my_area.my_area, name="my_area"),
    path("officers/", audiences.officers, name="officers"),
    path("officers/map/", audiences.zone_map_fragment, name="zone_map_fragment"),
    path("investors/", audiences.investors, name="investors"),
    path("network/", audiences.network, name="network"),
    path("community/", audiences.community, name="community"),
]
