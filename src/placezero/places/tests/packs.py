"""A small place pack written into a temporary folder, following docs/place-pack.md.

The figures are made up for tests (a fictional "Testshire" with real-looking GSS codes) and
never shown as real. Tests change the spec before writing, or break a written file and call
`reseal` so the reader's digest check passes and the check under test is the one that fires.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from placezero.datapack.reader import file_sha256
from placezero.datapack.schema import PACK_FILES, PACK_FORMAT

COUNTY = "E10000018"
DISTRICT_A = "E07000134"
DISTRICT_B = "E07000135"
NEIGHBOUR = "E06000016"
ZONES = {"E02005347": DISTRICT_A, "E02005348": DISTRICT_A, "E02005360": DISTRICT_B}
GHG = "desnz-la-ghg"
TERRITORIAL = "territorial_emissions_ktco2e"
POPULATION = "population_thousands"


def _square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _areas() -> list[dict]:
    return [
        {"code": COUNTY, "name": "Testshire", "kind": "county", "parent": None, "role": "member"},
        {
            "code": DISTRICT_A,
            "name": "West Testshire",
            "kind": "district",
            "parent": COUNTY,
            "role": "member",
        },
        {
            "code": DISTRICT_B,
            "name": "East Testshire",
            "kind": "district",
            "parent": COUNTY,
            "role": "member",
        },
        {
            "code": NEIGHBOUR,
            "name": "Testford",
            "kind": "unitary",
            "parent": None,
            "role": "neighbour",
        },
    ]


def _area_statistics() -> list[dict]:
    # Territorial kt CO2e and population (thousands) for 2005, 2022 and 2023.
    figures = {
        DISTRICT_A: {2005: (1200.0, 90.0), 2022: (990.0, 100.0), 2023: (900.0, 110.0)},
        DISTRICT_B: {2005: (300.0, 55.0), 2022: (200.0, 57.0), 2023: (180.0, 58.0)},
        NEIGHBOUR: {2005: (2000.0, 290.0), 2022: (1500.0, 360.0), 2023: (1400.0, 370.0)},
    }
    figures[COUNTY] = {
        year: (
            figures[DISTRICT_A][year][0] + figures[DISTRICT_B][year][0],
            figures[DISTRICT_A][year][1] + figures[DISTRICT_B][year][1],
        )
        for year in (2005, 2022, 2023)
    }
    rows = []
    for code, years in figures.items():
        for year, (ktco2e, thousands) in years.items():
            rows.append(_stat(code, TERRITORIAL, year, ktco2e, "kt CO2e"))
            rows.append(_stat(code, POPULATION, year, thousands, "thousand people"))
    return rows


def _stat(code: str, variable: str, year: int, value: float, unit: str) -> dict:
    return {
        "area_code": code,
        "dataset": GHG,
        "variable": variable,
        "scenario": "",
        "year": year,
        "value": value,
        "unit": unit,
    }


def _zone_statistics() -> list[dict]:
    return [
        {
            "zone_code": code,
            "dataset": "desnz-msoa-electricity",
            "variable": "domestic_consumption_kwh",
            "scenario": "",
            "year": 2019,
            "value": 1_000_000.0 * (index + 1),
            "unit": "kWh",
        }
        for index, code in enumerate(ZONES)
    ]


def _datasets() -> list[dict]:
    return [
        {
            "key": key,
            "title": title,
            "publisher": "Test publisher",
            "source_url": "https://example.org/data",
            "licence": "OGL-3.0",
            "attribution": "Test attribution.",
            "raw_files": ["test.csv"],
            "coverage": "test",
            "method": "made up for tests",
        }
        for key, title in ((GHG, "Test emissions"), ("desnz-msoa-electricity", "Test MSOA"))
    ]


def _targets() -> list[dict]:
    return [
        {
            "area": COUNTY,
            "scope": "area",
            "history": [
                {
                    "net_zero_year": 2045,
                    "valid_from": "2022-12-01",
                    "date_precision": "month",
                    "decision": "Test strategy approved.",
                    "source": "test",
                }
            ],
        }
    ]


@dataclass
class PackSpec:
    """Everything a test pack holds; change fields before `write`."""

    slug: str = "testshire"
    name: str = "Testshire"
    areas: list[dict] = field(default_factory=_areas)
    zones: dict[str, str] = field(default_factory=lambda: dict(ZONES))
    area_statistics: list[dict] = field(default_factory=_area_statistics)
    zone_statistics: list[dict] = field(default_factory=_zone_statistics)
    datasets: list[dict] = field(default_factory=_datasets)
    targets: list[dict] = field(default_factory=_targets)
    renewable_sites: list[dict] = field(
        default_factory=lambda: [
            {
                "ref_id": "9001",
                "name": "Test Solar Farm",
                "technology": "Solar Photovoltaics",
                "capacity_mw": 5.0,
                "status": "Operational",
                "planning_authority": "West Testshire District Council",
                "area_code": DISTRICT_A,
                "easting": 440000.0,
                "northing": 315000.0,
                "lat": 52.73,
                "lon": -1.41,
            }
        ]
    )

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        _write_geojson(folder / "areas.geojson", self._area_features())
        _write_geojson(folder / "zones.geojson", self._zone_features())
        _write_csv(folder, "area_statistics.csv", self.area_statistics)
        _write_csv(folder, "zone_statistics.csv", self.zone_statistics)
        _write_csv(folder, "national_series.csv", [])
        _write_csv(folder, "technology_costs.csv", [])
        _write_csv(folder, "renewable_sites.csv", self.renewable_sites)
        _write_csv(folder, "grid_supply_points.csv", [])
        _write_geojson(folder / "grid_supply_points.geojson", [])
        _write_csv(folder, "substations.csv", [])
        manifest = {
            "format": PACK_FORMAT,
            "slug": self.slug,
            "name": self.name,
            "built_with": "placezero.places.tests.packs",
            "areas": self.areas,
            "datasets": self.datasets,
            "targets": self.targets,
            "files": {},
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        reseal(folder)
        return folder

    def _area_features(self) -> list[dict]:
        return [
            {"type": "Feature", "properties": dict(area), "geometry": _square(-1.5 + i * 0.2, 52.5)}
            for i, area in enumerate(self.areas)
        ]

    def _zone_features(self) -> list[dict]:
        return [
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    "name": f"Zone {index + 1:03d}",
                    "local_name": f"Test village {index + 1}",
                    "area": area,
                },
                "geometry": _square(-1.5 + index * 0.1, 52.6),
            }
            for index, (code, area) in enumerate(self.zones.items())
        ]


def _write_geojson(path: Path, features: list[dict]) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")


def _write_csv(folder: Path, name: str, rows: list[dict]) -> None:
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PACK_FILES[name], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def reseal(folder: Path) -> None:
    """Record every data file's current sha256 and row count in the manifest."""
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = {}
    for name in PACK_FILES:
        if name == "manifest.json":
            continue
        text = (folder / name).read_text(encoding="utf-8")
        rows = max(text.count("\n") - 1, 0) if name.endswith(".csv") else None
        files[name] = {"sha256": file_sha256(folder / name), "rows": rows}
    manifest["files"] = files
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
