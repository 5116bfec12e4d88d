"""Serving GeoJSON (RFC 7946) FeatureCollections, built by places.services, as
application/geo+json and documenting them so in the OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse

MEDIA_TYPE = "application/geo+json"


def response(data: dict[str, Any]) -> HttpResponse:
    return HttpResponse(json.dumps(data, separators=(",", ":")), content_type=MEDIA_TYPE)


def openapi_response(description: str) -> dict[str, Any]:
    """Document the geo+json body under its own media type in the OpenAPI schema."""
    return {
        "responses": {
            200: {
                "description": description,
                "content": {
                    MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/FeatureCollectionOut"}}
                },
            }
        }
    }
