"""Open data: every public action of a place as one table (CSV and JSON on the site, and the
API's `/api/places/{slug}/actions`). Every action of a plan is public; what is left out is
personal (the lead officer) or internal (milestone reminders). The fields are documented in
docs/method/tracker-open-data.md, which the table's about line links to.

Text cells that would start a spreadsheet formula are neutralised as in the XLSX export
(`spreadsheet.neutralise`), so a downloaded CSV is safe to open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import NoReverseMatch, reverse

from placezero.tables import About, Column, Table

from .models import Action, LeverLink
from .priority import priorities

if TYPE_CHECKING:
    from placezero.places.models import Place

METHOD_PAGE = "tracker-open-data"
SOURCE = (
    "placezero action tracker (actions and progress reported by their owners; expected "
    "savings from the placezero pathway engine)"
)
COLUMNS = (
    Column("reference", "Reference"),
    Column("title", "Title"),
    Column("description", "Description"),
    Column("plan", "Plan"),
    Column("theme", "Theme"),
    Column("owner", "Lead organisation"),
    Column("district_code", "District (GSS code)"),
    Column("district", "District"),
    Column("status", "Status"),
    Column("status_reason", "Status reason"),
    Column("planned_start", "Planned start"),
    Column("planned_end", "Planned end"),
    Column("actual_start", "Actual start"),
    Column("actual_end", "Actual end"),
    Column("budget_gbp", "Budget", "GBP"),
    Column("funding_source", "Funding source"),
    Column("deliverability", "Deliverability (1 to 5)"),
    Column("co_benefits", "Co-benefits (keys)"),
    Column("powers_used", "Local powers used (keys)"),
    Column("levers", "Pathway levers moved (keys)"),
    Column("expected_tco2e", "Expected savings in the target years", "tCO2e a year"),
    Column("priority", "Priority (0 to 100)", decimals=1),
    Column("url", "Page"),
    Column("updated_at", "Last changed"),
    Column("is_demo", "Demo data"),
)
TEXT = {"title", "description", "plan", "owner", "status_reason", "funding_source", "reference"}


def _method_url() -> str:
    try:
        return reverse("method:page", kwargs={"page": METHOD_PAGE})
    except NoReverseMatch:
        return ""


def _neutral(value: Any) -> Any:
    from .spreadsheet import neutralise

    return neutralise(value)


def records(place: Place) -> list[dict[str, Any]]:
    """One plain dict per action, with lists for the keyed fields (the API's shape)."""
    levers: dict[int, list[str]] = {}
    expected: dict[int, float] = {}
    links = LeverLink.objects.filter(action__place=place).values_list(
        "action_id", "lever", "target_year", "expected_by_year"
    )
    for action_id, lever, target_year, by_year in links:
        levers.setdefault(action_id, []).append(lever)
        expected[action_id] = expected.get(action_id, 0.0) + by_year.get(str(target_year), 0.0)
    scores = priorities(place)
    rows = []
    actions = Action.objects.filter(place=place).select_related("plan", "owner", "area")
    for a in actions.order_by("reference"):
        rows.append(
            {
                "reference": a.reference,
                "title": a.title,
                "description": a.description,
                "plan": a.plan.title,
                "theme": a.get_theme_display(),
                "owner": a.owner.name,
                "district_code": a.area.code if a.area else "",
                "district": a.area.name if a.area else "",
                "status": a.get_status_display(),
                "status_reason": a.status_reason,
                "planned_start": a.planned_start.isoformat(),
                "planned_end": a.planned_end.isoformat(),
                "actual_start": a.actual_start.isoformat() if a.actual_start else None,
                "actual_end": a.actual_end.isoformat() if a.actual_end else None,
                "budget_gbp": float(a.budget_gbp) if a.budget_gbp is not None else None,
                "funding_source": a.funding_source,
                "deliverability": a.deliverability,
                "co_benefits": list(a.co_benefits),
                "powers_used": list(a.powers_used),
                "levers": sorted(levers.get(a.pk, [])),
                "expected_tco2e": expected.get(a.pk),
                "priority": scores[a.pk].score if a.pk in scores else None,
                "url": reverse(
                    "tracker:action", kwargs={"place_slug": place.slug, "action_id": a.pk}
                ),
                "updated_at": a.updated_at.isoformat(timespec="seconds"),
                "is_demo": a.is_demo,
            }
        )
    return rows


def table(place: Place) -> Table:
    """The same records as a table: lists joined with ";", text neutralised for spreadsheets."""
    rows = []
    for record in records(place):
        row = {}
        for key, value in record.items():
            if isinstance(value, list):
                value = ";".join(value)
            elif key in TEXT:
                value = _neutral(value)
            elif isinstance(value, bool):
                value = "yes" if value else "no"
            row[key] = value
        rows.append(row)
    return Table(
        slug="actions",
        caption=f"{place.name}: every action of the plan",
        columns=COLUMNS,
        rows=tuple(rows),
        about=About(SOURCE, method_url=_method_url()),
        notes=(
            "Every action of the place's plans. Lists (co-benefits, powers, levers) are keys "
            "separated by semicolons; their meanings are on the method page.",
        ),
    )
