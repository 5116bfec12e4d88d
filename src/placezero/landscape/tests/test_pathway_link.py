"""Citizen input constrains the model: on the Leicestershire data, with local generation
counted on a consumption basis, opposition published in the ten zones with the most room
for ground-mounted solar stops it being built there; the rest of the county cannot make up
all of it, so the plan builds fewer MW and pays more for other measures (the direction
docs/method/acceptance.md says). On the engine's territorial basis generation earns no
credit, the plan builds none, and acceptance changes nothing: tested too."""

from __future__ import annotations

import numpy as np
import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from shapely.geometry import shape

from placezero.landscape import services
from placezero.pathways import services as pathways

from .conftest import say

pytestmark = pytest.mark.django_db
OPPOSED_ZONES = 10


def test_opposition_cuts_ground_solar_where_recorded_at_an_extra_cost(leicestershire, officer):
    before = pathways.least_cost_with_acceptance(leicestershire, {}, credit_generation=True)
    problem = before["problem"]
    solar = problem.technologies.index("solar_ground_mw")
    built = before["without"].installed_units[:, solar, :].sum(axis=1)
    assert built.sum() > 0, "the comparison's cut must make ground solar part of the plan"
    opposed = np.argsort(problem.technical_potential_units[:, solar])[::-1][:OPPOSED_ZONES]
    by_code = {zone.code: zone for zone in services.zones(leicestershire)}
    for k, index in enumerate(opposed):
        zone = by_code[problem.zone_codes[index]]
        point = shape(zone.geometry).representative_point()
        for n in range(services.MINIMUM_RESPONSES):
            contribution = say(
                leicestershire, AnonymousUser(), stance="oppose", address=f"zone{k}-{n}",
                geometry={"type": "Point", "coordinates": [point.x, point.y]},
            ).contribution  # fmt: skip
            services.moderate(contribution, decision="approve", reason="", user=officer)

    tallies = services.engine_tallies(leicestershire)
    compared = pathways.least_cost_with_acceptance(leicestershire, tallies, credit_generation=True)
    with_acceptance = compared["with"].installed_units[:, solar, :].sum(axis=1)
    # Nothing is built where everyone opposed it; elsewhere the plan makes up what it can.
    np.testing.assert_allclose(with_acceptance[opposed], 0.0, atol=1e-6)
    assert with_acceptance.sum() < built.sum() - 100  # MW fewer in the county
    extra = compared["with"].cost_gbp - compared["without"].cost_gbp
    assert extra > 100_000  # £, discounted: the stated extra cost of respecting it
    assert compared["without"].cost_gbp == pytest.approx(before["without"].cost_gbp)

    # The pathway's own basis: no generation built, so nothing for acceptance to change.
    territorial = pathways.least_cost_with_acceptance(leicestershire, tallies)
    assert territorial["without"].installed_units[:, solar, :].sum() == pytest.approx(0)
    assert territorial["with"].cost_gbp == pytest.approx(territorial["without"].cost_gbp)

    page = Client().get(reverse("landscape:pathway", args=[leicestershire.slug]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Ground-mounted solar" in body and "more</strong>" in body


def test_the_optimisation_run_can_be_switched_to_respect_acceptance(leicestershire, officer):
    from placezero.accounts.options import Role
    from placezero.accounts.tests.factories import UserFactory
    from placezero.jobs import services as jobs
    from placezero.jobs.options import JobStatus
    from placezero.jobs.queue import claim_next, run_job
    from placezero.pathways.runs.optimise import describe

    inputs_zones = list(pathways.place_inputs(leicestershire).zones)
    zone = next(z for z in services.zones(leicestershire) if z.code in inputs_zones)
    point = shape(zone.geometry).representative_point()
    for n in range(services.MINIMUM_RESPONSES):
        contribution = say(
            leicestershire, AnonymousUser(), stance="oppose", address=f"run-{n}",
            geometry={"type": "Point", "coordinates": [point.x, point.y]},
        ).contribution  # fmt: skip
        services.moderate(contribution, decision="approve", reason="", user=officer)
    shares = pathways.residents_acceptance(leicestershire)
    ground = 4  # solar_ground_mw in the least-cost problem's technologies
    assert shares[inputs_zones.index(zone.code), ground] == 0.0
    assert shares.sum() == shares.size - 1  # nothing else limited

    partner = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    parameters = {"goal": "reduction", "target_year": "2050", "reduction_percent": "40",
                  "acceptance": "on"}  # fmt: skip
    jobs.enqueue("pathways.optimise", parameters, partner, place=leicestershire)
    job = run_job(claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result["acceptance"] is True
    assert "within residents' acceptance" in describe(job)
