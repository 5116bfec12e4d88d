"""Resources written for the demonstration, read from `data/demo_resources.yaml` (its
opening comment says what is real and what is illustrative). Every one is marked as demo on
its page; `demo.load_demo` loads them.

`place`: None for a scheme that applies everywhere, or the slug of the place it belongs to.
`closes` and `opens` are days from the day the demo is loaded, or a date where a scheme's
end is public.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources as package_files
from typing import Any

import yaml

SECTIONS = ("funding", "guides", "tools_and_data", "services", "illustrative")


@dataclass(frozen=True)
class DemoResource:
    slug: str
    kind: str
    title: str
    provider: str
    url: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    summary: str
    body: str = ""
    closes: int | date | None = None
    opens: int | date | None = None
    amount: str = ""
    eligibility: str = ""
    place: str | None = None
    areas: tuple[str, ...] = field(default_factory=tuple)


@cache
def _data() -> dict[str, Any]:
    path = package_files.files("placezero.advisory").joinpath("data/demo_resources.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _resource(item: dict[str, Any]) -> DemoResource:
    lists = {name: tuple(item.get(name, ())) for name in ("audiences", "topics", "areas")}
    return DemoResource(**{**item, **lists})


DEMO_RESOURCES: list[DemoResource] = [
    _resource(item) for section in SECTIONS for item in _data()[section]
]
BEST_BETS: dict[str, tuple[str, ...]] = {
    slug: tuple(queries) for slug, queries in _data()["best_bets"].items()
}
