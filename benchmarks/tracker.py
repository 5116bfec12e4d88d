"""Tracker benchmarks: one action's expected impact (the engine with and without its
contribution, uncached), and the dashboard of a plan of 500 actions (server time through
Django's test client, on the web benchmarks' throwaway database)."""

from __future__ import annotations

import datetime as dt
import itertools

from benchmarks.cases import COUNTY, Prepared
from benchmarks.web import django_site

ACTIONS = 500
THEMES = (
    "transport", "buildings_energy", "resources_waste", "business_economy", "communities",
    "nature_land", "adaptation", "cross_cutting",
)  # fmt: skip
STATUSES = ("not_started", "on_track", "at_risk", "late", "completed")


def prepare_action_impact(quick: bool) -> Prepared:
    django_site()
    from placezero.pathways import services
    from placezero.places.services import get_place

    place = get_place(COUNTY)
    amounts = itertools.count(1000)  # a new amount each time: never a cached engine run

    def one_impact() -> None:
        services.contribution_impact(
            place, "domestic_heat_pumps", {"E07000130": {2024: 0.0, 2028: float(next(amounts))}}
        )

    one_impact()  # builds the cached engine inputs and the reference run
    return Prepared(
        run=one_impact,
        python_loop_s=None,
        arrays=lambda: [],
        notes={"contribution": "heat pumps in Charnwood by 2028, a new amount each run"},
    )


def _plan_of_500(place) -> None:
    from placezero.accounts.models import Organisation
    from placezero.tracker import impact
    from placezero.tracker.models import Action, LeverLink, Plan

    owners = [
        Organisation.objects.get_or_create(place=place, name=f"Bench partner {i}", kind="business")[
            0
        ]
        for i in range(12)
    ]
    plan, _ = Plan.objects.get_or_create(place=place, title="Bench plan", starts=2023, ends=2027)
    Action.objects.filter(place=place).delete()
    actions = Action.objects.bulk_create(
        Action(
            place=place, plan=plan, owner=owners[i % len(owners)], reference=f"B{i:03d}",
            title=f"Bench action {i}", theme=THEMES[i % len(THEMES)],
            status=STATUSES[i % len(STATUSES)], status_reason="Bench",
            planned_start=dt.date(2024, 1, 1), planned_end=dt.date(2027, 1, 1),
        )
        for i in range(ACTIONS)
    )  # fmt: skip
    sample = LeverLink(action=actions[0], lever="domestic_heat_pumps")
    for name, value in impact.clean_link(actions[0], sample.lever, 500, 2027, 2024).items():
        setattr(sample, name, value)
    impact.refresh_expected(sample)
    # Every action linked to a lever, with a stored snapshot of its expected impact.
    LeverLink.objects.bulk_create(
        LeverLink(
            action=action, lever=sample.lever, unit=sample.unit, amount=sample.amount,
            start_year=sample.start_year, target_year=sample.target_year,
            expected_by_year=sample.expected_by_year, expected_tco2e=sample.expected_tco2e,
            actual_by_year=sample.expected_by_year if i % 3 == 0 else {},
        )
        for i, action in enumerate(actions)
    )  # fmt: skip


def prepare_dashboard(quick: bool) -> Prepared:
    django_site()
    from django.test import Client
    from django.urls import reverse

    from placezero.places.services import get_place

    place = get_place(COUNTY)
    _plan_of_500(place)
    client = Client(SERVER_NAME="localhost")
    url = reverse("tracker:dashboard", kwargs={"place_slug": COUNTY})

    def get() -> bytes:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"dashboard answered {response.status_code}")
        return response.content

    html = get()
    return Prepared(
        run=get,
        python_loop_s=None,
        arrays=lambda: [],
        notes={"page": url, "actions": ACTIONS, "HTML": f"{len(html) / 1000:.0f} kB"},
    )
