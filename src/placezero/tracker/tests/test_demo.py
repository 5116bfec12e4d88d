"""The demo plan loads across every theme with real partner organisations, twice over."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from placezero.accounts.demo import create_demo_accounts
from placezero.publishing import services as publishing
from placezero.tracker import announce, dashboard
from placezero.tracker.models import Action, LeverLink
from placezero.tracker.options import Theme

pytestmark = pytest.mark.django_db


def test_the_demo_plan_loads_across_every_theme(leicestershire, capsys):
    create_demo_accounts(leicestershire)
    call_command("load_tracker_demo")
    call_command("load_tracker_demo")  # idempotent
    actions = Action.objects.filter(place=leicestershire)
    assert actions.count() == 28 and all(a.is_demo for a in actions)
    assert {a.theme for a in actions} == set(Theme.values)
    assert "Green Fox Community Energy" in {a.owner.name for a in actions}
    links = LeverLink.objects.filter(action__place=leicestershire)
    # Local generation does not move the engine's emissions (it counts emissions where energy
    # is used: docs/method/tracker-impact.md); every other linked lever saves something.
    no_change = {"rooftop_solar", "ground_solar"}
    assert all(link.expected_tco2e > 0 for link in links if link.lever not in no_change)
    assert all(link.expected_tco2e == 0 for link in links if link.lever in no_change)
    assert any(link.delivered > 0 and link.actual_by_year for link in links)
    summary = dashboard.summary(leicestershire)
    assert 0 < summary.actual["2030"] < summary.expected["2030"] < summary.needed["2030"]
    (output,) = publishing.outputs(place=leicestershire, kind=announce.PROGRESS)
    assert "28 actions across 8 themes" in output.summary
    assert "Loaded the demo action plan" in capsys.readouterr().out


def test_the_demo_assesses_actions_with_powers_from_the_governance_register(leicestershire):
    from placezero.accounts.tests.factories import UserFactory
    from placezero.governance import services as governance
    from placezero.tracker import demo, services
    from placezero.tracker.models import Risk

    create_demo_accounts(leicestershire)
    governance.import_structure(
        leicestershire,
        governance.starting_template("two-tier-county"),
        user=UserFactory(role="administrator"),
    )
    counts = demo.load(leicestershire)
    assert counts["risks"] == Risk.objects.filter(action__place=leicestershire).count() >= 5
    b1 = Action.objects.get(place=leicestershire, reference="B1")
    assert "fuel_poverty" in b1.co_benefits and b1.deliverability == 4
    assert [a.reference for a in services.actions_using_power(leicestershire, "estates")] == [
        "B4", "B5", "N1", "O1",
    ]  # fmt: skip
    scored = [p for p in services.priorities(leicestershire).values() if p.score is not None]
    assert len(scored) >= 5 and max(p.score for p in scored) <= 100


def test_governance_and_tracker_demos_reload_in_either_order_with_links_intact(leicestershire):
    from io import StringIO

    from django.test import Client

    from placezero.governance.models import DecisionLink

    create_demo_accounts(leicestershire)
    for command in ("load_governance_demo", "load_tracker_demo") * 2:
        call_command(command, stdout=StringIO())
    call_command("load_governance_demo", stdout=StringIO())
    links = list(DecisionLink.objects.filter(decision__place=leicestershire))
    assert links and all(link.handler == "tracker.create_actions" for link in links)
    for link in links:
        assert Client().get(link.url).status_code == 200, link.url
    own = Action.objects.filter(place=leicestershire).exclude(reference__startswith="D")
    assert own.count() == 28
