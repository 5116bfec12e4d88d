"""The readiness fund's awards in the 360Giving Data Standard (schema 1.4.3), validated.

`package(place)` is a grant package (JSON) of the place's awards; `rows(place)` the same
grants flattened with the standard's column titles for a spreadsheet; `validate(data)` lists
the schema's complaints (none for a valid package). The schema ships with placezero
(`community/data/360giving`, CC BY 4.0, with its provenance); `COMMUNITY_360GIVING_SCHEMA_DIR`
points at another copy. The package schema refers to the grant schema by URL: that reference
is resolved to the local file, so no network is needed.

Identifiers (https://standard.threesixtygiving.org/en/latest/technical/identifiers/):
grants are "<prefix>-<place>-<award id>". Until a funder registers its own 360Giving prefix,
the prefix is `360G-DEMO-placezero`, marked as a demonstration prefix; demo awards always use
it. Recipients are identified by their registration number where they gave one (Mutuals
Public Register GB-MPR-, Companies House GB-COH-, Charity Commission GB-CHC-), otherwise by a
360G- identifier made from the same prefix, as the standard advises for organisations with no
registered number.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ..models import Award
from ..options import LegalForm, Stage
from . import fund

if TYPE_CHECKING:
    from placezero.places.models import Place

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "360giving"
DEMO_PREFIX = "360G-DEMO-placezero"
GRANT_SCHEMA_URL = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/"
    "360-giving-schema.json"
)
# The funder of the readiness fund: the county council (org-id GB-LAE-LEC for Leicestershire).
FUNDERS = {"leicestershire": ("GB-LAE-LEC", "Leicestershire County Council")}
REGISTERS = {
    LegalForm.COMMUNITY_BENEFIT_SOCIETY: "GB-MPR",
    LegalForm.COOPERATIVE: "GB-MPR",
    LegalForm.COMMUNITY_INTEREST_COMPANY: "GB-COH",
    LegalForm.COMPANY_BY_GUARANTEE: "GB-COH",
    LegalForm.CHARITY: "GB-CHC",
}


def prefix() -> str:
    return getattr(settings, "COMMUNITY_360GIVING_PREFIX", "") or DEMO_PREFIX


def schema_dir() -> Path:
    return Path(getattr(settings, "COMMUNITY_360GIVING_SCHEMA_DIR", "") or SCHEMA_DIR)


@lru_cache(maxsize=2)
def _schemas(folder: str) -> tuple[dict, dict]:
    base = Path(folder)
    package = json.loads((base / "360-giving-package-schema.json").read_text(encoding="utf-8"))
    grant = json.loads((base / "360-giving-schema.json").read_text(encoding="utf-8"))
    return package, grant


def validate(data: dict[str, Any]) -> list[str]:
    """The schema's complaints about a grant package, each with where it is; [] if valid."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    package, grant = _schemas(str(schema_dir()))
    # The schemas name their dialect "http://json-schema.org/draft/2020-12/schema", which
    # the validator's registry does not recognise as written: say it is draft 2020-12.
    resource = DRAFT202012.create_resource(grant)
    registry = Registry().with_resources([(GRANT_SCHEMA_URL, resource)])
    validator = Draft202012Validator(package, registry=registry, format_checker=_formats())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(package)'}: {error.message}"
        for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    ]


def _formats() -> Any:
    """Formats checked, not just noted: dates are "either a date or a date-time" (oneOf) in
    the schema, which only works if a plain date fails the date-time format. jsonschema
    checks date-time only with an extra package, so it is checked here (RFC 3339: a date,
    "T", a time and an offset)."""
    from jsonschema import FormatChecker

    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True  # the type keyword reports non-strings
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return "T" in value.upper() and parsed.tzinfo is not None

    return checker


def _funder(place: Place) -> dict[str, str]:
    identifier, name = FUNDERS.get(place.slug, (f"{prefix()}-funder-{place.slug}", str(place)))
    return {"id": identifier, "name": name}


