"""`place create --all` on a Dask LocalCluster: places built by worker processes, loaded here
as they arrive, and a failing place reported while the rest go on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from django.conf import settings

from placezero.datapack.definitions import definition_from_lads
from placezero.places.create_all import SOME_FAILED, create_all
from placezero.places.models import Place

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
SHARED_DATA = Path(settings.PLACEZERO_DATA_DIR)


@pytest.mark.skipif(
    not (SHARED_DATA / "PROVENANCE.md").is_file(),
    reason=f"the raw national files are not at {SHARED_DATA}",
)
def test_a_local_cluster_builds_loads_and_reports_a_failing_place(tmp_path: Path) -> None:
    rutland = definition_from_lads(["E06000017"], data_dir=SHARED_DATA)
    scilly = definition_from_lads(["E06000053"], data_dir=SHARED_DATA)
    # A definition naming a code the national files do not have fails in its worker.
    broken = replace(rutland, slug="nowhere", name="Nowhere", lads=("E06999999",))
    said: list[str] = []
    status = create_all(
        SHARED_DATA,
        tmp_path,
        jobs=2,
        definitions=[rutland, broken, scilly],
        say=said.append,
    )
    text = "\n".join(said)
    assert status == SOME_FAILED
    assert "built on 2 local worker(s)" in text
    assert "built Rutland (rutland)" in text
    assert "built Isles of Scilly (isles-of-scilly)" in text
    assert "Nowhere: FAILED to build: " in text
    assert "unknown local authority code 'E06999999'" in text
    assert "1 place(s) failed: nowhere" in text
    assert "Built 2 packs and loaded 2 places" in text
    assert set(Place.objects.values_list("slug", flat=True)) >= {"rutland", "isles-of-scilly"}
    assert not Place.objects.filter(slug="nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "isles-of-scilly",
        "rutland",
    ]
