"""Roles and organisation kinds."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    """What a person may do on the site, lowest first. A visitor who is not signed in is a
    public visitor; every account holds one of these."""

    RESIDENT = "resident", "Registered resident"
    MEMBER = "member", "Organisation member"
    PARTNER_EDITOR = "partner_editor", "Partner editor"
    OFFICER = "officer", "Officer"
    ADMINISTRATOR = "administrator", "Administrator"


class OrganisationKind(models.TextChoices):
    COUNTY_COUNCIL = "county_council", "County council"
    DISTRICT_COUNCIL = "district_council", "District or borough council"
    CITY_COUNCIL = "city_council", "City council"
    NETWORK_OPERATOR = "network_operator", "Distribution network operator"
    COMMUNITY_ENERGY = "community_energy", "Community energy group"
    BUSINESS = "business", "Business"
    UNIVERSITY = "university", "University"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    PARISH_COUNCIL = "parish_council", "Parish or town council"
    PUBLIC_BODY = "public_body", "Other public body"
    # Not-for-profit research and technology organisations such as Energy Systems Catapult
    # and Cenex: neither business nor public body in the partnership's own descriptions.
    RESEARCH = "research", "Research and technology organisation"
