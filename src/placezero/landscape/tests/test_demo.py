"""The demo data: across districts, marked as demo, some waiting; loading again replaces it."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from placezero.landscape import services
from placezero.landscape.models import Contribution
from placezero.landscape.options import Status

pytestmark = pytest.mark.django_db


def test_demo_spans_districts_and_reloads_the_same(leicestershire):
    call_command("load_landscape_demo", "--place", leicestershire.slug)
    first = Contribution.objects.filter(place=leicestershire)
    assert first.exists() and not first.filter(is_demo=False).exists()
    assert first.filter(status=Status.PENDING).exists()
    districts = {c.zone.area.code for c in first.select_related("zone__area")}
    assert len(districts) >= 7
    shown = [r for r in services.acceptance(leicestershire, "ground_solar") if r.share is not None]
    assert shown, "some zones have enough published responses to show acceptance"
    count = first.count()
    call_command("load_landscape_demo", "--place", leicestershire.slug)
    assert Contribution.objects.filter(place=leicestershire).count() == count
