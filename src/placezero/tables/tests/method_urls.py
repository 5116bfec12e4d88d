"""A URLconf with the method pages' route, as the method app will serve them."""

from django.http import HttpResponse
from django.urls import include, path


def page(request, page):
    return HttpResponse(page)


urlpatterns = [
    path("", include(([path("method/<str:page>/", page, name="page")], "method"))),
]
