"""Top-level routes: each app owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

from placezero.api.api import api

urlpatterns = [
    path("", include("placezero.web.urls")),
    path("", include("placezero.pathways.urls")),
    path("", include("placezero.governance.urls")),
    path("", include("placezero.jobs.urls")),
    path("", include("placezero.activity.urls")),
    path("", include("placezero.publishing.urls")),
    path("", include("placezero.community.urls")),
    path("", include("placezero.tracker.urls")),
    path("", include("placezero.advisory.urls")),
    path("", include("placezero.landscape.urls")),
    path("", include("placezero.feedback.urls")),
    path("accounts/", include("placezero.accounts.urls")),
    path("method/", include("placezero.method.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

# A 400 shows the reason a view gave (web.errors); Django's own page would show none.
handler400 = "placezero.web.errors.bad_request"
