"""Template helpers shared by every pathways page: the section menu and export links (a
table's cells are written by `placezero.tables`: `{% load tables_ui %}`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from placezero.accounts.permissions import has
from placezero.engine.territorial import BASIS_LABEL

from ..scenario_titles import first_sentence
from ..sections import SECTIONS

register = template.Library()

EXPORT_FORMATS = (("csv", "CSV"), ("xlsx", "Excel (XLSX)"), ("geojson", "GeoJSON"))


@register.filter
def scenario_line(description: str) -> str:
    """A scenario description's first sentence: the one line shown beside its title."""
    return first_sentence(description)


@register.simple_tag
def pathway_basis() -> str:
    """The one basis every pathway figure is on (named on every pathway page and the PDF)."""
    return BASIS_LABEL


@register.simple_tag(takes_context=True)
def pathway_sections(context: template.Context, place: Any) -> list[dict[str, Any]]:
    """The section menu for a place: only pages that exist and the visitor may open."""
    request = context.get("request")
    current = getattr(getattr(request, "resolver_match", None), "url_name", None)
    query = _scenario_query(request)
    items = []
    for section in SECTIONS:
        if request is not None and not has(request.user, section.permission):
            continue
        try:
            url = reverse(f"pathways:{section.url_name}", kwargs={"place_slug": place.slug})
        except NoReverseMatch:
            continue
        items.append(
            {
                "label": section.label,
                "audience": section.audience,
                "url": url + query,
                "current": current == section.url_name,
            }
        )
    return items


def _scenario_query(request: Any) -> str:
    scenario = request.GET.get("scenario", "") if request is not None else ""
    return "?" + urlencode({"scenario": scenario}) if scenario else ""


@register.simple_tag(takes_context=True)
def export_links(context: template.Context, view: str, table: Any) -> list[dict[str, str]]:
    """Download links for one table of a view, in every format that applies (GeoJSON only
    for tables with a zone column), carrying the page's scenario and area."""
    request, place = context.get("request"), context.get("place")
    if place is None:
        return []
    params = {}
    if request is not None:
        params = {k: request.GET[k] for k in ("scenario", "area") if request.GET.get(k)}
    query = "?" + urlencode(params) if params else ""
    links = []
    for fmt, label in EXPORT_FORMATS:
        if fmt == "geojson" and not getattr(table, "zone_key", None):
            continue
        try:
            url = reverse(
                "pathways:export_table",
                kwargs={"place_slug": place.slug, "view": view, "table": table.slug, "fmt": fmt},
            )
        except NoReverseMatch:
            continue
        links.append({"url": url + query, "label": label, "format": fmt})
    return links


@register.simple_tag(takes_context=True)
def export_view_url(context: template.Context, view: str) -> str:
    """The whole view as one XLSX workbook (every table a sheet), with the page's scenario
    and area; empty if the exports are not installed."""
    request, place = context.get("request"), context.get("place")
    if place is None:
        return ""
    try:
        url = reverse("pathways:export_view", kwargs={"place_slug": place.slug, "view": view})
    except NoReverseMatch:
        return ""
    params = {}
    if request is not None:
        params = {k: request.GET[k] for k in ("scenario", "area") if request.GET.get(k)}
    return url + ("?" + urlencode(params) if params else "")
