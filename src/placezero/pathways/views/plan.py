"""The plan on a page: the pathway in LAEP stages for the place or one member district, as a
web page and as a PDF drawn by WeasyPrint from a print template (no JavaScript, no network).

Query parameters: `?area=<district GSS code>` (none = the whole place) and `?scenario=`
(see views.common; none = the plan's preferred pathway or the shipped balanced one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.places.options import AreaRole
from placezero.tables import method_url
from placezero.tables.charts import chart_from_table
from placezero.web.pdf import pdf_response
from placezero.web.shortcuts import place_or_404

from .. import plan, services
from ..tables import Table, tables_for
from .common import Selection, scenario_choices, selected, table_context

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass
class PlanPage:
    place: Place
    area: plan.PlanArea
    selection: Selection
    context: dict[str, Any]


class PlanProblem(Exception):
    """The request cannot be answered with a plan; `response` says why."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


def _problem(request: HttpRequest, place: Place, title: str, message: str, status: int):
    districts = plan.areas(place)[1:]
    response = render(
        request,
        "pathways/plan/problem.html",
        {"place": place, "title": title, "message": message, "districts": districts},
        status=status,
    )
    return PlanProblem(response)


def neighbours(place: Place) -> list[str]:
    """Names of the place's neighbouring areas, which the engine does not model."""
    return [a.name for a in places.member_areas(place) if a.role == AreaRole.NEIGHBOUR]


def _plan_page(request: HttpRequest, place_slug: str) -> PlanPage:
    place = place_or_404(place_slug, request)
    try:
        area = plan.area_for(place, request.GET.get("area", "").strip())
    except plan.UnknownArea as error:
        raise _problem(request, place, "There is no plan for that area", str(error), 404) from None
    selection = selected(request, place)
    try:
        ctx = table_context(place, selection, area.code)
        stages = plan.stages(ctx, area, neighbours(place))
        tables = {t.slug: t for t in tables_for("plan", ctx)}
    except services.ScenarioError as error:
        message = f"“{selection.name}” cannot be run: {error}"
        raise _problem(request, place, "This scenario cannot be shown", message, 400) from None
    query = {
        k: v for k, v in (("scenario", request.GET.get("scenario", "")), ("area", area.code)) if v
    }
    suffix = "?" + urlencode(query) if query else ""
    pdf_url = reverse("pathways:plan_pdf", kwargs={"place_slug": place.slug}) + suffix
    workbook_url = (
        reverse("pathways:export_view", kwargs={"place_slug": place.slug, "view": "plan"}) + suffix
    )
    return PlanPage(
        place,
        area,
        selection,
        {
            "place": place,
            "area": area,
            "area_code": area.code,
            "areas": plan.areas(place),
            "selection": selection,
            "neighbours": neighbours(place),
            "stages": [{"stage": s, "tables": [tables[slug] for slug in s.tables]} for s in stages],
            "key_figures": plan.key_figures(ctx),
            "base_year": int(ctx.results.years[0]),
            "method": plan.METHOD_CITATION,
            "method_url": method_url("index"),
            "pdf_url": pdf_url,
            "workbook_url": workbook_url,
            "made_on": timezone.localdate(),
        },
    )


def _web_charts(tables: dict[str, Table]) -> dict[str, Any]:
    """Charts on the web page, each drawn from the table printed beside it."""
    years = [f"y{y}_tco2e" for y in plan.MILESTONE_YEARS]
    return {
        "base-year-emissions": chart_from_table(
            tables["base-year-emissions"], x="sector", series=["modelled_tco2e"], kind="bar"
        ),
        "scenarios-compared": chart_from_table(
            tables["scenarios-compared"], x="scenario", series=years, kind="bar"
        ),
    }


@require_safe
@requires("pathways.view")
def plan_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    try:
        page = _plan_page(request, place_slug)
    except PlanProblem as problem:
        return problem.response
    tables = {t.slug: t for stage in page.context["stages"] for t in stage["tables"]}
    charts = _web_charts(tables)
    for stage in page.context["stages"]:
        stage["figures"] = [(charts.get(t.slug), t) for t in stage["tables"]]
    context = {
        **page.context,
        "choices": scenario_choices(request, page.place),
        "export_view": "plan",
    }
    return render(request, "pathways/plan/page.html", context)


# --- the PDF ------------------------------------------------------------------------------


def _svg_charts(tables: dict[str, Table]) -> dict[str, str]:
    """Server-drawn SVG charts for the PDF (figures as in the tables beside them)."""
    compared = tables["scenarios-compared"]
    emissions = tables["base-year-emissions"]
    return {
        "scenarios-compared": mark_safe(
            plan.svg_bar_chart(
                "Emissions in 2050 in each scenario (tCO2e)",
                [str(r["scenario"]) for r in compared.rows],
                [float(r["y2050_tco2e"]) for r in compared.rows],
                "tCO2e",
            )
        ),
        "base-year-emissions": mark_safe(
            plan.svg_bar_chart(
                emissions.caption + " (tCO2e)",
                [str(r["sector"]) for r in emissions.rows],
                [float(r["modelled_tco2e"]) for r in emissions.rows],
                "tCO2e",
            )
        ),
    }


@require_safe
@requires("pathways.view")
def plan_pdf(request: HttpRequest, place_slug: str) -> HttpResponse:
    try:
        page = _plan_page(request, place_slug)
    except PlanProblem as problem:
        return problem.response
    tables = {t.slug: t for stage in page.context["stages"] for t in stage["tables"]}
    svgs = _svg_charts(tables)
    for stage in page.context["stages"]:
        stage["figures"] = [(svgs.get(t.slug), t) for t in stage["tables"]]
    name = "-".join(
        [page.place.slug, "plan", *([slugify(page.area.name)] if page.area.code else [])]
    )
    return pdf_response(
        request,
        "pathways/plan/print.html",
        page.context,
        f"{name}-{slugify(page.selection.key)}",
    )
