"""The replication guide is served on the site and published with every loaded place, so
the advisory repository lists it beside the place's other outputs."""

from __future__ import annotations

import pytest
from django.test import Client

from placezero.advisory.outputs import published_outputs
from placezero.datapack.reader import read_pack
from placezero.method.outputs import REPLICATION
from placezero.places.loader import load_pack
from placezero.places.services import get_place
from placezero.publishing import services as publishing

pytestmark = pytest.mark.django_db


def test_the_guide_and_the_national_batch_are_served(client: Client) -> None:
    guide = client.get("/method/replication/").content.decode()
    assert "Adapt the governance template" in guide
    assert "placezero place create --lad" in guide
    national = client.get("/method/national/").content.decode()
    assert "On a Dask cluster" in national and "placezero pathway batch --all" in national


def test_loading_a_place_publishes_the_guide_for_the_advisory_repository() -> None:
    load_pack(read_pack("rutland"))
    rutland = get_place("rutland")
    [output] = publishing.outputs(place=rutland, kind=REPLICATION)
    assert output.url == "/method/replication/"
    assert output.key == "replication/rutland"
    listed = [o for o in published_outputs(rutland) if o.kind == REPLICATION]
    assert [o.title for o in listed] == ["Replicating the programme for another council"]
    load_pack(read_pack("rutland"))  # a reload changes nothing
    assert len(publishing.outputs(place=rutland, kind=REPLICATION)) == 1
