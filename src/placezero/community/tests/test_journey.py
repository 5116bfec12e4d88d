"""The six steps, mentors, opportunities and business cases through the services."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from placezero.community.finance import business_case
from placezero.community.models import StepProgress
from placezero.community.options import StepStatus
from placezero.community.services import journey, projects
from placezero.community.steps import BY_NUMBER
from placezero.pathways import services as pathways

from .conftest import advance, charnwood


def submit(world, step=1, user=None, **changes):
    values = dict(
        step_number=step,
        checklist_done=list(BY_NUMBER[step].checklist),
        evidence="Met on 3 March, 45 people came.",
    )
    values.update(changes)
    return journey.submit_step(world.group, user=user or world.founder, **values)


def test_a_group_moves_on_only_when_an_officer_signs_the_step_off(world) -> None:
    assert world.group.current_step == 1
    progress = submit(world)
    assert progress.status == StepStatus.SUBMITTED
    with pytest.raises(PermissionDenied, match="Only officers of Leicestershire"):
        journey.decide_step(progress, user=world.founder, approve=True)
    with pytest.raises(PermissionDenied):
        journey.decide_step(progress, user=world.other_officer, approve=True)
    journey.decide_step(progress, user=world.officer, approve=True)
    world.group.refresh_from_db()
    assert world.group.current_step == 2
    progress.refresh_from_db()
    assert progress.signed_off_by == world.officer
    # Submission and sign-off are in the shared history, with who made each change.
    changes = list(progress.history.order_by("history_date"))
    assert [c.status for c in changes] == ["in_progress", "submitted", "signed_off"]
    assert [c.history_user for c in changes[1:]] == [world.founder, world.officer]


def test_a_step_needs_every_item_ticked_and_its_evidence(world) -> None:
    with pytest.raises(ValidationError, match="Not ticked yet: Named a contact"):
        submit(world, checklist_done=list(BY_NUMBER[1].checklist[:2]))
    with pytest.raises(ValidationError, match="Give the evidence the step needs"):
        submit(world, evidence="  ")
    with pytest.raises(ValidationError, match="only that step can be submitted"):
        submit(world, step=2, checklist_done=list(BY_NUMBER[2].checklist))
    assert StepProgress.objects.get(group=world.group, step_number=1).status == "in_progress"


def test_a_returned_step_says_what_is_missing_and_can_be_sent_again(world) -> None:
    progress = submit(world)
    with pytest.raises(ValidationError, match="Say what the group needs to add"):
        journey.decide_step(progress, user=world.officer, approve=False)
    journey.decide_step(progress, user=world.officer, approve=False, note="Add the notes.")
    world.group.refresh_from_db()
    assert world.group.current_step == 1
    assert submit(world).status == StepStatus.SUBMITTED


def test_only_the_groups_editors_and_officers_of_the_place_work_on_its_steps(world) -> None:
    for outsider in (world.group_member, world.other_founder, world.partner, world.other_officer):
        with pytest.raises(PermissionDenied):
            submit(world, user=outsider)
    assert submit(world, user=world.officer).status == StepStatus.SUBMITTED


def test_bad_district_is_refused(world) -> None:
    with pytest.raises(ValidationError, match="is not a district of Leicestershire"):
        journey.register_group(
            world.place,
            user=world.resident,
            name="Nowhere Energy",
            area_code="E06099999",
            legal_form="cbs",
        )


def test_a_second_group_of_the_same_name_is_refused(world) -> None:
    with pytest.raises(ValueError, match="already registered"):
        journey.register_group(
            world.place,
            user=world.resident,
            name="Test Community Energy",
            area_code=charnwood(world.place).code,
            legal_form="cbs",
        )


def test_mentors_are_suggested_by_skills_needs_and_distance_with_reasons(world) -> None:
    near = journey.add_mentor(
        world.place,
        user=world.officer,
        display_name="Near Mentor",
        area_code=charnwood(world.place).code,
        skills=["engagement"],
        hours_per_month=4,
    )
    far_area = next(a for a in journey.districts(world.place) if a.name != "Charnwood")
    journey.add_mentor(
        world.place,
        user=world.officer,
        display_name="Far Mentor",
        area_code=far_area.code,
        skills=["engagement"],
        hours_per_month=4,
    )
    journey.add_mentor(
        world.place,
        user=world.officer,
        display_name="Wrong Skills",
        area_code=charnwood(world.place).code,
        skills=["storage"],
        hours_per_month=4,
    )
    matches = journey.suggested_mentors(world.group)
    assert [m.mentor.display_name for m in matches] == ["Near Mentor", "Far Mentor"]
    assert matches[0].score == 1.0 and matches[1].score == 0.5
    assert "Covers 1 of 1 needs: Community engagement." in matches[0].reasons
    journey.log_session(
        world.group,
        user=world.founder,
        mentor=near,
        held_on=timezone.localdate(),
        hours=Decimal("4"),
        outcome="Planned the first meeting.",
    )
    assert [m.mentor.display_name for m in journey.suggested_mentors(world.group)] == ["Far Mentor"]
    with pytest.raises(ValidationError, match="cannot be logged before it is held"):
        journey.log_session(
            world.group,
            user=world.founder,
            mentor=near,
            held_on=timezone.localdate() + timedelta(days=2),
            hours=Decimal(1),
            outcome="x",
        )
    with pytest.raises(PermissionDenied):
        journey.add_mentor(
            world.place,
            user=world.other_officer,
            display_name="X",
            area_code=charnwood(world.place).code,
            skills=["finance"],
            hours_per_month=1,
        )


def test_opportunities_come_from_the_engine_with_their_score_parts(world) -> None:
    found = projects.opportunities(world.place)
    assert found and found == sorted(found, key=lambda o: -o.score)
    best = found[0]
    assert best.score == pytest.approx(0.6 * best.potential_part + 0.4 * best.network_part)
    assert {o.technology for o in found} >= {"solar_rooftop", "solar_ground", "onshore_wind"}
    a = pathways.assumptions()
    solar = next(o for o in found if o.technology == "solar_ground")
    assert solar.mwh_per_year == pytest.approx(solar.mw * 8760 * a["solar_capacity_factor"])
    assert solar.capex_gbp == pytest.approx(solar.mw * 1000 * a["solar_ground_capex_gbp_per_kw"])
    district = found[0].district_code
    assert {
        o.district_code for o in projects.opportunities(world.place, district_code=district)
    } == {district}


def test_adopting_an_opportunity_builds_a_business_case_that_follows_its_inputs(world) -> None:
    advance(world.group, 4)
    found = next(o for o in projects.opportunities(world.place) if o.technology == "solar_ground")
    project = projects.adopt(world.group, user=world.founder, key=found.key)
    assert project.mw == pytest.approx(found.mw)
    record, case = projects.case_of(project, user=world.founder)
    assert record.capex_gbp == pytest.approx(found.capex_gbp, abs=0.01)
    assert case == business_case(record.inputs())
    with pytest.raises(ValidationError, match="already adopted"):
        projects.adopt(world.group, user=world.founder, key=found.key)
    with pytest.raises(ValidationError, match="has no opportunity"):
        projects.adopt(world.group, user=world.founder, key="E02999999:solar_ground")
    with pytest.raises(PermissionDenied):
        projects.adopt(world.group, user=world.other_founder, key=found.key)

    edited = projects.update_case(
        record, user=world.founder, values={"export_price_gbp_per_mwh": 90.0}
    )
    assert edited.payback_years != case.payback_years
    assert record.history.count() == 2  # created, then edited: who and when are kept
    with pytest.raises(ValidationError, match="make them add up"):
        projects.update_case(record, user=world.founder, values={"share_capital_gbp": 1.0})
    with pytest.raises(ValidationError, match="between 0 and 1"):
        projects.update_case(record, user=world.founder, values={"onsite_share": 2.0})
    with pytest.raises(PermissionDenied):
        projects.case_of(project, user=world.other_founder)
    record.refresh_from_db()
    assert record.export_price_gbp_per_mwh == 90.0 and record.onsite_share == 0.0


def test_heat_networks_are_ranked_by_potential_and_heat_density(world) -> None:
    """Heat network parts by hand from the engine's own arrays (pathways.opportunities)."""
    from placezero.pathways.opportunities import HEAT_DENSITY_THRESHOLD_MWH_PER_KM2

    found = [o for o in projects.opportunities(world.place) if o.technology == "heat_network"]
    assert found, "the pathway builds heat networks somewhere"
    assert pytest.approx(41_666.67, abs=0.01) == HEAT_DENSITY_THRESHOLD_MWH_PER_KM2
    a = pathways.assumptions()
    for o in found:
        assert o.heat_density_mwh_per_km2 is not None and o.network_part_label == "heat density"
        assert o.network_part == pytest.approx(
            min(o.heat_density_mwh_per_km2 / HEAT_DENSITY_THRESHOLD_MWH_PER_KM2, 1.0)
        )
        assert o.score == pytest.approx(0.6 * o.potential_part + 0.4 * o.network_part)
        assert o.mwh_per_year == pytest.approx(o.mw * a["heating_full_load_hours"])
        assert o.capex_gbp == pytest.approx(o.mw * 1000 * a["heat_network_capex_gbp_per_kw_th"])
    assert max(o.potential_part for o in found) == pytest.approx(1.0)


