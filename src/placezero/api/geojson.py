"""GeoJSON (RFC 7946) FeatureCollections of a place's areas and zones."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

MEDIA_TYPE = "application/geo+json"


def feature(code: str, geometry: dict[str, Any] | None, properties: dict[str, Any]) -> dict:
    # RFC 7946 §3.2: a Feature without a known geometry carries "geometry": null.
    return {"type": "Feature", "id": code, "geometry": geometry, "properties": properties}


def collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


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
