"""Having your say: what is accepted, and each kind of bad input refused clearly with
nothing written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.landscape import validation
from placezero.landscape.models import Contribution
from placezero.landscape.options import Shape, Status
from placezero.landscape.validation import ContributionError

from .conftest import say

pytestmark = pytest.mark.django_db


def refused(place: Any, field: str, **fields: Any) -> str:
    before = Contribution.objects.count()
    with pytest.raises(ContributionError) as caught:
        say(place, AnonymousUser(), **fields)
    assert Contribution.objects.count() == before, "a refused contribution wrote something"
    assert field in caught.value.errors, caught.value.errors
    return caught.value.errors[field]


def test_a_point_lands_in_its_zone_waiting_for_moderation(leicestershire, zone, inside_point):
    submitted = say(leicestershire, AnonymousUser(), geometry=json.dumps(inside_point))
    contribution = submitted.contribution
    assert (contribution.zone_id, contribution.shape) == (zone.pk, Shape.POINT)
    assert contribution.status == Status.PENDING
    assert contribution.contributor is None
    assert contribution.secret_hash == validation.secret_hash(submitted.secret_token)
    assert "192.0.2.1" not in contribution.client_key


def test_an_area_lands_in_the_zone_holding_most_of_it(leicestershire, zone, inside_area):
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_area).contribution
    assert (contribution.zone_id, contribution.shape) == (zone.pk, Shape.AREA)


def test_without_a_map_a_neighbourhood_and_a_description(leicestershire, zone, resident):
    contribution = say(
        leicestershire, resident, zone_code=zone.code, place_description="The field by the church"
    ).contribution
    assert (contribution.zone_id, contribution.shape) == (zone.pk, Shape.DESCRIBED)
    assert contribution.contributor == resident


def test_a_point_outside_the_place_is_refused(leicestershire):
    message = refused(
        leicestershire, "geometry", geometry={"type": "Point", "coordinates": [-0.1, 51.5]}
    )
    assert "outside the place" in message


def test_a_self_intersecting_area_is_refused(leicestershire, inside_point):
    x, y = inside_point["coordinates"]
    d = 0.001
    bowtie = [[x - d, y - d], [x + d, y + d], [x + d, y - d], [x - d, y + d], [x - d, y - d]]
    message = refused(
        leicestershire, "geometry", geometry={"type": "Polygon", "coordinates": [bowtie]}
    )
    assert "crosses over itself" in message


def test_a_ten_thousand_corner_area_is_refused(leicestershire, inside_point):
    x, y = inside_point["coordinates"]
    ring = [[x + 1e-7 * i, y + 1e-7 * (i % 2)] for i in range(10_000)] + [[x, y]]
    message = refused(
        leicestershire, "geometry", geometry={"type": "Polygon", "coordinates": [ring]}
    )
    assert "10,000 corners" in message and "at most 500" in message


def test_an_unreadable_shape_is_refused(leicestershire):
    assert "could not be read" in refused(leicestershire, "geometry", geometry="{not json")
    assert "polygon" in refused(leicestershire, "geometry", geometry={"type": "LineString"})


def test_an_oversized_reason_is_refused(leicestershire, inside_point):
    message = refused(leicestershire, "reason", geometry=inside_point, reason="x" * 2001)
    assert "2,000 characters or fewer" in message


def test_a_script_laden_reason_is_refused(leicestershire, inside_point):
    message = refused(
        leicestershire, "reason", geometry=inside_point, reason="<script>alert(1)</script>Hi"
    )
    assert "plain text" in message


def test_plain_text_with_angle_brackets_and_ampersands_is_kept(leicestershire, inside_point):
    reason = "Fish & chips < pies; wind > nothing"
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_point, reason=reason)
    assert contribution.contribution.reason == reason


def test_missing_choices_are_named(leicestershire, inside_point):
    with pytest.raises(ContributionError) as caught:
        say(leicestershire, AnonymousUser(), geometry=inside_point, technology="", stance="maybe")
    assert set(caught.value.errors) == {"technology", "stance"}


def test_no_map_route_needs_a_known_zone_and_a_description(leicestershire):
    assert "neighbourhood" in refused(leicestershire, "zone_code", zone_code="E02999999",
                                      place_description="Here")  # fmt: skip
    assert "Describe" in refused(
        leicestershire, "place_description", zone_code=leicestershire_zone_code(leicestershire)
    )


def leicestershire_zone_code(place: Any) -> str:
    from placezero.landscape import services

    return services.zones(place)[0].code


def test_the_honeypot_is_refused(leicestershire, inside_point):
    assert refused(leicestershire, "website", geometry=inside_point, honeypot="http://spam")


def test_a_flood_from_one_client_is_refused_and_others_are_not(leicestershire, inside_point):
    for n in range(validation.RATE_LIMIT_PER_HOUR):
        say(
            leicestershire, AnonymousUser(), geometry=inside_point, address="198.51.100.7",
            reason=f"Reason number {n}",
        )  # fmt: skip
    message = refused(leicestershire, "__all__", geometry=inside_point, address="198.51.100.7")
    assert "try again later" in message
    # Another client is not affected.
    say(leicestershire, AnonymousUser(), geometry=inside_point, address="198.51.100.8")
    assert Contribution.objects.count() == validation.RATE_LIMIT_PER_HOUR + 1
