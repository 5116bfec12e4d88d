"""Pathways publishes each loaded place's plan on a page and its preferred pathway
(placezero.publishing), and keeps them true as the preferred pathway changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.datapack.reader import read_pack
from placezero.pathways import services
from placezero.pathways.outputs import PLAN, PREFERRED
from placezero.places.loader import load_pack
from placezero.publishing import services as publishing


def published(place, kind):
    return {o.key: o for o in publishing.outputs(place=place, kind=kind)}


@pytest.fixture
def officer(leicestershire):
    return UserFactory(role=Role.OFFICER, place=leicestershire)


def new_scenario(place, user, name):
    definition = services.shipped_definitions()["balanced"]
    return services.create_scenario(
        place, name=name, description=f"{name}, as agreed.", definition=definition, user=user
    )


def test_a_loaded_place_has_its_plan_on_a_page_published(leicestershire) -> None:
    """Rule: the places loader's signal publishes the plan (no preferred pathway yet)."""
    plan = published(leicestershire, PLAN)["leicestershire"]
    assert plan.title == "Leicestershire: plan on a page"
    assert plan.url == reverse("pathways:plan", kwargs={"place_slug": "leicestershire"})
    assert "shipped balanced scenario" in plan.summary
    assert "public" in plan.audiences and "heat" in plan.topics
    assert published(leicestershire, PREFERRED) == {}


def test_loading_the_place_again_changes_nothing_published(leicestershire) -> None:
    """Rule: a reload is idempotent: the same outputs, their updated_at kept."""
    before = publishing.outputs(place=leicestershire)
    load_pack(read_pack("leicestershire"))
    after = publishing.outputs(place=leicestershire)
    assert [(o.pk, o.updated_at, o.title) for o in after] == [
        (o.pk, o.updated_at, o.title) for o in before
    ]


def test_marking_a_preferred_pathway_publishes_it_and_the_plan_follows(
    leicestershire, officer
) -> None:
    scenario = services.set_preferred(new_scenario(leicestershire, officer, "Agreed"), user=officer)
    preferred = published(leicestershire, PREFERRED)
    assert list(preferred) == [f"leicestershire/scenario-{scenario.pk}"]
    output = preferred[f"leicestershire/scenario-{scenario.pk}"]
    assert output.title == "Preferred pathway for Leicestershire: Agreed"
    assert output.summary.startswith("Agreed, as agreed. The scenario Leicestershire's officers")
    assert output.url.endswith(f"/pathway/?scenario={scenario.pk}")
    plan = published(leicestershire, PLAN)["leicestershire"]
    assert "the preferred pathway “Agreed” (version 1)" in plan.summary


def test_a_new_preferred_pathway_withdraws_the_old_one(leicestershire, officer) -> None:
    first = services.set_preferred(new_scenario(leicestershire, officer, "First"), user=officer)
    second = services.set_preferred(new_scenario(leicestershire, officer, "Second"), user=officer)
    assert list(published(leicestershire, PREFERRED)) == [f"leicestershire/scenario-{second.pk}"]
    assert f"leicestershire/scenario-{first.pk}" not in published(leicestershire, PREFERRED)
    assert "“Second”" in published(leicestershire, PLAN)["leicestershire"].summary


def test_marking_the_same_pathway_again_keeps_what_is_published(leicestershire, officer):
    """Rule: re-running changes nothing published, not even the dates."""
    scenario = services.set_preferred(new_scenario(leicestershire, officer, "Agreed"), user=officer)
    before = [(o.pk, o.key, o.updated_at) for o in publishing.outputs(place=leicestershire)]
    services.set_preferred(scenario, user=officer)
    after = [(o.pk, o.key, o.updated_at) for o in publishing.outputs(place=leicestershire)]
    assert after == before
    assert len(published(leicestershire, PREFERRED)) == 1
    assert len(published(leicestershire, PLAN)) == 1


def test_editing_the_preferred_pathway_republishes_it(leicestershire, officer) -> None:
    scenario = services.set_preferred(new_scenario(leicestershire, officer, "Agreed"), user=officer)
    services.update_details(
        scenario, name="Agreed pathway", description="Revised.", expected_version=1, user=officer
    )
    output = published(leicestershire, PREFERRED)[f"leicestershire/scenario-{scenario.pk}"]
    assert output.title == "Preferred pathway for Leicestershire: Agreed pathway"
    assert output.summary.startswith("Revised.")
    assert (
        "“Agreed pathway” (version 2)" in published(leicestershire, PLAN)["leicestershire"].summary
    )


def test_someone_who_may_not_choose_the_pathway_publishes_nothing(leicestershire) -> None:
    from django.core.exceptions import PermissionDenied

    editor = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    scenario = new_scenario(leicestershire, editor, "Mine")
    with pytest.raises(PermissionDenied):
        services.set_preferred(scenario, user=editor)
    assert published(leicestershire, PREFERRED) == {}


def test_the_published_page_lists_the_plan(client, leicestershire, officer) -> None:
    services.set_preferred(new_scenario(leicestershire, officer, "Agreed"), user=officer)
    html = client.get(
        reverse("publishing:place", kwargs={"place_slug": "leicestershire"})
    ).content.decode()
    assert "Leicestershire: plan on a page" in html
    assert "Preferred pathway for Leicestershire: Agreed" in html
