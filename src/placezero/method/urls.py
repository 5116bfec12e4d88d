"""Routes of the method pages. `method:page` (kwarg `page`) is the name
`tables.method_url` looks up for every table's "How the figures are made" link."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "method"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:page>/", views.page, name="page"),
]
