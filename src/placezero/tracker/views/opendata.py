"""Open data downloads: every public action of a place as CSV and JSON."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils.text import slugify

from placezero.accounts.permissions import requires
from placezero.tables import csv as table_csv
from placezero.tables.json import to_json

from .. import opendata
from .common import place_of_request


@requires("tracker.view", get_object=place_of_request)
def actions_csv(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    response = HttpResponse(
        table_csv.write(opendata.table(place)), content_type=table_csv.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(place.name)}-actions.csv"'
    return response


@requires("tracker.view", get_object=place_of_request)
def actions_json(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    body = to_json(opendata.table(place))
    body["rows"] = opendata.records(place)  # lists stay lists in JSON
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'inline; filename="{slugify(place.name)}-actions.json"'
    return response
