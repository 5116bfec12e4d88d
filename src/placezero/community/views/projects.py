"""Opportunities found by the model, adopting one, and a project's business case."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import enforce, has, requires
from placezero.places import services as places
from placezero.tables import xlsx
from placezero.web.forms import add_service_errors

from .. import forms, tables
from ..finance import business_case
from ..models import CommunityGroup
from ..services import journey, projects
from . import common

SHOWN = 60


@require_GET
@requires("community.view", get_object=common.place)
def opportunities(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    districts = journey.districts(place)
    district = request.GET.get("district") or None
    if district and district not in {a.code for a in districts}:
        district = None
    found = projects.opportunities(place, district_code=district)
    mine = [
        g
        for g in journey.groups_of(request.user)
        if g.place_id == place.pk and has(request.user, "community.adopt_opportunity", g)
    ]
    return render(
        request,
        "community/opportunities.html",
        {
            "place": place,
            "opportunities": found[:SHOWN],
            "count": len(found),
            "districts": districts,
            "district": district,
            "my_groups": mine,
            "sites": places.renewable_sites(place)[:20],
            "minimum_responses": projects.minimum_responses(),
        },
    )


@require_POST
@requires("community.view", get_object=common.place)
def adopt(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    group = get_object_or_404(CommunityGroup, pk=request.POST.get("group") or 0, place=place)
    refusal = enforce(request, "community.adopt_opportunity", group)
    if refusal is not None:
        return refusal
    try:
        project = projects.adopt(group, user=request.user, key=request.POST.get("key", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("community:opportunities", place_slug=place.slug)
    messages.success(
        request, f"{group} adopted {project.name}. Its business case is ready to edit."
    )
    return redirect("community:project", place_slug=place.slug, project_id=project.pk)


LABELS = {name: str(field.label) for name, field in forms.BusinessCaseForm.base_fields.items()}


@requires("community.see_business_case", get_object=common.project)
def project(request: HttpRequest, place_slug: str, project_id: int) -> HttpResponse:
    found = common.project(request, place_slug, project_id)
    record, case = projects.case_of(found, user=request.user)
    can_edit = has(request.user, "community.edit_business_case", found)
    form = forms.BusinessCaseForm(request.POST or None, instance=record)
    status = 200
    if request.method == "POST":
        refusal = enforce(request, "community.edit_business_case", found)
        if refusal is not None:
            return refusal
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                projects.update_case(record, user=request.user, values=values)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The business case is saved.")
                return redirect("community:project", place_slug=place_slug, project_id=found.pk)
        status = 400
        record.refresh_from_db()
        case = business_case(record.inputs())
    table = tables.cash_flow(case, found.name)
    return render(
        request,
        "community/project.html",
        {
            "place": found.place,
            "project": found,
            "group": found.group,
            "case": case,
            "irr_percent": case.irr * 100 if case.irr is not None else None,
            "equity_irr_percent": case.equity_irr * 100 if case.equity_irr is not None else None,
            "record": record,
            "form": form,
            "can_edit": can_edit,
            "table": table,
            "sources": projects.sources(found),
        },
        status=status,
    )


@require_GET
@requires("community.see_business_case", get_object=common.project)
def project_xlsx(request: HttpRequest, place_slug: str, project_id: int) -> HttpResponse:
    found = common.project(request, place_slug, project_id)
    record, case = projects.case_of(found, user=request.user)
    facts = [
        ("Project", found.name),
        ("Group", found.group.name),
        (
            "Payback (years)",
            f"{case.payback_years:.2f}" if case.payback_years else "not within life",
        ),
        ("Project IRR (before financing)", f"{case.irr:.4f}" if case.irr is not None else "none"),
        (
            "Equity IRR (after the loan)",
            f"{case.equity_irr:.4f}" if case.equity_irr is not None else "none",
        ),
        ("Loan payment a year (GBP)", f"{case.loan_payment_gbp:.2f}"),
        ("NPV (GBP)", f"{case.npv_gbp:.2f}"),
    ]
    body = xlsx.workbook(
        [
            tables.cash_flow(case, found.name),
            tables.inputs_table(record, LABELS, projects.sources(found)),
        ],
        facts=facts,
    )
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="business-case-{found.pk}.xlsx"'
    return response
