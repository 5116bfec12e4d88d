"""People of another place may see Leicestershire's plan but never change it.

Every pathway route that accepts POST is found from the URL configuration and must be listed
below as changing something or as changing nothing (with the reason), so a new one cannot be
forgotten. Each route that changes something refuses partner editors and officers of another
place with a 403 page giving the reason, and changes nothing; an officer of the place gets
past the check. Every service that changes a scenario refuses them too, whoever calls it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.jobs.models import Job
from placezero.pathways import services
from placezero.pathways.models import PathwayScenario, ScenarioChange
from placezero.pathways.options import ChangeAction
from placezero.pathways.runs.uncertainty import KEY as UNCERTAINTY

NAMESPACE = "pathways"
# Routes that take POST and change the plan, or start or stop work for it.
CHANGES = {
    "scenario_new",
    "scenario_copy",
    "scenario_import",
    "scenario_save",
    "scenario_details",
    "scenario_preferred",
    "jobs",  # POST starts a run (cancelling one is the jobs app's route, tested below)
}
# Routes that take POST but change nothing in the plan, and why.
CHANGE_NOTHING = {
    "scenario": "shows the results of the posted sliders; saving is scenario_save",
    "scenario_preview": "the htmx results of moved sliders",
    "play": "the visitor's personal copy, kept in their own session",
}
QUERIES = {"scenario_copy": "?source=balanced"}
OTHER_ROLES = [Role.PARTNER_EDITOR, Role.OFFICER]


def routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(name, route) of every URL pattern under `patterns`, includes followed."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name, prefix + str(pattern.pattern)


def pathway_routes() -> list[tuple[str, str]]:
    return list(routes(get_resolver().namespace_dict[NAMESPACE][1].url_patterns))


@pytest.fixture
def rutland(db: None) -> Any:
    """Another place, as far as belonging goes (its people are members of its councils)."""
    return PlaceFactory(slug="rutland-test", name="Rutland")


@pytest.fixture
def officer(leicestershire: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=leicestershire)


@pytest.fixture
def saved(leicestershire: Any, officer: Any) -> PathwayScenario:
    _, definition = services.default_definition(leicestershire)
    return services.create_scenario(
        leicestershire, name="Draft", description="", definition=definition, user=officer
    )


@pytest.fixture
def run(leicestershire: Any, officer: Any) -> Job:
    """A queued run of Leicestershire that the people asking did not start."""
    return Job.objects.create(
        place=leicestershire, kind=UNCERTAINTY, parameters={}, created_by=officer
    )


@pytest.fixture
def url_of(leicestershire: Any, saved: PathwayScenario, run: Job) -> Any:
    values = {
        "place_slug": leicestershire.slug,
        "scenario_id": saved.pk,
        "job_id": run.pk,
        "view": "officers",
        "table": "emissions-by-sector",
        "fmt": "csv",
    }

    def url(name: str, route: str) -> str:
        kwargs = {k: values[k] for k in re.findall(r"<(?:\w+:)?(\w+)>", route)}
        return reverse(f"{NAMESPACE}:{name}", kwargs=kwargs) + QUERIES.get(name, "")

    return url


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _state(saved: PathwayScenario, run: Job) -> tuple:
    saved.refresh_from_db()
    run.refresh_from_db()
    return (
        PathwayScenario.objects.count(),
        ScenarioChange.objects.count(),
        Job.objects.count(),
        saved.version,
        saved.name,
        saved.is_preferred,
        run.status,
        run.cancel_requested,
    )


def test_every_route_that_takes_post_is_listed(url_of: Any) -> None:
    """Rule: a route answering POST with anything but 405 is declared as changing the plan
    or as changing nothing, with the reason."""
    anonymous = Client()
    taking_post = {
        name
        for name, route in pathway_routes()
        if anonymous.post(url_of(name, route)).status_code != 405
    }
    assert taking_post == CHANGES | set(CHANGE_NOTHING)


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_people_of_another_place_are_refused_on_every_route_that_changes(
    role: Role, rutland: Any, url_of: Any, saved: PathwayScenario, run: Job
) -> None:
    client = client_for(UserFactory(role=role, place=rutland))
    before = _state(saved, run)
    for name, route in pathway_routes():
        if name not in CHANGES:
            continue
        response = client.post(url_of(name, route), {"name": "Ours now", "source": "balanced"})
        assert response.status_code == 403, name
        page = response.content.decode()
        assert "of Leicestershire, and administrators," in page, name
        assert (
            f"You are {'an officer' if role == Role.OFFICER else 'a partner editor'} of Rutland."
            in page
        )
    assert _state(saved, run) == before


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_people_of_another_place_cannot_cancel_its_run(
    role: Role, rutland: Any, saved: PathwayScenario, run: Job
) -> None:
    """Rule: the shared run pages ask the pathway kind's cancel rule about the run's place."""
    client = client_for(UserFactory(role=role, place=rutland))
    before = _state(saved, run)
    response = client.post(reverse("jobs:cancel", kwargs={"job_id": run.pk}))
    assert response.status_code == 403
    assert "of Rutland." in response.content.decode()
    assert _state(saved, run) == before


def test_an_officer_of_the_place_gets_past_every_check(
    officer: Any, url_of: Any, saved: PathwayScenario
) -> None:
    client = client_for(officer)
    for name, route in pathway_routes():
        if name in CHANGES:
            assert client.post(url_of(name, route)).status_code != 403, name


# --- services: refused whoever calls them ------------------------------------------------


def _refused(call: Any) -> str:
    with pytest.raises(PermissionDenied) as refused:
        call()
    return str(refused.value)


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_scenario_service_refuses_people_of_another_place(
    role: Role, rutland: Any, leicestershire: Any, saved: PathwayScenario
) -> None:
    user = UserFactory(role=role, place=rutland)
    definition = services.clean_definition(saved.definition)
    calls = {
        "create": lambda: services.create_scenario(
            leicestershire, name="Ours", description="", definition=definition, user=user
        ),
        "copy": lambda: services.create_scenario(
            leicestershire,
            name="Ours",
            description="",
            definition=definition,
            user=user,
            copied_from=saved,
            action=ChangeAction.COPIED,
        ),
        "import": lambda: services.create_scenario(
            leicestershire,
            name="Ours",
            description="",
            definition=definition,
            user=user,
            action=ChangeAction.IMPORTED,
        ),
        "edit levers": lambda: services.update_levers(
            saved, definition={"levers": {}}, expected_version=saved.version, user=user
        ),
        "describe": lambda: services.update_details(
            saved, name="Ours", description="", expected_version=saved.version, user=user
        ),
        "set preferred": lambda: services.set_preferred(saved, user=user),
    }
    for what, call in calls.items():
        reason = _refused(call)
        assert "of Leicestershire, and administrators," in reason and "of Rutland." in reason, what
    saved.refresh_from_db()
    assert (saved.version, saved.is_preferred) == (1, False)
    assert PathwayScenario.objects.count() == 1


def test_a_service_called_without_a_person_is_refused(leicestershire: Any) -> None:
    """Rule: no signed-in person, no change (a caller that forgot who is asking fails)."""
    reason = _refused(
        lambda: services.create_scenario(
            leicestershire, name="Nobody's", description="", definition={}, user=None
        )
    )
    assert reason.startswith("You need to sign in")


@pytest.mark.parametrize("role", [Role.PARTNER_EDITOR, Role.OFFICER, Role.ADMINISTRATOR])
def test_editable_by_agrees_with_the_rule(role: Role, rutland: Any, saved: PathwayScenario) -> None:
    """Rule: the list of editable scenarios is exactly what pathways.edit_scenarios allows."""
    from placezero.accounts.permissions import has

    for place in (saved.place, rutland):
        user = UserFactory(role=role, place=place)
        listed = saved in PathwayScenario.objects.editable_by(user)
        assert listed is has(user, "pathways.edit_scenarios", saved)
        assert saved in PathwayScenario.objects.visible_for(user)
