"""A scenario's history: every saved change, who made it (names only to the place's
editors), and the levers it had at each version."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from placezero.accounts.permissions import has, requires
from placezero.web.shortcuts import place_or_404

from .. import services
from ..models import PathwayScenario
from ..options import ChangeAction
from .common import saved_scenario

# Audit actions whose `after` is the scenario's whole definition (the rest hold details).
DEFINITION_ACTIONS = (
    ChangeAction.CREATED,
    ChangeAction.COPIED,
    ChangeAction.IMPORTED,
    ChangeAction.EDITED,
)


@require_GET
@requires("pathways.view")
def scenario_history(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = saved_scenario(place, scenario_id)
    changes = saved.changes.select_related("changed_by").order_by("-changed_at", "-id")
    return render(
        request,
        "pathways/workspace/history.html",
        {
            "place": place,
            "scenario": saved,
            "changes": changes,
            "definition_actions": [str(a) for a in DEFINITION_ACTIONS],
            "show_names": has(request.user, "pathways.edit_scenarios", saved),
        },
    )


def definition_at(scenario: PathwayScenario, version: str) -> dict[str, Any]:
    """The levers a scenario had at a version, from its audit trail."""
    if not version.isdigit() or not 1 <= int(version) <= scenario.version:
        raise Http404(f"“{scenario.name}” has versions 1 to {scenario.version}.")
    change = (
        scenario.changes.filter(version__lte=int(version), action__in=DEFINITION_ACTIONS)
        .order_by("-version", "-id")
        .first()
    )
    if change is None or not isinstance(change.after, dict):
        raise Http404(f"The history of “{scenario.name}” does not hold version {version}.")
    return services.clean_definition(change.after)
