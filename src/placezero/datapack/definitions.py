"""A place's definition: which authorities it covers, its county, neighbours and targets.

Definitions ship as YAML in `definitions/<slug>.yaml`, or are made on the fly from GSS codes
(`placezero place create --lad …`) with names read from the national files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .counties import county_districts
from .errors import PackError, SourceDataError
from .sources import DEFAULT_DATA_DIR, read_raw_csv

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"
GSS_CODE = re.compile(r"^[EW]\d{8}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LAD_NAMES_FILE = "desnz/la-ghg-totals-2005-2023.csv"
COUNTY_NAMES_FILE = "census2021/census2021-ts041-utla.csv"
VALID_CODES_HINT = (
    "Valid codes are the 2023 local authority district GSS codes (e.g. E07000134 for North "
    f"West Leicestershire): see the lad_code column of {LAD_NAMES_FILE} in the data directory "
    "or the ONS Open Geography Portal."
)


@dataclass(frozen=True)
class PlaceDefinition:
    slug: str
    name: str
    lads: tuple[str, ...]
    county: str | None
    county_name: str | None
    neighbours: tuple[str, ...]
    targets: tuple[dict, ...]


def available_definitions() -> list[str]:
    return sorted(path.stem for path in DEFINITIONS_DIR.glob("*.yaml"))


def load_definition(slug_or_path: str | Path) -> PlaceDefinition:
    """Read `definitions/<slug>.yaml` (or a YAML file path) and check it."""
    path = Path(slug_or_path)
    if not path.is_file():
        path = DEFINITIONS_DIR / f"{slug_or_path}.yaml"
    if not path.is_file():
        raise PackError(
            f"no place definition {str(slug_or_path)!r}. Known definitions: "
            f"{', '.join(available_definitions())}; or make one from GSS codes with "
            "`placezero place create --lad E07000129 …`."
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise PackError(
            f"not valid YAML ({getattr(error, 'problem', error)}).",
            file=path.name,
            row=mark.line + 1 if mark else None,
        ) from None
    return _from_mapping(data, file=path.name)


def _from_mapping(data: Any, *, file: str) -> PlaceDefinition:
    if not isinstance(data, dict):
        raise PackError("expected a mapping with slug, name and lads.", file=file)
    for key in ("slug", "name", "lads"):
        if not data.get(key):
            raise PackError(f"the definition needs a {key!r}.", file=file, column=key)
    lads = tuple(str(code) for code in data["lads"])
    neighbours = tuple(str(code) for code in data.get("neighbours") or ())
    county = data.get("county")
    for code in (*lads, *neighbours, *([county] if county else [])):
        if not GSS_CODE.match(code):
            raise PackError(f"{code!r} is not a GSS code. {VALID_CODES_HINT}", file=file)
    if not SLUG.match(data["slug"]):
        raise PackError(
            f"slug {data['slug']!r} must be lower-case letters, digits and hyphens.",
            file=file,
            column="slug",
        )
    targets = tuple(_check_target(target, file=file) for target in data.get("targets") or ())
    return PlaceDefinition(
        slug=data["slug"],
        name=str(data["name"]),
        lads=lads,
        county=county,
        county_name=data.get("county_name"),
        neighbours=neighbours,
        targets=targets,
    )


def _check_target(target: Any, *, file: str) -> dict:
    if not isinstance(target, dict) or not {"area", "scope", "history"} <= set(target):
        raise PackError("each target needs area, scope and history.", file=file, column="targets")
    for version in target["history"]:
        for key in ("net_zero_year", "valid_from", "date_precision", "decision", "source"):
            if key not in version:
                raise PackError(
                    f"target {target['area']}/{target['scope']}: a history entry lacks {key!r}.",
                    file=file,
                    column="targets",
                )
        version["valid_from"] = str(version["valid_from"])
    return target


def authority_names(data_dir: Path | None = None) -> dict[str, str]:
    """GSS code -> name for every district/unitary (DESNZ GHG file) and county (Census UTLA)."""
    data_dir = Path(data_dir or DEFAULT_DATA_DIR)
    names: dict[str, str] = {}
    for _row, cells in read_raw_csv(data_dir, LAD_NAMES_FILE, ("lad_code", "lad_name")):
        names[cells["lad_code"]] = cells["lad_name"]
    for _row, cells in read_raw_csv(data_dir, COUNTY_NAMES_FILE, ("geography", "geography code")):
        names.setdefault(cells["geography code"], cells["geography"])
    return names


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


OTHER_NATIONS = {
    "S": "Scotland",
    "N": "Northern Ireland",
}
NOT_COVERED = (
    "{code!r} is a local authority in {nation}, which placezero does not cover yet: it works "
    "for England and Wales only, because the national files it builds a place from (the ONS "
    "MSOA lookups, Census 2021 and the MSOA energy statistics) cover England and Wales. Give "
    "an English (E…) or Welsh (W…) code."
)
# The 2023 unitaries and the districts they replaced (the Cumbria, North Yorkshire and
# Somerset (Structural Changes) Orders 2022, https://www.legislation.gov.uk/uksi/2022/331,
# /uksi/2022/328 and /uksi/2022/329).
SUCCESSORS_2023 = {
    "E06000063": ("E07000026", "E07000028", "E07000029"),  # Cumberland
    "E06000064": ("E07000027", "E07000030", "E07000031"),  # Westmorland and Furness
    "E06000065": tuple(f"E0700016{n}" for n in range(3, 10)),  # North Yorkshire
    "E06000066": ("E07000187", "E07000188", "E07000189", "E07000246"),  # Somerset
}


def _check_covered(code: str) -> None:
    nation = OTHER_NATIONS.get(code[:1])
    if nation and re.match(r"^[SN]\d{8}$", code):
        raise SourceDataError(NOT_COVERED.format(code=code, nation=nation))


def current_counties(names: dict[str, str], data_dir: Path) -> dict[str, tuple[str, ...]]:
    """County code -> districts, for the counties whose districts all still exist."""
    return {
        county: districts
        for county, districts in county_districts(Path(data_dir)).items()
        if all(code in names for code in districts)
    }


def definition_from_lads(
    lads: list[str] | tuple[str, ...],
    *,
    slug: str | None = None,
    name: str | None = None,
    county: str | None = None,
    neighbours: list[str] | tuple[str, ...] = (),
    data_dir: Path | None = None,
) -> PlaceDefinition:
    """A definition for the given LAD codes, with names from the national files.

    A county code (E10) alone, as `lads` or as `county` with no `lads`, stands for its
    districts. A district paired with a county it is not in is refused, naming its county.
    An unknown code raises `SourceDataError` naming it and saying where valid codes are."""
    data_dir = Path(data_dir or DEFAULT_DATA_DIR)
    lads = list(lads or ())
    for code in (*lads, *neighbours, *([county] if county else [])):
        _check_covered(code)
    names = authority_names(data_dir)
    counties = current_counties(names, data_dir)
    given_counties = [code for code in lads if code.startswith("E10")]
    if given_counties:
        if len(given_counties) > 1 or len(lads) > 1 or (county and county != lads[0]):
            raise SourceDataError(
                "give one county code on its own (it stands for all its districts), or "
                "district codes with --county."
            )
        county, lads = given_counties[0], []
    if county and county.startswith("E10") and county not in counties and county in names:
        raise SourceDataError(
            f"{names[county]} ({county}) is no longer a county: its districts were replaced by "
            "unitary authorities in April 2023 ("
            + ", ".join(
                f"{names.get(new, new)} {new}"
                for new, old in SUCCESSORS_2023.items()
                if set(old) <= set(county_districts(data_dir).get(county, ()))
            )
            + "). Create those with --lad."
        )
    if county and county not in counties:
        raise SourceDataError(
            f"unknown county code {county!r}: counties are the two-tier county councils, "
            f"{', '.join(f'{code} {names[code]}' for code in sorted(counties))}.",
            file=COUNTY_NAMES_FILE,
        )
    if county and not lads:
        lads = list(counties[county])
    if not lads:
        raise SourceDataError(f"give at least one local authority code. {VALID_CODES_HINT}")
    for code in (*lads, *neighbours):
        if code not in names or code.startswith("E10"):
            raise SourceDataError(
                f"unknown local authority code {code!r}. {VALID_CODES_HINT}", file=LAD_NAMES_FILE
            )
    if county:
        county_of = {d: c for c, districts in counties.items() for d in districts}
        strangers = [code for code in lads if code not in counties[county]]
        if strangers:
            raise SourceDataError(
                f"{'; '.join(_belongs(code, names, county_of) for code in strangers)}, not "
                f"{names[county]} ({county}). Give only {names[county]}'s districts with "
                f"--county {county} ({', '.join(counties[county])}), or leave --county out."
            )
    if name is None:
        name = names[county] if county else " and ".join(names[code] for code in lads)
    return PlaceDefinition(
        slug=slug or slugify(name),
        name=name,
        lads=tuple(lads),
        county=county,
        county_name=names[county] if county else None,
        neighbours=tuple(neighbours),
        targets=(),
    )


def every_place(data_dir: Path | None = None) -> list[PlaceDefinition]:
    """One definition per English and Welsh place: each two-tier county with its districts,
    and every other current authority (unitary, metropolitan or London borough, Welsh
    principal area) on its own. Sorted by slug."""
    data_dir = Path(data_dir or DEFAULT_DATA_DIR)
    names = authority_names(data_dir)
    counties = current_counties(names, data_dir)
    in_a_county = {code for districts in counties.values() for code in districts}
    definitions = [definition_from_lads([county], data_dir=data_dir) for county in counties]
    definitions += [
        definition_from_lads([code], data_dir=data_dir)
        for code in sorted(names)
        if GSS_CODE.match(code)
        and code[:3] in ("E06", "E07", "E08", "E09", "W06")
        and code not in in_a_county
    ]
    return sorted(definitions, key=lambda definition: definition.slug)


def _belongs(code: str, names: dict[str, str], county_of: dict[str, str]) -> str:
    if code in county_of:
        home = county_of[code]
        return f"{names[code]} ({code}) is in {names[home]} ({home})"
    return f"{names[code]} ({code}) is a unitary authority, in no county"
