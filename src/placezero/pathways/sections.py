"""The pathway plan's section menu: one entry per page family, in reading order.

Each part of the app (audience views, workspace, plan on a page, long runs) owns its pages;
this list only names them. The menu shows an entry when its URL name resolves for the place
and the visitor holds its permission, so it never links to a page that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str  # in the `pathways` namespace, taking `place_slug`
    permission: str = "pathways.view"
    audience: str = ""  # who it is written for, shown under the label


SECTIONS: tuple[Section, ...] = (
    Section("Overview", "public", audience="Residents and everyone"),
    Section("My area", "my_area", audience="Find your neighbourhood's story"),
    Section("Officers", "officers", audience="Every output, for council officers"),
    Section("Investors", "investors", audience="The investment pipeline"),
    Section("Network", "network", audience="Peak demand and headroom, for the network operator"),
    Section("Community energy", "community", audience="Local generation opportunities"),
    Section("Plan on a page", "plan", audience="The plan in LAEP stages, and as a PDF"),
    Section("Scenarios", "workspace", audience="Move levers, compare and save scenarios"),
    Section("Long runs", "jobs", audience="Least-cost optimisation and uncertainty"),
)
