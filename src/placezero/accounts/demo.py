"""The partnership's real organisations and one made-up demonstration person per role.

Organisations are real (each named on its own website, given beside it), so they are not
marked demo. The people and their memberships are invented and marked `is_demo`; their names
say so. Demo passwords are fixed and documented here because this is a demonstration: set
PLACEZERO_DEMO_PASSWORD to give every demo account that password instead.

A role counts only in the places a person belongs to (`accounts.standing`): the demo editor
and officer are members of Leicestershire organisations, and a second demo officer works for
Rutland County Council, so the demo shows a council officer refused in another place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from .models import Membership, Organisation, User
from .options import OrganisationKind as Kind
from .options import Role

DEMO_PASSWORD_ENV = "PLACEZERO_DEMO_PASSWORD"
DEMO_EMAIL_DOMAIN = "demo.placezero.invalid"  # .invalid can never deliver (RFC 2606)

# Area codes are ONS GSS codes (ONS Code History Database, https://geoportal.statistics.gov.uk/).
# A university is coded to the
# authority it stands in. Bodies that serve a region or the whole country, or span the county
# and the city (the enterprise partnership), have no single local area: their code is
# England (E92000001) when their remit is England, the UK (K02000001) when it is the UK,
# and blank when it follows no statistical boundary (network licence area, hub regions).
ORGANISATIONS: list[tuple[str, str, str, str]] = [
    # name, kind, area code, website
    ("Leicestershire County Council", Kind.COUNTY_COUNCIL, "E10000018", "https://www.leicestershire.gov.uk"),
    ("Blaby District Council", Kind.DISTRICT_COUNCIL, "E07000129", "https://www.blaby.gov.uk"),
    ("Charnwood Borough Council", Kind.DISTRICT_COUNCIL, "E07000130", "https://www.charnwood.gov.uk"),
    ("Harborough District Council", Kind.DISTRICT_COUNCIL, "E07000131", "https://www.harborough.gov.uk"),
    ("Hinckley and Bosworth Borough Council", Kind.DISTRICT_COUNCIL, "E07000132", "https://www.hinckley-bosworth.gov.uk"),
    ("Melton Borough Council", Kind.DISTRICT_COUNCIL, "E07000133", "https://www.melton.gov.uk"),
    ("North West Leicestershire District Council", Kind.DISTRICT_COUNCIL, "E07000134", "https://www.nwleics.gov.uk"),
    ("Oadby and Wigston Borough Council", Kind.DISTRICT_COUNCIL, "E07000135", "https://www.oadby-wigston.gov.uk"),
    ("Leicester City Council", Kind.CITY_COUNCIL, "E06000016", "https://www.leicester.gov.uk"),
    ("Energy Systems Catapult", Kind.RESEARCH, "K02000001", "https://es.catapult.org.uk"),
    # A community energy co-operative working across the county.
    ("Green Fox Community Energy", Kind.COMMUNITY_ENERGY, "E10000018", ""),
    ("De Montfort University", Kind.UNIVERSITY, "E06000016", "https://www.dmu.ac.uk"),
    ("University of Leicester", Kind.UNIVERSITY, "E06000016", "https://le.ac.uk"),
    ("Loughborough University", Kind.UNIVERSITY, "E07000130", "https://www.lboro.ac.uk"),
    ("Leicester and Leicestershire Enterprise Partnership", Kind.PUBLIC_BODY, "", ""),
    ("Midlands Net Zero Hub", Kind.PUBLIC_BODY, "", ""),
    ("National Forest Company", Kind.PUBLIC_BODY, "", "https://www.nationalforest.org"),
    ("Environment Agency", Kind.PUBLIC_BODY, "E92000001", "https://www.gov.uk/government/organisations/environment-agency"),
    ("Cenex", Kind.RESEARCH, "K02000001", "https://www.cenex.co.uk"),
    ("National Grid Electricity Distribution", Kind.NETWORK_OPERATOR, "", "https://www.nationalgrid.co.uk"),
]  # fmt: skip

# Organisations of other places in the demo, by the place's slug: attached to that place
# when it is loaded (`placezero place load rutland`), otherwise to no place.
OTHER_PLACES: dict[str, list[tuple[str, str, str, str]]] = {
    "rutland": [
        ("Rutland County Council", Kind.COUNTY_COUNCIL, "E06000017", "https://www.rutland.gov.uk"),
    ],
}


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    role: Role
    organisation: str | None
    job_title: str = ""
    is_editor: bool = False

    @property
    def default_password(self) -> str:
        return f"demo-{self.username}-2050"


# "Demo" in every surname so nobody mistakes them for real people.
DEMO_PEOPLE = [
    DemoPerson("resident", "Rosa", "Demo-Resident", Role.RESIDENT, None),
    DemoPerson(
        "member", "Milo", "Demo-Member", Role.MEMBER, "Green Fox Community Energy", "Volunteer"
    ),
    DemoPerson(
        "editor",
        "Edie",
        "Demo-Editor",
        Role.PARTNER_EDITOR,
        "Charnwood Borough Council",
        "Climate change officer (demo)",
        is_editor=True,
    ),
    DemoPerson(
        "officer",
        "Olu",
        "Demo-Officer",
        Role.OFFICER,
        "Leicestershire County Council",
        "Net zero programme officer (demo)",
        is_editor=True,
    ),
    DemoPerson("admin", "Ada", "Demo-Administrator", Role.ADMINISTRATOR, None),
    # An officer of another place: may see Leicestershire's plan but not change it.
    DemoPerson(
        "rutland-officer",
        "Rhys",
        "Demo-Officer-Rutland",
        Role.OFFICER,
        "Rutland County Council",
        "Climate change officer (demo)",
        is_editor=True,
    ),
]


class DemoAccountError(Exception):
    """The demo accounts cannot be made without harming real data."""


@dataclass(frozen=True)
class CreatedAccount:
    username: str
    role: str
    organisation: str
    password: str


def upsert_organisations(
    place: object | None, organisations: list[tuple[str, str, str, str]] = ORGANISATIONS
) -> dict[str, Organisation]:
    """Create or update organisations (the partnership's by default), attached to `place`
    when given."""
    result = {}
    for name, kind, area_code, website in organisations:
        organisation = (
            Organisation.objects.filter(name=name, place=place).first()
            or Organisation.objects.filter(name=name, place__isnull=True).first()
            or Organisation(name=name)
        )
        organisation.place = place
        organisation.kind = kind
        organisation.area_code = area_code
        organisation.website = website
        organisation.is_demo = False
        organisation.save()
        result[name] = organisation
    return result


def _upsert_person(
    person: DemoPerson, organisations: dict[str, Organisation], password: str
) -> User:
    user = User.objects.filter(username=person.username).first()
    if user is not None and not user.is_demo:
        raise DemoAccountError(
            f"A real account called {person.username!r} exists, so the demo account of that "
            "name was not created. Rename or remove the real account, or skip the demo "
            "accounts; nothing was changed."
        )
    user = user or User(username=person.username)
    user.first_name, user.last_name = person.first_name, person.last_name
    user.email = f"{person.username}@{DEMO_EMAIL_DOMAIN}"
    user.role = person.role
    user.is_demo = True
    user.is_active = True
    user.set_password(password)
    user.save()
    if person.organisation:
        Membership.objects.update_or_create(
            user=user,
            organisation=organisations[person.organisation],
            defaults={
                "job_title": person.job_title,
                "is_editor": person.is_editor,
                "is_demo": True,
            },
        )
    return user


@transaction.atomic
def create_demo_accounts(
    place: object | None = None, other_places: Mapping[str, object | None] | None = None
) -> list[CreatedAccount]:
    """Idempotent: running it again resets the demo people to the state described here.

    `place` gets the partnership's organisations; `other_places` maps each slug of
    `OTHER_PLACES` to its loaded place (or None when it is not loaded)."""
    organisations = upsert_organisations(place)
    for slug, rows in OTHER_PLACES.items():
        organisations |= upsert_organisations((other_places or {}).get(slug), rows)
    shared_password = os.environ.get(DEMO_PASSWORD_ENV, "")
    created = []
    for person in DEMO_PEOPLE:
        password = shared_password or person.default_password
        _upsert_person(person, organisations, password)
        created.append(
            CreatedAccount(
                person.username, Role(person.role).label, person.organisation or "", password
            )
        )
    return created