def test_residents_acceptance_from_the_landscape_survey_is_a_part_of_the_score(world) -> None:
    """4 welcoming and 1 opposed published answers about ground solar in a zone: acceptance
    (4 + 0) / 5 = 0.8, a quarter of the score; a zone with 2 answers has too few; the rest
    show no responses yet."""
    from placezero.accounts.options import Role
    from placezero.accounts.tests.factories import UserFactory
    from placezero.landscape import services as landscape

    before = [o for o in projects.opportunities(world.place) if o.technology == "solar_ground"]
    first, second = before[0], before[1]
    assert first.acceptance_part is None and first.acceptance_responses == 0
    stances = [(first.zone_code, s) for s in ("welcome",) * 4 + ("oppose",)]
    stances += [(second.zone_code, "welcome")] * 2
    for n, (zone, stance) in enumerate(stances):
        made = landscape.submit(
            world.place,
            technology="ground_solar",
            stance=stance,
            user=UserFactory(role=Role.RESIDENT),
            client_address=f"192.0.2.{n + 1}",
            zone_code=zone,
            place_description="The fields by the road.",
            reason="A view.",
        )
        landscape.moderate(made.contribution, decision="approve", reason="", user=world.officer)
    after = {
        o.zone_code: o
        for o in projects.opportunities(world.place)
        if o.technology == "solar_ground"
    }
    accepted = after[first.zone_code]
    assert accepted.acceptance_part == pytest.approx(0.8) and accepted.acceptance_responses == 5
    technical = 0.6 * accepted.potential_part + 0.4 * accepted.network_part
    assert accepted.score == pytest.approx(0.75 * technical + 0.25 * 0.8)
    few = after[second.zone_code]
    assert few.acceptance_part is None and few.acceptance_responses == 2
    assert few.score == pytest.approx(0.6 * few.potential_part + 0.4 * few.network_part)

    from django.test import Client
    from django.urls import reverse

    page = Client().get(reverse("community:opportunities", args=[world.place.slug])).content
    text = page.decode()
    assert "acceptance 0.80 (5 responses)" in text
    assert "too few responses yet (2 of 5)" in text and "acceptance: no responses yet" in text


