"""The public API: one NinjaAPI; each family of endpoints adds its router.

Read-only and public. The interactive docs at /api/docs use django-ninja's bundled Swagger UI
(static files served by this site, `ninja` being an installed app); nothing loads from a CDN.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from . import access, docs, errors, geojson, openapi
from .routers import places, series, statistics

DESCRIPTION = """Open data about each place placezero models: its local authority areas,
its zones (2011 MSOAs), and the official statistics about them (emissions, energy
consumption, households, projections), each figure with its unit, dataset and licence.
Read-only; no key needed. See /api/places/{slug}/datasets for provenance and attribution."""


class PlacezeroAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """GeoJSON endpoints answer only application/geo+json: drop the JSON media type
        ninja adds beside it for their declared response schema. Every operation documents
        its error answers (`openapi.document_errors`)."""
        schema = openapi.document_errors(super().get_openapi_schema(*args, **kwargs))
        for operations in schema["paths"].values():
            for operation in operations.values():
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    if geojson.MEDIA_TYPE in content:
                        content.pop("application/json", None)
        return schema


api = PlacezeroAPI(
    title="placezero API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=docs.docs(),
)
errors.install(api)
# Checked before validation, so a refused caller learns nothing about the parameters.
api.add_decorator(access.require_read, mode="view")
api.add_router("", places.router)
api.add_router("", statistics.router)
api.add_router("", series.router)
api.add_router("", "placezero.pathways.api.router")
api.add_router("", "placezero.tracker.api.router")
api.add_router("", "placezero.landscape.api.router")
