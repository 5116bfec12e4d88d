"""The root conftest's Leicestershire fixtures, which every app's tests lean on."""

from __future__ import annotations

import pytest

from placezero.places import services
from placezero.places.models import Area, Place


def test_leicestershire_is_loaded_once_for_the_session(leicestershire: Place) -> None:
    assert leicestershire.slug == "leicestershire"
    assert Area.objects.filter(place=leicestershire).count() == 9


@pytest.mark.django_db(transaction=True)
def test_leicestershire_committed_reloads_after_a_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the tables; this fixture loads the pack again for them."""
    Place.objects.all().delete()  # what the flush after an earlier transactional test leaves
    place = request.getfixturevalue("leicestershire_committed")
    assert services.get_place("leicestershire") == place
    assert len(services.member_areas(place)) == 9
