# ruff: noqa: E501  (one taxon a line: the synonyms read as a list)
"""The audiences and topics the repository starts with. Editors add more (Django admin:
Advisory Service → Audiences, Topics); `ensure_taxonomy` only adds what is missing and never
changes what editors have written."""

from __future__ import annotations

from .models import Audience, Topic

AUDIENCES = (
    ("householders", "Householders", "People who own their home"),
    ("tenants", "Tenants", "People who rent their home, privately or from a social landlord"),
    ("parishes", "Parish and town councils", ""),
    ("community-groups", "Community groups and charities", ""),
    ("businesses", "Businesses", ""),
    ("officers", "Council officers", ""),
    ("investors", "Investors", ""),
    ("network", "Network and energy companies", ""),
)
TOPICS = (
    ("energy-efficiency", "Energy efficiency", "save energy, energy saving, draught proofing, buildings"),
    ("insulation", "Insulation", "loft, cavity wall, solid wall, retrofit"),
    ("heat-pumps", "Heat pumps", "air source, ground source, ashp, low carbon heating, boiler, heat"),
    ("solar", "Solar power", "pv, photovoltaic, solar panels, solar roof"),
    ("renewables", "Renewable energy", "wind, hydro, generation, battery, storage"),
    ("community-energy", "Community energy", "co-operative, community benefit society, share offer"),
    ("community-buildings", "Community buildings", "village hall, church, community centre, sports club"),
    ("fuel-poverty", "Fuel poverty", "cold home, warm home, energy debt, low income, affordable warmth"),
    ("bills", "Energy bills", "tariff, supplier, smart meter, prepayment"),
    ("renting", "Renting", "landlord, tenant, epc, mees, private rented"),
    ("historic-buildings", "Historic buildings", "listed, conservation area, traditional building"),
    ("off-gas-grid", "Off the gas grid", "oil, lpg, rural, no mains gas"),
    ("transport", "Transport", "ev, electric vehicle, charging, chargepoint, cycling, bus"),
    ("business-energy", "Business energy", "sme, carbon footprint, net zero business"),
    ("net-zero-planning", "Net zero planning", "climate action plan, laep, local area energy plan, carbon budget, net zero pathway"),
    ("data", "Data and evidence", "statistics, emissions data, dataset"),
    ("grid", "Electricity grid", "connection, dno, distribution network, flexibility, g98, g99, electricity"),
    ("finance", "Finance and investment", "loan, investment, bond, community municipal investment, grant"),
)  # fmt: skip


def ensure_taxonomy() -> None:
    for order, (slug, name, description) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    for slug, name, synonyms in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "synonyms": synonyms})
