"""Every kind of English and Welsh authority, set up from the national files, gets a place
whose figures are DESNZ's and whose pathway pages work with its own figures (issue 10).

The packs are built once for the module from the raw data directory (skipped, saying so,
where it is absent) and loaded inside each test's transaction."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from placezero.datapack.build import build_pack
from placezero.datapack.definitions import definition_from_lads
from placezero.places import services as places_services
from placezero.places.loader import read_and_load

RAW = Path(settings.PLACEZERO_DATA_DIR)
GHG_FILE = "desnz/la-ghg-totals-2005-2023.csv"
# code given -> the kind it stands for; together every kind of authority in 2023.
SPREAD = {
    "E06000053": "unitary (Isles of Scilly, off the gas grid)",
    "E09000001": "London borough-like (City of London)",
    "E09000007": "London borough (Camden)",
    "E08000032": "metropolitan borough (Bradford)",
    "E08000021": "metropolitan borough (Newcastle upon Tyne)",
    "E06000010": "unitary (Kingston upon Hull)",
    "E06000064": "2023 unitary (Westmorland and Furness)",
    "W06000015": "Welsh principal area (Cardiff)",
    "E07000240": "district alone (St Albans)",
    "E10000003": "two-tier county from its code alone (Cambridgeshire)",
}
PAGES = ("pathways:public", "pathways:officers", "pathways:plan")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (RAW / "PROVENANCE.md").is_file(),
        reason=f"needs the raw national files (../shared/data or PLACEZERO_DATA_DIR), "
        f"not found at {RAW}",
    ),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """code given -> pack folder, built once for the module in a temporary folder."""
    out = tmp_path_factory.mktemp("packs")
    return {
        code: build_pack(definition_from_lads([code], data_dir=RAW), RAW, out) for code in SPREAD
    }


def desnz_territorial_2023() -> dict[str, float]:
    with (RAW / GHG_FILE).open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["lad_code"]: float(row["territorial_emissions_ktco2e"])
            for row in csv.DictReader(handle)
            if row["year"] == "2023"
        }


@pytest.mark.django_db
def test_each_kind_of_authority_has_desnz_totals_and_working_pages(client, built) -> None:
    desnz = desnz_territorial_2023()
    problems: list[str] = []
    for code, pack in built.items():
        read_and_load(pack)
        slug = pack.name
        place = places_services.get_place(slug)
        members = places_services.member_areas(place)
        by_code = {
            summary.area.code: summary for summary in places_services.emissions_summary(place)
        }
        districts = [area.code for area in members if not area.code.startswith("E10")]
        expected = {c: desnz[c] for c in districts}
        if code.startswith("E10"):
            expected[code] = sum(desnz[c] for c in districts)
            if len(districts) < 2:
                problems.append(f"{SPREAD[code]}: only {districts} as districts")
        for area_code, total in expected.items():
            summary = by_code.get(area_code)
            got = summary.latest_ktco2e if summary else None
            if got is None or abs(got - total) > 0.001 * total:
                problems.append(f"{SPREAD[code]} {area_code}: 2023 total {got}, DESNZ {total}")
        for name in PAGES:
            response = client.get(reverse(name, kwargs={"place_slug": slug}))
            html = response.content.decode()
            if response.status_code != 200:
                problems.append(f"{SPREAD[code]} {name}: status {response.status_code}")
                continue
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
            if not heading or place.name not in heading.group(1):
                problems.append(f"{SPREAD[code]} {name}: h1 lacks {place.name!r}")
            if "Blaby" in html or "E07000129" in html:
                problems.append(f"{SPREAD[code]} {name}: shows Leicestershire's districts")
    assert not problems, "\n".join(problems)
