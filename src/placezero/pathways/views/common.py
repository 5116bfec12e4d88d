"""What every pathways view needs: the place (`web.shortcuts.place_or_404`), the saved
scenario the URL names, and which scenario the page is showing.

The scenario comes from `?scenario=`: a saved scenario's id, `mine` for the visitor's
personal copy (kept in their session, never saved to the plan), or a shipped scenario's
file stem (`balanced`, `baseline-no-new-action`, …). With none, the plan's preferred pathway
(or the shipped `balanced` one) is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest
from django.urls import reverse

from placezero.web.shortcuts import place_or_404

from .. import scenario_titles, services
from ..models import PathwayScenario
from ..tables import TableContext

if TYPE_CHECKING:
    from placezero.places.models import Place

PERSONAL = "mine"


def saved_scenario(place: Place, scenario_id: int) -> PathwayScenario:
    """A saved scenario of the place (404 for another place's or none)."""
    try:
        return PathwayScenario.objects.select_related("place").get(place=place, pk=scenario_id)
    except PathwayScenario.DoesNotExist:
        raise Http404(f"No scenario {scenario_id} in {place.name}.") from None


def the_place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Place:
    """`@requires(..., get_object=the_place)`: place-scoped permissions ask about the place
    the URL names."""
    return place_or_404(place_slug, request)


def the_scenario(
    request: HttpRequest, place_slug: str, scenario_id: int, **kwargs: Any
) -> PathwayScenario:
    """`@requires(..., get_object=the_scenario)`: the saved scenario the URL names."""
    return saved_scenario(place_or_404(place_slug, request), scenario_id)


def url_for(name: str, place: Place, **kwargs: Any) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug, **kwargs})


def personal_key(place: Place) -> str:
    return f"pathways:{place.slug}:personal"


def personal_definition(request: HttpRequest, place: Place) -> dict[str, Any] | None:
    return request.session.get(personal_key(place))


def save_personal_definition(request: HttpRequest, place: Place, definition: dict) -> None:
    request.session[personal_key(place)] = services.clean_definition(definition)


@dataclass(frozen=True)
class Selection:
    """The scenario a page shows: its key for URLs, title (`name`), one-line description,
    definition and model (if saved)."""

    key: str
    name: str
    definition: dict[str, Any]
    scenario: PathwayScenario | None = None
    line: str = ""

    @property
    def preferred(self) -> bool:
        return bool(self.scenario is not None and self.scenario.is_preferred)


PERSONAL_TITLE = scenario_titles.ScenarioTitle(
    "Your personal copy", "Your own changes to the levers, kept in this browser only."
)


def _saved(scenario: PathwayScenario) -> Selection:
    title = scenario_titles.of_saved(scenario)
    definition = services.clean_definition(scenario.definition)
    return Selection(str(scenario.pk), title.title, definition, scenario, title.line)


def _shipped(stem: str, data: dict[str, Any]) -> Selection:
    title = scenario_titles.of_shipped(stem, data)
    return Selection(stem, title.title, services.clean_definition(data), None, title.line)


def selected(request: HttpRequest, place: Place, key: str | None = None) -> Selection:
    key = key if key is not None else request.GET.get("scenario", "")
    if key == PERSONAL:
        definition = personal_definition(request, place)
        if definition is None:
            _name, definition = services.default_definition(place)
        return Selection(PERSONAL, PERSONAL_TITLE.title, definition, None, PERSONAL_TITLE.line)
    if key.isdigit():
        try:
            scenario = PathwayScenario.objects.get(place=place, pk=int(key))
        except PathwayScenario.DoesNotExist:
            raise Http404(f"No scenario {key} in {place.name}.") from None
        return _saved(scenario)
    shipped = services.shipped_for(place)
    if key in shipped:
        return _shipped(key, shipped[key])
    if key:
        raise Http404(f"No scenario '{key}'.")
    preferred = services.preferred_scenario(place)
    if preferred is not None:
        return _saved(preferred)
    return _shipped(
        services.DEFAULT_SHIPPED, services.shipped_definitions()[services.DEFAULT_SHIPPED]
    )


def table_context(place: Place, selection: Selection, area_code: str | None = None) -> TableContext:
    return TableContext(
        place=place,
        scenario_name=selection.name,
        results=services.run(place, selection.definition),
        inputs=services.place_inputs(place),
        area_code=area_code or None,
    )


def scenario_choices(request: HttpRequest, place: Place) -> list[dict[str, Any]]:
    """What every scenario picker offers, by title and one-line description (never a key):
    the plan's saved scenarios with the preferred pathway first and marked, the shipped
    ones, and the visitor's personal copy (`_scenario_picker.html`)."""
    saved = sorted(services.scenarios_for(place), key=lambda s: not s.is_preferred)
    titled = [(str(s.pk), scenario_titles.of_saved(s), "Scenarios of the plan") for s in saved]
    titled += [
        (stem, scenario_titles.of_shipped(stem, data), "Reference scenarios")
        for stem, data in services.shipped_for(place).items()
    ]
    titled.append((PERSONAL, PERSONAL_TITLE, "Yours"))
    return [
        {
            "key": key,
            "label": title.label,
            "title": title.title,
            "line": title.line,
            "preferred": title.preferred,
            "group": group,
        }
        for key, title, group in titled
    ]