def _recipient(group: Any) -> dict[str, Any]:
    register = REGISTERS.get(group.legal_form)
    number = group.registration_number.strip().replace(" ", "")
    if register and number and not group.is_demo:
        identifier = f"{register}-{number}"
    else:
        identifier = f"{DEMO_PREFIX if group.is_demo else prefix()}-org-{group.pk}"
    recipient: dict[str, Any] = {"id": identifier, "name": group.name}
    if group.website:
        recipient["url"] = group.website
    return recipient


def grant_of(award: Award) -> dict[str, Any]:
    application = award.application
    group = application.group
    place = application.round.place
    grant_prefix = DEMO_PREFIX if award_is_demo(award) else prefix()
    grant: dict[str, Any] = {
        "id": f"{grant_prefix}-{place.slug}-{award.pk}",
        "title": application.title,
        "description": application.summary,
        "currency": "GBP",
        "amountAppliedFor": float(application.amount_requested_gbp),
        "amountAwarded": float(award.amount_gbp),
        "amountDisbursed": float(fund.paid(award)),
        "awardDate": award.awarded_on.isoformat(),
        "recipientOrganization": [_recipient(group)],
        "fundingOrganization": [_funder(place)],
        "grantProgramme": [
            {
                "code": f"{grant_prefix}-round-{application.round.pk}",
                "title": f"{application.round.name} ({Stage(application.round.stage).label})",
            }
        ],
        "beneficiaryLocation": [
            {"name": group.area.name, "geoCode": group.area.code, "geoCodeType": "LAD"}
        ],
        "fromOpenCall": "Yes",
        "dateModified": timezone.now().replace(microsecond=0).isoformat(),
    }
    return grant


def award_is_demo(award: Award) -> bool:
    return award.application.group.is_demo or award.application.round.is_demo


def awards(place: Place) -> list[Award]:
    return list(
        Award.objects.filter(application__round__place=place)
        .select_related("application__group__area", "application__round")
        .order_by("awarded_on", "pk")
    )


def package(place: Place) -> dict[str, Any]:
    found = awards(place)
    demo = any(award_is_demo(a) for a in found) or prefix() == DEMO_PREFIX
    return {
        "version": "1.4",
        "title": f"{place} community energy readiness fund awards"
        + (" (DEMONSTRATION DATA)" if demo else ""),
        "description": (
            "Awards of the readiness fund of the Community Energy Pathway, published with "
            "placezero."
            + (
                f" Identifiers starting {DEMO_PREFIX} use a demonstration prefix, not a "
                "registered 360Giving prefix; the awards are made up for the demonstration."
                if demo
                else ""
            )
        ),
        "publisher": _funder(place),
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "grants": [grant_of(award) for award in found],
    }


COLUMNS = (
    ("Identifier", lambda g: g["id"]),
    ("Title", lambda g: g["title"]),
    ("Description", lambda g: g["description"]),
    ("Currency", lambda g: g["currency"]),
    ("Amount Applied For", lambda g: g["amountAppliedFor"]),
    ("Amount Awarded", lambda g: g["amountAwarded"]),
    ("Amount Disbursed", lambda g: g["amountDisbursed"]),
    ("Award Date", lambda g: g["awardDate"]),
    ("Recipient Org:Identifier", lambda g: g["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda g: g["recipientOrganization"][0]["name"]),
    ("Funding Org:Identifier", lambda g: g["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda g: g["fundingOrganization"][0]["name"]),
    ("Grant Programme:Title", lambda g: g["grantProgramme"][0]["title"]),
    ("Beneficiary Location:Name", lambda g: g["beneficiaryLocation"][0]["name"]),
    ("Beneficiary Location:Geographic Code", lambda g: g["beneficiaryLocation"][0]["geoCode"]),
    ("Beneficiary Location:Geographic Code Type", lambda g: "LAD"),
    ("Last modified", lambda g: g["dateModified"]),
)


def rows(place: Place) -> tuple[list[str], list[list[Any]]]:
    """The package's grants in the standard's spreadsheet columns (one grant a row)."""
    grants = package(place)["grants"]
    return [title for title, _ in COLUMNS], [[get(g) for _, get in COLUMNS] for g in grants]


def url(place: Place) -> str:
    return reverse("community:giving360", args=[place.slug])
