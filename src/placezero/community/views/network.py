"""The network page (public), the 360Giving export of awards, and a person's own data."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from placezero.accounts.permissions import requires
from placezero.tables import csv as table_csv

from .. import tables
from ..services import giving360, network, personal_data
from . import common


@require_GET
@requires("community.view", get_object=common.place)
def network_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    totals = network.totals(place)
    return render(
        request,
        "community/network.html",
        {
            "place": place,
            "totals": totals,
            "table": tables.network_table(totals),
            "awards": giving360.package(place)["grants"],
        },
    )


@require_GET
@requires("community.view", get_object=common.place)
def giving360_json(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    response = JsonResponse(giving360.package(place), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{place.slug}-360giving.json"'
    return response


@require_GET
@requires("community.view", get_object=common.place)
def giving360_csv(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    header, rows = giving360.rows(place)
    body = table_csv.write_rows(header, [[str(v) for v in row] for row in rows])
    response = HttpResponse(body, content_type=table_csv.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{place.slug}-360giving.csv"'
    return response


@requires("community.own_data")
def my_data(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != "erase":
            messages.error(request, "Tick the box to confirm that your details should be erased.")
            return render(
                request,
                "community/my_data.html",
                {"data": personal_data.export(request.user)},
                status=400,
            )
        changed = personal_data.erase(request.user)
        messages.success(request, f"Your details are erased from {changed} records.")
        return redirect("community:my_data")
    data = personal_data.export(request.user)
    if request.GET.get("format") == "json":
        response = HttpResponse(json.dumps(data, indent=2), content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="my-community-data.json"'
        return response
    return render(request, "community/my_data.html", {"data": data})
