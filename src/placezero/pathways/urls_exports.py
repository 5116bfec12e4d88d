"""Routes of the pathway exports (CSV, XLSX, GeoJSON of any table; a view as one XLSX),
under /places/<slug>/pathway/ (see urls.py). The view's own XLSX comes first so
`export/officers.xlsx` is never read as a table."""

from django.urls import path

from .views import boundaries, exports

urlpatterns = [
    path("export/<str:view>.xlsx", exports.export_view, name="export_view"),
    path("export/<str:view>/<str:table>.<str:fmt>", exports.export_table, name="export_table"),
    path("zones.geojson", boundaries.zone_boundaries, name="zone_boundaries"),
]
