"""The plan's dashboard and the list of actions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.tables.charts import chart_from_table

from .. import dashboard, diagram, graph
from ..options import Status, Theme
from ..services import actions_of, priorities
from .common import place_of_request


def index(request: HttpRequest) -> HttpResponse:
    return redirect("tracker:dashboard", place_slug=places.get_place().slug)


@requires("tracker.view", get_object=place_of_request)
def dashboard_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    summary = dashboard.summary(place)
    by_slug = dashboard.tables(summary)
    tables = {
        "trajectory": by_slug["savings-trajectory"],
        "by_theme": by_slug["actions-by-theme"],
        "by_status": by_slug["actions-by-status"],
        "by_owner": by_slug["actions-by-owner"],
    }
    charts = {
        "trajectory": chart_from_table(
            tables["trajectory"], x="year", series=["expected", "actual"], reference=["needed"]
        ),
        "status": chart_from_table(tables["by_status"], x="status", series=["actions"], kind="bar"),
    }
    return render(
        request,
        "tracker/dashboard.html",
        {
            "place": place,
            "summary": summary,
            "tables": tables,
            "charts": charts,
            "holds": graph.holds(place),
            "critical_path": graph.critical_path(place),
            "diagram": diagram.diagram(place),
        },
    )


@requires("tracker.view", get_object=place_of_request)
def action_list(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    actions = actions_of(place)
    chosen = {key: request.GET.get(key, "") for key in ("theme", "status", "owner")}
    if chosen["theme"] in Theme.values:
        actions = actions.filter(theme=chosen["theme"])
    if chosen["status"] in Status.values:
        actions = actions.filter(status=chosen["status"])
    if chosen["owner"].isdigit():
        actions = actions.filter(owner_id=int(chosen["owner"]))
    owners = sorted({a.owner for a in actions_of(place)}, key=str)
    scores = priorities(place)
    rows = [(action, scores.get(action.pk)) for action in actions]
    sort = request.GET.get("sort", "reference")
    if sort == "priority":
        # Highest first; actions without a priority last, by reference.
        rows.sort(
            key=lambda r: (r[1] is None or r[1].score is None, -(r[1].score or 0) if r[1] else 0)
        )
    else:
        sort = "reference"
    kept = {k: v for k, v in chosen.items() if v}
    return render(
        request,
        "tracker/action_list.html",
        {
            "place": place,
            "actions": actions,
            "rows": rows,
            "sort": sort,
            "filters": urlencode(kept),
            "chosen": chosen,
            "themes": Theme.choices,
            "statuses": Status.choices,
            "owners": owners,
        },
    )
