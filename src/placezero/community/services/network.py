"""The network of community energy organisations: coverage, the sector's figures, and
publishing them.

The figures are those Community Energy England's State of the Sector reports count
(https://communityenergyengland.org/pages/state-of-the-sector): organisations, members,
volunteers and staff (as the groups report them), installed MW and generation MWh a year
(projects marked operating, with the engine's figures at adoption, or the figures a
signed-off end-of-grant report gives), carbon saved, community
benefit (from each operating project's business case, first year) and the readiness fund's
awards and payments.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Sum
from shapely.geometry import shape

from ..finance import business_case
from ..models import Award, Claim, CommunityGroup, Project
from ..options import ClaimStatus, ProjectStatus
from ..steps import STEPS
from . import journey

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass
class Totals:
    groups: int = 0
    districts_covered: int = 0
    districts: int = 0
    members: int = 0
    volunteers: int = 0
    staff: int = 0
    launched: int = 0
    operating_projects: int = 0
    installed_mw: float = 0.0
    generation_mwh_per_year: float = 0.0
    carbon_saved_tco2e_per_year: float = 0.0
    community_benefit_gbp_per_year: float = 0.0
    awarded_gbp: Decimal = Decimal(0)
    paid_gbp: Decimal = Decimal(0)
    by_group: list[dict[str, Any]] = field(default_factory=list)


def totals(place: Place) -> Totals:
    found = Totals()
    groups = list(CommunityGroup.objects.filter(place=place).select_related("area"))
    districts = journey.districts(place)
    found.groups = len(groups)
    found.districts = len(districts)
    found.districts_covered = len({g.area_id for g in groups})
    operating = Project.objects.filter(group__place=place, status=ProjectStatus.OPERATING)
    for group in groups:
        found.members += group.members
        found.volunteers += group.volunteers
        found.staff += group.staff
        found.launched += group.launched
        projects = [p for p in operating if p.group_id == group.pk]
        row = {
            "group": group,
            "mw": sum(_mw(p) for p in projects),
            "mwh": sum(_mwh(p) for p in projects),
            "carbon": sum(_carbon(p) for p in projects),
            "benefit": sum(_first_year_benefit(p) for p in projects),
        }
        found.by_group.append(row)
        found.operating_projects += len(projects)
        found.installed_mw += row["mw"]
        found.generation_mwh_per_year += row["mwh"]
        found.carbon_saved_tco2e_per_year += row["carbon"]
        found.community_benefit_gbp_per_year += row["benefit"]
    awards = Award.objects.filter(application__round__place=place)
    found.awarded_gbp = awards.aggregate(total=Sum("amount_gbp"))["total"] or Decimal(0)
    found.paid_gbp = Claim.objects.filter(
        milestone__award__in=awards, status=ClaimStatus.PAID
    ).aggregate(total=Sum("amount_gbp"))["total"] or Decimal(0)
    return found


def _mw(project: Project) -> float:
    """Installed MW: as reported in a signed-off end-of-grant report, else the model's."""
    return project.mw if project.reported_mw is None else project.reported_mw


def _mwh(project: Project) -> float:
    reported = project.reported_mwh_per_year
    return project.mwh_per_year if reported is None else reported


def _carbon(project: Project) -> float:
    """Carbon saved at the model's tonnes per MWh, on the generation reported if any."""
    if project.reported_mwh_per_year is None or not project.mwh_per_year:
        return project.carbon_saved_tco2e_per_year
    per_mwh = project.carbon_saved_tco2e_per_year / project.mwh_per_year
    return per_mwh * project.reported_mwh_per_year


def _first_year_benefit(project: Project) -> float:
    case = getattr(project, "case", None)
    if case is None:
        return 0.0
    return business_case(case.inputs()).years[0].community_benefit_gbp


def coverage(place: Place) -> list[dict[str, Any]]:
    """Each district of the place with its groups and the step each is on."""
    groups = CommunityGroup.objects.filter(place=place).select_related("area")
    rows = []
    for district in journey.districts(place):
        here = [g for g in groups if g.area_id == district.pk]
        rows.append(
            {
                "district": district,
                "groups": here,
                "furthest": max((g.current_step for g in here), default=0),
            }
        )
    return rows


def step_counts(place: Place) -> list[tuple[Any, int]]:
    groups = list(CommunityGroup.objects.filter(place=place).values_list("current_step", flat=True))
    return [(step, groups.count(step.number)) for step in STEPS]


# Coverage shades (GOV.UK colour palette): no group yet, one group, two or more.
COVERAGE_CLASSES = (
    {"lower": 0, "upper": 0, "colour": "#f3f2f1", "label": "No group yet"},
    {"lower": 1, "upper": 1, "colour": "#85994b", "label": "One group"},
    {"lower": 2, "upper": 10**6, "colour": "#005a30", "label": "Two or more groups"},
)
BOUNDARY_ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right 2021."
)
# Groups of one district sit on a small ring around its centre so each has its own point.
RING_DEGREES = 0.02


def group_map(place: Place) -> dict[str, Any] | None:
    """What the directory's map draws (with `web/js/area-map.js`, no tiles, no network):
    each district shaded by how many groups it has, and each group as a point at its
    district's centre, the only location a group gives. None when no district has a
    boundary. The page's table of groups by district is the text alternative."""
    rows = coverage(place)
    features, points = [], []
    for row in rows:
        district, here = row["district"], row["groups"]
        if not district.geometry:
            continue
        names = ", ".join(f"{g.name} (step {g.current_step})" for g in here)
        label = (
            f"{district.name}: {len(here)} group{'s' if len(here) != 1 else ''}: {names}"
            if here
            else f"{district.name}: no group yet"
        )
        features.append(
            {
                "type": "Feature",
                "geometry": district.geometry,
                "properties": {
                    "code": district.code,
                    "name": district.name,
                    "role": "member",
                    "figure": len(here),
                    "label": label,
                },
            }
        )
        outline = shape(district.geometry)
        centre = outline.centroid
        if not outline.contains(centre):
            centre = outline.representative_point()
        for i, group in enumerate(here):
            angle = 2 * math.pi * i / len(here)
            offset = RING_DEGREES if len(here) > 1 else 0.0
            points.append(
                {
                    "lat": round(centre.y + offset * math.sin(angle), 5),
                    "lon": round(centre.x + offset * math.cos(angle), 5),
                    "label": f"{group.name}, {district.name}: step {group.current_step}, "
                    f"{group.step.title}",
                    "id": group.pk,
                }
            )
    if not features:
        return None
    return {
        "geojson": {"type": "FeatureCollection", "features": features},
        "classes": list(COVERAGE_CLASSES),
        "neighbour_colour": "#b1b4b6",
        "place_name": place.name,
        "unit": "groups",
        "year": None,
        "attribution": BOUNDARY_ATTRIBUTION,
        "points": points,
    }
