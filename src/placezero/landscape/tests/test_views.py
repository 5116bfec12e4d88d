"""The pages, by role: who sees what, and every route that changes something refuses the
people who may not, with the reason, changing nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.landscape import services
from placezero.landscape.models import Contribution
from placezero.landscape.options import Status

from .conftest import say

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def people(leicestershire: Any, other_place: Any) -> dict[str, Any]:
    return {
        "public": None,
        "resident": UserFactory(role=Role.RESIDENT),
        "partner editor": UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire),
        "partner editor elsewhere": UserFactory(role=Role.PARTNER_EDITOR, place=other_place),
        "officer": UserFactory(role=Role.OFFICER, place=leicestershire),
        "officer elsewhere": UserFactory(role=Role.OFFICER, place=other_place),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }


MODERATORS = {"officer", "administrator"}


def test_public_pages_for_everyone(leicestershire, other_place, consultation):
    slug = leicestershire.slug
    in_it = [slug, consultation.slug]
    for user in people(leicestershire, other_place).values():
        client = client_for(user)
        # The place's own address leads to its only open consultation.
        say_page = client.get(reverse("landscape:say", args=[slug]))
        assert say_page["Location"] == reverse("landscape:say_in", args=in_it)
        without = client.get(reverse("landscape:say_without_map", args=[slug]))
        assert without["Location"] == reverse("landscape:say_in_without_map", args=in_it)
        for name, args in (
            ("results", [slug]), ("consultations", [slug]), ("consultation", in_it),
            ("say_in", in_it), ("say_in_without_map", in_it), ("said", in_it),
        ):  # fmt: skip
            assert client.get(reverse(f"landscape:{name}", args=args)).status_code == 200, name


def test_moderation_pages_and_decisions_by_role(leicestershire, other_place, inside_point):
    slug = leicestershire.slug
    for role, user in people(leicestershire, other_place).items():
        contribution = say(
            leicestershire, AnonymousUser(), geometry=inside_point, address=role
        ).contribution
        client = client_for(user)
        queue = client.get(reverse("landscape:queue", args=[slug]))
        one = reverse("landscape:moderate_one", args=[slug, contribution.pk])
        posted = client.post(one, {"decision": "approve", "reason": ""})
        contribution.refresh_from_db()
        if role in MODERATORS:
            assert queue.status_code == 200, role
            assert posted.status_code == 302, role
            assert contribution.status == Status.PUBLISHED
        else:
            expected = 302 if user is None else 403  # the public is sent to sign in
            assert (queue.status_code, posted.status_code) == (expected, expected), role
            assert contribution.status == Status.PENDING, role
            if user is not None:
                assert "officers" in posted.content.decode() or "Officer" in posted.content.decode()


def test_a_map_submission_then_the_thanks_page_shows_the_secret_link(
    leicestershire, inside_point, consultation
):
    client = Client()
    response = client.post(
        reverse("landscape:say_in", args=[leicestershire.slug, consultation.slug]),
        {"technology": "onshore_wind", "stance": "welcome", "reason": "Windy hill",
         "geometry": json.dumps(inside_point), "website": "", "consent": "on",
         "consent_version": "1", "tenure": "owns"},
    )  # fmt: skip
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    link = thanks.split('id="landscape-secret-link">')[1].split("<")[0]
    page = client.get(link)
    assert page.status_code == 200 and "Windy hill" in page.content.decode()
    download = client.get(link + "?format=json")
    assert json.loads(download.content)["technology"] == "onshore_wind"
    assert client.post(link).status_code == 200
    assert not Contribution.objects.exists()
    assert client.get(link).status_code == 404


def test_bad_input_is_shown_on_the_form_not_a_500(leicestershire, consultation):
    response = Client().post(
        reverse("landscape:say_in", args=[leicestershire.slug, consultation.slug]),
        {"technology": "ground_solar", "stance": "oppose", "reason": "<script>x</script>",
         "geometry": json.dumps({"type": "Point", "coordinates": [-0.1, 51.5]})},
    )  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 400
    assert "outside the place" in body and "plain text" in body
    assert "Tick the box to agree" in body
    assert "govuk-error-summary" in body
    assert not Contribution.objects.exists()


def test_deleting_someone_elses_contribution_through_the_account_route(
    leicestershire, resident, inside_point
):
    owner = UserFactory(role=Role.RESIDENT)
    contribution = say(leicestershire, owner, geometry=inside_point).contribution
    response = client_for(resident).post(reverse("landscape:delete_mine", args=[contribution.pk]))
    assert response.status_code == 403
    assert "Only the person who made a contribution" in response.content.decode()
    assert Contribution.objects.filter(pk=contribution.pk).exists()
    mine = client_for(owner).post(reverse("landscape:delete_mine", args=[contribution.pk]))
    assert mine.status_code == 302 and not Contribution.objects.exists()


def test_the_account_page_lists_and_exports_own_contributions_only(
    leicestershire, resident, inside_point
):
    say(leicestershire, resident, geometry=inside_point, reason="Mine")
    say(leicestershire, UserFactory(role=Role.RESIDENT), geometry=inside_point, reason="Theirs")
    client = client_for(resident)
    page = client.get(reverse("landscape:mine")).content.decode()
    exported = json.loads(client.get(reverse("landscape:mine") + "?format=json").content)
    assert [row["reason"] for row in exported] == ["Mine"]
    assert "Theirs" not in page
    assert Client().get(reverse("landscape:mine")).status_code == 302


def test_results_download_as_open_data_without_personal_data(
    leicestershire, officer, zone, inside_point
):
    for n in range(5):
        c = say(leicestershire, AnonymousUser(), geometry=inside_point, reason="Secret words",
                address=f"dl-{n}").contribution  # fmt: skip
        services.moderate(c, decision="approve", reason="", user=officer)
    url = reverse("landscape:results", args=[leicestershire.slug])
    body = Client().get(url + "?technology=ground_solar&format=csv").content.decode()
    assert zone.code in body and "Secret words" not in body
    line = next(row for row in body.splitlines() if zone.code in row)
    assert ",5," in line and ",0," in line  # 5 responses, 0 % accept
    data = json.loads(Client().get(url + "?technology=ground_solar&format=geojson").content)
    feature = next(f for f in data["features"] if f["id"] == zone.code)
    assert feature["properties"]["responses"] == 5 and feature["geometry"]
    hidden = next(f for f in data["features"] if f["properties"]["responses"] == 0)
    assert hidden["properties"]["acceptance"] is None


# Every landscape route, and who may change what through it: a new route fails the test
# below until it is listed here (and tested above, in test_own_data.py or in
# test_consultation_views.py).
ROUTES = {
    "index": "redirects to the default place's map",
    "say": "redirects to the place's open consultation (or the list)",
    "say_without_map": "redirects to the place's open consultation (or the list)",
    "say_in": "POST: anyone sends a contribution (rate-limited per client and consultation)",
    "say_in_without_map": "POST: anyone sends a contribution (rate-limited as say_in)",
    "consultations": "public list",
    "consultation": "public page; officers see the forms",
    "consultation_new": "GET/POST: officers of the place",
    "consultation_edit": "GET/POST: officers of the place",
    "response_add": "POST: officers of the place",
    "response_remove": "POST: officers of the place",
    "said": "public: published contributions only",
    "report": "POST: anyone reports a published contribution (rate-limited per client)",
    "bulk": "POST: officers of the place decide",
    "thanks": "shows the secret link once",
    "results": "public counts, hidden below the minimum",
    "pathway": "public comparison of least-cost plans",
    "queue": "officers of the place",
    "moderate_one": "POST: officers of the place decide",
    "mine": "the signed-in contributor's own",
    "delete_mine": "POST: the contributor only",
    "secret": "POST: whoever holds the secret link only",
}


def test_every_route_is_classified():
    from django.urls import get_resolver

    names = {p.name for p in get_resolver().namespace_dict["landscape"][1].url_patterns if p.name}
    assert names == set(ROUTES)
