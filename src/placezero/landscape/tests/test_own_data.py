"""A contributor's own data: exported and deleted by its contributor (account or secret
link), never by anyone else."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from placezero.accounts import permissions
from placezero.landscape import services
from placezero.landscape.models import Contribution

from .conftest import say

pytestmark = pytest.mark.django_db


def test_the_secret_link_exports_and_deletes(leicestershire, officer, inside_point):
    submitted = say(leicestershire, AnonymousUser(), geometry=inside_point, reason="Too near")
    contribution = submitted.contribution
    services.moderate(contribution, decision="approve", reason="", user=officer)
    assert services.by_secret(submitted.secret_token) == contribution
    data = services.export(contribution, token=submitted.secret_token)
    assert data["reason"] == "Too near" and data["decisions"][0]["decision"] == "approve"
    assert "client_key" not in data and "secret_hash" not in data
    pk = contribution.pk
    assert Contribution.history.filter(id=pk).exists()
    services.delete(contribution, token=submitted.secret_token)
    assert not Contribution.objects.exists()
    # Its history goes with it, including the record of the deletion itself.
    assert not Contribution.history.filter(id=pk).exists()
    assert services.tallies(leicestershire) == {}


def test_an_account_exports_and_deletes_its_own(leicestershire, resident, inside_point):
    contribution = say(leicestershire, resident, geometry=inside_point).contribution
    assert services.own_contributions(resident) == [contribution]
    assert services.export(contribution, user=resident)["with_account"] is True
    services.delete(contribution, user=resident)
    assert services.own_contributions(resident) == []


@pytest.mark.parametrize("who", ["anonymous", "resident", "officer", "other_officer"])
def test_someone_elses_contribution_cannot_be_deleted(request, leicestershire, inside_point, who):
    owner_link = say(leicestershire, AnonymousUser(), geometry=inside_point)
    contribution = owner_link.contribution
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(PermissionDenied) as caught:
        services.delete(contribution, user=user)
    assert "Only the person who made a contribution" in str(caught.value)
    with pytest.raises(PermissionDenied):
        services.delete(contribution, user=user, token="a-guessed-token")
    with pytest.raises(PermissionDenied):
        services.export(contribution, user=user)
    assert Contribution.objects.filter(pk=contribution.pk).exists()


def test_the_owner_rule_asks_about_the_contribution(leicestershire, resident, inside_point):
    mine = say(leicestershire, resident, geometry=inside_point).contribution
    assert permissions.has(resident, "landscape.manage_own", mine)
    assert not permissions.has(AnonymousUser(), "landscape.manage_own", mine)
