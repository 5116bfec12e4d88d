"""A place's governance structure as one file, to set up another place with it.

The file (JSON, `FORMAT`, version `VERSION`) holds the bodies with their parents, terms of
reference, quorum and mandate; the powers register with the bodies that exercise each power;
the routing rules; and the principles with their indicators. People, votes, decisions and
the Pact's signatories belong to one place and are never in it. Starting templates for a
two-tier county, a unitary and a combined authority ship in `governance/structures/`.

Importing validates the whole file before writing anything and writes it in one
transaction: a malformed file, one from a newer format, or a place that already has a
structure is refused with a message saying what is wrong, and nothing is written.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction

from placezero.accounts.permissions import require

from ..models import Body, Power, Principle, RoutingRule
from ..options import BodyKind, PowerTopic, Route, Tier

if TYPE_CHECKING:
    from placezero.places.models import Place

FORMAT = "placezero-governance-structure"
VERSION = 1
STARTING_TEMPLATES = Path(__file__).resolve().parent.parent / "structures"


class StructureFileError(Exception):
    """The file cannot be imported; `problems` lists each thing wrong."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


# --- export ---------------------------------------------------------------------------------


def _cost(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def structure_of(place: Place) -> dict[str, Any]:
    """The place's structure, as the file holds it (without the file's own header)."""
    bodies = Body.objects.filter(place=place).select_related("parent").order_by("slug")
    return {
        "bodies": [
            {
                "slug": b.slug,
                "name": b.name,
                "kind": b.kind,
                "parent": b.parent.slug if b.parent else None,
                "mandate": b.mandate,
                "terms_of_reference": b.terms_of_reference,
                "terms_version": b.terms_version,
                "quorum": b.quorum,
            }
            for b in bodies
        ],
        "powers": [
            {
                "key": p.key,
                "name": p.name,
                "topic": p.topic,
                "tier": p.tier,
                "legal_basis": p.legal_basis,
                "legal_basis_url": p.legal_basis_url,
                "delegation": p.delegation,
                "exercised_by": sorted(b.slug for b in p.exercised_by.all()),
            }
            for p in Power.objects.filter(place=place)
            .prefetch_related("exercised_by")
            .order_by("key")
        ],
        "routing_rules": sorted(
            (
                {
                    "body": r.body.slug,
                    "route": r.route,
                    "max_cost_gbp": _cost(r.max_cost_gbp),
                    "approvals_needed": r.approvals_needed,
                    "time_limit_days": r.time_limit_days,
                    "escalate_to": r.escalate_to.slug if r.escalate_to else None,
                }
                for r in RoutingRule.objects.filter(place=place).select_related(
                    "body", "escalate_to"
                )
            ),
            key=lambda r: (r["body"], r["route"], r["max_cost_gbp"] or ""),
        ),
        "principles": [
            {"order": p.order, "name": p.name, "wording": p.wording, "indicators": p.indicators}
            for p in Principle.objects.filter(place=place).order_by("order")
        ],
    }


def export_structure(place: Place) -> str:
    header = {"format": FORMAT, "version": VERSION, "exported_from": place.name}
    return json.dumps(header | structure_of(place), indent=2, ensure_ascii=False) + "\n"


# --- validation -----------------------------------------------------------------------------


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, item: dict, key: str, where: str, *, required: bool = True) -> str:
        value = item.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.problems.append(
                f"{where}: “{key}” must be {'non-empty ' if required else ''}text."
            )
            return ""
        return value

    def whole(self, item: dict, key: str, where: str, minimum: int = 1) -> int:
        value = item.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.problems.append(f"{where}: “{key}” must be a whole number of at least {minimum}.")
            return minimum
        return value

    def choice(self, item: dict, key: str, where: str, choices: Any) -> str:
        value = item.get(key)
        if value not in choices.values:
            allowed = ", ".join(choices.values)
            self.problems.append(f"{where}: “{key}” is {value!r}; it must be one of {allowed}.")
        return value

    def items(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
            self.problems.append(f"“{key}” must be a list of objects.")
            return []
        return value


def _header(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StructureFileError(
            [
                "This is not a placezero governance structure file "
                f"(its “format” must be “{FORMAT}”)."
            ]
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StructureFileError(["The file's “version” must be a whole number such as 1."])
    if version > VERSION:
        raise StructureFileError(
            [
                f"This file is in format version {version}, newer than this placezero reads "
                f"(up to version {VERSION}). Update placezero, or export the structure again "
                "from a placezero that writes version 1."
            ]
        )


def validate(data: Any) -> dict[str, Any]:
    """The file's structure, checked; StructureFileError listing every problem otherwise."""
    _header(data)
    check = _Checker()
    bodies = check.items(data, "bodies")
    slugs = [b.get("slug") for b in bodies]
    for i, body in enumerate(bodies, 1):
        where = f"Body {i} ({body.get('slug', 'no slug')})"
        check.text(body, "slug", where)
        check.text(body, "name", where)
        check.text(body, "mandate", where)
        check.text(body, "terms_of_reference", where, required=False)
        check.choice(body, "kind", where, BodyKind)
        check.whole(body, "quorum", where)
        check.whole(body, "terms_version", where)
        if body.get("parent") is not None and body.get("parent") not in slugs:
            check.problems.append(f"{where}: its parent “{body.get('parent')}” is not a body here.")
    if len(set(slugs)) != len(slugs):
        check.problems.append("Two bodies have the same slug; each must be different.")
    _no_parent_loops(bodies, check)
    powers = check.items(data, "powers")
    for i, power in enumerate(powers, 1):
        where = f"Power {i} ({power.get('key', 'no key')})"
        for key in ("key", "name", "legal_basis"):
            check.text(power, key, where)
        check.choice(power, "topic", where, PowerTopic)
        check.choice(power, "tier", where, Tier)
        held = power.get("exercised_by", [])
        if not isinstance(held, list) or any(s not in slugs for s in held):
            check.problems.append(f"{where}: “exercised_by” must list slugs of bodies in the file.")
    if len({p.get("key") for p in powers}) != len(powers):
        check.problems.append("Two powers have the same key; each must be different.")
    for i, rule in enumerate(check.items(data, "routing_rules"), 1):
        where = f"Routing rule {i}"
        if rule.get("body") not in slugs:
            check.problems.append(f"{where}: its body “{rule.get('body')}” is not a body here.")
        if rule.get("escalate_to") is not None and rule.get("escalate_to") not in slugs:
            check.problems.append(f"{where}: “escalate_to” names no body here.")
        check.choice(rule, "route", where, Route)
        check.whole(rule, "approvals_needed", where)
        check.whole(rule, "time_limit_days", where)
        if rule.get("max_cost_gbp") is not None:
            try:
                if Decimal(str(rule["max_cost_gbp"])) < 0:
                    raise InvalidOperation
            except InvalidOperation:
                check.problems.append(f"{where}: “max_cost_gbp” must be an amount such as 5000.00.")
    principles = check.items(data, "principles")
    for i, principle in enumerate(principles, 1):
        where = f"Principle {i}"
        check.whole(principle, "order", where)
        check.text(principle, "name", where)
        check.text(principle, "wording", where)
        check.text(principle, "indicators", where, required=False)
    if len({p.get("order") for p in principles}) != len(principles):
        check.problems.append("Two principles have the same order; number them 1, 2, 3…")
    if check.problems:
        raise StructureFileError(check.problems)
    return data


def _no_parent_loops(bodies: list[dict], check: _Checker) -> None:
    parent = {b.get("slug"): b.get("parent") for b in bodies}
    for slug in parent:
        seen, at = set(), slug
        while at is not None and at in parent:
            if at in seen:
                check.problems.append(f"Body “{slug}” is its own parent through others.")
                return
            seen.add(at)
            at = parent[at]


def read_file(raw: bytes | str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise StructureFileError(
            [f"The file is not valid JSON ({error}). Upload the file placezero exported."]
        ) from None
    return validate(data)


# --- import ---------------------------------------------------------------------------------


def has_structure(place: Place) -> bool:
    return any(model.objects.filter(place=place).exists() for model in (Body, Power, Principle))


@transaction.atomic
def import_structure(place: Place, raw: bytes | str | dict, *, user: Any) -> dict[str, int]:
    """Set up `place` with the structure in the file; the number of each thing made."""
    require(user, "governance.manage", place)
    return install_structure(place, raw)


@transaction.atomic
def install_structure(
    place: Place, raw: bytes | str | dict, *, is_demo: bool = False
) -> dict[str, int]:
    """`import_structure` without the permission check, for commands the site's operator
    runs (`manage.py load_governance_demo`)."""
    data = validate(raw) if isinstance(raw, dict) else read_file(raw)
    if has_structure(place):
        raise StructureFileError(
            [
                f"{place} already has a governance structure. Importing would mix two; "
                "import into a place without one."
            ]
        )
    bodies = {}
    for item in data["bodies"]:
        bodies[item["slug"]] = Body.objects.create(
            place=place,
            slug=item["slug"],
            name=item["name"],
            kind=item["kind"],
            mandate=item["mandate"],
            terms_of_reference=item.get("terms_of_reference", ""),
            terms_version=item["terms_version"],
            quorum=item["quorum"],
            is_demo=is_demo,
        )
    for item in data["bodies"]:
        if item.get("parent"):
            body = bodies[item["slug"]]
            body.parent = bodies[item["parent"]]
            body.save(update_fields=["parent"])
    for item in data["powers"]:
        power = Power.objects.create(
            place=place,
            key=item["key"],
            name=item["name"],
            topic=item["topic"],
            tier=item["tier"],
            legal_basis=item["legal_basis"],
            legal_basis_url=item.get("legal_basis_url", ""),
            delegation=item.get("delegation", ""),
        )
        power.exercised_by.set([bodies[s] for s in item.get("exercised_by", [])])
    for item in data["routing_rules"]:
        cost = item.get("max_cost_gbp")
        RoutingRule.objects.create(
            place=place,
            body=bodies[item["body"]],
            route=item["route"],
            max_cost_gbp=None if cost is None else Decimal(str(cost)),
            approvals_needed=item["approvals_needed"],
            time_limit_days=item["time_limit_days"],
            escalate_to=bodies.get(item.get("escalate_to") or ""),
        )
    for item in data["principles"]:
        Principle.objects.create(
            place=place,
            order=item["order"],
            name=item["name"],
            wording=item["wording"],
            indicators=item.get("indicators", ""),
        )
    return {
        "bodies": len(data["bodies"]),
        "powers": len(data["powers"]),
        "routing_rules": len(data["routing_rules"]),
        "principles": len(data["principles"]),
    }


def starting_template(name: str) -> str:
    """A shipped starting template's text (`two-tier-county`, `unitary`, …)."""
    path = STARTING_TEMPLATES / f"{name}.json"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in STARTING_TEMPLATES.glob("*.json")))
        raise StructureFileError([f"No starting template “{name}”; there are: {known}."])
    return path.read_text(encoding="utf-8")


def starting_templates() -> list[str]:
    return sorted(p.stem for p in STARTING_TEMPLATES.glob("*.json"))