def test_a_heat_network_business_case_sells_heat_at_the_gas_boilers_cost(world) -> None:
    """Heat price = gas 6.24 p/kWh / boiler efficiency (the engine's); operating cost =
    capital x the heat pump O&M share + heat / SPF x electricity price."""
    advance(world.group, 4)
    found = next(o for o in projects.opportunities(world.place) if o.technology == "heat_network")
    project = projects.adopt(world.group, user=world.founder, key=found.key)
    record, case = projects.case_of(project, user=world.founder)
    a = pathways.assumptions()
    assert record.onsite_share == 1.0 and record.export_price_gbp_per_mwh == 0.0
    heat_price = a["gas_price_gbp_per_kwh"] / a["gas_boiler_efficiency"] * 1000
    assert record.onsite_price_gbp_per_mwh == pytest.approx(heat_price, abs=0.01)
    electricity = found.mwh_per_year / a["heat_network_spf"] * a["electricity_price_gbp_per_kwh"]
    expected_opex = found.capex_gbp * a["heat_pump_fom_fraction_per_year"] + electricity * 1000
    assert record.opex_gbp_per_year == pytest.approx(expected_opex, abs=0.01)
    assert case.years[0].income_gbp == pytest.approx(record.annual_output_mwh * heat_price, 0.01)
    assert any("pipework" in text for _, text in projects.sources(project))


def test_the_directory_map_shades_districts_and_places_groups_at_their_centre(world) -> None:
    from django.test import Client
    from django.urls import reverse
    from shapely.geometry import Point, shape

    from placezero.community.services import network

    drawn = network.group_map(world.place)
    features = {f["properties"]["code"]: f for f in drawn["geojson"]["features"]}
    home = charnwood(world.place)
    assert features[home.code]["properties"]["figure"] == 2  # two groups registered there
    assert "Test Community Energy (step 1)" in features[home.code]["properties"]["label"]
    others = [f for code, f in features.items() if code != home.code]
    assert others and all(f["properties"]["label"].endswith("no group yet") for f in others)
    assert len(drawn["points"]) == 2
    outline = shape(home.geometry)
    assert all(outline.contains(Point(p["lon"], p["lat"])) for p in drawn["points"])
    page = Client().get(reverse("community:directory", args=[world.place.slug])).content.decode()
    assert 'id="group-map-data"' in page and "data-groups-by-district" in page
    assert "vendor/leaflet/leaflet.js" in page and "web/js/area-map.js" in page
