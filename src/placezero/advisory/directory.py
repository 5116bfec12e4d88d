"""The support directory (advice services of the repository) in the shape of Open Referral UK,
the UK profile of the Human Services Data Specification (https://openreferraluk.org/): a
`service` with its `organization`, `service_areas`, `eligibilitys` and `service_taxonomys`.
Only the fields the repository holds are written; nothing is made up to fill the others."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify

from .models import Resource

TAXONOMY_VOCABULARY = "placezero advisory topics"
AUDIENCE_VOCABULARY = "placezero advisory audiences"


def service_record(resource: Resource, place: Any, area_names: dict[str, str]) -> dict[str, Any]:
    organisation = resource.provider or "Unknown provider"
    areas = [area_names.get(c, c) for c in resource.area_codes] or [
        place.name if resource.place_id else "England"
    ]
    return {
        "id": f"advisory-{resource.pk}",
        "name": resource.title,
        "description": resource.summary,
        "url": resource.url,
        "status": "active",
        "organization": {
            "id": f"organisation-{slugify(organisation)}",
            "name": organisation,
            "url": resource.url,
        },
        "service_areas": [
            {"id": f"advisory-{resource.pk}-area-{i}", "service_area": name}
            for i, name in enumerate(areas)
        ],
        "eligibilitys": [
            {"id": f"advisory-{resource.pk}-for-{a.slug}", "eligibility": a.name}
            for a in resource.audiences.all()
        ],
        "service_taxonomys": [
            {
                "id": f"advisory-{resource.pk}-topic-{t.slug}",
                "taxonomy": {"id": t.slug, "name": t.name, "vocabulary": TAXONOMY_VOCABULARY},
            }
            for t in resource.topics.all()
        ],
        "is_demo": resource.is_demo,
    }
