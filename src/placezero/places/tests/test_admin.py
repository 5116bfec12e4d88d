"""Admin: official figures are read-only; target history can only grow, with who added it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from placezero.accounts.models import User
from placezero.accounts.options import Role
from placezero.places.models import NetZeroTarget, Place, TargetVersion


@pytest.fixture
def admin_client_(client: Client) -> Client:
    administrator = User.objects.create_user("administrator", password="x", role=Role.ADMINISTRATOR)
    client.force_login(administrator)
    return client


def test_statistics_list_is_shown(leicestershire: Place, admin_client_: Client) -> None:
    response = admin_client_.get(reverse("admin:places_areastatistic_changelist"))
    assert response.status_code == 200


def test_statistics_cannot_be_added_by_hand(leicestershire: Place, admin_client_: Client) -> None:
    response = admin_client_.get(reverse("admin:places_areastatistic_add"))
    assert response.status_code == 403


def test_new_target_version_records_who_added_it(
    leicestershire: Place, admin_client_: Client
) -> None:
    target = NetZeroTarget.objects.get(place=leicestershire, scope="area")
    existing = list(target.versions.order_by("id"))
    data = {
        "versions-TOTAL_FORMS": str(len(existing) + 1),
        "versions-INITIAL_FORMS": str(len(existing)),
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
    }
    for index, version in enumerate(existing):
        data[f"versions-{index}-id"] = str(version.pk)
        data[f"versions-{index}-target"] = str(target.pk)
    new = len(existing)
    data.update(
        {
            f"versions-{new}-target": str(target.pk),
            f"versions-{new}-net_zero_year": "2048",
            f"versions-{new}-valid_from": "2026-03-01",
            f"versions-{new}-decision": "Cabinet report, March 2026 (test).",
            f"versions-{new}-source": "test",
            f"versions-{new}-date_precision": "day",
            f"versions-{new}-assumption": "",
        }
    )
    url = reverse("admin:places_netzerotarget_change", args=[target.pk])
    response = admin_client_.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = TargetVersion.objects.get(target=target, net_zero_year=2048)
    assert added.recorded_by is not None and added.recorded_by.username == "administrator"
    assert not added.from_pack
    assert target.versions.count() == len(existing) + 1
