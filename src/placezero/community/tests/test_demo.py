"""The demo: groups across several districts at different steps, mentors, one round in
progress, all marked as demo; loading it twice changes nothing; its awards validate as
360Giving data with the demo prefix."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from placezero.accounts.demo import create_demo_accounts
from placezero.community.models import Application, CommunityGroup, FundRound, Mentor
from placezero.community.services import giving360, network


@pytest.fixture
def demo(leicestershire):
    create_demo_accounts(leicestershire)
    out = StringIO()
    call_command("load_community_demo", stdout=out)
    return out.getvalue()


def test_the_demo_has_groups_at_different_steps_mentors_and_a_round_in_progress(
    demo, leicestershire
) -> None:
    groups = CommunityGroup.objects.filter(place=leicestershire)
    assert groups.count() == 6 and all(g.is_demo for g in groups)
    assert len({g.area_id for g in groups}) == 6
    assert {g.current_step for g in groups} == {1, 2, 3, 4, 5, 6}
    assert Mentor.objects.filter(is_demo=True).count() == 3
    open_rounds = [r for r in FundRound.objects.all() if r.is_open]
    assert len(open_rounds) == 1 and open_rounds[0].is_demo
    assert Application.objects.filter(round=open_rounds[0], status="submitted").exists()
    totals = network.totals(leicestershire)
    assert totals.launched == 1 and totals.installed_mw > 0 and totals.paid_gbp == 20000
    assert "6 demo groups" not in demo and "5 demo groups at steps 1 to 5" in demo


def test_loading_the_demo_again_changes_nothing(demo) -> None:
    out = StringIO()
    call_command("load_community_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert CommunityGroup.objects.count() == 6


def test_the_demo_awards_validate_against_the_360giving_schema(demo, leicestershire) -> None:
    package = giving360.package(leicestershire)
    assert giving360.validate(package) == []
    (grant,) = package["grants"]
    assert grant["id"].startswith("360G-DEMO-placezero-leicestershire-")
    assert grant["amountAwarded"] == 55000 and grant["amountDisbursed"] == 20000
    assert grant["fundingOrganization"] == [
        {"id": "GB-LAE-LEC", "name": "Leicestershire County Council"}
    ]
    assert "DEMONSTRATION" in package["title"]
    header, rows = giving360.rows(leicestershire)
    assert header[0] == "Identifier" and rows[0][0] == grant["id"]


def test_the_validator_finds_what_is_wrong(demo, leicestershire) -> None:
    package = giving360.package(leicestershire)
    del package["grants"][0]["amountAwarded"]
    package["grants"][0]["awardDate"] = 20250101
    problems = giving360.validate(package)
    # Without an amount the grant matches none of the schema's alternatives.
    assert any(p.startswith("grants/0: ") and "not valid under any" in p for p in problems)
    assert "grants/0/awardDate: 20250101 is not of type 'string'" in problems
    assert giving360.validate({"grants": []}) == ["grants: [] should be non-empty"]


def test_the_network_and_the_awards_are_published_to_the_repository(demo, leicestershire) -> None:
    from placezero.publishing import services as publishing

    (page,) = publishing.outputs(place=leicestershire, kind="community.network")
    assert "6 community energy groups in 6 of 7 districts, 1 launched" in page.summary
    (awards,) = publishing.outputs(place=leicestershire, kind="community.awards")
    assert "£55,000 awarded and £20,000 paid" in awards.summary
    assert awards.url.endswith("/awards/360giving.json")
