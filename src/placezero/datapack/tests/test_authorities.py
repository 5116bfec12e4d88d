"""Every kind of English and Welsh authority resolves to a definition; others are refused
with a message that says why and what to do (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from placezero.datapack.build_areas import _council_key
from placezero.datapack.counties import county_districts
from placezero.datapack.definitions import current_counties, definition_from_lads
from placezero.datapack.errors import SourceDataError

LEICESTERSHIRE_DISTRICTS = tuple(f"E07000{n}" for n in range(129, 136))


def test_the_census_gives_leicestershire_its_seven_districts(raw_data_dir: Path) -> None:
    assert county_districts(raw_data_dir)["E10000018"] == LEICESTERSHIRE_DISTRICTS


def test_every_current_county_gets_its_districts_and_none_is_shared(raw_data_dir: Path) -> None:
    from placezero.datapack.definitions import authority_names

    counties = current_counties(authority_names(raw_data_dir), raw_data_dir)
    # 21 two-tier counties in 2023 (Cumbria, North Yorkshire and Somerset became unitaries).
    assert len(counties) == 21
    districts = [code for members in counties.values() for code in members]
    assert len(districts) == len(set(districts)) == 164
    assert "E07000240" in counties["E10000015"]  # St Albans, re-coded, in Hertfordshire


def test_a_county_code_alone_stands_for_its_districts(raw_data_dir: Path) -> None:
    definition = definition_from_lads(["E10000018"], data_dir=raw_data_dir)
    assert definition.county == "E10000018"
    assert definition.lads == LEICESTERSHIRE_DISTRICTS
    assert definition.name == "Leicestershire"
    by_flag = definition_from_lads([], county="E10000003", data_dir=raw_data_dir)
    assert by_flag.lads == ("E07000008", "E07000009", "E07000010", "E07000011", "E07000012")


def test_a_district_of_another_county_is_refused_naming_its_county(raw_data_dir: Path) -> None:
    with pytest.raises(SourceDataError) as caught:
        definition_from_lads(["E07000008"], county="E10000018", data_dir=raw_data_dir)
    message = str(caught.value)
    assert "Cambridge (E07000008) is in Cambridgeshire (E10000003)" in message
    assert "not Leicestershire (E10000018)" in message
    with pytest.raises(SourceDataError, match=r"Rutland \(E06000017\) is a unitary"):
        definition_from_lads(["E06000017"], county="E10000018", data_dir=raw_data_dir)


@pytest.mark.parametrize(
    ("code", "nation"), [("S12000033", "Scotland"), ("N09000003", "Northern Ireland")]
)
def test_scottish_and_northern_irish_codes_are_not_covered(
    raw_data_dir: Path, code: str, nation: str
) -> None:
    with pytest.raises(SourceDataError) as caught:
        definition_from_lads([code], data_dir=raw_data_dir)
    assert f"in {nation}, which placezero does not cover yet" in str(caught.value)
    assert "England and Wales only" in str(caught.value)


def test_an_abolished_county_points_to_its_unitaries(raw_data_dir: Path) -> None:
    with pytest.raises(SourceDataError) as caught:
        definition_from_lads(["E10000006"], data_dir=raw_data_dir)
    assert "Cumberland E06000063" in str(caught.value)
    assert "Westmorland and Furness E06000064" in str(caught.value)


@pytest.mark.parametrize(
    ("ons", "mysociety"),
    [
        ("Bradford", "City of Bradford Metropolitan District Council"),
        ("Isles of Scilly", "Council of the Isles of Scilly"),
        ("City of London", "City of London Corporation"),
        ("Herefordshire, County of", "Herefordshire Council"),
        ("King's Lynn and West Norfolk", "Borough Council of Kings Lynn and West Norfolk"),
        ("St Albans", "St Albans City and District Council"),
        ("Swansea", "City and County of Swansea Council"),
        ("Wakefield", "Wakefield Metropolitan District Council"),
        ("Blaby", "Blaby District Council"),
    ],
)
def test_ons_and_mysociety_names_meet(ons: str, mysociety: str) -> None:
    assert _council_key(ons) == _council_key(mysociety)


def test_newcastle_upon_tyne_and_under_lyme_stay_apart() -> None:
    assert _council_key("Newcastle-under-Lyme Borough Council") != _council_key(
        "Newcastle City Council"
    )
